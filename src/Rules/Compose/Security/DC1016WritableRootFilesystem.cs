using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>A service's root file system is writable: no <c>read_only: true</c> (opt-in).</summary>
public sealed class DC1016WritableRootFilesystem : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DC1016",
        "Writable root file system",
        "The {0} has a writable root file system; set 'read_only: true' and mount tmpfs or volumes where it writes",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "A process that is compromised can change the container's programs and configuration, and keep what it planted until the container is recreated.",
        "CWE-732");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override double? SecuritySeverity => 3.5;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a service without `read_only: true`: on `read_only: false` when written, and on the
        service's name when the key is missing. A value from an unknown variable is not reported.

        The rule is **off by default**: most images write somewhere outside their volumes (PID
        files, caches, `/tmp`), so turning the root file system read-only needs a `tmpfs:` or a
        volume for each of those places, found by trying. A default-on rule would report almost
        every service. Turn it on for hardened deployments (CIS Docker 5.12).

        ## Why is this bad?

        With a writable root file system, an attacker who gets code execution can replace the
        service's binaries or configuration, drop tools, and survive restarts of the process. A
        read-only root confines writes to the places you chose, which are easier to watch.

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
            read_only: true
            tmpfs:
              - /tmp
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
                if (service.ReadOnly is { } readOnly)
                {
                    if (readOnly.AsBool() == false)
                    {
                        findings.Add(service, readOnly.Node, readOnly.Span);
                    }
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
