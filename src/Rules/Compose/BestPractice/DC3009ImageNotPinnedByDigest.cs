using System.Collections.Immutable;
using DockerLint.Parser.Images;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.BestPractice;

/// <summary>A service pulls an image by tag only, without a digest (opt-in).</summary>
public sealed class DC3009ImageNotPinnedByDigest : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DC3009",
        "Image not pinned by digest",
        "Image '{0}' is not pinned by digest ({1}); add @sha256:… so every pull gets the same image",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "A tag can be moved to another image at any time; only a digest names one image for good.",
        "reproducibility",
        "supply-chain");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a service's `image:` that has no digest (`@sha256:…`), whatever its tag, on the
        image. A service with `build:` is not reported (its `image:` names what is built), nor is an
        image whose end comes from an unknown variable (`app:${TAG}`), which may hold a digest.

        The rule is **off by default**: pinning by digest needs tooling that updates the digests
        (Renovate, Dependabot), and without it pinned files fall behind on security fixes. Turn it
        on for projects that have that tooling and want builds that cannot change under them.

        ## Why is this bad?

        Even a precise tag such as `postgres:17.2` can be pushed again — to fix a vulnerability, or
        by an attacker who got the publisher's credentials. A digest is the hash of the image's
        manifest: the registry cannot serve anything else under it.

        ## Example

        ```yaml
        services:
          db:
            image: postgres:17.2
        ```

        ## Use instead

        ```yaml
        services:
          db:
            image: postgres:17.2@sha256:4f6dd4c5c86a9e0eba4a8d6e33e53abde7e0d2d5e4e4a7f1b5b1c3f2d1e0a9b8
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterProjectAction(context =>
        {
            var findings = new ServiceFindings(context);
            foreach (var service in context.Project.Services)
            {
                if (service.Build is not null || service.Image is not { IsNull: false } image)
                {
                    continue;
                }

                if (image.Value is { } value)
                {
                    var reference = ImageReference.Parse(value);
                    if (reference.IsValid && !reference.HasDigest && !reference.IsScratch)
                    {
                        findings.Add(service, image.Node, image.Span, value);
                    }
                }
                else if (image.Segments is [.., { IsUnknown: false }] && !image.Segments.Any(s => !s.IsUnknown && s.Text.Contains('@')))
                {
                    findings.Add(service, image.Node, image.Span, image.ToString());
                }
            }

            findings.ReportAll();
        });
    }
}
