using System.Collections.Immutable;
using DockerLint.Parser.Compose.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>
/// A service shares a namespace with the host: <c>network_mode</c>, <c>pid</c>, <c>ipc</c>,
/// <c>uts</c>, <c>userns_mode</c> or <c>cgroup</c> set to <c>host</c>.
/// </summary>
public sealed class DC1010HostNamespaceShared : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC1010",
        "Host namespace shared",
        "{0}: host {1} ({2}); keep the container in its own namespace",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "The service shares the host's network, process, IPC, hostname, user or cgroup namespace, so the isolation that namespace gives is gone.",
        "CWE-653",
        "CWE-668");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
    [
        "kics:071a71ff-f868-47a4-ac0b-3c59e4ab5443",
        "kics:4f31dd9f-2cc3-4751-9b53-67e4af83dac0",
        "kics:baa3890f-bed7-46f5-ab8f-1da8fc91c729",
        "kics:8af7162d-6c98-482f-868e-0d33fb675ca8",
    ];

    /// <inheritdoc />
    public override double? SecuritySeverity => 6.5;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a service that joins one of the host's namespaces, on the value:

        - `network_mode: host` — the host's interfaces, including services bound to its loopback;
        - `pid: host` — every process of the host, visible and signalable;
        - `ipc: host` — the host's shared memory and message queues;
        - `uts: host` — the host's hostname, which root in the container can change;
        - `userns_mode: host` — no user-namespace remapping, even when the daemon enables it;
        - `cgroup: host` — the host's cgroup tree.

        Values are read after interpolation (`network_mode: ${NET_MODE}` with an unknown value is not
        reported). Joining another service or container (`network_mode: service:vpn`,
        `pid: container:app`, `ipc: shareable`) is not the host and is not reported.

        Turn it off for projects that are host agents (monitoring, log collection, network tools)
        whose services must see the host's namespaces.

        ## Why is this bad?

        Namespaces are what makes a container a container. With the host's network namespace the
        service can reach databases and admin endpoints that listen on the host's `127.0.0.1`, and
        its own ports skip Docker's port publishing; with the host's PID namespace it can read
        other processes' environments and, as root, trace or kill them; with the host's IPC
        namespace it can read other programs' shared memory. A compromise of the service is then a
        compromise of the host.

        Monitoring agents (node exporters, log shippers) and some network tools need these modes;
        suppress the rule on those services rather than turning it off.

        ## Example

        ```yaml
        services:
          app:
            image: example/app:1.4
            network_mode: host
            pid: host
        ```

        ## Use instead

        ```yaml
        services:
          app:
            image: example/app:1.4
            ports:
              - "127.0.0.1:8080:8080"
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
                Check(service, service.NetworkMode, "network_mode", "network", findings);
                Check(service, service.Pid, "pid", "process (PID) namespace", findings);
                Check(service, service.Ipc, "ipc", "IPC namespace", findings);
                Check(service, service.Uts, "uts", "hostname (UTS namespace)", findings);
                Check(service, service.UsernsMode, "userns_mode", "user namespace", findings);
                Check(service, service.Cgroup, "cgroup", "cgroup namespace", findings);
            }

            findings.ReportAll();
        });
    }

    private static void Check(ComposeService service, ComposeString? value, string key, string what, ServiceFindings findings)
    {
        if (value?.Value is { } text && text.Trim().Equals("host", StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(service, value.Node, value.Span, key, what);
        }
    }
}
