using DockerLint.Parser.Syntax;
using Microsoft.CodeAnalysis;

namespace DockerLint.Cli;

/// <summary>
/// The default command: parses each Dockerfile and reports its problems in msbuild format
/// (<c>path(line,col): severity ID: message</c>). Exit code 0 when clean, 1 when an error was
/// found, 2 when a file could not be read.
/// </summary>
internal static class LintCommand
{
    public static int Run(IReadOnlyList<string> paths, TextWriter output, TextWriter error)
    {
        var problems = new List<string>();
        var files = SourceFiles.Expand(paths, problems);
        var exitCode = 0;
        foreach (var file in files)
        {
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{file}: error: cannot read the file: {e.Message}");
                continue;
            }

            var tree = DockerfileSyntaxTree.Parse(bytes, file);
            foreach (var diagnostic in tree.Diagnostics)
            {
                output.WriteLine(Format(diagnostic));
                if (diagnostic.Severity == DiagnosticSeverity.Error)
                {
                    exitCode = Math.Max(exitCode, 1);
                }
            }
        }

        foreach (var problem in problems)
        {
            error.WriteLine(problem);
            exitCode = 2;
        }

        return exitCode;
    }

    /// <summary>msbuild format, which VS Code's <c>$msCompile</c> problem matcher reads.</summary>
    public static string Format(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var start = span.StartLinePosition;
        var severity = diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => "error",
            DiagnosticSeverity.Warning => "warning",
            _ => "info",
        };
        return $"{span.Path}({start.Line + 1},{start.Character + 1}): {severity} {diagnostic.Id}: {diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}
