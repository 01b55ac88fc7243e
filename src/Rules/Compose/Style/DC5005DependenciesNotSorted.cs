using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Style;

/// <summary>The <c>depends_on</c> entries of a service are not in alphabetical order (opt-in).</summary>
public sealed class DC5005DependenciesNotSorted : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DC5005",
        "depends_on not in alphabetical order",
        "Dependency '{0}' of service '{1}' should come before '{2}'",
        RuleCategories.Style,
        DiagnosticSeverity.Info,
        "The depends_on entries of a service are not sorted by name.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["dclint:service-dependencies-alphabetical-order"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Off by default. Reports a `depends_on` entry (list or mapping form) whose service name
        sorts before that of the entry written right above it, ignoring case.

        Turn it on to keep `depends_on` lists in alphabetical order.

        ## Why is this bad?

        The order of `depends_on` does not decide the start order (the dependency graph does), so a
        sorted list only helps the reader. A matter of taste, hence opt-in.

        ## Example

        ```yaml
        services:
          api:
            image: example/api:2.1
            depends_on: [redis, db]
          db:
            image: postgres:16
          redis:
            image: redis:7.4
        ```

        ## Use instead

        ```yaml
        services:
          api:
            image: example/api:2.1
            depends_on: [db, redis]
          db:
            image: postgres:16
          redis:
            image: redis:7.4
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterServiceAction(context =>
        {
            WrittenFiles.ReportOutOfOrder(
                context.Service.DependsOn,
                dependency => new DC5003ServicesNotSorted.SortKey(dependency.Service),
                (dependency, after) => context.Report(dependency.Node, dependency.Service, context.Service.Name, after.Service));
        });
    }
}
