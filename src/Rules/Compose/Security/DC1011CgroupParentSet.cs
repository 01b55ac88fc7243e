using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>A service places its container under a cgroup of its choosing: <c>cgroup_parent</c>.</summary>
public sealed class DC1011CgroupParentSet : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC1011",
        "Custom cgroup parent",
        "cgroup_parent: {0} places the container outside Docker's cgroup ({1}); check the limits that parent applies",
        RuleCategories.Security,
        DiagnosticSeverity.Info,
        "The container's cgroup is created under a parent the file chooses, whose limits and accounting may not be the ones Docker sets up.",
        "CWE-400");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:4d9f44c6-2f4a-4317-9bb5-267adbea0232"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 3.0;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a service's `cgroup_parent:` (an information, not a warning), on its value. An
        empty value or one from an unknown variable is not reported.

        Turn it off on hosts where resource control through a custom cgroup parent is part of the
        deployment design.

        ## Why is this bad?

        Docker puts every container in its own cgroup under `docker` (or `system.slice`), where the
        host's resource policy for containers applies. A custom parent moves the container under
        another part of the tree — possibly one without memory or CPU limits, or one shared with
        host services — so the container's resource use escapes the policy and is accounted to
        something else. It is legitimate when an operator has prepared that slice on purpose;
        then suppress the finding there.

        ## Example

        ```yaml
        services:
          worker:
            image: example/worker:3.0
            cgroup_parent: system.slice
        ```

        ## Use instead

        ```yaml
        services:
          worker:
            image: example/worker:3.0
            deploy:
              resources:
                limits:
                  memory: 512M
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
                if (service.CgroupParent is { Value: { Length: > 0 } value } parent)
                {
                    findings.Add(service, parent.Node, parent.Span, value);
                }
            }

            findings.ReportAll();
        });
    }
}
