using System.Collections.Immutable;
using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Images;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.BestPractice;

/// <summary>
/// A service pulls an image with the tag <c>latest</c> or another floating tag (<c>stable</c>,
/// <c>edge</c>, <c>nightly</c> …; option <c>prohibited-tags</c>), or with no tag (which means <c>latest</c>).
/// </summary>
public sealed class DC3001LatestTag : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC3001",
        "Image without a pinned version",
        "Image '{0}' {1}; pin a version tag or a digest ({2})",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "The service's image has the tag 'latest', another floating tag such as 'stable' or 'nightly', or no tag at all, so each pull may bring a different image.",
        "reproducibility");

    /// <summary>The tags reported when the option <c>prohibited-tags</c> is not set: dclint's list.</summary>
    internal static readonly ImmutableArray<string> DefaultProhibitedTags = ["latest", "stable", "edge", "test", "nightly", "dev", "beta", "canary", "lts"];

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["dclint:service-image-require-explicit-tag"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a service's `image:` whose tag is `latest` or another floating tag — by default
        dclint's list: `latest`, `stable`, `edge`, `test`, `nightly`, `dev`, `beta`, `canary`, `lts`
        (compared without regard to case) — or that has no tag at all (Docker then pulls
        `latest`). The value is read after interpolation: `nginx:${TAG}` with `TAG` unknown is
        not reported, `nginx:${TAG:-latest}` is (the default applies when `TAG` is neither in the
        environment nor in `.env`), and `${REGISTRY}/nginx` is, because its tag part is written out
        and there is none. An image pinned by digest (`nginx@sha256:…`, with or without a tag) is fine.

        A service that also has `build:` is not reported: there `image:` names the image Compose
        builds and tags, not one it pulls, and `latest` is the usual name for a local build.
        Variants such as `stable-alpine` or `lts-slim` are not in the list and are not reported.

        The option `prohibited-tags` replaces the list (for example `[latest, nightly, edge]`, or
        `[latest]` to report only `latest`); a missing tag is reported whatever the list.

        Turn it off for development Compose files that deliberately run the newest image of every
        service; for one service, put `# dockerlint ignore=DC3001` above its `image:`.

        ## Why is this bad?

        `latest` is not a version: it points to whatever was pushed last, and `stable`, `lts` or
        `nightly` move the same way, only on another schedule. Two `docker compose pull`
        runs a day apart can start different software, a rollback has nothing to go back to, and a
        breaking major release arrives without anyone choosing it.

        ## Example

        ```yaml
        services:
          web:
            image: nginx
          cache:
            image: redis:latest
          proxy:
            image: traefik:stable
        ```

        ## Use instead

        ```yaml
        services:
          web:
            image: nginx:1.27.3
          cache:
            image: redis:7.4@sha256:e7fc9b8f8a2b1a1c1c0f3d7c0a8e3e1f2b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e
          proxy:
            image: traefik:v3.2.1
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterProjectAction(context =>
        {
            var findings = new ServiceFindings(context);
            var prohibited = context.Options.Contains("prohibited-tags") ? context.Options.GetList("prohibited-tags") : DefaultProhibitedTags;
            var tags = prohibited.Select(t => t.Trim()).Where(t => t.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var service in context.Project.Services)
            {
                if (service.Build is null && service.Image is { IsNull: false } image)
                {
                    Check(service, image, tags, findings);
                }
            }

            findings.ReportAll();
        });
    }

    private static void Check(ComposeService service, ComposeString image, HashSet<string> prohibited, ServiceFindings findings)
    {
        if (image.Value is { } value)
        {
            var reference = ImageReference.Parse(value);
            if (!reference.IsValid || reference.HasDigest || reference.IsScratch)
            {
                return;
            }

            if (reference.Tag is { } tag)
            {
                if (prohibited.Contains(tag.Text))
                {
                    findings.Add(service, image.Node, image.GetSpan(tag.Start, tag.Length), value, $"uses the tag '{tag.Text}'");
                }
            }
            else
            {
                findings.Add(service, image.Node, value, "has no tag, so it means 'latest'");
            }

            return;
        }

        // Partly unknown: only the literal text after the last unknown part can tell.
        if (image.Segments is not [.., { IsUnknown: false } last])
        {
            return;
        }

        var tail = last.Text;
        var slash = tail.LastIndexOf('/');
        var colon = tail.LastIndexOf(':');
        if (tail.Contains('@'))
        {
            return;
        }

        var shown = image.ToString();
        if (colon > slash)
        {
            var tag = tail[(colon + 1)..];
            if (prohibited.Contains(tag))
            {
                findings.Add(service, image.Node, shown, $"uses the tag '{tag}'");
            }
        }
        else if (slash >= 0 && slash < tail.Length - 1)
        {
            findings.Add(service, image.Node, shown, "has no tag, so it means 'latest'");
        }
    }
}
