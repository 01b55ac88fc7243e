using DockerLint.Parser.Compose;
using DockerLint.Parser.Syntax;
using Microsoft.CodeAnalysis;

namespace DockerLint.Cli;

/// <summary>
/// The default command: parses each Dockerfile and Compose file and reports its problems in msbuild format
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
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (SourceFiles.IsComposeName(Path.GetFileName(file)))
            {
                // Each Compose file is a project of its own; a file it includes is reported once.
                var project = ComposeLoader.Load([file]);
                foreach (var diagnostic in project.Diagnostics)
                {
                    var line = Format(diagnostic);
                    if (reported.Add(line))
                    {
                        output.WriteLine(line);
                        exitCode = Math.Max(exitCode, diagnostic.Severity == DiagnosticSeverity.Error ? 1 : 0);
                    }
                }

                continue;
            }

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

            var model = DockerLint.Parser.Model.DockerfileModel.Create(DockerfileSyntaxTree.Parse(bytes, file));
            foreach (var diagnostic in model.Diagnostics)
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
