using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>The deprecated MAINTAINER instruction.</summary>
public sealed class DF3034Maintainer : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3034",
        "MAINTAINER is deprecated",
        "{0}",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "MAINTAINER is deprecated; the author belongs in the label org.opencontainers.image.authors.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
    [
        "hadolint:DL4000", "buildkit:MaintainerDeprecated", "trivy:DS-0022", "checkov:CKV_DOCKER_6",
        "kics:99614418-f82b-4852-a9ae-5051402b741c",
    ];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports every `MAINTAINER` instruction, on its keyword.

        Turn it off only for frozen legacy files you do not want to touch; on a maintained image
        replace the instruction with a `LABEL`.

        ## Why is this bad?

        `MAINTAINER` has been deprecated since Docker 1.13. It sets a field of the image configuration
        that tools no longer read, while labels are what registries, scanners and `docker inspect` show.
        The OCI annotation `org.opencontainers.image.authors` is the standard place for the author.

        ## Example

        ```dockerfile
        FROM alpine:3.20
        MAINTAINER Jane Doe <jane@example.com>
        ```

        ## Use instead

        ```dockerfile
        FROM alpine:3.20
        LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<MaintainerInstruction>(Check);

    private static void Check(InstructionContext<MaintainerInstruction> context)
    {
        var name = context.Instruction.Name?.Text;
        var label = name is null ? "" : $": LABEL org.opencontainers.image.authors=\"{name.Replace("\"", "\\\"", StringComparison.Ordinal)}\"";
        context.Report(context.Instruction.KeywordSpan, $"MAINTAINER is deprecated; use the label org.opencontainers.image.authors instead{label}");
    }
}
