using System.Collections.Frozen;
using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>A service adds <c>ALL</c> capabilities or one that gives control over the host (<c>SYS_ADMIN</c>, <c>NET_ADMIN</c>, <c>SYS_PTRACE</c> …).</summary>
public sealed class DC1006DangerousCapabilityAdded : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC1006",
        "Dangerous capability added",
        "cap_add: {0} {1} ({2}); add only the narrow capabilities the service needs",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "The service adds all capabilities, or one that lets root in the container act on the host's kernel, devices, network or other processes.",
        "CWE-250",
        "CWE-269");

    /// <summary>Capabilities that open a way out of the container, with what they allow.</summary>
    private static readonly FrozenDictionary<string, string> s_dangerous = new Dictionary<string, string>
    {
        ["ALL"] = "gives every capability, nearly as much as privileged: true",
        ["SYS_ADMIN"] = "allows mounting file systems and much of what root can do",
        ["SYS_MODULE"] = "allows loading kernel modules",
        ["SYS_RAWIO"] = "allows raw access to devices and memory",
        ["SYS_PTRACE"] = "allows tracing and reading the memory of other processes",
        ["SYS_BOOT"] = "allows rebooting the host",
        ["SYS_TIME"] = "allows setting the host's clock",
        ["SYS_RESOURCE"] = "allows overriding resource limits",
        ["NET_ADMIN"] = "allows reconfiguring interfaces, routes and firewall rules",
        ["DAC_READ_SEARCH"] = "allows reading any file and opening host files by handle",
        ["DAC_OVERRIDE"] = "allows bypassing file permissions",
        ["MAC_ADMIN"] = "allows changing the AppArmor or SELinux policy",
        ["MAC_OVERRIDE"] = "allows bypassing the AppArmor or SELinux policy",
        ["BPF"] = "allows loading eBPF programs into the kernel",
        ["PERFMON"] = "allows kernel performance monitoring",
        ["SYSLOG"] = "allows reading kernel addresses from the kernel log",
        ["LINUX_IMMUTABLE"] = "allows changing immutable files",
        ["SETFCAP"] = "allows giving files capabilities",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:ce76b7d0-9e77-464d-b86f-c5c48e03e22d"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 7.5;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports an entry of a service's `cap_add:` that is `ALL` or a capability that reaches
        beyond the container: `SYS_ADMIN`, `SYS_MODULE`, `SYS_RAWIO`, `SYS_PTRACE`, `SYS_BOOT`,
        `SYS_TIME`, `SYS_RESOURCE`, `NET_ADMIN`, `DAC_READ_SEARCH`, `DAC_OVERRIDE`, `MAC_ADMIN`,
        `MAC_OVERRIDE`, `BPF`, `PERFMON`, `SYSLOG`, `LINUX_IMMUTABLE` and `SETFCAP`, with or without
        the `CAP_` prefix and in any case, on the entry where it is written.

        Narrow capabilities such as `NET_BIND_SERVICE`, `CHOWN` or `SETUID` are not reported: adding
        them back after `cap_drop: [ALL]` is the recommended way to run a service (KICS reports
        every `cap_add`; DockerLint reports the ones that matter). A capability from an unknown
        variable is not reported. Missing `cap_drop: [ALL]` is DC1009's concern.

        Turn it off for projects that are network or system tools (VPN gateways, monitoring agents)
        where these capabilities are the point; prefer suppressing it on those services with `#
        dockerlint ignore=DC1006`.

        ## Why is this bad?

        Capabilities split root's power into pieces; Docker keeps only a small default set. The
        ones listed above give root in the container power over the host: `SYS_ADMIN` allows
        mounting (the classic cgroup `release_agent` escape), `SYS_MODULE` loads kernel code,
        `SYS_PTRACE` reads other processes' memory, `DAC_READ_SEARCH` opens host files by handle
        (the "shocker" escape), `NET_ADMIN` rewrites the network it shares. A compromised process
        with one of them is far more dangerous.

        ## Example

        ```yaml
        services:
          app:
            image: example/app:1.4
            cap_add:
              - SYS_ADMIN
        ```

        ## Use instead

        ```yaml
        services:
          app:
            image: example/app:1.4
            cap_drop:
              - ALL
            cap_add:
              - NET_BIND_SERVICE
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
                foreach (var capability in service.CapAdd)
                {
                    if (capability.Value is { } value && s_dangerous.TryGetValue(Normalize(value), out var why))
                    {
                        findings.Add(service, capability.Node, capability.Span, value, why);
                    }
                }
            }

            findings.ReportAll();
        });
    }

    /// <summary><c>cap_sys_admin</c> → <c>SYS_ADMIN</c>.</summary>
    internal static string Normalize(string capability)
    {
        var name = capability.Trim();
        return name.StartsWith("CAP_", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
    }
}
