using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.BestPractice;

/// <summary>A service uses <c>links:</c>, Docker's legacy container links.</summary>
public sealed class DC3008LegacyLinks : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC3008",
        "Legacy links",
        "'links' is a legacy feature ({0}); services on a shared network reach each other by name",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "Container links predate user-defined networks; Compose networks already resolve service names, and depends_on orders start-up.",
        "maintainability");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports the `links:` key of a service (as information), once per place it is written.
        `external_links:` is not reported: it reaches containers outside the project, for which
        there is no drop-in replacement besides joining their network.

        Turn it off for legacy projects that still use `links:` for its aliases (`db:database`) and
        have not yet moved to network `aliases:`.

        ## Why is this bad?

        Links are a legacy feature of Docker: every service of a Compose project is already on the
        project's network and reachable by its name, an alias is written with `networks: {x:
        {aliases: […]}}`, and start order belongs in `depends_on`. Links also imply a dependency
        and inject environment variables (`DB_PORT_5432_TCP…`) that code should not rely on; Docker
        may remove them.

        ## Example

        ```yaml
        services:
          web:
            image: example/web:1.0
            links:
              - db
          db:
            image: postgres:17
        ```

        ## Use instead

        ```yaml
        services:
          web:
            image: example/web:1.0
            depends_on:
              - db
          db:
            image: postgres:17
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
                if (service.Entry("links") is { } links)
                {
                    findings.Add(service, links.Key);
                }
            }

            findings.ReportAll();
        });
    }
}
