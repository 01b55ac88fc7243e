using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.BestPractice;

/// <summary>A service logs with the <c>json-file</c> driver without <c>max-size</c>, so its log grows without bound.</summary>
public sealed class DC3007LogRotationMissing : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC3007",
        "Logs without rotation",
        "logging.driver '{0}' without max-size ({1}); its log file grows until the disk is full",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "The json-file log driver keeps every line the container writes, in one file, unless max-size is set.",
        "availability",
        "CWE-400");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a service whose `logging:` chooses the `json-file` driver without a `max-size`
        option, on the driver's value. A `logging:` with options but no driver is read the same way
        when it has `max-file` or other json-file options but no `max-size`.

        Not reported: a service with no `logging:` (the daemon's configuration decides, which a
        linter cannot see), the `local` driver (it rotates by default), drivers that ship logs
        elsewhere (`syslog`, `journald`, `fluentd`, `gelf`, `awslogs` …), and a driver from an
        unknown variable.

        Turn it off for development set-ups whose containers are recreated often and never log much;
        on servers, add `max-size` (and `max-file`).

        ## Why is this bad?

        `json-file` is Docker's default driver and, unless told otherwise, never rotates: a chatty
        or crash-looping service fills `/var/lib/docker` until every container on the host fails
        to write. Choosing the driver explicitly without a size limit is usually an oversight.

        ## Example

        ```yaml
        services:
          api:
            image: example/api:2.1
            logging:
              driver: json-file
        ```

        ## Use instead

        ```yaml
        services:
          api:
            image: example/api:2.1
            logging:
              driver: json-file
              options:
                max-size: 10m
                max-file: "3"
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
                if (service.LoggingOptions.Any(o => o.Key == "max-size"))
                {
                    continue;
                }

                if (service.LoggingDriver is { Value: "json-file" } driver)
                {
                    findings.Add(service, driver.Node, driver.Span, "json-file");
                }
                else if (service.LoggingDriver is null
                    && service.LoggingOptions.FirstOrDefault(o => o.Key is "max-file" or "compress") is { } option)
                {
                    findings.Add(service, option.KeyNode, "json-file (the default)");
                }
            }

            findings.ReportAll();
        });
    }
}
