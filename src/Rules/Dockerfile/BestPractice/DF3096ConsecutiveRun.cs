using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>RUN instructions that follow each other and could be one layer (opt-in).</summary>
public sealed class DF3096ConsecutiveRun : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DF3096",
        "Consecutive RUN instructions",
        "This RUN follows another RUN (line {0}) with the same options; consider joining them with && to save a layer",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "Two RUN instructions with the same flags follow each other, each adding a layer.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL3059", "kics:0008c003-79aa-42d8-95b8-1c2fe37dbfe6"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Off by default. Reports a RUN that directly follows another RUN of the same stage when both
        have the same flags (mounts, network, security) and neither is a heredoc script. RUNs with
        different flags cannot be joined, and a comment between two RUNs usually marks a deliberate
        split, so those are not reported.

        Turn it on if your team wants few layers; leave it off if you split RUNs on purpose to keep
        the build cache effective (a change to the second step then does not redo the first), which
        is usually the better trade with BuildKit.

        ## Why is this bad?

        Every RUN adds a layer. Files deleted in a later RUN still take space in the earlier layer,
        so installing and cleaning up in separate RUNs leaves the clean-up useless.

        ## Example

        ```dockerfile
        FROM debian:12
        RUN apt-get update
        RUN apt-get install -y --no-install-recommends curl
        ```

        ## Use instead

        ```dockerfile
        FROM debian:12
        RUN apt-get update && apt-get install -y --no-install-recommends curl
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
        => context.RegisterStageAction(context =>
        {
            var instructions = context.Stage.Instructions;
            for (var i = 1; i < instructions.Length; i++)
            {
                if (instructions[i] is RunInstruction run && instructions[i - 1] is RunInstruction previous
                    && run.Heredocs.IsEmpty && previous.Heredocs.IsEmpty
                    && Flags(run) == Flags(previous)
                    && !run.Syntax.Keyword.LeadingTrivia.Any(t => t.Kind == Parser.Syntax.SyntaxKind.CommentTrivia))
                {
                    var line = context.Model.Tree.Text.Lines.GetLineFromPosition(previous.Syntax.Keyword.Span.Start).LineNumber + 1;
                    context.Report(run.Syntax.Keyword.Span, line);
                }
            }
        });

    private static string Flags(RunInstruction run) => string.Join(' ', run.Syntax.Flags.Select(f => f.ToString()));
}
