using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DockerLint.Parser.Compose.Yaml;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>
/// A service is given a host device that reaches the host's disks or memory (<c>/dev/sda</c>,
/// <c>/dev/nvme0n1</c>, <c>/dev/mem</c> …), or a device cgroup rule that allows every device.
/// </summary>
public sealed partial class DC1012HostDeviceMapped : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC1012",
        "Host disk or memory device mapped",
        "{0} gives the container {1} ({2}); map a volume or a narrower device instead",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "The service can read and write a host disk, partition or the host's memory directly, bypassing every file permission and mount.",
        "CWE-250",
        "CWE-668");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override double? SecuritySeverity => 7.0;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports an entry of a service's `devices:` (short `/dev/x:/dev/y:rwm` or long syntax) whose
        host device is a disk or partition (`/dev/sd*`, `/dev/hd*`, `/dev/vd*`, `/dev/xvd*`,
        `/dev/nvme*`, `/dev/mmcblk*`, `/dev/dm-*`, `/dev/mapper/*`, `/dev/md*`, `/dev/loop*`) or
        gives access to physical memory (`/dev/mem`, `/dev/kmem`, `/dev/port`), and an entry of
        `device_cgroup_rules:` that allows every device (`a *:* rwm`, `c *:* rwm`, `b *:* rwm`).

        Devices a service is meant to drive — serial adapters (`/dev/ttyUSB0`), GPUs (`/dev/dri`),
        `/dev/net/tun`, `/dev/fuse`, sound and video devices — are not reported. `/dev` bind-mounted
        through `volumes:` is DC1014's concern.

        Turn it off for projects that manage storage on the host (backup, disk-imaging or RAID tools)
        and need its block devices.

        ## Why is this bad?

        A block device in the container is the raw disk: root in the container can mount it, read
        every file of the host, including other containers' data and secrets, and write to it,
        below every permission check. `/dev/mem` is the host's physical memory. A rule that allows
        every device lets the container create any of them with `mknod`.

        ## Example

        ```yaml
        services:
          backup:
            image: example/backup:1.0
            devices:
              - /dev/sda:/dev/sda
        ```

        ## Use instead

        ```yaml
        services:
          backup:
            image: example/backup:1.0
            volumes:
              - /srv/data:/data:ro
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
                foreach (var device in service.Devices)
                {
                    if (device.Source is { } source && Describe(source) is { } what)
                    {
                        findings.Add(service, device.Node, $"devices: {source}", what);
                    }
                }

                if (service.Node["device_cgroup_rules"] is YamlSequence rules)
                {
                    foreach (var rule in rules.Items.OfType<YamlScalar>())
                    {
                        var value = context.Project.Interpolation.Resolve(rule);
                        if (value.Value is { } text && AllDevicesRule().IsMatch(text))
                        {
                            findings.Add(service, rule, value.Span, $"device_cgroup_rules: {text}", "access to every device it creates");
                        }
                    }
                }
            }

            findings.ReportAll();
        });
    }

    private static string? Describe(string source)
    {
        var path = source.Trim();
        if (path is "/dev/mem" or "/dev/kmem" or "/dev/port")
        {
            return "the host's memory";
        }

        return DiskDevice().IsMatch(path) ? "a host disk" : null;
    }

    [GeneratedRegex(@"^/dev/(sd[a-z]|hd[a-z]|vd[a-z]|xvd[a-z]|nvme\d|mmcblk\d|dm-\d|mapper/|md\d|loop\d)")]
    private static partial Regex DiskDevice();

    [GeneratedRegex(@"^\s*[abc]\s+\*:\*")]
    private static partial Regex AllDevicesRule();
}
