using System.Text.Encodings.Web;
using System.Text.Json;
using DockerLint.Rules.Engine;

namespace DockerLint.Cli.Commands;

/// <summary><c>dockerlint rules</c>: every rule, syntax diagnostics included, as a table or as JSON.</summary>
internal static class RulesCommand
{
    /// <summary>Prints the rules; <paramref name="json"/> for a JSON array.</summary>
    public static int Run(bool json, CliEnvironment environment)
    {
        var rules = Catalog(environment);
        environment.Output.Write(json ? Json(rules) : Table(rules));
        return ExitCodes.Success;
    }

    /// <summary>Every rule the CLI knows, ordered by ID.</summary>
    public static List<Rule> Catalog(CliEnvironment environment) => [.. new AnalyzerEngine(environment.Rules).AllRulesWithSyntax];

    /// <summary>The rules as an aligned text table.</summary>
    public static string Table(IReadOnlyList<Rule> rules)
    {
        var rows = new List<string[]> { new[] { "ID", "SEVERITY", "CATEGORY", "STATUS", "TITLE" } };
        rows.AddRange(rules.Select(r => new[] { r.Id, Severities.From(r.Descriptor.DefaultSeverity).Name(), r.Descriptor.Category, RuleNames.Status(r), RuleNames.Title(r) }));
        var widths = Enumerable.Range(0, 4).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var text = new System.Text.StringBuilder();
        foreach (var row in rows)
        {
            for (var c = 0; c < 4; c++)
            {
                text.Append(row[c].PadRight(widths[c])).Append("  ");
            }

            text.Append(row[4]).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The rules as a JSON array of objects (id, title, severity, category, status, target, aliases, tags, securitySeverity, helpUri).</summary>
    public static string Json(IReadOnlyList<Rule> rules)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            json.WriteStartArray();
            foreach (var rule in rules)
            {
                json.WriteStartObject();
                json.WriteString("id", rule.Id);
                json.WriteString("name", RuleNames.Name(rule));
                json.WriteString("title", RuleNames.Title(rule));
                json.WriteString("severity", Severities.From(rule.Descriptor.DefaultSeverity).Name());
                json.WriteString("category", rule.Descriptor.Category);
                json.WriteString("status", RuleNames.Status(rule));
                json.WriteString("target", RuleNames.Target(rule).ToLowerInvariant());
                json.WriteStartArray("aliases");
                foreach (var alias in rule.Aliases)
                {
                    json.WriteStringValue(alias);
                }

                json.WriteEndArray();
                json.WriteStartArray("tags");
                foreach (var tag in rule.Tags.Distinct(StringComparer.Ordinal))
                {
                    json.WriteStringValue(tag);
                }

                json.WriteEndArray();
                if (rule.SecuritySeverity is { } score)
                {
                    json.WriteNumber("securitySeverity", score);
                }
                else
                {
                    json.WriteNull("securitySeverity");
                }

                json.WriteString("helpUri", rule.HelpUri);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
