using DockerLint.Parser.Compose.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>A service publishes a remote-administration port (SSH, Telnet, RDP, VNC) or the Docker API.</summary>
public sealed class DC1003SensitivePortPublished : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC1003",
        "Remote administration or Docker API port published",
        "'{0}' publishes {1} ({2}); do not publish remote administration or Docker API ports",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "The service publishes SSH, Telnet, RDP, VNC or the Docker API on the host, where other machines can reach it.",
        "CWE-284",
        "CWE-668");

    private static readonly SensitivePort[] s_ports =
    [
        new(22, 22, "SSH", UdpToo: false, AnyBinding: false),
        new(23, 23, "Telnet", UdpToo: false, AnyBinding: false),
        new(2375, 2375, "the Docker API without TLS", UdpToo: false, AnyBinding: true),
        new(2376, 2376, "the Docker API", UdpToo: false, AnyBinding: false),
        new(3389, 3389, "RDP", UdpToo: true, AnyBinding: false),
        new(5900, 5909, "VNC", UdpToo: false, AnyBinding: false),
    ];

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override double? SecuritySeverity => 6.5;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports an entry of a service's `ports:` (short or long syntax, ranges included) whose
        container port or published host port is SSH (22), Telnet (23), RDP (3389), VNC
        (5900–5909) or the Docker Engine API (2375 without TLS, 2376 with TLS). A bare container
        port (`- "22"`) counts: Compose publishes it on a random host port.

        A port bound to a loopback address (`127.0.0.1:2222:22`) is not reported, since only the
        host reaches it — except 2375, because the unauthenticated Docker API hands root on the host
        to every local user and to any web page that can make the browser talk to it. A port whose
        host address comes from an unknown variable (`${BIND}:22:22`, `${SSH}:22` where `SSH` may
        hold `127.0.0.1:2222`) is not reported either. `expose:` is not reported: it publishes
        nothing and only documents what other containers on the same network may reach.

        Turn it off for projects whose purpose is remote administration (an SSH bastion, a remote
        desktop) where publishing the port is the point.

        ## Why is this bad?

        These ports hand out control of a machine. A published SSH, Telnet, RDP or VNC server in a
        container is an extra way in, often with weak or default credentials (Telnet and many VNC
        set-ups are not even encrypted), and it is not what containers are meant to be managed with
        (`docker exec` is). The Docker API gives full control of the daemon, which is root on the
        host; on 2375 it needs no credentials at all.

        ## Example

        ```yaml
        services:
          dind:
            image: docker:27-dind
            ports:
              - "2375:2375"
          debug:
            image: example/desktop:3.2
            ports:
              - "5900:5900"
        ```

        ## Use instead

        ```yaml
        services:
          dind:
            image: docker:27-dind
            environment:
              DOCKER_TLS_CERTDIR: /certs   # TLS on 2376, reached by the services that need it
            expose:
              - "2376"
          debug:
            image: example/desktop:3.2
            ports:
              - "127.0.0.1:5900:5900"      # through an SSH tunnel to the host
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
                foreach (var port in service.Ports)
                {
                    if (port.Error is null && Find(port) is { } what)
                    {
                        findings.Add(service, port.Node, PortBindings.Describe(port), what);
                    }
                }
            }

            findings.ReportAll();
        });
    }

    /// <summary>What sensitive port <paramref name="port"/> publishes, as a phrase; null when none.</summary>
    private static string? Find(ComposePort port)
    {
        if (port.Protocol is not ("tcp" or "udp"))
        {
            return null;
        }

        var binding = PortBindings.Binding(port);
        foreach (var sensitive in s_ports)
        {
            if ((port.Protocol == "udp" && !sensitive.UdpToo) || (binding is HostBinding.Loopback or HostBinding.Unknown && !sensitive.AnyBinding))
            {
                continue;
            }

            if (Overlap(port.Target, sensitive) is { } target)
            {
                return $"{sensitive.Name} (container port {target})";
            }

            if (Overlap(port.Published, sensitive) is { } published)
            {
                return $"{sensitive.Name} (host port {published})";
            }
        }

        return null;
    }

    /// <summary>The first port of <paramref name="range"/> the sensitive range covers; null when none or unknown.</summary>
    private static int? Overlap(PortRange? range, SensitivePort sensitive)
    {
        if (range is not { Start: { } start, End: { } end })
        {
            return null;
        }

        var first = Math.Max(start, sensitive.First);
        return first <= Math.Min(end, sensitive.Last) ? first : null;
    }

    /// <summary>A port or range that hands out control of a machine.</summary>
    /// <param name="First">First port.</param>
    /// <param name="Last">Last port.</param>
    /// <param name="Name">What listens there, for the message.</param>
    /// <param name="UdpToo">True when the service also runs over UDP (RDP).</param>
    /// <param name="AnyBinding">True when reported even on loopback or an unknown address (the unauthenticated Docker API).</param>
    private sealed record SensitivePort(int First, int Last, string Name, bool UdpToo, bool AnyBinding);
}
