using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.BestPractice;

/// <summary>A service sets both <c>build</c> and <c>image</c> without a <c>pull_policy</c> (opt-in).</summary>
public sealed class DC3023BuildAndImage : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DC3023",
        "Both build and image without a pull policy",
        "Service '{0}' sets both build and image ('{1}') but no pull_policy; say whether the image is pulled or built",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "A service both builds an image and names one, without pull_policy, so whether docker compose pulls or builds depends on what the registry and the local image store hold.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["dclint:no-build-and-image"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Off by default. Reports the `image` of a service that also has `build` and no
        `pull_policy` (dclint's `no-build-and-image` with its `checkPullPolicy` exception).

        Turn it on to make every service state whether its image is pulled or built (`pull_policy:
        build`), as dclint's rule does.

        ## Why is this bad?

        Both together are legitimate and common: `image` is then the tag the build produces, which
        `docker compose push` uploads. But without `pull_policy`, `docker compose up` and `pull` try
        the registry first: when an image of that name exists there (a colleague's push, a public
        image of the same name) it is pulled and run instead of your working copy, and the build is
        skipped. `pull_policy: build` always builds; `pull_policy: missing` or `always` states that
        pulling is intended. Teams whose `image` names are private tags only their CI pushes keep
        the rule off, which is why it is opt-in.

        ## Example

        ```yaml
        services:
          api:
            build: .
            image: registry.example.com/shop/api:1.4
        ```

        ## Use instead

        ```yaml
        services:
          api:
            build: .
            image: registry.example.com/shop/api:1.4
            pull_policy: build
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterServiceAction(context =>
        {
            var service = context.Service;
            if (service.Build is not null && service.Image is { IsNull: false } image && service.Node["pull_policy"] is null)
            {
                context.Report(image.Location, service.Name, image.Value ?? image.Raw);
            }
        });
    }
}
