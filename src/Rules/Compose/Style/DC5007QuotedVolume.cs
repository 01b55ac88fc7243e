using System.Collections.Immutable;
using DockerLint.Parser.Compose.Yaml;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Style;

/// <summary>A short-syntax volume is quoted where it needs no quotes (opt-in).</summary>
public sealed class DC5007QuotedVolume : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DC5007",
        "Volume quoted",
        "The volume '{0}' of service '{1}' needs no quotes",
        RuleCategories.Style,
        DiagnosticSeverity.Info,
        "A short-syntax volume is quoted although YAML reads it the same way unquoted.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["dclint:no-quotes-in-volumes"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Off by default. Reports a quoted item of a service's `volumes:` (short syntax) whose text
        would read the same unquoted. Items that need their quotes — with `: ` or ` #`, leading or
        trailing spaces, or starting with a YAML indicator (`*`, `&`, `!`, `{`, `[`, `'`, `"`, `%`,
        `@`, `` ` ``, `|`, `>`) — are not reported.

        Turn it on to keep volume entries free of needless quotes.

        ## Why is this bad?

        Quotes that change nothing add noise, and a mix of quoted and unquoted mounts in one file
        looks as if the quotes meant something. A matter of taste, hence opt-in.

        ## Example

        ```yaml
        services:
          db:
            image: postgres:16
            volumes:
              - "db-data:/var/lib/postgresql/data"
        volumes:
          db-data:
        ```

        ## Use instead

        ```yaml
        services:
          db:
            image: postgres:16
            volumes:
              - db-data:/var/lib/postgresql/data
        volumes:
          db-data:
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterProjectAction(context =>
        {
            foreach (var (name, body) in WrittenFiles.Services(context.Project))
            {
                if (body["volumes"] is not YamlSequence sequence)
                {
                    continue;
                }

                foreach (var item in sequence.Items.OfType<YamlScalar>())
                {
                    if (item.Style is YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted && SafeUnquoted(item.Value))
                    {
                        context.Report(item, item.Value, name.Value);
                    }
                }
            }
        });
    }

    private static bool SafeUnquoted(string text)
        => text.Length > 0
            && text.Trim() == text
            && "*&!{}[]'\"%@`|>#,?:-".IndexOf(text[0]) < 0
            && !text.Contains(": ", StringComparison.Ordinal)
            && !text.Contains(" #", StringComparison.Ordinal)
            && !text.EndsWith(':')
            && !text.Any(char.IsControl)
            && !text.Contains('\\');
}
