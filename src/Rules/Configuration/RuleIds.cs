using System.Collections.Immutable;
using DockerLint.Rules.Engine;

namespace DockerLint.Rules.Configuration;

/// <summary>
/// Turns the rule names configuration files use into rule IDs: a DockerLint ID (<c>DF3001</c>, any
/// case), another tool's ID with its tool (<c>hadolint:DL3008</c>) or without (<c>DL3008</c>), matched
/// against the rules' <see cref="Rule.Aliases"/> (not the syntax diagnostics': DF0010 stands for several
/// of another tool's checks at once, and turning one of them off must not silence every malformed argument) by <see cref="RuleAliases.Matches"/> (so Trivy's <c>DS002</c> still means <c>DS-0002</c>). One alias may stand for several rules.
/// </summary>
public sealed class RuleIds
{
    private readonly ImmutableDictionary<string, Rule> _byId;
    private readonly ImmutableArray<Rule> _rules;

    /// <summary>Creates the lookup over <paramref name="rules"/> (rules and syntax diagnostics).</summary>
    public RuleIds(IEnumerable<Rule> rules)
    {
        _rules = [.. rules.DistinctBy(r => r.Id)];
        _byId = _rules.ToImmutableDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The known rules, by ID.</summary>
    public IReadOnlyDictionary<string, Rule> ById => _byId;

    /// <summary>The IDs <paramref name="name"/> stands for; empty when it names no rule.</summary>
    public ImmutableArray<string> Resolve(string name)
    {
        var text = name.Trim();
        if (_byId.TryGetValue(text, out var rule))
        {
            return [rule.Id];
        }

        return [.. _rules.Where(r => r is not SyntaxRule && r.Aliases.Any(a => RuleAliases.Matches(a, text)))
            .Select(r => r.Id)];
    }

    /// <summary>The IDs a hadolint rule (<c>DL3008</c>, <c>SC2086</c>) stands for: aliases <c>hadolint:</c> or <c>shellcheck:</c>.</summary>
    public ImmutableArray<string> ResolveHadolint(string name)
    {
        var text = name.Trim();
        return [.. _rules.Where(r => r is not SyntaxRule && r.Aliases.Any(a =>
                string.Equals(a, "hadolint:" + text, StringComparison.OrdinalIgnoreCase)
                || string.Equals(a, "shellcheck:" + text, StringComparison.OrdinalIgnoreCase)))
            .Select(r => r.Id)];
    }
}
