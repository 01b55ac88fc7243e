using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.BestPractice;

/// <summary>A service has no CPU limit: neither <c>deploy.resources.limits.cpus</c> nor <c>cpus</c>/<c>cpu_quota</c> (opt-in).</summary>
public sealed class DC3004CpuLimitMissing : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DC3004",
        "No CPU limit",
        "The {1} {0} for CPU; set deploy.resources.limits.cpus",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "Without a CPU limit one busy container can starve every other service on the host.",
        "availability",
        "CWE-770");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:6b610c50-99fb-4ef0-a5f3-e312fd945bc3"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a service with no CPU limit — none of `deploy.resources.limits.cpus`, `cpus`,
        `cpu_quota`, `cpu_count` or `cpu_percent` — on its name, and one whose limit is turned off
        (`0`) on that value. A limit from an unknown variable counts as set. CPU shares
        (`cpu_shares`) are a weight, not a limit, and do not count.

        The rule is **off by default**, for the same reason as DC3003: it would report nearly
        every service of every project, and most Compose files are for development. Turn it on for
        files that run in production on a shared host.

        ## Why is this bad?

        A container in a busy loop, or under a flood of requests, can use every core of the host
        and make the other services on it slow to the point of failing their health checks.

        ## Example

        ```yaml
        services:
          worker:
            image: example/worker:3.0
        ```

        ## Use instead

        ```yaml
        services:
          worker:
            image: example/worker:3.0
            deploy:
              resources:
                limits:
                  cpus: "1.5"
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
        => context.RegisterProjectAction(context => ResourceLimits.Check(context, s =>
        [
            ("cpus", s.Limits?.Cpus),
            ("cpus", s.Cpus),
            ("cpu_quota", Scalar(context, s, "cpu_quota")),
            ("cpu_count", Scalar(context, s, "cpu_count")),
            ("cpu_percent", Scalar(context, s, "cpu_percent")),
        ]));

    private static Parser.Compose.Model.ComposeString? Scalar(ComposeProjectContext context, Parser.Compose.Model.ComposeService service, string key)
        => service.Node[key] is Parser.Compose.Yaml.YamlScalar scalar ? context.Project.Interpolation.Resolve(scalar) : null;
}
