namespace DockerLint.Parser.Compose.Schema;

/// <summary>Finds the valid key closest to a misspelt one ("enviroment" → "environment").</summary>
internal static class KeySuggestions
{
    /// <summary>
    /// The candidate nearest to <paramref name="key"/>, compared without case and with <c>-</c> read
    /// as <c>_</c>, when it is at most two edits away (one for keys of up to four characters);
    /// otherwise null. Ties go to the candidate listed first.
    /// </summary>
    public static string? Closest(string key, IEnumerable<string> candidates)
    {
        var normalized = Normalize(key);
        var limit = normalized.Length <= 4 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(normalized, Normalize(candidate));
            if (distance <= limit && distance < bestDistance && distance < normalized.Length)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// The optimal-string-alignment distance (Damerau–Levenshtein without repeated edits of a
    /// substring): insertions, deletions, substitutions and swaps of neighbours each count one.
    /// </summary>
    public static int Distance(string a, string b)
    {
        var rows = a.Length + 1;
        var columns = b.Length + 1;
        var d = new int[rows, columns];
        for (var i = 0; i < rows; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j < columns; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i < rows; i++)
        {
            for (var j = 1; j < columns; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, d[i - 2, j - 2] + 1);
                }

                d[i, j] = value;
            }
        }

        return d[rows - 1, columns - 1];
    }

    private static string Normalize(string key) => key.ToLowerInvariant().Replace('-', '_');
}
