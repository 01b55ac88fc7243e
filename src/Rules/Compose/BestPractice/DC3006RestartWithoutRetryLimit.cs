using System.Collections.Immutable;
using DockerLint.Parser.Compose.Yaml;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.BestPractice;

/// <summary>A service restarts on failure without a maximum number of attempts (opt-in).</summary>
public sealed class DC3006RestartWithoutRetryLimit : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DC3006",
        "Restart on failure without a retry limit",
        "{0} restarts a failing container forever ({2}); give a maximum, such as {1}",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "A container that fails at start is restarted without end, which hides the failure and keeps using resources.",
        "availability");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:2fc99041-ddad-49d5-853f-e35e70a48391"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports `restart: on-failure` without a count (`on-failure:5` is fine), and a
        `deploy.restart_policy` whose `condition` is `on-failure` with no `max_attempts`, on the
        value that sets the policy. Values from unknown variables are not
        reported.

        `restart: always` and `unless-stopped` are not reported, nor is the `deploy` condition
        `any` (the default), which is Swarm's `always`. They are meant for long-running
        services that must come back after a crash or a reboot, where a limit would leave the
        service down; Docker already waits longer between attempts (doubling up to a minute), so
        they do not spin. KICS asks for exactly `on-failure:5`; DockerLint accepts any limit.

        The rule is **off by default**: an endless retry is a reasonable choice for a service that
        waits for a dependency, and whether a crash loop should stop is a matter of operations
        policy. Turn it on where a failing service must surface instead of retrying.

        ## Why is this bad?

        A container that cannot start (bad configuration, missing secret) is restarted without end.
        The failure only shows up as a restart count, logs grow, and each attempt may do work — a
        migration, a connection storm — that a limit would have stopped.

        ## Example

        ```yaml
        services:
          migrate:
            image: example/migrate:1.0
            restart: on-failure
        ```

        ## Use instead

        ```yaml
        services:
          migrate:
            image: example/migrate:1.0
            restart: on-failure:5
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
                if (service.Restart is { Value: { } restart } value && restart.Trim() == "on-failure")
                {
                    findings.Add(service, value.Node, value.Span, "restart: on-failure", "on-failure:5");
                }

                if ((service.Node["deploy"] as YamlMapping)?["restart_policy"] is YamlMapping policy
                    && policy["max_attempts"] is null
                    && policy["condition"] is YamlScalar scalar
                    && context.Project.Interpolation.Resolve(scalar) is { Value: { } condition } written
                    && condition.Trim() == "on-failure")
                {
                    findings.Add(service, scalar, written.Span, "deploy.restart_policy condition: on-failure", "max_attempts: 5");
                }
            }

            findings.ReportAll();
        });
    }
}
