using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Compose.Yaml;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Correctness;

/// <summary>A service uses a network, named volume, secret or config that is not declared at the top level.</summary>
public sealed class DC2002UndefinedResource : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC2002",
        "Reference to an undeclared network, volume, secret or config",
        "Service '{0}' uses the {1} '{2}', which is not declared under the top-level '{3}:'",
        RuleCategories.Correctness,
        DiagnosticSeverity.Error,
        "A service uses a network, named volume, secret or config that the project does not declare, so docker compose refuses to start.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports, in the merged project, a service that joins a network (`networks:`), mounts a named
        volume (`volumes:` short or long syntax, `type: volume`), or uses a secret or config
        (`secrets:`, `configs:`, `build.secrets:`) that has no entry in the matching top-level
        section. The `default` network is always there; bind mounts, anonymous volumes and names
        with unknown variables are not checked. A project whose first file is not one docker
        compose reads by default is not checked: an overlay such as `compose.tests.yaml`, or an
        `extends` fragment, uses what the file it is combined with declares.

        Do not turn it off: docker compose refuses a network, volume, secret or config that no
        top-level section declares; lint an overlay together with the files it is combined with
        instead.

        ## Why is this bad?

        docker compose rejects the project (`service "api" refers to undefined network backend`,
        `undefined volume`, `undefined secret`) before it starts anything. JSON-schema validation
        does not see it: the schema cannot compare names across sections.

        ## Example

        ```yaml
        services:
          api:
            image: example/api:2.1
            networks: [backend]
            volumes:
              - data:/var/lib/api
        ```

        ## Use instead

        ```yaml
        services:
          api:
            image: example/api:2.1
            networks: [backend]
            volumes:
              - data:/var/lib/api
        networks:
          backend:
        volumes:
          data:
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterServiceAction(context =>
        {
            var project = context.Project;
            var service = context.Service;
            if (PartialProjects.MayBePartial(project))
            {
                return;
            }

            var networks = project.Networks.Select(n => n.Name).Append("default").ToHashSet(StringComparer.Ordinal);
            foreach (var network in service.Networks.Where(n => !networks.Contains(n.Name)))
            {
                context.Report(network.Node, service.Name, "network", network.Name, "networks");
            }

            var volumes = project.Volumes.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
            foreach (var volume in service.Volumes)
            {
                if (volume is { Type: "volume", Source: { Length: > 0 } name, SourceIsUnknown: false } && !volumes.Contains(name) && !name.Contains('/') && !name.Contains('\\'))
                {
                    var node = volume.Node is YamlMapping mapping && mapping["source"] is { } source ? source : volume.Node;
                    context.Report(node, service.Name, "volume", name, "volumes");
                }
            }

            Check(context, service.Secrets, project.Secrets, "secret", "secrets");
            Check(context, service.Build?.Secrets ?? [], project.Secrets, "build secret", "secrets");
            Check(context, service.Configs, project.Configs, "config", "configs");
        });
    }

    private static void Check(ServiceContext context, IEnumerable<ComposeResourceReference> used, IEnumerable<ComposeResource> declared, string what, string section)
    {
        var names = declared.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var reference in used)
        {
            var name = reference.SourceNode is YamlScalar scalar ? context.Project.Interpolation.Resolve(scalar).Value : reference.Source;
            if (name is { Length: > 0 } && !names.Contains(name))
            {
                context.Report(reference.SourceNode, context.Service.Name, what, name, section);
            }
        }
    }
}
