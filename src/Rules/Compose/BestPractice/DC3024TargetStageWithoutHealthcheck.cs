using DockerLint.Rules.Compose.Correctness;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.BestPractice;

/// <summary>A service builds a <c>build.target</c> stage without HEALTHCHECK and defines no <c>healthcheck:</c>.</summary>
public sealed class DC3024TargetStageWithoutHealthcheck : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC3024",
        "No health check in the service or the stage it builds",
        "Service '{0}' has no health check: it defines no healthcheck, and the stage '{1}' it builds has no HEALTHCHECK",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "Neither the service nor the stage it builds (build.target) defines a health check.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Judges the health check of a service from the Compose file and the Dockerfile together. A
        service with `build.target` runs the target stage, not the last one: when neither that
        stage nor the stages it is built on define a `HEALTHCHECK` (`HEALTHCHECK NONE` is a
        decision and counts), and the service has no `healthcheck:`, the `target` is reported. The
        other cases have one owner each: the last stage without `HEALTHCHECK` is DF3002 in the
        Dockerfile, a disabled Compose check is DC3002, and a service another one waits for with
        `condition: service_healthy` is DC2003.

        Turn it off if your orchestrator probes the containers itself.

        ## Why is this bad?

        Docker can then only say whether the process runs, not whether it answers; a `HEALTHCHECK` in
        the Dockerfile's last stage does not help a service that builds an earlier one.

        ## Example

        ```yaml
        services:
          api:
            build:
              target: runtime
              dockerfile_inline: |
                FROM alpine:3.20 AS runtime
                CMD ["api"]
                FROM runtime AS checked
                HEALTHCHECK CMD wget -q --spider http://localhost:8080/health || exit 1
        ```

        ## Use instead

        ```yaml
        services:
          api:
            build:
              target: runtime
              dockerfile_inline: |
                FROM alpine:3.20 AS runtime
                CMD ["api"]
                FROM runtime AS checked
                HEALTHCHECK CMD wget -q --spider http://localhost:8080/health || exit 1
            healthcheck:
              test: ["CMD", "wget", "-q", "--spider", "http://localhost:8080/health"]
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterServiceAction(context =>
        {
            if (context.Service.Node["healthcheck"] is null
                && context.Build is { TargetStage: { } stage, Dockerfile: { } model, Build.Target: { } target }
                && !ReferenceEquals(stage, model.FinalStage)
                && DC2003HealthyDependencyWithoutHealthcheck.HealthcheckOf(stage) is null)
            {
                context.Report(target.Location, context.Service.Name, target.Value);
            }
        });
    }
}
