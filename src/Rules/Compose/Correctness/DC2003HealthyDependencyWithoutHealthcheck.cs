using DockerLint.Parser.Compose;
using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Correctness;

/// <summary><c>depends_on: {x: {condition: service_healthy}}</c> where x has no health check, in Compose or in the Dockerfile it builds.</summary>
public sealed class DC2003HealthyDependencyWithoutHealthcheck : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC2003",
        "Waits for the health of a service that has no health check",
        "Service '{0}' waits for '{1}' to be healthy, but '{1}' {2}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Warning,
        "A dependency with condition service_healthy names a service that defines no health check, so docker compose cannot start the dependent service.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a `depends_on` entry with `condition: service_healthy` whose service has no health
        check: no `healthcheck:` (or one that is disabled) in the Compose file and — for a service
        with `build:` whose Dockerfile DockerLint can read, inline ones included — no `HEALTHCHECK`
        in the stage it builds (`build.target` or the last stage) or the stages that stage is built
        on. A service that only names an `image:` is not reported: the image may define a
        `HEALTHCHECK` that DockerLint cannot see.

        Do not turn it off: `docker compose up` fails on such a dependency (`has no healthcheck
        configured`) and the dependent service never starts; add a `healthcheck:` or wait with
        `condition: service_started`.

        ## Why is this bad?

        docker compose starts the dependency and then fails: `container … has no healthcheck
        configured`. The dependent service never starts.

        ## Example

        ```yaml
        services:
          web:
            image: example/web:1.4
            depends_on:
              api:
                condition: service_healthy
          api:
            build:
              dockerfile_inline: |
                FROM alpine:3.20
                CMD ["api"]
        ```

        ## Use instead

        ```yaml
        services:
          web:
            image: example/web:1.4
            depends_on:
              api:
                condition: service_healthy
          api:
            build:
              dockerfile_inline: |
                FROM alpine:3.20
                HEALTHCHECK CMD wget -q --spider http://localhost:8080/health || exit 1
                CMD ["api"]
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterServiceAction(context =>
        {
            foreach (var dependency in context.Service.DependsOn.Where(d => d.Condition == "service_healthy"))
            {
                if (context.Project.FindService(dependency.Service) is { } target && Missing(context, target) is { } why)
                {
                    context.Report(dependency.Node, context.Service.Name, target.Name, why);
                }
            }
        });
    }

    private static string? Missing(ComposeProjectContext context, ComposeService service)
    {
        if (service.Healthcheck is { } healthcheck)
        {
            return healthcheck.IsDisabled ? "disables its health check" : null;
        }

        if (context.BuildOf(service) is not { TargetStage: { } stage })
        {
            return null;
        }

        return HealthcheckOf(stage) switch
        {
            { IsNone: true } => "defines none in Compose and its Dockerfile turns it off (HEALTHCHECK NONE)",
            null => $"defines none, neither in Compose nor in {DescribeStage(stage)} of its Dockerfile",
            _ => null,
        };
    }

    private static string DescribeStage(Stage stage) => stage.Name is { } name ? $"stage '{name}'" : "the last stage";

    /// <summary>The HEALTHCHECK that applies to <paramref name="stage"/>: its last, or its nearest ancestor's; null when none.</summary>
    internal static HealthcheckInstruction? HealthcheckOf(Stage stage)
        => new[] { stage }.Concat(stage.Ancestors())
            .Select(s => s.OfType<HealthcheckInstruction>().LastOrDefault(h => !h.IsTrigger))
            .FirstOrDefault(h => h is not null);
}
