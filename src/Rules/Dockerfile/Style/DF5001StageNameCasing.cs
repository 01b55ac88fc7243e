using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Style;

/// <summary>A stage name with upper-case letters.</summary>
public sealed class DF5001StageNameCasing : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF5001",
        "Stage name not in lower case",
        "{0}",
        RuleCategories.Style,
        DiagnosticSeverity.Info,
        "A stage name has upper-case letters, although stage names are compared in lower case.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["buildkit:StageNameCasing"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports `FROM … AS <name>` where the name has upper-case letters.

        Turn it off if your team's naming convention uses upper case in stage names and accepts
        BuildKit's `StageNameCasing` warning on every build.

        ## Why is this bad?

        BuildKit lower-cases stage names, so `AS Build`, `--from=build` and `--target BUILD` all mean
        the same stage. Mixed case suggests a difference that does not exist, and image references —
        which a `--from` can also be — must be lower case. BuildKit warns about it.

        ## Example

        ```dockerfile
        FROM golang:1.23 AS Builder
        ```

        ## Use instead

        ```dockerfile
        FROM golang:1.23 AS builder
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<FromInstruction>(Check);

    private static void Check(InstructionContext<FromInstruction> context)
    {
        if (context.Instruction.StageName is { } name && name.Text != name.Text.ToLowerInvariant())
        {
            context.Report(name.Span, $"The stage name '{name.Text}' has upper-case letters; stage names are compared in lower case, so write '{name.Text.ToLowerInvariant()}'");
        }
    }
}
