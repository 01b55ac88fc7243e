using System.Collections.Immutable;

namespace DockerLint.Rules.Engine;

/// <summary>
/// A rule's configured options (trusted registries, allowed ports, secret-name patterns …), keyed by
/// name. Rules whose concern needs a value stay silent when it is not set.
/// </summary>
public sealed class RuleOptions
{
    private readonly ImmutableDictionary<string, ImmutableArray<string>> _values;

    /// <summary>Creates options from name → values.</summary>
    public RuleOptions(IReadOnlyDictionary<string, ImmutableArray<string>> values)
    {
        _values = values.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>No options.</summary>
    public static RuleOptions Empty { get; } = new(ImmutableDictionary<string, ImmutableArray<string>>.Empty);

    /// <summary>True when the option is set.</summary>
    public bool Contains(string name) => _values.ContainsKey(name);

    /// <summary>The single value of an option (the last one when several), or null.</summary>
    public string? Get(string name) => _values.TryGetValue(name, out var values) && !values.IsEmpty ? values[^1] : null;

    /// <summary>All values of an option (empty when not set).</summary>
    public ImmutableArray<string> GetList(string name) => _values.TryGetValue(name, out var values) ? values : [];
}
