using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary><c>FROM --platform=linux/amd64</c>: a stage pinned to one platform by a constant.</summary>
public sealed class DF3012ConstantPlatform : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3012",
        "FROM --platform with a constant value",
        "{0}",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "FROM --platform is a constant, so the stage is always built for that platform whatever platform the build targets.",
        "portability");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["buildkit:FromPlatformFlagConstDisallowed", "hadolint:DL3029", "kics:b16e8501-ef3c-44e1-a543-a093238099c9"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports `FROM --platform=<value>` when the value is written without any variable
        (`linux/amd64`, `windows/amd64`). Values built from variables (`$BUILDPLATFORM`,
        `${TARGETOS}/${TARGETARCH}`, an ARG) are what `--platform` is for and are not reported. Like
        BuildKit, it leaves the flag alone when the stage name mentions the platform's OS or
        architecture (`FROM --platform=linux/arm64 alpine AS build-arm64`): that marks a deliberate
        per-platform stage. For the same reason it is quiet when the file's path (its name and the
        two folders above it) mentions the architecture (`ubuntu22.04-arm32v7/Dockerfile`,
        `Dockerfile.arm64`): such files exist to build for that platform only.

        Turn it off for Dockerfiles that can only ever be built for one platform — for
        example, images that wrap a vendor binary published for amd64 only.

        ## Why is this bad?

        A constant platform overrides `docker build --platform`: a multi-platform build produces the
        same architecture for every target, and on another machine the stage runs under emulation
        (slowly) or ships binaries that cannot run there. Select the platform on the command line,
        or use `$BUILDPLATFORM` for stages that only produce files for the target.

        ## Example

        ```dockerfile
        FROM --platform=linux/amd64 node:22
        ```

        ## Use instead

        ```dockerfile
        FROM --platform=$BUILDPLATFORM node:22 AS build
        FROM node:22
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<FromInstruction>(Check);

    private static void Check(InstructionContext<FromInstruction> context)
    {
        var from = context.Instruction;
        if (from.Platform is not { Value: { Value: { Length: > 0 } value } word } platform || word.Expansion.Variables.Count > 0)
        {
            return;
        }

        var stageName = from.StageName?.Text.ToLowerInvariant() ?? "";
        var parts = value.ToLowerInvariant().Split(['/', ','], StringSplitOptions.RemoveEmptyEntries);
        if (stageName.Length > 0 && parts.Any(p => p.Length >= 3 && stageName.Contains(p, StringComparison.Ordinal)))
        {
            return;
        }

        // A file kept for one architecture says so in its path: release/ubuntu22.04-arm32v7/Dockerfile.
        var path = string.Join('/', context.Model.Tree.FilePath.Replace('\\', '/').Split('/').TakeLast(3)).ToLowerInvariant();
        if (parts.Skip(1).Any(p => p.Length >= 3 && path.Contains(p, StringComparison.Ordinal)))
        {
            return;
        }

        context.Report(platform.Flag.ValueSpan, $"FROM --platform={value} is a constant, so this stage is always built for {value} whatever platform the build targets; leave --platform out (select it with docker build --platform) or use $BUILDPLATFORM / $TARGETPLATFORM");
    }
}
