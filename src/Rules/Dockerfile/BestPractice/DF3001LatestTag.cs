using System.Collections.Immutable;
using System.Globalization;
using DockerLint.Parser.Images;
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

    private enum Pinning
    {
        Pinned,
        Untagged,
        Latest,
    }

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
    [
        "hadolint:DL3006",
        "hadolint:DL3007",
        "trivy:DS001",
        "checkov:CKV_DOCKER_7",
        "kics:Image Version Not Explicit",
        "kics:Image Version Using 'latest'",
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
        context.RegisterInstructionAction<FromInstruction>(CheckFrom);
        context.RegisterInstructionAction<CopyInstruction>(CheckCopy);
        context.RegisterInstructionAction<RunInstruction>(CheckMounts);
    }

    private static void CheckFrom(InstructionContext<FromInstruction> context)
    {
        var from = context.Instruction;
        if (from.ImageText is not { } word)
        {
            return;
        }

        if (from.SourceKind == ImageSourceKind.Image && from.Image is { IsValid: true } image && context.Model.FindStage(image.Text) is null)
        {
            CheckKnown(context, "Base image", word, image, from.SpanOf);
        }
        else if (from.SourceKind == ImageSourceKind.Unknown)
        {
            CheckPartlyKnown(context, "Base image", word);
        }
    }

    private static void CheckCopy(InstructionContext<CopyInstruction> context)
    {
        var copy = context.Instruction;
        if (copy.From?.Value is not { } word)
        {
            return;
        }

        var what = (copy.IsTrigger ? "ONBUILD " : "") + "COPY --from image";
        if (copy.FromKind == ImageSourceKind.Image && copy.FromImage is { IsValid: true, IsScratch: false } image && !MayBeStageOrContext(context.Model, image))
        {
            CheckKnown(context, what, word, image, part => word.GetSpan(part.Start, part.Length));
        }
        else if (copy.FromKind == ImageSourceKind.Unknown)
        {
            CheckPartlyKnown(context, what, word);
        }
    }

    private static void CheckMounts(InstructionContext<RunInstruction> context)
    {
        var run = context.Instruction;
        foreach (var mount in run.Mounts)
        {
            if (mount.Get("from") is not { Value: { Length: > 0 } value } option || !IsLiteralOption(mount, value))
            {
                continue;
            }

            if (value == ImageReference.ScratchName || IsStage(context.Model, value))
            {
                continue;
            }

            var image = ImageReference.Parse(value);
            if (!image.IsValid || MayBeStageOrContext(context.Model, image))
            {
                continue;
            }

            // The option is written "from=value"; its value sits after the key when the flag is written verbatim.
            const int keyLength = 5;
            var exact = option.Span.Length == keyLength + value.Length;
            var what = (run.IsTrigger ? "ONBUILD " : "") + "RUN --mount from image";
            Report(context, what, value, null, Classify(image), part => exact ? new TextSpan(option.Span.Start + keyLength + part.Start, part.Length) : option.Span, image);
        }
    }

    private static void CheckKnown(DockerfileContext context, string what, ExpandedWord word, ImageReference image, Func<ImageReferencePart, TextSpan> spanOf)
    {
        var written = word.Value == word.Text ? null : word.Text;
        Report(context, what, image.Text, written, Classify(image), spanOf, image);
    }

    private static void Report(DockerfileContext context, string what, string text, string? written, Pinning pinning, Func<ImageReferencePart, TextSpan> spanOf, ImageReference image)
    {
        var shown = written is null ? $"'{text}'" : $"'{written}' (= '{text}')";
        switch (pinning)
        {
            case Pinning.Untagged when image.Repository is { } repository:
                context.Report(spanOf(repository), $"{what} {shown} has no tag, so it means {image.FamiliarName}:latest; {Advice}");
                break;
            case Pinning.Latest when image.Tag is { } tag:
                context.Report(spanOf(tag), $"{what} {shown} uses the latest tag; {Advice}");
                break;
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

    private static Pinning Classify(ImageReference image)
        => image.HasDigest ? Pinning.Pinned
            : !image.HasTag ? Pinning.Untagged
            : image.IsLatest ? Pinning.Latest
            : Pinning.Pinned;

    /// <summary>A repository path: lower-case letters, digits, separators and <c>/</c>.</summary>
    private static bool IsRepositoryPath(string text)
        => text.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '_' or '-' or '/');

    /// <summary>
    /// <c>--from</c> may name something other than an image: a stage (also one defined later), or —
    /// for a bare name without registry, namespace or tag such as <c>--from=templates</c> — a named
    /// build context given with <c>docker buildx build --build-context templates=…</c>.
    /// </summary>
    private static bool MayBeStageOrContext(DockerfileModel model, ImageReference image)
        => model.FindStage(image.Text) is not null
            || (image.Registry is null && !image.HasTag && !image.HasDigest && image.Repository is { } repository && !repository.Text.Contains('/', StringComparison.Ordinal));

    /// <summary>A mount's <c>from</c> names a stage by name or index (BuildKit resolves mounts against every stage).</summary>
    private static bool IsStage(DockerfileModel model, string value)
        => model.FindStage(value) is not null
            || (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < model.Stages.Length);

    /// <summary>
    /// The option's value is the written text: the flag was expanded completely, or the value itself
    /// holds no variable, quote or escape (the model keeps an unknown flag's text as written).
    /// </summary>
    private static bool IsLiteralOption(RunMount mount, string value)
        => mount.Flag.Value is { IsKnown: true } || value.IndexOfAny(['$', '\\', '"', '\'']) < 0;
}
