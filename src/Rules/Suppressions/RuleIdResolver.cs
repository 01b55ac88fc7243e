using System.Collections.Frozen;
using System.Collections.Immutable;
using DockerLint.Rules.Engine;

namespace DockerLint.Rules.Suppressions;

/// <summary>
/// Turns the IDs written in suppression comments into DockerLint rule IDs: our own IDs in any case,
/// and other tools' IDs through the rules' aliases (<c>hadolint:DL3006</c>, <c>buildkit:JSONArgsRecommended</c>).
/// </summary>
internal sealed class RuleIdResolver
{
    private readonly FrozenDictionary<string, Rule> _byId;
    private readonly FrozenDictionary<string, ImmutableArray<string>> _byAlias;
    private readonly FrozenDictionary<string, ImmutableArray<string>> _byBareAlias;

    /// <summary>Creates a resolver over <paramref name="rules"/> (syntax diagnostics included).</summary>
    public RuleIdResolver(IEnumerable<Rule> rules)
    {
        var all = rules.ToList();
        _byId = all.DistinctBy(r => r.Id).ToFrozenDictionary(r => r.Id, StringComparer.OrdinalIgnoreCase);
        var aliases = all.SelectMany(r => r.Aliases.Select(a => (Alias: a, r.Id))).ToList();
        _byAlias = aliases.GroupBy(a => a.Alias, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.Select(a => a.Id).Distinct().ToImmutableArray(), StringComparer.OrdinalIgnoreCase);
        _byBareAlias = aliases.GroupBy(a => a.Alias[(a.Alias.IndexOf(':', StringComparison.Ordinal) + 1)..], StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.Select(a => a.Id).Distinct().ToImmutableArray(), StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The rule IDs <paramref name="id"/> stands for in a comment of <paramref name="syntax"/>; empty when
    /// unknown. In DockerLint's own comments an ID is ours, a <c>tool:ID</c> alias, or another tool's bare ID
    /// (Trivy's older <c>DS002</c> / <c>AVD-DS-0002</c> spellings included).
    /// </summary>
    public ImmutableArray<string> Resolve(string id, SuppressionSyntax syntax)
    {
        if (_byId.TryGetValue(id, out var rule))
        {
            return [rule.Id];
        }

        return syntax switch
        {
            SuppressionSyntax.Hadolint => _byAlias.GetValueOrDefault("hadolint:" + id, []),
            SuppressionSyntax.BuildKit => _byAlias.GetValueOrDefault("buildkit:" + id, []),
            _ => id.Contains(':', StringComparison.Ordinal) ? _byAlias.GetValueOrDefault(RuleAliases.Normalize(id), [])
                : _byBareAlias.TryGetValue(id, out var ids) ? ids
                : _byAlias.GetValueOrDefault(RuleAliases.Normalize("trivy:" + id), []),
        };
    }
}
