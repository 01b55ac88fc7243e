using System.Collections.Immutable;
using DockerLint.Parser.Compose.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Correctness;

/// <summary>Two services set the same <c>container_name</c>.</summary>
public sealed class DC2004DuplicateContainerName : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC2004",
        "Duplicate container name",
        "Service '{0}' has the container_name '{1}' of service '{2}'; container names must be unique",
        RuleCategories.Correctness,
        DiagnosticSeverity.Error,
        "Two services set the same container_name; the engine cannot create the second container.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["dclint:no-duplicate-container-names"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports the `container_name` of a service when an earlier service of the merged project
        already uses that name (after interpolation; unknown values are not compared). Two services
        in profiles that share no profile are not reported: they are alternatives, started by
        different `--profile` options (enabling both profiles at once would still clash).

        Do not turn it off: Docker refuses a second container with the same name, so one of the
        services cannot start; remove `container_name` or make the names unique.

        ## Why is this bad?

        A container name is unique on a Docker host. docker compose rejects the project, or the
        second container fails with `Conflict. The container name "/db" is already in use`.
        `container_name` also stops a service from scaling beyond one replica.

        ## Example

        ```yaml
        services:
          db:
            image: postgres:16
            container_name: db
          db-replica:
            image: postgres:16
            container_name: db
        ```

        ## Use instead

        ```yaml
        services:
          db:
            image: postgres:16
            container_name: db
          db-replica:
            image: postgres:16
            container_name: db-replica
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterProjectAction(context =>
        {
            var earlier = new Dictionary<string, List<ComposeService>>(StringComparer.Ordinal);
            foreach (var service in context.Project.Services)
            {
                if (service.ContainerName is not { Value: { Length: > 0 } name } value)
                {
                    continue;
                }

                if (!earlier.TryGetValue(name, out var others))
                {
                    earlier[name] = others = [];
                }

                if (others.FirstOrDefault(other => MayRunTogether(service, other)) is { } clash)
                {
                    context.Report(value.Location, service.Name, name, clash.Name);
                }

                others.Add(service);
            }
        });
    }

    /// <summary>False when both services are in profiles and share none: they are alternatives.</summary>
    private static bool MayRunTogether(ComposeService a, ComposeService b)
    {
        if (a.Profiles.IsEmpty || b.Profiles.IsEmpty || a.Profiles.Any(p => !p.IsKnown) || b.Profiles.Any(p => !p.IsKnown))
        {
            return true;
        }

        return a.Profiles.Select(p => p.Value).Intersect(b.Profiles.Select(p => p.Value), StringComparer.Ordinal).Any();
    }
}
