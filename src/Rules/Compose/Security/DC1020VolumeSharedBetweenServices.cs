using System.Collections.Immutable;
using DockerLint.Parser.Compose.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>Several services mount the same named volume or host path, at least one of them writable (opt-in).</summary>
public sealed class DC1020VolumeSharedBetweenServices : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DC1020",
        "Volume shared between services",
        "'{0}' is also mounted by service '{1}' ({2}); a compromised service can change what the other reads",
        RuleCategories.Security,
        DiagnosticSeverity.Info,
        "Two services share a volume or host directory and at least one can write to it, so files cross from one container to the other.",
        "CWE-668");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:8c978947-0ff6-485c-b0c2-0bfca6026466"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 3.0;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a mount of a named volume or a host path (short or long syntax) that an earlier
        service of the project already mounts, when at least one of the two mounts is writable; the
        finding names the first service. Read-only sharing on both sides, anonymous volumes, tmpfs,
        sources from unknown variables, and the same entry shared through an anchor or `extends:`
        (reported once, by the services it names) are not reported. Host paths are compared after
        normalising (`./data` and `./data/` are the same).

        The rule is **off by default** (KICS rates it INFO): sharing a volume is how a web server
        serves the files an application writes, how a backup job reads a database's files, or how
        a sidecar picks up logs — usually on purpose. Turn it on to review every such channel.

        ## Why is this bad?

        A shared writable volume is a channel between containers outside the network: a service that
        is compromised can plant files another one executes, serves or parses (uploaded "static"
        files, configuration, cron scripts). Mounting the consumer's side `:ro` does not close it
        but makes the direction explicit.

        ## Example

        ```yaml
        services:
          app:
            image: example/app:1.4
            volumes:
              - shared:/data
          worker:
            image: example/worker:1.4
            volumes:
              - shared:/data
        volumes:
          shared: {}
        ```

        ## Use instead

        ```yaml
        services:
          app:
            image: example/app:1.4
            volumes:
              - shared:/data:ro
          worker:
            image: example/worker:1.4
            volumes:
              - shared:/data:ro
        volumes:
          shared: {}
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterProjectAction(context =>
        {
            var findings = new ServiceFindings(context);
            var first = new Dictionary<string, (ComposeService Service, ComposeVolumeMount Mount)>(StringComparer.Ordinal);
            foreach (var service in context.Project.Services)
            {
                foreach (var mount in service.Volumes)
                {
                    if (Key(mount) is not { } key)
                    {
                        continue;
                    }

                    if (!first.TryGetValue(key, out var earlier))
                    {
                        first[key] = (service, mount);
                    }
                    else if (earlier.Service != service && !ReferenceEquals(earlier.Mount.Node, mount.Node) && !(earlier.Mount.ReadOnly && mount.ReadOnly))
                    {
                        findings.Add(service, mount.Node, mount.Source, earlier.Service.Name);
                    }
                }
            }

            findings.ReportAll();
        });
    }

    /// <summary>What the mount shares: <c>volume:name</c> or <c>bind:/normalised/path</c>; null for anything else.</summary>
    private static string? Key(ComposeVolumeMount mount)
    {
        if (mount.Source is not { Length: > 0 } source || mount.SourceIsUnknown)
        {
            return null;
        }

        return mount.Type switch
        {
            "volume" => "volume:" + source,
            "bind" => "bind:" + HostMounts.Normalize(source.TrimEnd('/')),
            _ => null,
        };
    }
}
