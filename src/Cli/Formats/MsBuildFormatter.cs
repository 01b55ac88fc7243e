using System.Globalization;
using Microsoft.CodeAnalysis;

namespace DockerLint.Cli.Formats;

/// <summary>
/// The msbuild/Visual Studio format, one finding a line:
/// <c>/abs/path(line,col,endLine,endCol): warning DF1001: message</c>. Paths are absolute so a
/// problem matcher finds the file whatever folder the tool ran in; notes are <c>info</c>, the word
/// msbuild and VS Code's <c>$msCompile</c> matcher use. Columns are 1-based, the end exclusive.
/// </summary>
internal sealed class MsBuildFormatter : IReportFormatter
{
    /// <inheritdoc />
    public IReportWriter Begin(ReportStart start, FormatContext context, TextWriter writer)
        => new ActionReportWriter(
            (file, _) =>
            {
                foreach (var finding in file.Findings)
                {
                    writer.Write(Line(finding));
                    writer.Write('\n');
                }
            },
            _ => { });

    /// <summary>The line of a diagnostic, with its path as the diagnostic has it.</summary>
    public static string Line(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return Line(new Finding(diagnostic.Id, Severities.From(diagnostic.Severity), diagnostic.GetMessage(CultureInfo.InvariantCulture), span.Path, span.Span, null));
    }

    /// <summary>The line of one finding.</summary>
    public static string Line(Finding finding)
    {
        var severity = finding.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "info",
        };
        return $"{finding.Path}({finding.StartLine},{finding.StartColumn},{finding.EndLine},{finding.EndColumn}): {severity} {finding.Id}: {ReportFormats.OneLine(finding.Message)}";
    }
}
