using DockerLint.Parser.Shell;

namespace DockerLint.Parser.Compose.Interpolation;

/// <summary>
/// A dictionary-backed <see cref="IComposeVariables"/>: names not in the map are
/// <see cref="ShellVariableState.NotSet"/>. Names are compared ordinally (case-sensitive), as docker compose
/// does on Linux and macOS.
/// </summary>
public sealed class ComposeVariableMap : IComposeVariables
{
    // The storage is BuildKit's variable map; this type adds whether the environment is complete.
    private readonly ShellVariableMap _entries = new(ignoreCase: false);

    /// <summary>Creates an empty map.</summary>
    /// <param name="isComplete">True when the map is the whole environment (see <see cref="IComposeVariables.IsComplete"/>).</param>
    public ComposeVariableMap(bool isComplete = false)
    {
        IsComplete = isComplete;
    }

    /// <inheritdoc />
    public bool IsComplete { get; }

    /// <summary>The number of names in the map.</summary>
    public int Count => _entries.Count;

    /// <summary>Builds a map holding every pair of <paramref name="variables"/> as a known value.</summary>
    public static ComposeVariableMap From(IEnumerable<KeyValuePair<string, string>>? variables, bool isComplete)
    {
        var map = new ComposeVariableMap(isComplete);
        if (variables is not null)
        {
            foreach (var (name, value) in variables)
            {
                map.Set(name, value);
            }
        }

        return map;
    }

    /// <summary>Sets a variable to a known value (null is treated as empty).</summary>
    public void Set(string name, string value) => _entries.Set(name, value);

    /// <summary>Declares a variable whose value cannot be known statically.</summary>
    public void SetUnknown(string name) => _entries.SetUnknown(name);

    /// <summary>Removes a variable, making it not set again. Returns true when it was present.</summary>
    public bool Remove(string name) => _entries.Remove(name);

    /// <inheritdoc />
    public ShellVariableLookup Lookup(string name) => _entries.Lookup(name);
}
