using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>A service keeps Docker's default capabilities: no <c>cap_drop: [ALL]</c> (opt-in).</summary>
public sealed class DC1009CapabilitiesNotDropped : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DC1009",
        "Default capabilities not dropped",
        "The {0} keeps Docker's default capabilities; add 'cap_drop: [ALL]' and add back only what it needs",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "The service keeps the capabilities Docker grants by default (CHOWN, DAC_OVERRIDE, FOWNER, SETUID, NET_RAW …), which most services never use.",
        "CWE-250");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:ce76b7d0-9e77-464d-b86f-c5c48e03e22d"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 4.0;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a service whose `cap_drop:` does not contain `ALL` (or `CAP_ALL`), on the `cap_drop`
        key when there is one and on the service name otherwise. A value from an unknown variable
        counts as `ALL`. Which capabilities are added back is DC1006's concern.

        The rule is **off by default**: almost no Compose file drops capabilities, many images need
        a few of the defaults (`CHOWN` and `SETUID` in entrypoints that switch users), and a
        default-on rule would report on nearly every service. Turn it on for hardened deployments.

        ## Why is this bad?

        Docker gives every container about fourteen capabilities, among them `DAC_OVERRIDE`
        (bypass file permissions), `NET_RAW` (forge packets on the container's network), `SETUID`
        and `MKNOD`. A typical web service uses none of them, yet an attacker who gets code
        execution does. Dropping all and adding back the one or two needed shrinks what a
        compromise can do.

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
            cap_drop:
              - ALL
            cap_add:
              - NET_BIND_SERVICE
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
                if (service.CapDrop.Any(c => c.Value is null || DC1006DangerousCapabilityAdded.Normalize(c.Value).Equals("ALL", StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                if (service.Entry("cap_drop") is { } entry)
                {
                    findings.Add(service, entry.Key);
                }
                else
                {
                    findings.Add(service, service.NameNode);
                }
            }

            findings.ReportAll();
        });
    }
}
