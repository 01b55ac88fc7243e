using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Style;

/// <summary><c>wget</c> with its default progress bar, which floods build logs (opt-in).</summary>
public sealed class DF5040WgetWithoutProgress : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DF5040",
        "wget without --progress",
        "wget prints a progress line per chunk in build logs; add --progress=dot:giga, -q or -nv",
        RuleCategories.Style,
        DiagnosticSeverity.Info,
        "wget's default progress output fills build logs with thousands of lines.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL3047"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Off by default. Reports `wget` calls without any of `--progress=…`, `-q`/`--quiet`,
        `-nv`/`--no-verbose` or `-o`/`--output-file` (also in combined short flags). A non-POSIX `SHELL`
        is not read.

        Turn it on if your CI keeps build logs and you want them short; it changes nothing in the image.

        ## Why is this bad?

        Without a terminal, wget falls back to a dot display that writes a line for every 50 KB or
        so: a large download adds thousands of log lines and hides the messages that matter.

        ## Example

        ```dockerfile
        FROM debian:12
        RUN wget https://example.com/data.tgz
        ```

        ## Use instead

        ```dockerfile
        FROM debian:12
        RUN wget --progress=dot:giga https://example.com/data.tgz
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
        => context.RegisterInstructionAction<RunInstruction>(context =>
        {
            foreach (var wget in RunCommands.Of(context.Instruction))
            {
                if (wget.Name != "wget")
                {
                    continue;
                }

                var quiet = wget.Arguments.Any(a => a.Text.StartsWith("--progress", StringComparison.Ordinal) || a.Text is "--quiet" or "--no-verbose" or "-nv" or "--output-file" || a.Text.StartsWith("--output-file=", StringComparison.Ordinal)
                    || (a.Text.Length > 1 && a.Text[0] == '-' && a.Text[1] != '-' && (a.Text.Contains('q', StringComparison.Ordinal) || a.Text.Contains('o', StringComparison.Ordinal))));
                if (!quiet)
                {
                    context.Report(wget.Program!.Value.Span);
                }
            }
        });
}
