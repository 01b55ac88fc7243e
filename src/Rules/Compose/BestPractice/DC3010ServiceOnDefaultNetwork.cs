using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.BestPractice;

/// <summary>A service is left on the project's default network while the other services choose their networks.</summary>
public sealed class DC3010ServiceOnDefaultNetwork : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC3010",
        "Service left on the default network",
        "The {1} joins no network, so it lands on 'default', while {0} choose their networks; list its networks",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "When services are split across networks, one without 'networks:' is silently put on the default network, outside the segmentation.",
        "maintainability");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        In a project where some services list their `networks:` (other than `default`), reports each
        service that lists none and has no `network_mode`, on its name (as information). Compose puts
        such a service on the project's `default` network, which the segmented services are not on.

        Not reported: projects where no service chooses networks (everything is on `default`, which
        is fine), projects that configure the `default` network themselves under top-level
        `networks:`, and services with `network_mode` (`host`, `none`, `service:…`).

        Turn it off when services on the default network are meant to be isolated from the segmented
        ones (a one-off tool service that needs no other service).

        ## Why is this bad?

        Splitting services across networks — a public `frontend`, an `internal` `backend` for the
        database — is a decision about who may talk to whom. A service added later without
        `networks:` escapes it without anyone deciding: it cannot reach the services it was added
        for, or, on `default` with other forgotten services, it can reach ones it should not. Listing
        the networks makes the choice visible in review.

        ## Example

        ```yaml
        services:
          web:
            image: example/web:1.0
            networks: [frontend, backend]
          db:
            image: postgres:17
            networks: [backend]
          adminer:
            image: adminer:4.8.1
        networks:
          frontend: {}
          backend:
            internal: true
        ```

        ## Use instead

        ```yaml
        services:
          web:
            image: example/web:1.0
            networks: [frontend, backend]
          db:
            image: postgres:17
            networks: [backend]
          adminer:
            image: adminer:4.8.1
            networks: [backend]
        networks:
          frontend: {}
          backend:
            internal: true
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterProjectAction(context =>
        {
            var project = context.Project;
            if (project.Networks.Any(n => n.Name == "default"))
            {
                return;
            }

            var segmented = project.Services.Where(s => s.Networks.Any(n => n.Name != "default")).Select(s => s.Name).ToList();
            if (segmented.Count == 0)
            {
                return;
            }

            var others = segmented.Count <= 3
                ? ServiceFindings.DescribeServices(segmented)
                : $"services {string.Join(", ", segmented.Take(3).Select(s => $"'{s}'"))} and {segmented.Count - 3} more";
            var findings = new ServiceFindings(context);
            foreach (var service in project.Services)
            {
                if (service.Networks.IsEmpty && service.NetworkMode is null && service.Entry("networks") is null)
                {
                    findings.Add(service, service.NameNode, others);
                }
            }

            findings.ReportAll();
        });
    }
}
