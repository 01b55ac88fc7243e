using System.Collections.Immutable;
using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Images;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.BestPractice;

/// <summary>A service pulls an image with the tag <c>latest</c>, or with no tag (which means <c>latest</c>).</summary>
public sealed class DC3001LatestTag : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC3001",
        "Image without a pinned version",
        "Image '{0}' {1}; pin a version tag or a digest ({2})",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "The service's image has the tag 'latest' or no tag at all, so each pull may bring a different image.",
        "reproducibility");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["dclint:service-image-require-explicit-tag"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a service's `image:` whose tag is `latest`, or that has no tag at all (Docker then
        pulls `latest`). The value is read after interpolation: `nginx:${TAG}` with `TAG` unknown is
        not reported, `nginx:${TAG:-latest}` is (the default applies when `TAG` is neither in the
        environment nor in `.env`), and `${REGISTRY}/nginx` is, because its tag part is written out
        and there is none. An image pinned by digest (`nginx@sha256:…`, with or without a tag) is fine.

        A service that also has `build:` is not reported: there `image:` names the image Compose
        builds and tags, not one it pulls, and `latest` is the usual name for a local build.
        Only `latest` counts as a floating tag; names such as `stable` or `lts` are versions some
        projects move on purpose and are left alone.

        ## Why is this bad?

        `latest` is not a version: it points to whatever was pushed last. Two `docker compose pull`
        runs a day apart can start different software, a rollback has nothing to go back to, and a
        breaking major release arrives without anyone choosing it.

        ## Example

        ```yaml
        services:
          web:
            image: nginx
          cache:
            image: redis:latest
        ```

        ## Use instead

        ```yaml
        services:
          web:
            image: nginx:1.27.3
          cache:
            image: redis:7.4@sha256:e7fc9b8f8a2b1a1c1c0f3d7c0a8e3e1f2b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e
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
                if (service.Build is null && service.Image is { IsNull: false } image)
                {
                    Check(service, image, findings);
                }
            }

            findings.ReportAll();
        });
    }

    private static void Check(ComposeService service, ComposeString image, ServiceFindings findings)
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
                if (reference.IsLatest)
                {
                    findings.Add(service, image.Node, image.GetSpan(tag.Start, tag.Length), value, "uses the tag 'latest'");
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
            if (tail[(colon + 1)..] == "latest")
            {
                findings.Add(service, image.Node, shown, "uses the tag 'latest'");
            }
        }
        else if (slash >= 0 && slash < tail.Length - 1)
        {
            findings.Add(service, image.Node, shown, "has no tag, so it means 'latest'");
        }
    }
}
