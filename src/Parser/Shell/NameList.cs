namespace DockerLint.Parser.Shell;

/// <summary>An insertion-ordered set of names (ordinal comparison).</summary>
internal sealed class NameList
{
    private const int HashThreshold = 16;
    private static readonly string[] s_empty = [];
    private List<string>? _names;
    private HashSet<string>? _set;

    public void Add(string name)
    {
        if (name.Length == 0)
        {
            return;
        }

        _names ??= [];
        if (_set is not null)
        {
            if (_set.Add(name))
            {
                _names.Add(name);
            }

            return;
        }

        foreach (var existing in _names)
        {
            if (string.Equals(existing, name, StringComparison.Ordinal))
            {
                return;
            }
        }

        _names.Add(name);
        if (_names.Count > HashThreshold)
        {
            _set = new HashSet<string>(_names, StringComparer.Ordinal);
        }
    }

    public string[] ToArray() => _names is null ? s_empty : [.. _names];
}
