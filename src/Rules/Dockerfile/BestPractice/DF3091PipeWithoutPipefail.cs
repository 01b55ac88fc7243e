using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>A pipe in a RUN without <c>pipefail</c>: a failing command before the pipe does not fail the build.</summary>
public sealed class DF3091PipeWithoutPipefail : DockerfileRule
{
    private static readonly HashSet<string> s_cannotFail = new(StringComparer.Ordinal) { "echo", "printf", "yes", "true", "seq", "cat" };

    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3091",
        "Pipe without pipefail",
        "If '{0}' fails, this RUN still succeeds when '{1}' does: set -o pipefail (SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"])",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "A RUN pipes a command into another without pipefail, so only the last command's exit status decides whether the build step fails.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL4006", "kics:efbf148a-67e9-42d2-ac47-02fa1c0d0b22"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports pipelines in RUN scripts (`curl … | tar x`) when `pipefail` is not on: neither the
        stage's `SHELL` (`SHELL ["/bin/bash", "-o", "pipefail", "-c"]`, inherited from a base stage)
        nor a `set -o pipefail` (or `set -euo pipefail`) earlier in the script. Pipelines whose first
        commands cannot fail in a way that matters (`echo`, `printf`, `cat`, `yes`, `seq`, `true`) and
        pipelines in an `if`/`while` condition are not reported. ONBUILD RUN is checked; a non-POSIX
        `SHELL` is not read.

        Turn it off when your base images' `/bin/sh` is dash and you do not want to switch to bash:
        dash only knows `pipefail` from version 0.5.12 on.

        ## Why is this bad?

        A shell reports the exit status of the last command of a pipeline. When the download in
        `curl -fsSL https://… | tar xz` fails, `tar` reads an empty stream, may exit 0, and the build
        goes on with a missing file that fails much later, or ships a broken image.

        ## Example

        ```dockerfile
        FROM debian:12
        RUN curl -fsSL https://example.com/tool.tgz | tar xz -C /usr/local/bin
        ```

        ## Use instead

        ```dockerfile
        FROM debian:12
        SHELL ["/bin/bash", "-o", "pipefail", "-c"]
        RUN curl -fsSL https://example.com/tool.tgz | tar xz -C /usr/local/bin
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
        => context.RegisterInstructionAction<RunInstruction>(context =>
        {
            foreach (var last in RunCommands.Of(context.Instruction))
            {
                if (last.PipedFrom is null || last.PipesInto is not null)
                {
                    continue;
                }

                var upstream = new List<ShellCommand>();
                for (var c = last.PipedFrom; c is not null; c = c.PipedFrom)
                {
                    upstream.Add(c);
                }

                var first = upstream[^1];
                if (last.Pipefail || (first.Context & ShellContext.Condition) != 0 || upstream.All(c => s_cannotFail.Contains(c.Name)))
                {
                    continue;
                }

                var failing = upstream.Last(c => !s_cannotFail.Contains(c.Name));
                context.Report(first.Through(last), failing.Name, last.Name);
            }
        });
}
