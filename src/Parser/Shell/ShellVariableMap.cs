namespace DockerLint.Parser.Shell;

/// <summary>
/// A simple dictionary-backed <see cref="IShellVariables"/>. Names not in the map are
/// <see cref="ShellVariableState.NotSet"/>. With <c>ignoreCase</c> names match case-insensitively,
/// which is how BuildKit treats environment names on Windows.
/// </summary>
public sealed class ShellVariableMap : IShellVariables
{
    private readonly Dictionary<string, ShellVariableLookup> _entries;

    /// <summary>Creates an empty map.</summary>
    /// <param name="ignoreCase">True for Windows semantics (names compared case-insensitively).</param>
    public ShellVariableMap(bool ignoreCase = false)
    {
        IgnoreCase = ignoreCase;
        _entries = new Dictionary<string, ShellVariableLookup>(ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
    }

    /// <summary>True when names are compared case-insensitively.</summary>
    public bool IgnoreCase { get; }

    /// <summary>The number of names in the map.</summary>
    public int Count => _entries.Count;

    /// <summary>
    /// Builds a map from <c>NAME=value</c> entries, like BuildKit's <c>EnvsFromSlice</c>: the text
    /// after the first <c>=</c> is the value, an entry without <c>=</c> sets an empty value, and a
    /// later entry for the same name wins.
    /// </summary>
    public static ShellVariableMap FromAssignments(IEnumerable<string> assignments, bool ignoreCase = false)
    {
        var map = new ShellVariableMap(ignoreCase);
        if (assignments is null)
        {
            return map;
        }

        foreach (var entry in assignments)
        {
            if (entry is null)
            {
                continue;
            }

            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                map.Set(entry, string.Empty);
            }
            else
            {
                map.Set(entry[..equals], entry[(equals + 1)..]);
            }
        }

        return map;
    }

    /// <summary>Sets a variable to a known value (null is treated as empty).</summary>
    public void Set(string name, string value) => _entries[name ?? string.Empty] = ShellVariableLookup.Known(value);

    /// <summary>Declares a variable whose value cannot be known statically.</summary>
    public void SetUnknown(string name) => _entries[name ?? string.Empty] = ShellVariableLookup.Unknown;

    /// <summary>Removes a variable, making it not set again. Returns true when it was present.</summary>
    public bool Remove(string name) => _entries.Remove(name ?? string.Empty);

    /// <inheritdoc />
    public ShellVariableLookup Lookup(string name) =>
        name is not null && _entries.TryGetValue(name, out var lookup) ? lookup : ShellVariableLookup.NotSet;
}
