using DockerLint.Parser.Shell;

namespace DockerLint.Parser.Tests.Shell;

/// <summary>Unknown variables: results are marked unknown, never guessed, with segments naming the cause.</summary>
[TestFixture]
public sealed class ShellLexerUnknownTests
{
    /// <summary>K is known ("k"), E is known empty, U and W are unknown, anything else is not set.</summary>
    private static ShellVariableMap Variables()
    {
        var map = new ShellVariableMap();
        map.Set("K", "k");
        map.Set("E", string.Empty);
        map.SetUnknown("U");
        map.SetUnknown("W");
        return map;
    }

    private static ShellExpansion Expand(string word) => ShellLexer.Default.ProcessWord(word, Variables());

    private static void AssertSegments(ShellExpansion result, params string[] expected)
    {
        // Literals shown as "text", unknown parts as "?source".
        var actual = result.Segments.Select(s => s.IsUnknown ? "?" + s.Text : s.Text).ToArray();
        Assert.That(actual, Is.EqualTo(expected), $"segments of {result}");
    }

    [Test]
    public void KnownRepositoryUnknownTag()
    {
        var result = Expand("ubuntu:${U}");
        Assert.Multiple(() =>
        {
            Assert.That(result.IsKnown, Is.False);
            Assert.That(result.Value, Is.Null);
            Assert.That(result.Error, Is.Null);
            AssertSegments(result, "ubuntu:", "?${U}");
            Assert.That(result.Segments[0].Kind, Is.EqualTo(ShellSegmentKind.Literal));
            Assert.That(result.Segments[1].Kind, Is.EqualTo(ShellSegmentKind.Unknown));
            Assert.That(result.Segments[1].Variables, Is.EqualTo(new[] { "U" }));
            Assert.That(result.Segments[1].MayFail, Is.False);
            Assert.That(result.MayFail, Is.False);
            Assert.That(result.Variables, Is.EqualTo(new[] { "U" }));
            Assert.That(result.UnsetVariables, Is.Empty);
            Assert.That(result.ToString(), Is.EqualTo("ubuntu:${U}"));
        });
    }

    [Test]
    public void SegmentsInterleaveLiteralAndUnknownParts()
    {
        var result = Expand("a$U-$K-\"$W\"'$U'z");
        AssertSegments(result, "a", "?$U", "-k-", "?$W", "$Uz");
        Assert.That(result.Variables, Is.EqualTo(new[] { "U", "K", "W" }));
    }

    [Test]
    public void KnownResultHasOneLiteralSegment()
    {
        var result = Expand("x$K");
        Assert.Multiple(() =>
        {
            Assert.That(result.IsKnown, Is.True);
            AssertSegments(result, "xk");
            Assert.That(Expand("$E").Segments, Is.Empty);
            Assert.That(Expand("$E").Value, Is.EqualTo(string.Empty));
        });
    }

    // Operators on an unknown variable yield unknown; on known or unset variables they are evaluated.
    [TestCase("${U:-d}")]
    [TestCase("${U-d}")]
    [TestCase("${U:+d}")]
    [TestCase("${U+d}")]
    [TestCase("${U:?m}")]
    [TestCase("${U?m}")]
    [TestCase("${U#p}")]
    [TestCase("${U##p}")]
    [TestCase("${U%p}")]
    [TestCase("${U%%p}")]
    [TestCase("${U/p/r}")]
    [TestCase("${U//p/r}")]
    [TestCase("${U}")]
    [TestCase("$U")]
    public void AnyOperatorOnAnUnknownVariableIsUnknown(string word)
    {
        var result = Expand(word);
        Assert.Multiple(() =>
        {
            Assert.That(result.IsKnown, Is.False);
            Assert.That(result.Error, Is.Null);
            AssertSegments(result, "?" + word);
            Assert.That(result.Segments[0].Variables, Is.EqualTo(new[] { "U" }));
        });
    }

    [TestCase("${N:-d}", "d")]
    [TestCase("${N:-$K}", "k")]
    [TestCase("${E:-d}", "d")]
    [TestCase("${E-d}", "")]
    [TestCase("${K:-$U}", "k")]
    [TestCase("${N:+$U}", "")]
    [TestCase("${U:+}", "")]
    [TestCase("${U+}", "")]
    [TestCase("${K#$K}", "")]
    [TestCase("${K/x/$U}", "k")]
    public void UnknownPartsThatAreNotUsedDoNotMatter(string word, string expected)
    {
        var result = Expand(word);
        Assert.That(result.IsKnown, Is.True, result.ToString());
        Assert.That(result.Value, Is.EqualTo(expected));
    }

    [TestCase("${N:-$U}", "?$U")]
    [TestCase("${N:-a${U}b}", "a", "?${U}", "b")]
    [TestCase("${K:+<$U>}", "<", "?$U", ">")]
    [TestCase("${K/k/[$U]}", "[", "?$U", "]")]
    [TestCase("x${N:-${W:-${U}}}y", "x", "?${W:-${U}}", "y")]
    public void UnknownPartsFlowThroughOperators(string word, params string[] segments) =>
        AssertSegments(Expand(word), segments);

    [Test]
    public void UnknownPartNamesEveryResponsibleVariable()
    {
        var result = Expand("${U:-$W}");
        Assert.That(result.Segments.Single().Variables, Is.EqualTo(new[] { "U", "W" }));

        var pattern = Expand("${K#$U}");
        Assert.That(pattern.Segments.Single().Variables, Is.EqualTo(new[] { "U" }), "K is known; only the pattern is unknown");

        var replaceAll = Expand("${K//k/$U}");
        Assert.That(replaceAll.Segments.Single().Variables, Is.EqualTo(new[] { "U" }));
    }

    [Test]
    public void RequiredCheckOnUnknownVariableMayFail()
    {
        var result = Expand("v${U:?U is required}");
        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.Null);
            Assert.That(result.IsKnown, Is.False);
            Assert.That(result.MayFail, Is.True);
            Assert.That(result.Segments[1].MayFail, Is.True);
        });
    }

    [Test]
    public void DiscardedWordThatMayFailKeepsTheResultUnknown()
    {
        // BuildKit evaluates the word even when the value wins, so an unset U would still fail the build.
        var result = Expand("${K:-${U:?}}");
        Assert.Multiple(() =>
        {
            Assert.That(result.IsKnown, Is.False);
            Assert.That(result.MayFail, Is.True);
            Assert.That(result.Segments.Single().Variables, Is.EqualTo(new[] { "U" }));
        });
    }

    [Test]
    public void UnknownPatternMayFail()
    {
        var result = Expand("${K#$U}");
        Assert.That(result.MayFail, Is.True, "the pattern could turn out to be invalid");
    }

    [Test]
    public void RequiredCheckOnKnownOrUnsetVariable()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Expand("${N:?need N}").Error, Is.EqualTo("N: need N"));
            Assert.That(Expand("${N?}").Error, Does.Contain("N: is not allowed to be unset"));
            Assert.That(Expand("${E:?}").Error, Does.Contain("E: is not allowed to be empty"));
            Assert.That(Expand("${E?}").Value, Is.EqualTo(string.Empty));
            Assert.That(Expand("${K:?m}").Value, Is.EqualTo("k"));
            Assert.That(Expand("${N:?need $U}").Error, Is.EqualTo("N: need $U"), "unknown parts of the message are shown as written");
        });
    }

    [Test]
    public void UnsetVariableIsDecidedByTheCaller()
    {
        var unset = new ShellVariableMap();
        var declared = new ShellVariableMap();
        declared.SetUnknown("TAG");
        Assert.Multiple(() =>
        {
            Assert.That(ShellLexer.Default.ProcessWord("img:${TAG:-latest}", unset).Value, Is.EqualTo("img:latest"));
            Assert.That(ShellLexer.Default.ProcessWord("img:${TAG:-latest}", declared).IsKnown, Is.False);
            Assert.That(ShellLexer.Default.ProcessWord("img:${TAG:-latest}", unset).UnsetVariables, Is.EqualTo(new[] { "TAG" }));
        });
    }

    [Test]
    public void SkipUnsetEnvStillReportsUnknown()
    {
        var lexer = new ShellLexer(new ShellLexerOptions { SkipUnsetEnv = true });
        var result = lexer.ProcessWord("$N ${U:-x} ${N:-$U}", Variables());
        AssertSegments(result, "$N ", "?${U:-x}", " ${N:-", "?$U", "}");
    }

    [Test]
    public void UnknownPartsInDoubleQuotesKeepWordBoundaries()
    {
        var words = ShellLexer.Default.ProcessWords("a \"x$U\" b", Variables());
        Assert.Multiple(() =>
        {
            Assert.That(words.WordBoundariesKnown, Is.True);
            Assert.That(words.IsKnown, Is.False);
            Assert.That(words.Values, Is.Null);
            Assert.That(words.Words, Has.Count.EqualTo(3));
            Assert.That(words.Words[0].Value, Is.EqualTo("a"));
            Assert.That(words.Words[1].IsKnown, Is.False);
            Assert.That(words.Words[1].ToString(), Is.EqualTo("x$U"));
            Assert.That(words.Words[1].Segments.Select(s => s.IsUnknown), Is.EqualTo(new[] { false, true }));
            Assert.That(words.Words[2].Value, Is.EqualTo("b"));
        });
    }

    [TestCase("a $U b")]
    [TestCase("a x$U b")]
    [TestCase("a \"$U\" b")]
    [TestCase("${U:-1 2}")]
    public void UnknownPartsThatCouldSplitOrVanishMakeBoundariesUncertain(string text)
    {
        var words = ShellLexer.Default.ProcessWords(text, Variables());
        Assert.Multiple(() =>
        {
            Assert.That(words.Error, Is.Null);
            Assert.That(words.WordBoundariesKnown, Is.False);
            Assert.That(words.IsKnown, Is.False);
            Assert.That(words.Words.Any(w => !w.IsKnown), Is.True);
        });
    }

    [Test]
    public void ProcessWordsReportsVariablesAndMayFail()
    {
        var words = ShellLexer.Default.ProcessWords("$K \"${U:?}\"${N:-z}", Variables());
        Assert.Multiple(() =>
        {
            // The quoted unknown part is dropped with BuildKit's word buffer, but it could still fail the build.
            Assert.That(words.Words.Select(w => w.ToString()), Is.EqualTo(new[] { "k", "z" }));
            Assert.That(words.MayFail, Is.True);
            Assert.That(words.IsKnown, Is.False);
            Assert.That(words.Variables, Is.EqualTo(new[] { "K", "U", "N" }));
            Assert.That(words.UnsetVariables, Is.EqualTo(new[] { "N" }));
        });
    }

    [Test]
    public void KnownFactoryMakesALiteralExpansion()
    {
        var literal = ShellExpansion.Known("<<EOF");
        Assert.Multiple(() =>
        {
            Assert.That(literal.IsKnown, Is.True);
            Assert.That(literal.Value, Is.EqualTo("<<EOF"));
            Assert.That(literal.Segments.Single().Text, Is.EqualTo("<<EOF"));
            Assert.That(literal.Variables, Is.Empty);
            Assert.That(literal.Error, Is.Null);
        });
    }

    [Test]
    public void LookupValueSemantics()
    {
        Assert.Multiple(() =>
        {
            Assert.That(default(ShellVariableLookup).State, Is.EqualTo(ShellVariableState.NotSet));
            Assert.That(ShellVariableLookup.NotSet.Value, Is.Null);
            Assert.That(ShellVariableLookup.Unknown.Value, Is.Null);
            Assert.That(ShellVariableLookup.Known("v").Value, Is.EqualTo("v"));
            Assert.That(ShellVariableLookup.Known(null!).Value, Is.EqualTo(string.Empty));
            Assert.That(ShellVariableLookup.Known("v") == ShellVariableLookup.Known("v"), Is.True);
            Assert.That(ShellVariableLookup.Known("v") != ShellVariableLookup.Unknown, Is.True);
            Assert.That(ShellVariableLookup.Unknown.ToString(), Is.EqualTo("Unknown"));
        });
    }
}
