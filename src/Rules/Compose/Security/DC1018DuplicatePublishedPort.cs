using System.Collections.Immutable;
using DockerLint.Parser.Compose.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>Two entries publish the same host port (or overlapping ranges) on the same address and protocol.</summary>
public sealed class DC1018DuplicatePublishedPort : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC1018",
        "Host port published twice",
        "'{0}' publishes host port {1}, which '{2}' of service '{3}' already publishes ({4}); the second container will not start",
        RuleCategories.Security,
        DiagnosticSeverity.Error,
        "Two published ports take the same host port, address and protocol: only one can bind it, and the other container fails to start.",
        "CWE-694");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["dclint:no-duplicate-exported-ports"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 3.0;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports an entry of `ports:` whose published host port, or range, overlaps one published
        earlier in the project — by the same or another service — on the same protocol and a host
        address that collides: the same address, or either one on all interfaces (no address,
        `0.0.0.0`, `::`). Ranges are compared port by port (`"8000-8010:80"` and `"8005:80"`
        collide); `8080/tcp` and `8080/udp` do not, nor do `127.0.0.1:8080` and `10.0.0.5:8080`.

        Not reported: ports from unknown variables; bare container ports (Compose picks a free host
        port); services with `network_mode: host`; two services whose `profiles:` have nothing in
        common, since such profiles are usually alternatives that never run together; and one entry
        that several services share through an anchor or `extends:` — such templates are written
        for variants of one service, usually selected by profile.

        The rule sits in the security band because dclint files it there: a port taken by the wrong
        container can receive traffic meant for another. It is first of all a correctness check —
        `docker compose up` fails with "port is already allocated".

        Do not turn it off: two containers cannot publish the same host port, so the second service
        fails to start; give one of them another port or a profile of its own.

        ## Why is this bad?

        Only one socket can listen on an address and port. Compose starts the first service and the
        second fails (or, after a restart, the other way round), so which container answers on the
        port depends on start order.

        ## Example

        ```yaml
        services:
          web:
            image: nginx:1.27
            ports:
              - "8080:80"
          admin:
            image: example/admin:1.0
            ports:
              - "8080:3000"
        ```

        ## Use instead

        ```yaml
        services:
          web:
            image: nginx:1.27
            ports:
              - "8080:80"
          admin:
            image: example/admin:1.0
            ports:
              - "127.0.0.1:8081:3000"
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterProjectAction(context =>
        {
            var findings = new ServiceFindings(context);
            var seen = new List<(ComposeService Service, ComposePort Port, int Start, int End, string? Address)>();
            foreach (var service in context.Project.Services)
            {
                if (service.NetworkMode?.Value == "host")
                {
                    continue;
                }

                foreach (var port in service.Ports)
                {
                    if (port.Error is not null || port.Published is not { Start: { } start, End: { } end } || PortBindings.Binding(port) == HostBinding.Unknown)
                    {
                        continue;
                    }

                    var address = PortBindings.Binding(port) == HostBinding.AllInterfaces ? null : port.HostIp!.Trim('[', ']');
                    foreach (var other in seen)
                    {
                        if (other.Port.Protocol == port.Protocol
                            && start <= other.End && other.Start <= end
                            && (address is null || other.Address is null || address == other.Address)
                            && RunTogether(service, other.Service)
                            && !ReferenceEquals(other.Port.Node, port.Node))
                        {
                            findings.Add(service, port.Node, PortBindings.Describe(port), Math.Max(start, other.Start), PortBindings.Describe(other.Port), other.Service.Name);
                            break;
                        }
                    }

                    seen.Add((service, port, start, end, address));
                }
            }

            findings.ReportAll();
        });
    }

    /// <summary>False when both services have profiles and none in common.</summary>
    private static bool RunTogether(ComposeService a, ComposeService b)
    {
        if (a.Profiles.IsEmpty || b.Profiles.IsEmpty)
        {
            return true;
        }

        var profiles = a.Profiles.Select(p => p.Value).ToHashSet();
        return b.Profiles.Any(p => p.Value is null || profiles.Contains(p.Value)) || profiles.Contains(null);
    }
}
