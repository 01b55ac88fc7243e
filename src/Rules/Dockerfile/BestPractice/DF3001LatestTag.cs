using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>
/// An image is used without a tag or with <c>latest</c> (FROM, <c>COPY --from=image</c>,
/// <c>RUN --mount=…,from=image</c>) and without a digest.
/// </summary>
public sealed class DF3001LatestTag : DockerfileRule
{
    private const string Advice = "it moves with every release, so builds are not reproducible; pin a version tag (and ideally a digest)";

    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3001",
        "Image without a version tag or with latest",
        "{0}",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "An image is referenced without a tag or with the tag latest, and without a digest, so what it means changes over time.",
        "reproducibility",
        "supply-chain");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
    [
        "hadolint:DL3006",
        "hadolint:DL3007",
        "trivy:DS-0001",
        "checkov:CKV_DOCKER_7",
        "kics:9efb0b2d-89c9-41a3-91ca-dcc0aec911fd",
        "kics:f45ea400-6bbe-4501-9fc7-1c3d75c32067",
    ];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports images that are used without a tag (which means `latest`) or with the tag `latest`,
        and without a digest: the base image of `FROM`, the image of `COPY --from=<image>` and the
        image of `RUN --mount=…,from=<image>` (ONBUILD triggers included). The finding sits on the tag,
        or on the repository when the tag is missing; when the image is written through a variable it
        sits on the whole word.

        It knows what is not an image: stage names (`FROM build`, `COPY --from=build`, stage indexes),
        `scratch`, and references pinned by digest (`alpine@sha256:…`, with or without a tag). A bare
        name in `--from` (`COPY --from=templates`, no registry, namespace or tag) is left alone, because it
        may be a named build context (`docker buildx build --build-context templates=…`). Variables
        are read the way BuildKit reads them: `ARG TAG=latest` then `FROM alpine:$TAG` is reported,
        while `FROM alpine:${TAG}` with no default says nothing, because the tag is only known at build
        time. An unknown part only leads to a finding when the literal text alone proves it:
        `FROM ${REGISTRY}/alpine` has no tag whatever the registry is.

        Turn it off for throwaway images (CI helpers, local experiments) that are meant to follow the
        newest release and are never shipped; to accept one deliberate `latest`, put `# dockerlint
        ignore=DF3001` above that instruction instead.

        ## Why is this bad?

        `latest` is just the tag a publisher moved last. The same Dockerfile builds a different image
        next month — a new major version, a different distribution, other vulnerabilities — and a
        failure cannot be reproduced or rolled back, because nothing records which image was used.

        ## Example

        ```dockerfile
        FROM node
        COPY --from=ghcr.io/example/tools:latest /bin/tool /usr/local/bin/tool
        ```

        ## Use instead

        ```dockerfile
        FROM node:22.11-bookworm-slim
        COPY --from=ghcr.io/example/tools:1.4.2 /bin/tool /usr/local/bin/tool
        ```

        Pinning a digest as well (`node:22.11-bookworm-slim@sha256:…`) makes the build fully
        reproducible; tools such as Renovate or Dependabot keep both up to date.
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
    {
        context.RegisterFileAction(CheckKnownImages);
        context.RegisterInstructionAction<FromInstruction>(CheckUnknownFrom);
        context.RegisterInstructionAction<CopyInstruction>(CheckUnknownCopy);
    }

    private static void CheckKnownImages(DockerfileContext context)
    {
        foreach (var use in ImageUses.Known(context.Model))
        {
            var image = use.Image;
            if (image.HasDigest)
            {
                continue;
            }

            if (!image.HasTag && image.Repository is { } repository)
            {
                context.Report(use.SpanOfPart(repository), $"{use.What} {use.Shown} has no tag, so it means {image.FamiliarName}:latest; {Advice}");
            }
            else if (image.IsLatest)
            {
                context.Report(use.SpanOfPart(image.Tag!.Value), $"{use.What} {use.Shown} uses the latest tag; {Advice}");
            }
        }
    }

    private static void CheckUnknownFrom(InstructionContext<FromInstruction> context)
    {
        if (context.Instruction is { SourceKind: ImageSourceKind.Unknown, ImageText: { } word })
        {
            CheckPartlyKnown(context, "Base image", word);
        }
    }

    private static void CheckUnknownCopy(InstructionContext<CopyInstruction> context)
    {
        if (context.Instruction is { FromKind: ImageSourceKind.Unknown, From.Value: { } word } copy)
        {
            CheckPartlyKnown(context, (copy.IsTrigger ? "ONBUILD " : "") + "COPY --from image", word);
        }
    }

    /// <summary>
    /// An image word with unknown parts: reported only when its literal end alone proves a missing tag
    /// (<c>${REGISTRY}/app</c>) or the latest tag (<c>${IMAGE}:latest</c>). A tag or digest can only
    /// follow the last <c>/</c>, so unknown text before the literal end cannot add one.
    /// </summary>
    private static void CheckPartlyKnown(DockerfileContext context, string what, ExpandedWord word)
    {
        var segments = word.Expansion.Segments;
        if (segments.Count < 2 || segments[^1].IsUnknown || !segments.Any(s => s.IsUnknown))
        {
            return;
        }

        var tail = segments[^1].Text;
        var slash = tail.LastIndexOf('/');
        var component = tail[(slash + 1)..];
        if (component.Contains('@', StringComparison.Ordinal))
        {
            return;
        }

        int start;
        int length;
        string message;
        var colon = component.LastIndexOf(':');
        if (colon >= 0)
        {
            if (component[(colon + 1)..] != "latest")
            {
                return;
            }

            start = slash + 1 + colon + 1;
            length = "latest".Length;
            message = $"{what} '{word.Text}' uses the latest tag whatever its variables hold; {Advice}";
        }
        else if (slash >= 0 && component.Length > 0 && IsRepositoryPath(tail[(tail.IndexOf('/') + 1)..]))
        {
            // The repository path written after the unknown part: ${REGISTRY}/library/alpine → library/alpine.
            start = tail.IndexOf('/') + 1;
            length = tail.Length - start;
            message = $"{what} '{word.Text}' has no tag whatever its variables hold, so it means latest; {Advice}";
        }
        else
        {
            return;
        }

        var syntax = word.Syntax;
        var span = syntax.IsVerbatim && syntax.Text.EndsWith(tail, StringComparison.Ordinal)
            ? syntax.GetSpan(syntax.Text.Length - tail.Length + start, length)
            : word.Span;
        context.Report(span, message);
    }

    /// <summary>A repository path: lower-case letters, digits, separators and <c>/</c>.</summary>
    private static bool IsRepositoryPath(string text)
        => text.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '_' or '-' or '/');
}
