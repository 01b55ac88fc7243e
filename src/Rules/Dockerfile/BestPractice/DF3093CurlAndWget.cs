using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>A stage that uses both curl and wget.</summary>
public sealed class DF3093CurlAndWget : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3093",
        "Both curl and wget used",
        "This stage already uses '{0}' (line {1}); use one download tool, not both",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "A stage runs both curl and wget, so its image needs two tools that do the same job.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL4001", "trivy:DS-0014", "kics:fc775e75-fcfb-4c98-b2f2-910c5858b359"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports the first use of the second download tool in a build stage, when the stage's RUN
        instructions call both `curl` and `wget`. Each stage is judged on its own, since a build stage
        and the final stage install their tools separately. A non-POSIX `SHELL` is not read.

        Turn it off if build stages need both (a script you do not control calls the other tool).

        ## Why is this bad?

        Both tools download files; keeping both makes the image bigger and gives an attacker one
        more tool, for no benefit. Pick one (curl is in most base images that have either).

        ## Example

        ```dockerfile
        FROM debian:12
        RUN apt-get update && apt-get install -y --no-install-recommends curl wget
        RUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz && wget -q -O /tmp/b.tgz https://example.com/b.tgz
        ```

        ## Use instead

        ```dockerfile
        FROM debian:12
        RUN apt-get update && apt-get install -y --no-install-recommends curl
        RUN curl -fsSLo /tmp/a.tgz https://example.com/a.tgz && curl -fsSLo /tmp/b.tgz https://example.com/b.tgz
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
        => context.RegisterStageAction(context =>
        {
            // The first download command, and the first one after it that uses the other tool.
            ShellCommand? first = null;
            ShellCommand? second = null;
            foreach (var instruction in context.Stage.Instructions)
            {
                if (instruction is not RunInstruction run)
                {
                    continue;
                }

                foreach (var command in RunCommands.Of(run))
                {
                    if (command.Name is not ("curl" or "wget"))
                    {
                        continue;
                    }

                    first ??= command;
                    if (second is null && command.Name != first.Name)
                    {
                        second = command;
                    }
                }
            }

            if (first is null || second is null)
            {
                return;
            }

            var line = context.Model.Tree.Text.Lines.GetLineFromPosition(first.Span.Start).LineNumber + 1;
            context.Report(second.Program!.Value.Span, first.Name, line);
        });
}
