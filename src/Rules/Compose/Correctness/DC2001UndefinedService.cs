using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Compose.Yaml;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Correctness;

/// <summary>A service refers to a service the project does not define: depends_on, links, volumes_from, network_mode/pid/ipc <c>service:</c>.</summary>
public sealed class DC2001UndefinedService : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC2001",
        "Reference to an undefined service",
        "The {0} of service '{1}' names '{2}', which is not a service of this project",
        RuleCategories.Correctness,
        DiagnosticSeverity.Error,
        "A service depends on, links to, or shares a namespace or volumes with a service the merged project does not define, so docker compose refuses to start.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a service name that the merged project (every file given, overrides, `include:` and
        `extends:` applied) does not define, where a service refers to another: `depends_on` (list
        and mapping form, except entries with `required: false`), `links` (`name` or `name:alias`),
        `volumes_from` (`name` or `name:ro`; `container:…` is not checked), and `network_mode`,
        `pid` or `ipc` set to `service:name`. A name with an unknown variable is not reported.
        `extends` to a missing service is reported by the loader (DC0030). A project whose first file
        is not one docker compose reads by default (`compose.yaml`, `docker-compose.yml` …) is not
        checked: files such as `compose.tests.yaml` are overlays written to be combined with another
        file (`-f compose.yaml -f compose.tests.yaml`) that defines the services they refer to.

        Do not turn it off: docker compose refuses a reference to an undefined service; for an overlay
        file linted on its own, lint it together with the file it extends instead.

        ## Why is this bad?

        docker compose validates these references when it loads the project and refuses to run
        anything: `service "web" depends on undefined service "db"`. The usual causes are a typo, a
        service renamed in one place only, or a file linted without the override that defines the
        service — then lint the files together, the way compose reads them.

        ## Example

        ```yaml
        services:
          web:
            image: example/web:1.4
            depends_on:
              - databse
          database:
            image: postgres:16
        ```

        ## Use instead

        ```yaml
        services:
          web:
            image: example/web:1.4
            depends_on:
              - database
          database:
            image: postgres:16
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterServiceAction(context =>
        {
            if (PartialProjects.MayBePartial(context.Project))
            {
                return;
            }

            var service = context.Service;
            var names = context.Project.Services.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
            void Check(YamlNode node, string? name, string where)
            {
                if (name is { Length: > 0 } && !names.Contains(name))
                {
                    context.Report(node, where, service.Name, name);
                }
            }

            foreach (var dependency in service.DependsOn.Where(d => d.Required))
            {
                Check(dependency.Node, dependency.Node is YamlScalar ? Resolved(context, dependency.Node) : dependency.Service, "depends_on");
            }

            foreach (var link in Scalars(service.Node["links"]))
            {
                Check(link, Resolved(context, link)?.Split(':')[0], "links");
            }

            foreach (var from in Scalars(service.Node["volumes_from"]))
            {
                if (Resolved(context, from) is { } text && !text.StartsWith("container:", StringComparison.Ordinal))
                {
                    Check(from, text.Split(':')[0], "volumes_from");
                }
            }

            foreach (var key in (string[])["network_mode", "pid", "ipc"])
            {
                if (service.Node[key] is YamlScalar scalar && Resolved(context, scalar) is { } text && text.StartsWith("service:", StringComparison.Ordinal))
                {
                    Check(scalar, text["service:".Length..], key);
                }
            }
        });
    }

    /// <summary>The scalar items of a sequence.</summary>
    internal static IEnumerable<YamlScalar> Scalars(YamlNode? node) => node is YamlSequence sequence ? sequence.Items.OfType<YamlScalar>() : [];

    private static string? Resolved(ComposeProjectContext context, YamlNode node)
        => node is YamlScalar scalar ? context.Project.Interpolation.Resolve(scalar).Value : null;
}
