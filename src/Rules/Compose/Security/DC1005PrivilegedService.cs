using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>A service runs privileged: <c>privileged: true</c>.</summary>
public sealed class DC1005PrivilegedService : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC1005",
        "Privileged service",
        "The {0} runs privileged; grant only the capabilities and devices it needs",
        RuleCategories.Security,
        DiagnosticSeverity.Error,
        "A privileged container has every capability and every host device, and no seccomp, AppArmor or SELinux confinement: root in it is root on the host.",
        "CWE-250");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:ae5b6871-7f45-42e0-bb4c-ab300c4d2026"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 9.0;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports `privileged: true` on a service, after interpolation (`privileged: ${PRIV}` with an
        unknown value is not reported, `${PRIV:-true}` is), on the value where it is written — in an
        anchor, an `extends:` base or an override file, naming every service that receives it.

        Turn it off only for projects whose services genuinely need it (Docker-in-Docker, some system
        agents), or suppress it on the one service with `# dockerlint ignore=DC1005`.

        ## Why is this bad?

        A privileged container gets all capabilities, sees every device of the host, and runs
        without the seccomp, AppArmor and SELinux profiles that normally confine it. Root inside it
        can mount the host's disks, load kernel modules or write to `/sys`: escaping is a matter of
        a few commands. Very few workloads need it — Docker-in-Docker, some system agents — and
        those are better run with the specific capabilities and devices they use.

        ## Example

        ```yaml
        services:
          agent:
            image: example/agent:2.3
            privileged: true
        ```

        ## Use instead

        ```yaml
        services:
          agent:
            image: example/agent:2.3
            cap_add:
              - NET_ADMIN
            devices:
              - /dev/net/tun
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
                if (service.Privileged is { } privileged && privileged.AsBool() == true)
                {
                    findings.Add(service, privileged.Node, privileged.Span);
                }
            }

            findings.ReportAll();
        });
    }
}
