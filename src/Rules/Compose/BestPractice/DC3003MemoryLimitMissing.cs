using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.BestPractice;

/// <summary>A service has no memory limit: neither <c>deploy.resources.limits.memory</c> nor <c>mem_limit</c> (opt-in).</summary>
public sealed class DC3003MemoryLimitMissing : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DC3003",
        "No memory limit",
        "The {1} {0} for memory; set deploy.resources.limits.memory",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "Without a memory limit a leak or a load spike in one container can use all the host's memory and get other services killed.",
        "availability",
        "CWE-770");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:bb9ac4f7-e13b-423d-a010-c74a1bfbe492"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a service with no memory limit — neither `deploy.resources.limits.memory` nor the
        older `mem_limit` — on its name, and one whose limit is turned off (`0` or `-1`) on that
        value. Unlike KICS, which looks at `version:` to decide which key counts, both keys are
        accepted in every file. A limit from an unknown variable counts as set.

        The rule is **off by default**: most Compose files are for development, where limits are
        noise, and a default-on rule would report nearly every service of every project. Turn it on
        for files that run in production on a shared host.

        ## Why is this bad?

        An unlimited container can take all the host's memory. The kernel's out-of-memory killer
        then picks a victim — often another service, or the Docker daemon — instead of the
        container that leaks. A limit makes the leaking container the one that restarts.

        ## Example

        ```yaml
        services:
          api:
            image: example/api:2.1
        ```

        ## Use instead

        ```yaml
        services:
          api:
            image: example/api:2.1
            deploy:
              resources:
                limits:
                  memory: 512M
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
        => context.RegisterProjectAction(context => ResourceLimits.Check(context, s => [("memory", s.Limits?.Memory), ("mem_limit", s.MemLimit)]));
}
