using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>A service publishes a host port below 1024 (opt-in).</summary>
public sealed class DC1017PrivilegedHostPort : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DC1017",
        "Privileged host port published",
        "'{0}' publishes host port {1}, below 1024 ({2}); publish a port from 1024 up and put a proxy in front",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "The service takes a privileged port of the host, one that only root may bind and that clients trust to be a system service.",
        "CWE-250");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:bc2908f3-f73c-40a9-8793-c1b7d5544f79"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 2.5;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports an entry of a service's `ports:` whose published host port, or the first port of its
        range, is below 1024 (`"80:8080"`, `published: 443`, `"1000-1100:1000-1100"`), whatever the
        host address. A bare container port gets a random high port and is not reported, nor is a
        host port from an unknown variable or a service with `network_mode: host`.

        The rule is **off by default**: publishing 80 and 443 is what a reverse proxy is for, and
        KICS's check (which this mirrors) reports every such proxy. Turn it on where only a shared
        ingress may take the well-known ports, or for rootless Docker, which cannot bind them.

        ## Why is this bad?

        Ports below 1024 are privileged: the host reserves them for system services, clients trust
        them accordingly, and only root can bind them — the Docker daemon does it on the service's
        behalf, which rootless Docker and Podman cannot. A service that takes one may shadow a host
        service or collide with the ingress meant to own it.

        ## Example

        ```yaml
        services:
          web:
            image: nginx:1.27
            ports:
              - "80:8080"
        ```

        ## Use instead

        ```yaml
        services:
          web:
            image: nginx:1.27
            ports:
              - "8080:8080"
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
                if (service.NetworkMode?.Value == "host")
                {
                    continue;
                }

                foreach (var port in service.Ports)
                {
                    if (port.Error is null && port.Published is { Start: { } start and > 0 and < 1024 })
                    {
                        findings.Add(service, port.Node, PortBindings.Describe(port), start);
                    }
                }
            }

            findings.ReportAll();
        });
    }
}
