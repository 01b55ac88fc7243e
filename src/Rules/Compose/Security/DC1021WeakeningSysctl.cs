using DockerLint.Parser.Compose.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Compose.Security;

/// <summary>A <c>sysctls:</c> entry that turns off a network protection of the container's namespace or makes it route traffic.</summary>
public sealed class DC1021WeakeningSysctl : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC1021",
        "Sysctl that weakens network isolation",
        "sysctl {0}={1} (service '{2}') {3}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "A sysctl set for the service turns off a kernel network protection or makes the container a router.",
        "CWE-16");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override double? SecuritySeverity => 5.0;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports `sysctls:` entries (mapping or `KEY=VALUE` list) that weaken the container's network
        namespace: forwarding turned on (`net.ipv4.ip_forward=1`, `net.ipv6.conf.*.forwarding=1`),
        `route_localnet=1`, reverse-path filtering off (`rp_filter=0`), source routing or ICMP
        redirects accepted (`accept_source_route=1`, `accept_redirects=1`) and `proxy_arp=1`, for
        `all`, `default` or a named interface. Sizing and tuning sysctls (`net.core.somaxconn`,
        `net.ipv4.tcp_*`, `kernel.shm*`, `fs.mqueue.*`, `net.ipv4.ip_unprivileged_port_start`) are not
        reported, nor values from unknown variables. Docker itself refuses sysctls that are not
        namespaced, and `network_mode: host` (which would apply them to the host) is DC1010's.

        A VPN or router container needs forwarding: suppress the finding on that service with the reason.

        Turn it off for projects whose services route traffic by design (VPN gateways, routers) and
        need forwarding inside their network namespace.

        ## Why is this bad?

        These switches exist to stop spoofed and redirected traffic: with them off, a compromised
        container can forge source addresses, accept routes from the network, reach services bound to
        127.0.0.1 of its own namespace from outside (`route_localnet`, the CVE-2020-8558 class), or
        forward traffic between networks that were meant to stay apart.

        ## Example

        ```yaml
        services:
          api:
            image: example/api:2.1
            sysctls:
              net.ipv4.conf.all.route_localnet: 1
        ```

        ## Use instead

        ```yaml
        services:
          api:
            image: example/api:2.1
            sysctls:
              net.core.somaxconn: 1024
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
                foreach (var sysctl in service.Sysctls)
                {
                    if (sysctl.Value?.Value is { } value && Weakens(sysctl.Key, value.Trim()) is { } why)
                    {
                        // The whole entry: key and value of a mapping, or the KEY=VALUE item of a list.
                        var span = ReferenceEquals(sysctl.KeyNode.Source, sysctl.Node.Source) && sysctl.KeyNode.Span.Start <= sysctl.Node.Span.Start
                            ? TextSpan.FromBounds(sysctl.KeyNode.Span.Start, sysctl.Node.Span.End)
                            : sysctl.Node.Span;
                        findings.Add(service, sysctl.Node, span, sysctl.Key, value.Trim(), service.Name, why);
                    }
                }
            }

            findings.ReportAll();
        });
    }

    /// <summary>Why the setting weakens isolation, or null when it does not.</summary>
    internal static string? Weakens(string key, string value)
    {
        var leaf = key[(key.LastIndexOf('.') + 1)..];
        var isIpConf = key.StartsWith("net.ipv4.conf.", StringComparison.Ordinal) || key.StartsWith("net.ipv6.conf.", StringComparison.Ordinal);
        return (key, leaf, value) switch
        {
            ("net.ipv4.ip_forward", _, not "0") => "makes the container forward traffic between the networks it is attached to",
            (_, "forwarding", not "0") when isIpConf => "makes the container forward traffic between the networks it is attached to",
            (_, "route_localnet", not "0") when isIpConf => "lets traffic from outside reach services bound to 127.0.0.1 in the container",
            (_, "rp_filter", "0") when isIpConf => "turns off reverse-path filtering, so spoofed source addresses are accepted",
            (_, "accept_source_route", not "0") when isIpConf => "accepts source-routed packets, which let a sender choose the path",
            (_, "accept_redirects", not "0") when isIpConf => "accepts ICMP redirects, which let the network change the container's routes",
            (_, "proxy_arp", not "0") when isIpConf => "answers ARP for other hosts, which can pull their traffic through the container",
            _ => null,
        };
    }
}
