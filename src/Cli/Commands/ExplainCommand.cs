using DockerLint.Rules.Engine;

namespace DockerLint.Cli.Commands;

/// <summary>
/// <c>dockerlint explain ID</c>: prints the rule's documentation page (the text of
/// <c>docs/rules/ID.md</c>). The ID may be written in any case, or be another tool's alias
/// (<c>DL3002</c>, <c>hadolint:DL3002</c>). An unknown ID is a usage error with a suggestion.
/// </summary>
internal static class ExplainCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(string id, CliEnvironment environment)
    {
        var rules = RulesCommand.Catalog(environment);
        var matches = Find(rules, id);
        if (matches.Count == 0)
        {
            var suggestion = Suggest(rules, id);
            environment.Error.WriteLine(suggestion is null
                ? $"dockerlint: error: unknown rule '{id}'. Run 'dockerlint rules' to list the rules."
                : $"dockerlint: error: unknown rule '{id}'; did you mean '{suggestion}'? Run 'dockerlint rules' to list the rules.");
            return ExitCodes.UsageError;
        }

        for (var i = 0; i < matches.Count; i++)
        {
            if (i > 0)
            {
                environment.Output.Write("\n---\n\n");
            }

            environment.Output.Write(RuleDocs.Page(matches[i]));
        }

        return ExitCodes.Success;
    }

    /// <summary>The rule with ID <paramref name="id"/>, or the rules that have it as an alias.</summary>
    public static List<Rule> Find(IReadOnlyList<Rule> rules, string id)
    {
        var byId = rules.Where(r => string.Equals(r.Id, id, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byId.Count > 0)
        {
            return byId;
        }

        return [.. rules.Where(r => r.Aliases.Any(a => RuleAliases.Matches(a, id)))];
    }

    /// <summary>The ID closest to <paramref name="id"/> (at most two edits away; on a tie, the one sharing the longest start), or null.</summary>
    public static string? Suggest(IReadOnlyList<Rule> rules, string id)
    {
        var wanted = id.ToUpperInvariant();
        return rules
            .Select(r => (r.Id, Distance: Distance(r.Id, wanted)))
            .Where(c => c.Distance <= 2)
            .OrderBy(c => c.Distance)
            .ThenByDescending(c => CommonPrefix(c.Id, wanted))
            .ThenBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => c.Id)
            .FirstOrDefault();
    }

    private static int CommonPrefix(string a, string b)
    {
        var length = 0;
        while (length < a.Length && length < b.Length && a[length] == b[length])
        {
            length++;
        }

        return length;
    }

    /// <summary>The Levenshtein distance between two strings.</summary>
    public static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
