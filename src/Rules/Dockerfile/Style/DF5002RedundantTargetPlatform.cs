using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Style;

/// <summary><c>FROM --platform=$TARGETPLATFORM</c>, which is what FROM does without the flag.</summary>
public sealed class DF5002RedundantTargetPlatform : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF5002",
        "Redundant --platform=$TARGETPLATFORM",
        "{0}",
        RuleCategories.Style,
        DiagnosticSeverity.Info,
        "FROM --platform=$TARGETPLATFORM asks for the platform FROM uses anyway.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["buildkit:RedundantTargetPlatform", "hadolint:DL3065"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports `FROM --platform=$TARGETPLATFORM` and `FROM --platform=${TARGETPLATFORM}` when
        `TARGETPLATFORM` is BuildKit's own argument (not redeclared with a default before the first
        FROM).

        Turn it off if your team writes `--platform=$TARGETPLATFORM` on purpose to document that a
        stage follows the target platform.

        ## Why is this bad?

        Without `--platform`, FROM already pulls the image for the target platform, so the flag
        adds nothing — and it suggests to readers that the stage is special, as `$BUILDPLATFORM`
        stages are. BuildKit warns about it.

        ## Example

        ```dockerfile
        FROM --platform=$TARGETPLATFORM alpine:3.20
        ```

        ## Use instead

        ```dockerfile
        FROM alpine:3.20
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<FromInstruction>(Check);

    private static void Check(InstructionContext<FromInstruction> context)
    {
        var from = context.Instruction;
        if (from.Platform is not { Value: { } word } platform || word.Text.Trim('"') is not ("$TARGETPLATFORM" or "${TARGETPLATFORM}"))
        {
            return;
        }

        if (from.Scope.Find("TARGETPLATFORM") is { Origin: VariableOrigin.Predefined } or { Value.State: ShellVariableState.Unknown })
        {
            context.Report(platform.Flag.ValueSpan, $"--platform={word.Text} is what FROM uses without the flag; remove it");
        }
    }
}
