using System.Text;

namespace DockerLint.Cli.Formats;

/// <summary>
/// GitHub Actions workflow commands, which the runner turns into annotations on the pull request:
/// <c>::warning file=path,line=1,col=1,endLine=1,endColumn=5,title=DF1001::message</c>. Paths are
/// relative to the repository root (the workspace). Columns are given only for a finding on one
/// line, as GitHub takes them only there. Tool problems become <c>::error</c> annotations.
/// Values are escaped as GitHub's actions toolkit does: in the message <c>%</c>, CR and LF; in
/// properties also <c>:</c> and <c>,</c>.
/// </summary>
internal sealed class GitHubFormatter : IReportFormatter
{
    /// <inheritdoc />
    public IReportWriter Begin(ReportStart start, FormatContext context, TextWriter writer)
        => new ActionReportWriter((file, _) => WriteFindings(file, context, writer), summary => WriteProblems(summary, context, writer));

    private static void WriteFindings(FileReport file, FormatContext context, TextWriter writer)
    {
        foreach (var finding in file.Findings)
        {
            var command = finding.Severity switch
            {
                Severity.Error => "error",
                Severity.Warning => "warning",
                _ => "notice",
            };
            var properties = new StringBuilder();
            properties.Append("file=").Append(EscapeProperty(context.Paths.SourceRelativeOrAbsolute(finding.Path)));
            properties.Append(",line=").Append(finding.StartLine);
            if (finding.StartLine == finding.EndLine)
            {
                properties.Append(",col=").Append(finding.StartColumn);
            }

            properties.Append(",endLine=").Append(finding.EndLine);
            if (finding.StartLine == finding.EndLine)
            {
                properties.Append(",endColumn=").Append(finding.EndColumn);
            }

            properties.Append(",title=").Append(EscapeProperty(finding.Id));
            writer.Write($"::{command} {properties}::{EscapeData(finding.Message)}\n");
        }
    }

    private static void WriteProblems(ReportSummary summary, FormatContext context, TextWriter writer)
    {
        foreach (var problem in summary.Problems)
        {
            var file = problem.Path is null ? "" : $"file={EscapeProperty(context.Paths.SourceRelativeOrAbsolute(problem.Path))},";
            writer.Write($"::error {file}title={EscapeProperty(ToolInfo.Name)}::{EscapeData(problem.Message)}\n");
        }
    }

    /// <summary>Escapes a command's message.</summary>
    public static string EscapeData(string value) => value.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

    /// <summary>Escapes a command property's value.</summary>
    public static string EscapeProperty(string value) => EscapeData(value).Replace(":", "%3A").Replace(",", "%2C");
}
