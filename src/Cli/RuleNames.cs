using System.Globalization;
using System.Text;
using DockerLint.Rules.Engine;

namespace DockerLint.Cli;

/// <summary>Names and text of rules as the outputs show them.</summary>
internal static class RuleNames
{
    /// <summary>The rule's title.</summary>
    public static string Title(Rule rule) => rule.Descriptor.Title.ToString(CultureInfo.InvariantCulture);

    /// <summary>The rule's description (the descriptor's), or its title when it has none.</summary>
    public static string Description(Rule rule)
        => rule.Descriptor.Description.ToString(CultureInfo.InvariantCulture) is { Length: > 0 } description ? description : Title(rule);

    /// <summary>
    /// A stable identifier-like name: the pattern the class is named after (<c>DF1001RootUser</c> →
    /// <c>RootUser</c>), or for syntax diagnostics the title in Pascal case.
    /// </summary>
    public static string Name(Rule rule)
    {
        var type = rule.GetType().Name;
        if (type.StartsWith(rule.Id, StringComparison.Ordinal) && type.Length > rule.Id.Length)
        {
            return type[rule.Id.Length..];
        }

        var name = new StringBuilder();
        foreach (var word in Title(rule).Split([' ', '-', '_', '/', '.', ',', '(', ')', '\'', '"', ':'], StringSplitOptions.RemoveEmptyEntries))
        {
            name.Append(char.ToUpperInvariant(word[0])).Append(word.AsSpan(1));
        }

        return name.Length == 0 ? rule.Id : name.ToString();
    }

    /// <summary>
    /// How often a finding is right, in GitHub's words (<c>very-high</c>, <c>high</c>, <c>medium</c>,
    /// <c>low</c>): syntax and schema findings are what BuildKit or docker compose would reject, the
    /// rules are written to flag only what the model shows for sure.
    /// </summary>
    public static string Precision(Rule rule) => rule.Descriptor.Category == RuleCategories.Syntax ? "very-high" : "high";

    /// <summary><c>stable</c> or <c>preview</c>.</summary>
    public static string Status(Rule rule) => rule.Status == RuleStatus.Preview ? "preview" : "stable";

    /// <summary><c>Dockerfile</c> or <c>Compose</c>.</summary>
    public static string Target(Rule rule) => rule.Target == RuleTarget.Compose ? "Compose" : "Dockerfile";
}
