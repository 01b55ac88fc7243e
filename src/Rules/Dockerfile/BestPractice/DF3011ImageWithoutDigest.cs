using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>An image is referenced by tag only, without a <c>@sha256:…</c> digest (opt-in).</summary>
public sealed class DF3011ImageWithoutDigest : DockerfileRule
{
    private const string Advice = "a tag can be moved to another image at any time; pin the digest as well (name:tag@sha256:…) and let Renovate or Dependabot update it";

    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DF3011",
        "Image not pinned by digest",
        "{0}",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "An image is referenced without a digest, so the registry decides which image the tag means at build time.",
        "reproducibility",
        "supply-chain");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports images referenced without a digest (`@sha256:…`): the base image of FROM, the image
        of `COPY --from=<image>` and of `RUN --mount=…,from=<image>`, ONBUILD triggers included. The
        finding sits on the tag, or on the repository when there is no tag. Images written through
        ARGs are judged by their default value; a reference whose end is unknown
        (`alpine:${TAG}`, `${IMAGE}`) is not reported, because the variable may hold a digest, but
        `${REGISTRY}/alpine:3.20` is, since nothing before the last `/` can add one. Stage names,
        `scratch` and bare `--from` names that may be build contexts are not images.

        The rule is off by default. Turn it on where builds must be reproducible bit for bit and a
        bot keeps the digests current. Without such a bot, pinned digests stop receiving security
        fixes, which is why many teams prefer version tags alone (see DF3001 and DF3010). Turned
        on, it reports in most files: in a sample of about 3,000 public Dockerfiles, nine in ten
        use at least one image without a digest.

        ## Why is this bad?

        A tag is a pointer the publisher (or anyone who takes over the account) can move. Two builds
        of the same Dockerfile can then use different base images, and a compromised tag reaches
        every build at once. A digest names the exact content, and the registry cannot serve
        anything else for it.

        ## Example

        ```dockerfile
        FROM python:3.13-slim
        ```

        ## Use instead

        ```dockerfile
        FROM python:3.13-slim@sha256:0b7a5d5bd0ba1d3dbbb1b7ac16e84ff94a63c3e5d9eaf4b4c0c1e9cbe1d2ac6e
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
    {
        context.RegisterFileAction(CheckKnown);
        context.RegisterInstructionAction<FromInstruction>(c =>
        {
            if (c.Instruction is { SourceKind: ImageSourceKind.Unknown, ImageText: { } word })
            {
                CheckPartlyKnown(c, "Base image", word);
            }
        });
        context.RegisterInstructionAction<CopyInstruction>(c =>
        {
            if (c.Instruction is { FromKind: ImageSourceKind.Unknown, From.Value: { } word } copy)
            {
                CheckPartlyKnown(c, (copy.IsTrigger ? "ONBUILD " : "") + "COPY --from image", word);
            }
        });
    }

    private static void CheckKnown(DockerfileContext context)
    {
        foreach (var use in ImageUses.Known(context.Model).Where(u => !u.Image.HasDigest))
        {
            context.Report(use.PinSpan, $"{use.What} {use.Shown} is not pinned by digest; {Advice}");
        }
    }

    /// <summary>An unknown word whose literal end holds a <c>/</c> and no <c>@</c>: no variable can add a digest.</summary>
    private static void CheckPartlyKnown(DockerfileContext context, string what, ExpandedWord word)
    {
        var segments = word.Expansion.Segments;
        if (segments.Count < 2 || segments[^1].IsUnknown)
        {
            return;
        }

        var tail = segments[^1].Text;
        var slash = tail.LastIndexOf('/');
        if (slash < 0 || slash == tail.Length - 1 || tail.Contains('@', StringComparison.Ordinal))
        {
            return;
        }

        context.Report(word.Span, $"{what} '{word.Text}' is not pinned by digest whatever its variables hold; {Advice}");
    }
}
