using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>A port is published on every interface of the host: no host address, <c>0.0.0.0</c> or <c>::</c>.</summary>
public sealed class DC1004PortOnAllInterfaces : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC1004",
        "Port published on all interfaces",
        "'{0}' is published on {1} ({2}); bind it to one address, such as 127.0.0.1",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "The port listens on every network interface of the host, so every network the host is on can reach it.",
        "CWE-668");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:451d79dc-0588-476a-ad03-3c7f0320abb3", "dclint:no-unbound-port-interfaces"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 5.3;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports an entry of a service's `ports:` that listens on every interface of the host: one
        with no host address (`"8080:80"`, long syntax without `host_ip`) or with `0.0.0.0` or `::`
        written out (which KICS and dclint accept). A bare container port (`- "3000"`, or the long
        syntax without `published`) is reported too: Compose publishes it on a random host port,
        on every interface.

        Not reported: a port bound to an address (`127.0.0.1:8080:80`, `host_ip: 10.0.0.5`); a host
        address that comes from an unknown variable (`${BIND_IP}:8080:80`), and, in the short
        syntax, an unknown variable at the start (`"${WEB_PORT}:80"`), since it may hold an address
        (`WEB_PORT=127.0.0.1:8080`); ports of a service with `network_mode: host`, which Compose
        ignores. Addresses given through `.env` or defaults (`${BIND_IP:-127.0.0.1}`) are read.

        Turn it off for projects that run behind a host firewall or on a host that is only reachable
        from a private network, where listening on every interface is intended.

        ## Why is this bad?

        Docker publishes ports with its own firewall rules, ahead of the host's firewall (ufw,
        firewalld), so a database or admin page meant for local use becomes reachable from every
        network the host is on — a public cloud address included.

        ## Example

        ```yaml
        services:
          db:
            image: postgres:17
            ports:
              - "5432:5432"
        ```

        ## Use instead

        ```yaml
        services:
          db:
            image: postgres:17
            ports:
              - "127.0.0.1:5432:5432"
        ```

        A service that must be public, such as a reverse proxy on 80 and 443, is the exception: keep
        its ports and bind everything else.
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
                    if (port.Error is null && PortBindings.Binding(port) == HostBinding.AllInterfaces)
                    {
                        var where = port.IsPublished ? "all interfaces" : "a random host port on all interfaces";
                        findings.Add(service, port.Node, PortBindings.Describe(port), where);
                    }
                }
            }

            findings.ReportAll();
        });
    }
}
