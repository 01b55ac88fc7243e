using System.Collections.Immutable;
using DockerLint.Parser.Images;
using DockerLint.Rules.Dockerfile.Security;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>A service pulls its image from a registry that is not in the option <c>trusted-registries</c>.</summary>
public sealed class DC1019UntrustedRegistry : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC1019",
        "Image from an untrusted registry",
        "Image '{0}' comes from {1}, which is not in trusted-registries ({2}) ({3}); pull it from a trusted registry or mirror",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "A service's image is pulled from a registry that is not in the configured list of trusted registries.",
        "supply-chain",
        "CWE-829");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override double? SecuritySeverity => 5.0;

    /// <inheritdoc />
    public override RuleOptions? ExampleOptions { get; } = new(new Dictionary<string, ImmutableArray<string>> { [DF1010UntrustedRegistry.OptionName] = ["registry.example.com"] });

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        When the option `trusted-registries` is set, reports every service's `image:` pulled from a
        registry that is not in it, on the registry part of the image (or the image when it has
        none: Docker Hub). Without the option the rule reports nothing. The entries are read as in
        DF1010: registry hosts compared without regard to case (`ghcr.io`,
        `registry.example.com:5000`, `*.example.com`, `*`), with `docker.io` standing for Docker Hub,
        which is where an image with no registry (`postgres:17`, `bitnami/redis`) comes from.

        A service with `build:` is not reported (its `image:` names what is built and pushed), nor
        is an image whose registry comes from an unknown variable (`${REGISTRY}/app:1.0`). A registry
        given through `.env` or a default (`${REGISTRY:-quay.io}/app`) is read.

        Turn it on by setting `trusted-registries` where services may only pull from approved
        registries; without the option it reports nothing.

        ## Why is this bad?

        Whoever controls a registry controls what the service runs. Organisations mirror and scan
        approved images in their own registries; an image pulled from anywhere else skips that
        scanning and review, and may be a typo-squatted look-alike.

        ## Example

        With `trusted-registries: [registry.example.com]`:

        ```yaml
        services:
          db:
            image: postgres:17.2
          cache:
            image: quay.io/example/cache:1.2
        ```

        ## Use instead

        ```yaml
        services:
          db:
            image: registry.example.com/mirror/postgres:17.2
          cache:
            image: registry.example.com/mirror/cache:1.2
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterProjectAction(context =>
        {
            if (!context.Options.Contains(DF1010UntrustedRegistry.OptionName))
            {
                return;
            }

            var entries = context.Options.GetList(DF1010UntrustedRegistry.OptionName);
            var findings = new ServiceFindings(context);
            foreach (var service in context.Project.Services)
            {
                if (service.Build is not null || service.Image is not { Value: { Length: > 0 } value } image)
                {
                    continue;
                }

                var reference = ImageReference.Parse(value);
                if (!reference.IsValid || reference.IsScratch || DF1010UntrustedRegistry.IsTrusted(reference, entries))
                {
                    continue;
                }

                var registry = reference.Domain.Length == 0 || reference.IsDockerHub ? "Docker Hub (docker.io)" : reference.Domain;
                var span = reference.Registry is { } written ? image.GetSpan(written.Start, written.Length) : image.Span;
                findings.Add(service, image.Node, span, value, registry, string.Join(", ", entries));
            }

            findings.ReportAll();
        });
    }
}
