using System.Collections.Immutable;
using DockerLint.Parser.Images;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Security;

/// <summary>An image comes from a registry that is not in the option <c>trusted-registries</c>.</summary>
public sealed class DF1010UntrustedRegistry : DockerfileRule
{
    /// <summary>The option listing the trusted registries.</summary>
    public const string OptionName = "trusted-registries";

    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF1010",
        "Image from an untrusted registry",
        "{0}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "An image is pulled from a registry that is not in the configured list of trusted registries.",
        "supply-chain",
        "CWE-829");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL3026"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 5.0;

    /// <inheritdoc />
    public override RuleOptions? ExampleOptions { get; } = new(new Dictionary<string, ImmutableArray<string>> { [OptionName] = ["registry.example.com"] });

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        When the option `trusted-registries` is set, reports every image pulled from a registry that
        is not in it: the base image of FROM, the image of `COPY --from=<image>` and of
        `RUN --mount=…,from=<image>`, ONBUILD triggers included, with ARG defaults resolved. Without
        the option the rule reports nothing.

        Entries are registry hosts, compared without regard to case: `ghcr.io`,
        `registry.example.com:5000` (that port only), `registry.example.com` (any port),
        `*.example.com` (any host below example.com, but not example.com itself), and `*` (any
        registry). A host may be followed by a path prefix to trust one namespace only:
        `ghcr.io/acme` trusts `ghcr.io/acme/app` but not `ghcr.io/other/app`, and
        `docker.io/library` trusts Docker Hub's official images (`alpine`, `node`). `docker.io` stands for Docker Hub, which is what an image with no registry
        (`alpine`, `bitnami/redis`) comes from; `index.docker.io` and `docker.io` written in the
        image are Docker Hub too. Stage names, `scratch`, bare `--from` names that may be build
        contexts, and images whose registry is only known at build time (`${REGISTRY}/app`) are not
        reported.

        Turn it on by setting `trusted-registries` where images may only come from approved registries
        (a company mirror, `ghcr.io/<org>`); without the option it reports nothing.

        ## Why is this bad?

        Whoever controls a registry controls what the build runs. Organisations mirror and scan
        approved images in their own registries; a base image pulled from anywhere else skips that
        scanning, licence review and availability guarantee, and may be a typo-squatted look-alike.

        ## Example

        With `trusted-registries: [registry.example.com]`:

        ```dockerfile
        FROM quay.io/example/app:1.2
        ```

        ## Use instead

        ```dockerfile
        FROM registry.example.com/mirror/app:1.2
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterFileAction(Check);

    /// <summary>
    /// True when the image matches one of the entries: a registry host (<c>ghcr.io</c>,
    /// <c>registry.example.com:5000</c>), a host wildcard (<c>*.example.com</c>, <c>*</c>), either of
    /// them followed by a path prefix (<c>ghcr.io/acme</c>, <c>docker.io/library</c>).
    /// </summary>
    internal static bool IsTrusted(ImageReference image, IEnumerable<string> entries)
    {
        var registry = image.Domain.Length == 0 ? ImageReference.DefaultDomain : image.Domain;
        var host = registry;
        var colon = registry.LastIndexOf(':');
        if (colon > 0 && registry[^1] != ']')
        {
            host = registry[..colon];
        }

        foreach (var raw in entries)
        {
            var entry = raw.Trim().TrimEnd('/');
            var slash = entry.IndexOf('/');
            var entryHost = slash < 0 ? entry : entry[..slash];
            var entryPath = slash < 0 ? null : entry[(slash + 1)..];
            if (entryHost is "docker.io" or "index.docker.io" or "registry-1.docker.io" or "hub.docker.com")
            {
                entryHost = ImageReference.DefaultDomain;
            }

            var hostMatches = entryHost == "*"
                || string.Equals(entryHost, registry, StringComparison.OrdinalIgnoreCase)
                || (!entryHost.Contains(':', StringComparison.Ordinal) && string.Equals(entryHost, host, StringComparison.OrdinalIgnoreCase))
                || (entryHost.StartsWith("*.", StringComparison.Ordinal)
                    && (registry.EndsWith(entryHost[1..], StringComparison.OrdinalIgnoreCase) || host.EndsWith(entryHost[1..], StringComparison.OrdinalIgnoreCase)));
            if (hostMatches && (entryPath is null || image.Path == entryPath || image.Path.StartsWith(entryPath + "/", StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    private static void Check(DockerfileContext context)
    {
        var entries = context.Options.GetList(OptionName);
        if (!context.Options.Contains(OptionName) || entries.IsDefault)
        {
            return;
        }

        foreach (var use in ImageUses.Known(context.Model))
        {
            if (IsTrusted(use.Image, entries))
            {
                continue;
            }

            var image = use.Image;
            var registry = image.Domain.Length == 0 || image.IsDockerHub ? "Docker Hub (docker.io)" : image.Domain;
            var span = image.Registry is { } written ? use.SpanOfPart(written) : image.Repository is { } repository ? use.SpanOfPart(repository) : use.Span;
            context.Report(span, $"{use.What} {use.Shown} comes from {registry}, which is not in trusted-registries ({string.Join(", ", entries)}); pull it from a trusted registry or mirror");
        }
    }
}
