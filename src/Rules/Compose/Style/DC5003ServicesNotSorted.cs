using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Style;

/// <summary>Services are not in alphabetical order (opt-in).</summary>
public sealed class DC5003ServicesNotSorted : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DC5003",
        "Services not in alphabetical order",
        "Service '{0}' should come before '{1}' (alphabetical order)",
        RuleCategories.Style,
        DiagnosticSeverity.Info,
        "The services of a file are not sorted by name.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["dclint:services-alphabetical-order"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Off by default. Reports a service, in each file as written, whose name sorts before the name
        of the service written right above it (ignoring case): each inversion once.

        Turn it on to keep services in alphabetical order in large Compose files.

        ## Why is this bad?

        In a long file, sorted services are found without searching. Many teams prefer the order in
        which the stack starts (database, backend, frontend), which is why the rule is opt-in.

        ## Example

        ```yaml
        services:
          web:
            image: nginx:1.27
          api:
            image: example/api:2.1
        ```

        ## Use instead

        ```yaml
        services:
          api:
            image: example/api:2.1
          web:
            image: nginx:1.27
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterProjectAction(context =>
        {
            foreach (var services in WrittenFiles.Roots(context.Project).Select(r => r["services"]).OfType<Parser.Compose.Yaml.YamlMapping>())
            {
                WrittenFiles.ReportOutOfOrder(
                    WrittenFiles.OwnKeys(services).Where(k => !k.Value.StartsWith("x-", StringComparison.Ordinal)),
                    key => new SortKey(key.Value),
                    (key, after) => context.Report(key, key.Value, after.Value));
            }
        });
    }

    /// <summary>Case-insensitive, then ordinal: the order a sorted list of names has.</summary>
    internal readonly record struct SortKey(string Text) : IComparable
    {
        public int CompareTo(object? obj)
        {
            var other = ((SortKey)obj!).Text;
            var c = string.Compare(Text, other, StringComparison.OrdinalIgnoreCase);
            return c != 0 ? c : string.CompareOrdinal(Text, other);
        }
    }
}
