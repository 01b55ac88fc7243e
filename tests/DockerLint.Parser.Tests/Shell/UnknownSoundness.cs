using DockerLint.Parser.Shell;

namespace DockerLint.Parser.Tests.Shell;

/// <summary>
/// Checks that unknown values are never guessed: a result computed with some variables
/// <see cref="ShellVariableState.Unknown"/> must agree with every result computed after replacing those
/// variables by concrete choices (not set, empty, or assorted values).
/// </summary>
internal static class UnknownSoundness
{
    /// <summary>Concrete values tried for unknown variables; null means not set.</summary>
    private static readonly string?[] s_choices =
    [
        null, string.Empty, "/home", "a b", "x", "*", "\\*", "}", "${X}", "-", "ab/c", "\\x", "#a", "%", " lead", "trail ", "$0", "\n",
    ];

    /// <summary>A variable source given by a dictionary; missing names are not set.</summary>
    private sealed class Assignment(Dictionary<string, ShellVariableLookup> values, ShellVariableLookup fallback) : IShellVariables
    {
        public ShellVariableLookup Lookup(string name) => values.TryGetValue(name, out var lookup) ? lookup : fallback;
    }

    /// <summary>Runs <paramref name="trials"/> random abstract/concrete pairs for one input and asserts consistency.</summary>
    public static void Check(ShellLexer lexer, string word, int seed, int trials = 6, int refinements = 6)
    {
        var names = CollectNames(lexer, word);
        var random = new Random(seed);

        // Everything unknown, then random mixes of unknown and concrete.
        for (var trial = 0; trial < trials; trial++)
        {
            var abstractValues = new Dictionary<string, ShellVariableLookup>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                abstractValues[name] = trial == 0 || random.Next(2) == 0 ? ShellVariableLookup.Unknown : Choice(random);
            }

            var abstractSource = new Assignment(abstractValues, ShellVariableLookup.NotSet);
            var abstractWord = lexer.ProcessWord(word, abstractSource);
            var abstractWords = lexer.ProcessWords(word, abstractSource);
            AssertWellFormed(abstractWord, word);

            for (var refinement = 0; refinement < refinements; refinement++)
            {
                var concreteValues = new Dictionary<string, ShellVariableLookup>(StringComparer.Ordinal);
                foreach (var (name, lookup) in abstractValues)
                {
                    concreteValues[name] = lookup.State == ShellVariableState.Unknown ? Choice(random) : lookup;
                }

                var concreteSource = new Assignment(concreteValues, ShellVariableLookup.NotSet);
                var context = $"input {Show(word)} with {Describe(abstractValues)} refined to {Describe(concreteValues)}";
                AssertRefines(abstractWord, lexer.ProcessWord(word, concreteSource), context);
                AssertRefines(abstractWords, lexer.ProcessWords(word, concreteSource), context);
            }
        }
    }

    public static void AssertWellFormed(ShellExpansion result, string word)
    {
        if (result.HasError)
        {
            Assert.That(result.Value, Is.Null, $"an error result has no value ({Show(word)})");
            Assert.That(result.Segments, Is.Empty, $"an error result has no segments ({Show(word)})");
            return;
        }

        if (result.IsKnown)
        {
            Assert.That(result.Segments.All(s => !s.IsUnknown), $"a known result has only literal segments ({Show(word)})");
            Assert.That(string.Concat(result.Segments.Select(s => s.Text)), Is.EqualTo(result.Value));
            return;
        }

        Assert.That(result.Segments.Any(s => s.IsUnknown), $"an unknown result has an unknown segment ({Show(word)})");
        for (var i = 0; i < result.Segments.Count; i++)
        {
            var segment = result.Segments[i];
            if (!segment.IsUnknown)
            {
                Assert.That(segment.Text, Is.Not.Empty, $"literal segments are never empty ({Show(word)})");
                Assert.That(i == 0 || result.Segments[i - 1].IsUnknown, $"literal segments are merged ({Show(word)})");
                Assert.That(segment.MayFail, Is.False);
                Assert.That(segment.Variables, Is.Empty);
            }
        }
    }

    private static void AssertRefines(ShellExpansion abstractResult, ShellExpansion concrete, string context)
    {
        Assert.That(concrete.IsKnown || concrete.HasError, $"without unknown variables the result is known or an error: {context}");
        if (abstractResult.HasError)
        {
            Assert.That(concrete.HasError, $"abstract error '{abstractResult.Error}' but concrete value '{concrete.Value}': {context}");
            return;
        }

        if (abstractResult.IsKnown)
        {
            Assert.That(concrete.Error, Is.Null, $"abstract known '{abstractResult.Value}': {context}");
            Assert.That(concrete.Value, Is.EqualTo(abstractResult.Value), $"abstract known: {context}");
            return;
        }

        if (!abstractResult.MayFail)
        {
            Assert.That(concrete.Error, Is.Null, $"abstract '{abstractResult}' does not say it may fail: {context}");
        }

        if (concrete.Value is { } value)
        {
            Assert.That(Fits(abstractResult.Segments, value), $"'{value}' does not fit the segments of '{abstractResult}': {context}");
        }
    }

    private static void AssertRefines(ShellWords abstractResult, ShellWords concrete, string context)
    {
        Assert.That(concrete.IsKnown || concrete.HasError, $"without unknown variables the words are known or an error: {context}");
        if (abstractResult.HasError)
        {
            Assert.That(concrete.HasError, $"abstract words error '{abstractResult.Error}' but concrete '{concrete}': {context}");
            return;
        }

        if (!abstractResult.MayFail)
        {
            Assert.That(concrete.Error, Is.Null, $"abstract words '{abstractResult}' do not say they may fail: {context}");
        }

        if (concrete.Values is not { } values)
        {
            return;
        }

        if (abstractResult.IsKnown)
        {
            Assert.That(values, Is.EqualTo(abstractResult.Values), $"abstract known words: {context}");
            return;
        }

        if (abstractResult.WordBoundariesKnown)
        {
            Assert.That(values, Has.Count.EqualTo(abstractResult.Words.Count), $"word boundaries said known for '{abstractResult}': {context}");
            for (var i = 0; i < values.Count; i++)
            {
                Assert.That(Fits(abstractResult.Words[i].Segments, values[i]), $"word {i} '{values[i]}' does not fit '{abstractResult.Words[i]}': {context}");
            }
        }
    }

    /// <summary>True when <paramref name="value"/> is the literal segments in order with anything in place of each unknown part.</summary>
    public static bool Fits(IReadOnlyList<ShellSegment> segments, string value)
    {
        var position = 0;
        var end = value.Length;
        var first = 0;
        var last = segments.Count - 1;
        if (segments.Count > 0 && !segments[0].IsUnknown)
        {
            if (!value.StartsWith(segments[0].Text, StringComparison.Ordinal))
            {
                return false;
            }

            position = segments[0].Text.Length;
            first = 1;
        }

        if (last >= first && !segments[last].IsUnknown)
        {
            var suffix = segments[last].Text;
            if (end - position < suffix.Length || !value.AsSpan(0, end).EndsWith(suffix, StringComparison.Ordinal))
            {
                return false;
            }

            end -= suffix.Length;
            last--;
        }

        if (segments.Count > 0 && segments.All(s => !s.IsUnknown))
        {
            return position == end;
        }

        for (var i = first; i <= last; i++)
        {
            if (segments[i].IsUnknown)
            {
                continue;
            }

            var index = value.AsSpan(position, end - position).IndexOf(segments[i].Text, StringComparison.Ordinal);
            if (index < 0)
            {
                return false;
            }

            position += index + segments[i].Text.Length;
        }

        return segments.Count > 0 || value.Length == 0;
    }

    public static string Show(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static ShellVariableLookup Choice(Random random)
    {
        var choice = s_choices[random.Next(s_choices.Length)];
        return choice is null ? ShellVariableLookup.NotSet : ShellVariableLookup.Known(choice);
    }

    private static string Describe(Dictionary<string, ShellVariableLookup> values) =>
        "{" + string.Join(", ", values.Select(pair => $"{pair.Key}={(pair.Value.State == ShellVariableState.Known ? Show(pair.Value.Value!) : pair.Value.State.ToString())}")) + "}";

    /// <summary>Names referenced by the word, found by expanding it with everything unknown and with nothing set.</summary>
    private static List<string> CollectNames(ShellLexer lexer, string word)
    {
        var names = new List<string>();
        foreach (var fallback in new[] { ShellVariableLookup.Unknown, ShellVariableLookup.NotSet })
        {
            var source = new Assignment(new Dictionary<string, ShellVariableLookup>(), fallback);
            foreach (var name in lexer.ProcessWord(word, source).Variables.Concat(lexer.ProcessWords(word, source).Variables))
            {
                if (!names.Contains(name))
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }
}
