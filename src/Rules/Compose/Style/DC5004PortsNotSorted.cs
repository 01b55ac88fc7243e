using System.Collections.Immutable;
using DockerLint.Parser.Compose.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Style;

/// <summary>The ports of a service are not in ascending order (opt-in).</summary>
public sealed class DC5004PortsNotSorted : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DC5004",
        "Ports not in order",
        "Port {0} of service '{1}' should come before {2}",
        RuleCategories.Style,
        DiagnosticSeverity.Info,
        "The ports of a service are not sorted by published port.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["dclint:service-ports-alphabetical-order"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Off by default. Reports a port of a service's `ports:` (short or long syntax) whose
        published port (the container port when none is published) is lower than that of a port
        written right above it. Ports with unknown variables are skipped.

        Turn it on to keep the ports of services in ascending order.

        ## Why is this bad?

        Sorted ports show at once which host ports a service takes, and duplicates stand next to
        each other. A matter of taste, hence opt-in.

        ## Example

        ```yaml
        services:
          web:
            image: nginx:1.27
            ports:
              - "127.0.0.1:8443:443"
              - "127.0.0.1:8080:80"
        ```

        ## Use instead

        ```yaml
        services:
          web:
            image: nginx:1.27
            ports:
              - "127.0.0.1:8080:80"
              - "127.0.0.1:8443:443"
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterServiceAction(context =>
        {
            WrittenFiles.ReportOutOfOrder(
                context.Service.Ports,
                port => Number(port),
                (port, after) => context.Report(port.Node, Number(port), context.Service.Name, Number(after)));
        });
    }

    private static int? Number(ComposePort port) => port.Published is { } published ? published.Start : port.Target?.Start;
}
