using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Configuration;

/// <summary>One .editorconfig file: its path, Roslyn's reading of it, and its text (to point at an entry's line).</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Config">What Roslyn read from it.</param>
/// <param name="Text">Its text.</param>
public sealed record EditorConfigFile(string Path, AnalyzerConfig Config, SourceText Text)
{
    /// <summary>
    /// The entry <c><paramref name="key"/> = <paramref name="value"/></c> (both compared without case, as
    /// Roslyn reads them; the last one in the file, as a later section overrides an earlier one): its
    /// span from the key to the end of the value, and the entry as written; null when there is none.
    /// </summary>
    public (Location Location, string Written)? Find(string key, string value)
    {
        (Location, string)? found = null;
        foreach (var line in Text.Lines)
        {
            var text = Text.ToString(line.Span);
            if (Entry(text) is not { } entry
                || !text.AsSpan(entry.KeyStart, entry.KeyLength).Equals(key, StringComparison.OrdinalIgnoreCase)
                || !text.AsSpan(entry.ValueStart, entry.ValueLength).Equals(value, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var span = TextSpan.FromBounds(line.Start + entry.KeyStart, line.Start + entry.ValueStart + entry.ValueLength);
            found = (Location.Create(Path, span, Text.Lines.GetLinePositionSpan(span)), Text.ToString(span));
        }

        return found;
    }

    /// <summary>
    /// Where the key and the value of a <c>key = value</c> (or <c>key : value</c>) line are, as
    /// .editorconfig reads it: blanks around both trimmed, a value ending at a <c>#</c> or <c>;</c>
    /// comment; null for blank, comment and section lines.
    /// </summary>
    private static (int KeyStart, int KeyLength, int ValueStart, int ValueLength)? Entry(string line)
    {
        var keyStart = 0;
        while (keyStart < line.Length && char.IsWhiteSpace(line[keyStart]))
        {
            keyStart++;
        }

        var separator = line.IndexOfAny(['=', ':'], keyStart);
        if (keyStart == line.Length || line[keyStart] is '#' or ';' or '[' || separator <= keyStart)
        {
            return null;
        }

        var keyEnd = separator;
        while (keyEnd > keyStart && char.IsWhiteSpace(line[keyEnd - 1]))
        {
            keyEnd--;
        }

        var valueStart = separator + 1;
        while (valueStart < line.Length && char.IsWhiteSpace(line[valueStart]))
        {
            valueStart++;
        }

        var valueEnd = line.IndexOfAny(['#', ';'], valueStart) is var comment and >= 0 ? comment : line.Length;
        while (valueEnd > valueStart && char.IsWhiteSpace(line[valueEnd - 1]))
        {
            valueEnd--;
        }

        return (keyStart, keyEnd - keyStart, valueStart, valueEnd - valueStart);
    }
}
