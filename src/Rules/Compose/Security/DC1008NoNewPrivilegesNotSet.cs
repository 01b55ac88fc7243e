using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>A service does not set <c>security_opt: [no-new-privileges:true]</c> (opt-in).</summary>
public sealed class DC1008NoNewPrivilegesNotSet : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DC1008",
        "no-new-privileges not set",
        "The {0} does not set no-new-privileges; add 'no-new-privileges:true' to security_opt",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "Without no-new-privileges a process in the container can gain privileges through setuid and setcap binaries.",
        "CWE-250");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:27fcc7d6-c49b-46e0-98f1-6c082a6a2750", "kics:610e266e-6c12-4bca-9925-1ed0cd29742b"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 4.0;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a service whose `security_opt:` does not contain `no-new-privileges` (alone, or
        `:true`, `=true`), on the `security_opt` key when there is one and on the service name
        otherwise. A value from an unknown variable counts as set. `no-new-privileges:false`
        written out is DC1007's concern.

        The rule is **off by default**. KICS rates the missing option HIGH, but it is missing from
        nearly every Compose file, so a default-on rule would report on most services of most
        projects and bury the findings that point at a real hole. The option is also often set
        for the whole host in the Docker daemon's `daemon.json`, which a linter cannot see. Turn it
        on for projects that hold their Compose files to a hardening baseline (CIS Docker 5.25).

        ## Why is this bad?

        Without the flag, a process that gets code execution in the container can still become root
        through a setuid binary (`su`, `sudo`, `passwd`) or a file capability in the image.
        `no-new-privileges` makes the kernel ignore those bits, so a service started as an
        unprivileged user stays one. It breaks only programs that need setuid at run time.

        ## Example

        ```yaml
        services:
          app:
            image: example/app:1.4
            user: "10001"
        ```

        ## Use instead

        ```yaml
        services:
          app:
            image: example/app:1.4
            user: "10001"
            security_opt:
              - no-new-privileges:true
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
                if (service.SecurityOpt.Any(o => o.Value is null || IsNoNewPrivileges(o.Value)))
                {
                    continue;
                }

                if (service.Entry("security_opt") is { } entry)
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

    private static bool IsNoNewPrivileges(string option)
        => DC1007SecurityProfileDisabled.Split(option) is ("no-new-privileges", "" or "true" or "1");
}
