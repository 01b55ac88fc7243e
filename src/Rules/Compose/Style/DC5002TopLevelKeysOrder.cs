using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Style;

/// <summary>The top-level keys are not in the conventional order (opt-in).</summary>
public sealed class DC5002TopLevelKeysOrder : ComposeRule
{
    private static readonly string[] s_order = ["version", "name", "include", "services", "networks", "volumes", "secrets", "configs"];

    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DC5002",
        "Top-level keys out of order",
        "The top-level '{0}' should come before '{1}'",
        RuleCategories.Style,
        DiagnosticSeverity.Info,
        "The top-level keys do not follow the conventional order: extensions, version, name, include, services, networks, volumes, secrets, configs.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["dclint:top-level-properties-order"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Off by default. Checks the top-level keys of each file against dclint's default order:
        `x-` extensions first, then `version`, `name`, `include`, `services`, `networks`,
        `volumes`, `secrets`, `configs`, then any other key. A key written right after one that should
        follow it is reported.

        Turn it on to keep the top-level keys of Compose files in one order, as dclint's
        `top-level-properties-order` does.

        ## Why is this bad?

        Nothing changes for compose. With the extensions (usually anchors) first and the resources
        after the services, every file of a repository reads the same way. A matter of taste, hence
        opt-in.

        ## Example

        ```yaml
        volumes:
          data:
        services:
          db:
            image: postgres:16
            volumes:
              - data:/var/lib/postgresql/data
        ```

        ## Use instead

        ```yaml
        services:
          db:
            image: postgres:16
            volumes:
              - data:/var/lib/postgresql/data
        volumes:
          data:
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterProjectAction(context =>
        {
            foreach (var root in WrittenFiles.Roots(context.Project))
            {
                WrittenFiles.ReportOutOfOrder(
                    WrittenFiles.OwnKeys(root),
                    key => Rank(key.Value),
                    (key, after) => context.Report(key, key.Value, after.Value));
            }
        });
    }

    private static int Rank(string key)
        => key.StartsWith("x-", StringComparison.Ordinal) ? -1 : Array.IndexOf(s_order, key) is var i and >= 0 ? i : s_order.Length;
}
