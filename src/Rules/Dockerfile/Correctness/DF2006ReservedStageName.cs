using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Correctness;

/// <summary>A stage is named <c>scratch</c> or <c>context</c>, names BuildKit reserves.</summary>
public sealed class DF2006ReservedStageName : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF2006",
        "Reserved stage name",
        "{0}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Warning,
        "A stage is named scratch or context, which BuildKit reserves for the empty image and for the build context.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["buildkit:ReservedStageName", "hadolint:DL3063"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports `FROM … AS scratch` and `FROM … AS context` (in any case).

        Do not turn it off: `scratch` and `context` already mean the empty image and the build
        context, so which one a later reference gets depends on the builder; rename the stage.

        ## Why is this bad?

        `scratch` already means the empty image and `context` the build context: `FROM scratch` or
        `COPY --from=context` after such a stage is ambiguous, and builders do not agree on which
        one they pick. BuildKit warns about these names.

        ## Example

        ```dockerfile
        FROM alpine:3.20 AS context
        RUN echo hi > /greeting
        ```

        ## Use instead

        ```dockerfile
        FROM alpine:3.20 AS prepare
        RUN echo hi > /greeting
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<FromInstruction>(Check);

    private static void Check(InstructionContext<FromInstruction> context)
    {
        if (context.Instruction.StageName is { } name && name.Text.ToLowerInvariant() is "scratch" or "context")
        {
            context.Report(name.Span, $"The stage name '{name.Text}' is reserved: '{name.Text.ToLowerInvariant()}' already means {(name.Text.ToLowerInvariant() == "scratch" ? "the empty base image" : "the build context")}; choose another name");
        }
    }
}
