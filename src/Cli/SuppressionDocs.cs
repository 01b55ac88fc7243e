using System.Text;
using DockerLint.Rules.Engine;

namespace DockerLint.Cli;

/// <summary>
/// The "How to suppress" section of a rule's page: the inline comment with the rule's ID, the peer
/// forms its aliases allow (hadolint comments, BuildKit's <c>check=skip</c>), the configuration forms
/// and the baseline. The forms are described in docs/suppressions.md.
/// </summary>
internal static class SuppressionDocs
{
    /// <summary>The IDs of the rules that report inline suppressions; a comment cannot silence them.</summary>
    private static readonly string[] s_forbidSuppressions = ["DF5090", "DC5090"];

    /// <summary>The section, heading included, ending with one line break.</summary>
    public static string Section(Rule rule)
    {
        var id = rule.Id;
        var section = new StringBuilder("## How to suppress\n\n");
        if (s_forbidSuppressions.Contains(id, StringComparer.Ordinal))
        {
            section.Append("This rule reports inline suppressions, so no comment silences it; leave it off, or turn it off in configuration\n");
            section.Append("(below).\n\n");
        }
        else if (rule.Target == RuleTarget.Dockerfile)
        {
            section.Append("On the next instruction (all its lines), with the reason after `--`; stacked comment lines add up, and the\n");
            section.Append("same comment on a line inside a continued `RUN` covers the next line only:\n\n");
            section.Append("```dockerfile\n").Append($"# dockerlint ignore={id} -- why this is acceptable here\n```\n\n");
            section.Append($"For a block, `# dockerlint disable={id}` … `# dockerlint enable={id}`; for the whole file,\n");
            section.Append($"`# dockerlint global ignore={id}` anywhere in it.\n\n");
        }
        else
        {
            section.Append("On the key (with its whole value) or list item below the comment, or on the line the comment ends:\n\n");
            section.Append("```yaml\n").Append($"    # dockerlint ignore={id} -- why this is acceptable here\n```\n\n");
            section.Append($"For a block, `# dockerlint disable={id}` … `# dockerlint enable={id}`; for the whole file,\n");
            section.Append($"`# dockerlint global ignore={id}` anywhere in it.\n\n");
        }

        if (!s_forbidSuppressions.Contains(id, StringComparer.Ordinal))
        {
            var hadolint = Bare(rule, "hadolint");
            if (hadolint.Count > 0)
            {
                section.Append($"hadolint's comments work too: `# hadolint ignore={string.Join(',', hadolint)}` above an instruction,\n");
                section.Append($"`# hadolint global ignore={string.Join(',', hadolint)}` for the file.\n\n");
            }

            var buildKit = Bare(rule, "buildkit");
            if (buildKit.Count > 0)
            {
                section.Append($"So does BuildKit's check directive: `# check=skip={string.Join(',', buildKit)}` at the top of the file covers\n");
                section.Append("the file (as in BuildKit), the same comment right above an instruction covers that instruction.\n\n");
            }

            if (rule.Aliases.Any(a => !a.Any(char.IsWhiteSpace)))
            {
                section.Append($"A `# dockerlint` comment also accepts the other tools' IDs this rule stands for: {string.Join(", ", rule.Aliases.Where(a => !a.Any(char.IsWhiteSpace)).Select(a => $"`{a}`"))}.\n\n");
            }
        }

        section.Append("Everywhere, in configuration — `.editorconfig`:\n\n");
        section.Append("```ini\n[*]\n").Append($"dotnet_diagnostic.{id}.severity = none\n```\n\n");
        section.Append("or `.dockerlint.yaml`:\n\n");
        section.Append("```yaml\n").Append($"disable: [{id}]\n```\n\n");
        section.Append("To accept today's findings and report only new ones, record them in a baseline (`--write-baseline`).\n");
        section.Append("See [suppressions](../suppressions.md), [baselines](../baselines.md) and [configuration](../configuration.md).\n");
        return section.ToString();
    }

    private static List<string> Bare(Rule rule, string tool)
        => [.. rule.Aliases.Where(a => a.StartsWith(tool + ":", StringComparison.OrdinalIgnoreCase)).Select(a => a[(tool.Length + 1)..])];
}
