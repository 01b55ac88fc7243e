using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.BestPractice;

/// <summary>A service turns its health check off: <c>healthcheck: {disable: true}</c> or <c>test: ["NONE"]</c>.</summary>
public sealed class DC3002HealthcheckDisabled : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC3002",
        "Health check disabled",
        "The health check is disabled ({0}) ({1}); define a test that shows the service works",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "The service disables its health check, including one its image defines, so nothing tells whether it works.",
        "availability");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:698ed579-b239-4f8f-a388-baa4bcb13ef8"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a service whose `healthcheck:` says `disable: true`, or whose `test` is `["NONE"]`,
        on that value (after interpolation: `disable: ${NO_CHECK}` with an unknown value is not
        reported). A service with no `healthcheck:` at all is not reported: its image may define a
        `HEALTHCHECK`, which Compose then uses. When the service builds a Dockerfile DockerLint can
        read and the stage it builds defines a `HEALTHCHECK`, the message says that the Compose file
        overrides it.

        Turn it off when an orchestrator or the application's own supervisor probes the services and
        the image checks are switched off on purpose.

        ## Why is this bad?

        Disabling the check also turns off the `HEALTHCHECK` the image defines. Docker then reports
        the container as running even when the process inside hangs, `depends_on` with
        `condition: service_healthy` cannot wait for it, and orchestrators cannot replace it when it
        stops answering.

        ## Example

        ```yaml
        services:
          api:
            image: example/api:2.1
            healthcheck:
              disable: true
        ```

        ## Use instead

        ```yaml
        services:
          api:
            image: example/api:2.1
            healthcheck:
              test: ["CMD", "wget", "-q", "--spider", "http://localhost:8080/health"]
              interval: 30s
              timeout: 5s
              retries: 3
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
                if (service.Healthcheck is not { IsDisabled: true } healthcheck)
                {
                    continue;
                }

                // Cross-file: say so when the Dockerfile the service builds defines the check being turned off.
                var overrides = context.BuildOf(service) is { TargetStage: { } stage }
                    && Correctness.DC2003HealthyDependencyWithoutHealthcheck.HealthcheckOf(stage) is { IsNone: false }
                    ? ", which overrides the HEALTHCHECK of its Dockerfile"
                    : "";
                if (healthcheck.Disable && healthcheck.Node["disable"] is { } disable)
                {
                    findings.Add(service, disable, "disable: true" + overrides);
                }
                else if (healthcheck.Test is { IsList: true, Items: [var none, ..] })
                {
                    findings.Add(service, none.Node, "test: [\"NONE\"]" + overrides);
                }
            }

            findings.ReportAll();
        });
    }
}
