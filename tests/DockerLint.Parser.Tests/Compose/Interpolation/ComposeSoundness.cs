using DockerLint.Parser.Compose.Interpolation;
using DockerLint.Parser.Shell;
using DockerLint.Parser.Tests.Shell;

namespace DockerLint.Parser.Tests.Compose.Interpolation;

/// <summary>
/// Checks that interpolation never guesses: a result computed with some variables
/// <see cref="ShellVariableState.Unknown"/> must agree with every result computed after replacing them by
/// concrete choices (not set, empty, assorted values).
/// </summary>
internal static class ComposeSoundness
{
    /// <summary>Concrete values tried for unknown variables; null means not set.</summary>
    private static readonly string?[] s_choices = [null, string.Empty, "x", "a b", "}", "${X}", "$$", "-", "{", ":80", "\n"];

    /// <summary>True when <paramref name="value"/> is the literal segments in order with anything in place of each unknown part.</summary>
    public static bool Fits(ComposeInterpolation result, string value) => UnknownSoundness.Fits(result.Segments, value);

    /// <summary>Asserts the shape every result must have, whatever the input.</summary>
    public static void AssertWellFormed(ComposeInterpolation result, string text)
    {
        var shown = UnknownSoundness.Show(text);
        if (result.HasError)
        {
            Assert.That(result.Value, Is.Null, $"an error result has no value ({shown})");
            Assert.That(result.Segments, Is.Empty, $"an error result has no segments ({shown})");
            Assert.That(result.MayFail, Is.False, shown);
            Assert.That(result.Error!.Span.End, Is.LessThanOrEqualTo(text.Length), $"the error span lies in the text ({shown})");
            return;
        }

        if (result.IsKnown)
        {
            Assert.That(result.Segments.All(s => !s.IsUnknown), $"a known result has only literal segments ({shown})");
            Assert.That(string.Concat(result.Segments.Select(s => s.Text)), Is.EqualTo(result.Value), shown);
            Assert.That(result.MayFail, Is.False, shown);
            return;
        }

        Assert.That(result.Segments.Any(s => s.IsUnknown), $"an unknown result has an unknown segment ({shown})");
        Assert.That(result.MayFail, Is.EqualTo(result.Segments.Any(s => s.MayFail)), shown);
        for (var i = 0; i < result.Segments.Count; i++)
        {
            var segment = result.Segments[i];
            if (segment.IsUnknown)
            {
                Assert.That(segment.Variables, Is.Not.Empty, $"an unknown part names its cause ({shown})");
                Assert.That(segment.Variables.All(result.Variables.Contains), $"its names are referenced by the text ({shown})");
                Assert.That(text, Does.Contain(segment.Text), $"an unknown part is shown as written ({shown})");
            }
            else
            {
                Assert.That(segment.Text, Is.Not.Empty, $"literal segments are never empty ({shown})");
                Assert.That(i == 0 || result.Segments[i - 1].IsUnknown, $"literal segments are merged ({shown})");
                Assert.That(segment.Variables, Is.Empty, shown);
            }
        }
    }

    /// <summary>Runs random abstract/concrete pairs for one text over a complete environment and asserts consistency.</summary>
    public static void Check(string text, IReadOnlyList<string> names, Random random, int trials = 4, int refinements = 6)
    {
        for (var trial = 0; trial < trials; trial++)
        {
            var abstractValues = new Dictionary<string, ShellVariableLookup>(StringComparer.Ordinal);
            foreach (var name in names)
            {
                abstractValues[name] = trial == 0 || random.Next(2) == 0 ? ShellVariableLookup.Unknown : Choice(random);
            }

            var abstractResult = ComposeInterpolator.Interpolate(text, Map(abstractValues));
            AssertWellFormed(abstractResult, text);
            for (var refinement = 0; refinement < refinements; refinement++)
            {
                var concreteValues = abstractValues.ToDictionary(
                    pair => pair.Key,
                    pair => pair.Value.State == ShellVariableState.Unknown ? Choice(random) : pair.Value,
                    StringComparer.Ordinal);
                var concrete = ComposeInterpolator.Interpolate(text, Map(concreteValues));
                var context = $"{UnknownSoundness.Show(text)} with {Describe(abstractValues)} refined to {Describe(concreteValues)}";
                AssertRefines(abstractResult, concrete, context);
            }
        }
    }

    private static void AssertRefines(ComposeInterpolation abstractResult, ComposeInterpolation concrete, string context)
    {
        Assert.That(concrete.IsKnown || concrete.HasError, $"without unknown variables the result is known or an error: {context}");
        if (abstractResult.HasError)
        {
            // Definite errors stay errors (the first one compose meets may be another that only the concrete values decide).
            Assert.That(concrete.HasError, $"abstract error '{abstractResult.Error!.Message}' but concrete '{concrete}': {context}");
            return;
        }

        if (abstractResult.IsKnown)
        {
            Assert.That(concrete.Value, Is.EqualTo(abstractResult.Value), $"abstract known: {context}");
            return;
        }

        if (concrete.HasError)
        {
            Assert.That(abstractResult.MayFail, Is.True, $"concrete error '{concrete.Error!.Message}' but '{abstractResult}' does not say it may fail: {context}");
            return;
        }

        Assert.That(Fits(abstractResult, concrete.Value!), $"'{concrete.Value}' does not fit the segments of '{abstractResult}': {context}");
    }

    private static ComposeVariableMap Map(Dictionary<string, ShellVariableLookup> values)
    {
        var map = new ComposeVariableMap(isComplete: true);
        foreach (var (name, lookup) in values)
        {
            switch (lookup.State)
            {
                case ShellVariableState.Known:
                    map.Set(name, lookup.Value!);
                    break;
                case ShellVariableState.Unknown:
                    map.SetUnknown(name);
                    break;
            }
        }

        return map;
    }

    private static ShellVariableLookup Choice(Random random)
    {
        var choice = s_choices[random.Next(s_choices.Length)];
        return choice is null ? ShellVariableLookup.NotSet : ShellVariableLookup.Known(choice);
    }

    private static string Describe(Dictionary<string, ShellVariableLookup> values) =>
        "{" + string.Join(", ", values.Select(pair => $"{pair.Key}={pair.Value}")) + "}";
}
