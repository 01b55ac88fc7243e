using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>A bind mount uses shared or slave propagation (<c>shared</c>, <c>rshared</c>, <c>slave</c>, <c>rslave</c>).</summary>
public sealed class DC1015SharedBindPropagation : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC1015",
        "Shared mount propagation",
        "'{0}' uses {1} propagation ({2}); keep the default rprivate",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "Mounts made on one side of the bind mount appear on the other, so the container and the host can change each other's mount tables.",
        "CWE-668");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:baa452f0-1f21-4a25-ace5-844e7a5f410d"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 5.5;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a volume entry whose bind propagation is `shared`, `rshared`, `slave` or `rslave`,
        in the short syntax (`/mnt/data:/data:rshared`) and the long syntax (`bind: {propagation:
        rshared}`). `private` and `rprivate` (the default) are fine.

        Turn it off for projects whose services mount file systems that the host must see (storage
        drivers, `rclone` or FUSE mount services).

        ## Why is this bad?

        With `shared` propagation a mount made inside the container also appears on the host — a
        container that can mount (with `SYS_ADMIN`) can then place file systems into the host's
        tree. With `slave`, host mounts appear inside the container later, including ones nobody
        meant to share. Both tie the container's mount namespace to the host's and are needed only
        by storage drivers and mount helpers.

        ## Example

        ```yaml
        services:
          app:
            image: example/app:1.4
            volumes:
              - /mnt/data:/data:rshared
        ```

        ## Use instead

        ```yaml
        services:
          app:
            image: example/app:1.4
            volumes:
              - /mnt/data:/data
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
                foreach (var mount in service.Volumes)
                {
                    if (mount.Propagation is "shared" or "rshared" or "slave" or "rslave")
                    {
                        var shown = mount.Node is Parser.Compose.Yaml.YamlScalar scalar ? scalar.Value : $"{mount.Source}:{mount.Target}";
                        findings.Add(service, mount.Node, shown, mount.Propagation);
                    }
                }
            }

            findings.ReportAll();
        });
    }
}
