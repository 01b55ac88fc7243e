using System.Collections.Immutable;
using DockerLint.Rules.Dockerfile.Security;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>A service sets <c>user: root</c> (or <c>0</c>, <c>0:0</c>, <c>root:root</c>).</summary>
public sealed class DC1001RootUser : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC1001",
        "Service runs as root",
        "The {1} runs as root (user: {0}); use an unprivileged user",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "The service's user is root, so its processes run as root in the container.",
        "CWE-250");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override double? SecuritySeverity => 6.5;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a service whose `user:` is root: `root`, `0`, with or without a group
        (`root:root`, `0:0`), after interpolation. A user that comes from a variable whose value is
        unknown is not reported; a service with no `user:` is left to the image (see DF1001 for the
        Dockerfile it builds).

        Turn it off for projects whose services must run as root by design (a service that manages the
        host's network or devices); for one service, put `# dockerlint ignore=DC1001` above its
        `user:`.

        ## Why is this bad?

        Setting `user: root` overrides a non-root `USER` of the image and gives the container's
        processes root rights: a container escape then lands as root on the host.

        ## Example

        ```yaml
        services:
          app:
            image: example/app:1.4
            user: root
        ```

        ## Use instead

        ```yaml
        services:
          app:
            image: example/app:1.4
            user: "10001:10001"
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
                if (service.User is { Value: { } value } user && DF1001RootUser.IsRoot(value.Split(':')[0]))
                {
                    findings.Add(service, user.Node, value);
                }
            }

            findings.ReportAll();
        });
    }
}
