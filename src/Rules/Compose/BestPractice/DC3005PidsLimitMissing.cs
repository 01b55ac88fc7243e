using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.BestPractice;

/// <summary>A service has no process limit: neither <c>deploy.resources.limits.pids</c> nor <c>pids_limit</c>, or <c>-1</c> (opt-in).</summary>
public sealed class DC3005PidsLimitMissing : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DC3005",
        "No process limit",
        "The {1} {0} for processes; set deploy.resources.limits.pids",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "Without a pids limit a fork bomb or a thread leak in one container can exhaust the host's process table.",
        "availability",
        "CWE-770");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:221e0658-cb2a-44e3-b08a-db96a341d6fa"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a service with no process limit — neither `deploy.resources.limits.pids` nor
        `pids_limit` — on its name, and one whose limit is turned off (`-1` or `0`) on that value.
        A limit from an unknown variable counts as set.

        The rule is **off by default**, for the same reason as DC3003: almost no Compose file sets
        it. Turn it on for hardened deployments (CIS Docker 5.29).

        ## Why is this bad?

        Process IDs are shared by the whole host. A fork bomb, or a server that starts a thread per
        connection under load, can use them all up, and then nothing on the host — not even an
        administrator's shell — can start a process.

        ## Example

        ```yaml
        services:
          api:
            image: example/api:2.1
            pids_limit: -1
        ```

        ## Use instead

        ```yaml
        services:
          api:
            image: example/api:2.1
            deploy:
              resources:
                limits:
                  pids: 200
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
        => context.RegisterProjectAction(context => ResourceLimits.Check(context, s => [("pids", s.Limits?.Pids), ("pids_limit", s.PidsLimit)]));
}
