using DockerLint.Parser.Shell;

namespace DockerLint.Parser.Tests.Shell;

/// <summary>Expansion with known and unset variables: quoting, escapes, every operator, patterns, options.</summary>
[TestFixture]
public sealed class ShellLexerExpansionTests
{
    private static ShellVariableMap Variables(params string[] assignments) => ShellVariableMap.FromAssignments(assignments);

    private static string? Expand(string word, params string[] assignments) =>
        ShellLexer.Default.ProcessWord(word, Variables(assignments)).Value;

    [TestCase("plain", "plain")]
    [TestCase("a'b c'd", "ab cd")]
    [TestCase("\"a $FOO b\"", "a foo b")]
    [TestCase("'$FOO'", "$FOO")]
    [TestCase("\\$FOO", "$FOO")]
    [TestCase("\"\\$FOO\"", "$FOO")]
    [TestCase("\"a\\qb\"", "a\\qb")]
    [TestCase("a\\qb", "aqb")]
    [TestCase("trailing\\", "trailing")]
    [TestCase("$FOO$BAR", "foobar")]
    [TestCase("${FOO}_${BAR}", "foo_bar")]
    [TestCase("$FOO_x", "")]
    [TestCase("${FOO}_x", "foo_x")]
    [TestCase("$", "$")]
    [TestCase("a$", "a$")]
    [TestCase("$.x", "$.x")]
    [TestCase("$1abc", "abc")]
    [TestCase("$@x", "x")]
    [TestCase("cost: $$", "cost: ")]
    [TestCase("a  b\tc", "a  b\tc")]
    [TestCase("cat <<  EOF", "cat <<  EOF")]
    [TestCase("\uFEFFbom", "bom")]
    public void ExpandsKnownWords(string word, string expected)
    {
        var result = ShellLexer.Default.ProcessWord(word, Variables("FOO=foo", "BAR=bar"));
        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.Null);
            Assert.That(result.IsKnown, Is.True);
            Assert.That(result.Value, Is.EqualTo(expected));
        });
    }

    // Each operator against: not set, set to empty, set to a value.
    [TestCase("${V:-w}", null, "w")]
    [TestCase("${V:-w}", "", "w")]
    [TestCase("${V:-w}", "v", "v")]
    [TestCase("${V-w}", null, "w")]
    [TestCase("${V-w}", "", "")]
    [TestCase("${V-w}", "v", "v")]
    [TestCase("${V:+w}", null, "")]
    [TestCase("${V:+w}", "", "")]
    [TestCase("${V:+w}", "v", "w")]
    [TestCase("${V+w}", null, "")]
    [TestCase("${V+w}", "", "w")]
    [TestCase("${V+w}", "v", "w")]
    [TestCase("${V:?m}", "v", "v")]
    [TestCase("${V?m}", "", "")]
    [TestCase("${V?m}", "v", "v")]
    [TestCase("${V#*.}", "a.b.c", "b.c")]
    [TestCase("${V##*.}", "a.b.c", "c")]
    [TestCase("${V%.*}", "a.b.c", "a.b")]
    [TestCase("${V%%.*}", "a.b.c", "a")]
    [TestCase("${V#x}", "a.b.c", "a.b.c")]
    [TestCase("${V#}", "abc", "abc")]
    [TestCase("${V#*}", "abc", "abc")]
    [TestCase("${V##*}", "abc", "")]
    [TestCase("${V%?}", "abc", "ab")]
    [TestCase("${V#?}", null, "")]
    [TestCase("${V/b/X}", "abcb", "aXcb")]
    [TestCase("${V//b/X}", "abcb", "aXcX")]
    [TestCase("${V/b*/X}", "abcb", "aX")]
    [TestCase("${V//?/-}", "abc", "---")]
    [TestCase("${V/#/X}", "abc", "abc")]
    [TestCase("${V//x/y}", null, "")]
    [TestCase("${V///}", "abc", "abc")]
    [TestCase("${V/\\//_}", "a/b/c", "a_b/c")]
    [TestCase("${V//\\//_}", "a/b/c", "a_b_c")]
    public void AppliesOperators(string word, string? value, string expected)
    {
        var variables = new ShellVariableMap();
        if (value is not null)
        {
            variables.Set("V", value);
        }

        var result = ShellLexer.Default.ProcessWord(word, variables);
        Assert.That(result.Error, Is.Null, word);
        Assert.That(result.Value, Is.EqualTo(expected), word);
    }

    [TestCase("${A:-${N:-${C:-deep}}}", "deep")]
    [TestCase("${A:-$B}", "b")]
    [TestCase("${B:+[${B}]}", "[b]")]
    [TestCase("${B:+${A:-none}}", "none")]
    [TestCase("x${A:-\"q u\"}y", "xq uy")]
    [TestCase("${A:-'${B}'}", "${B}")]
    [TestCase("${A:-a\\}b}", "a}b")]
    [TestCase("\"${A:-a b}\"", "a b")]
    public void ExpandsNestedWords(string word, string expected) =>
        Assert.That(Expand(word, "B=b"), Is.EqualTo(expected));

    [TestCase("${FOO#()[]{\\}^$.\\*\\?|\\\\}", "()[]{}^$.*?|\\x", "x")]
    [TestCase("${FOO%%\\**}", "xx**", "xx")]
    [TestCase("${FOO#*x*y}", "xxyy", "y")]
    [TestCase("${FOO##*x}", "xxyy", "yy")]
    [TestCase("${FOO#?\\?}", "???y", "?y")]
    [TestCase("${FOO%%\\**\\*}", "a***yy*", "a")]
    [TestCase("${FOO%x*}", "axbxc", "axb")]
    [TestCase("${FOO%%x*}", "axbxc", "a")]
    [TestCase("${FOO#*}", "", "")]
    public void TrimsWithShellPatterns(string word, string value, string expected) =>
        Assert.That(Expand(word, "FOO=" + value), Is.EqualTo(expected));

    [Test]
    public void WildcardsDoNotMatchNewlines()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Expand("${V#*:}", "V=a\nb:c"), Is.EqualTo("a\nb:c"));
            Assert.That(Expand("${V#?}", "V=\nx"), Is.EqualTo("\nx"));
            Assert.That(Expand("${V//?/.}", "V=a\nb"), Is.EqualTo(".\n."));
        });
    }

    [Test]
    public void WildcardsMatchWholeCodePoints()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Expand("${V#?}", "V=👽x"), Is.EqualTo("x"));
            Assert.That(Expand("${V%?}", "V=x🚀"), Is.EqualTo("x"));
            Assert.That(Expand("${V//?/-}", "V=🖖a"), Is.EqualTo("--"));
        });
    }

    [TestCase("${FOO/$NEEDLE/.} - ${FOO//$NEEDLE/.}", "/foo.*/*.txt - /foo..*.txt")]
    [TestCase("${BAR/$DIR/} - ${BAR//$DIR/}", "/tmp/bar.txt - /bar.txt")]
    [TestCase("${URL/$SCHEME/$SECURE}", "https://example.org")]
    [TestCase("${FOO/$EMPTY/ww}", "ww/foo*/*/*.txt")]
    public void ReplacesWithPatternsFromVariables(string word, string expected)
    {
        var value = Expand(word, "FOO=/foo*/*/*.txt", "NEEDLE=\\*/", "BAR=/tmp/tmp/bar.txt", "DIR=/tmp",
            "URL=http://example.org", "SCHEME=http://", "SECURE=https://", "EMPTY=");
        Assert.That(value, Is.EqualTo(expected));
    }

    [TestCase("${V//b/'[$0]'}", "abcb", "a[b]c[b]")]
    [TestCase("${V//b/'[${0}]'}", "abcb", "a[b]c[b]")]
    [TestCase("${V//b/'$$'}", "ab", "a$")]
    [TestCase("${V//b/'$x'}", "ab", "a")]
    [TestCase("${V//b/'$00'}", "ab", "a")]
    [TestCase("${V//b/'$'}", "ab", "a$")]
    [TestCase("${V//b/'${0'}", "ab", "a${0")]
    [TestCase("${V//b/\\$0}", "ab", "a\\b")]
    [TestCase("${V//b/\\$\\$}", "ab", "a\\$\\$")]
    [TestCase("${V/b/'$0'}", "ab", "a$0")]
    [TestCase("${V//b/[$0]}", "abcb", "a[]c[]")]
    [TestCase("${V//x*/-}", "axyz", "a-")]
    [TestCase("${V//*/-}", "abc", "-")]
    [TestCase("${V//x\\*/-}", "x*x*", "--")]
    public void ReplaceAllExpandsMatchReferencesLikeGo(string word, string value, string expected) =>
        Assert.That(Expand(word, "V=" + value), Is.EqualTo(expected));

    [Test]
    public void ReplaceAllWithEmptyMatchesInsertsBetweenCharacters() =>
        Assert.That(Expand("${V///-}", "V=ab"), Is.EqualTo("-a-b-"));

    [Test]
    public void TargetPlatformFileNamePattern()
    {
        const string word = "tool-${VERSION}.${TARGETOS}-${TARGETARCH}${TARGETVARIANT:+-${TARGETVARIANT}}.tar.gz";
        Assert.Multiple(() =>
        {
            Assert.That(Expand(word, "VERSION=v1", "TARGETOS=linux", "TARGETARCH=arm", "TARGETVARIANT=v7"), Is.EqualTo("tool-v1.linux-arm-v7.tar.gz"));
            Assert.That(Expand(word, "VERSION=v1", "TARGETOS=linux", "TARGETARCH=arm64", "TARGETVARIANT="), Is.EqualTo("tool-v1.linux-arm64.tar.gz"));
            Assert.That(Expand(word, "VERSION=v1", "TARGETOS=linux", "TARGETARCH=arm64"), Is.EqualTo("tool-v1.linux-arm64.tar.gz"));
        });
    }

    [Test]
    public void ReportsReferencedAndUnsetVariables()
    {
        var result = ShellLexer.Default.ProcessWord("${FOO-a} ${BAR-b} ${BAZ-c} $FOO ${QUX:-$BAZ}", Variables("FOO=x", "BAR="));
        Assert.Multiple(() =>
        {
            Assert.That(result.Value, Is.EqualTo("x  c x "));
            Assert.That(result.Variables, Is.EqualTo(new[] { "FOO", "BAR", "BAZ", "QUX" }));
            Assert.That(result.UnsetVariables, Is.EquivalentTo(new[] { "BAZ", "QUX" }));
        });
    }

    [Test]
    public void WindowsNamesAreCaseInsensitive()
    {
        var unix = ShellVariableMap.FromAssignments(["Path=C:\\bin"]);
        var windows = ShellVariableMap.FromAssignments(["Path=C:\\bin"], ignoreCase: true);
        Assert.Multiple(() =>
        {
            Assert.That(ShellLexer.Default.ProcessWord("$PATH", unix).Value, Is.EqualTo(string.Empty));
            Assert.That(ShellLexer.Default.ProcessWord("$PATH", windows).Value, Is.EqualTo("C:\\bin"));
            Assert.That(windows.IgnoreCase, Is.True);
        });
    }

    [Test]
    public void VariableMapFollowsEnvironmentListRules()
    {
        var map = ShellVariableMap.FromAssignments(["A=1", "B", "C=x=y", "A=2"]);
        map.SetUnknown("D");
        Assert.Multiple(() =>
        {
            Assert.That(map.Lookup("A"), Is.EqualTo(ShellVariableLookup.Known("2")));
            Assert.That(map.Lookup("B"), Is.EqualTo(ShellVariableLookup.Known(string.Empty)));
            Assert.That(map.Lookup("C").Value, Is.EqualTo("x=y"));
            Assert.That(map.Lookup("D").State, Is.EqualTo(ShellVariableState.Unknown));
            Assert.That(map.Lookup("E"), Is.EqualTo(ShellVariableLookup.NotSet));
            Assert.That(map.Remove("A"), Is.True);
            Assert.That(map.Lookup("A").State, Is.EqualTo(ShellVariableState.NotSet));
            Assert.That(map.Count, Is.EqualTo(3));
        });
    }

    [Test]
    public void RawQuotesKeepsQuoteCharacters()
    {
        var lexer = new ShellLexer(new ShellLexerOptions { RawQuotes = true });
        var result = lexer.ProcessWord("a'b'\"$FOO\"", Variables("FOO=f"));
        Assert.That(result.Value, Is.EqualTo("a'b'\"f\""));
    }

    [Test]
    public void RawEscapesKeepsEscapeCharacters()
    {
        var lexer = new ShellLexer(new ShellLexerOptions { RawEscapes = true });
        Assert.Multiple(() =>
        {
            Assert.That(lexer.ProcessWord("a\\$FOO", Variables("FOO=f")).Value, Is.EqualTo("a\\$FOO"));
            Assert.That(lexer.ProcessWord("\"a\\tb\"", Variables()).Value, Is.EqualTo("a\\\\tb"));

            // Inside ${V:-...} BuildKit switches raw escapes off again.
            Assert.That(lexer.ProcessWord("${X:-a\\$b}", Variables()).Value, Is.EqualTo("a$b"));
        });
    }

    [TestCase("$FOO", "$FOO")]
    [TestCase("${FOO}", "${FOO}")]
    [TestCase("${FOO:-d}", "${FOO:-d}")]
    [TestCase("${FOO##*x}", "${FOO##*x}")]
    [TestCase("${FOO//a/b}", "${FOO/a/b}")]
    [TestCase("${FOO:=x}", "${FOO:=x}")]
    [TestCase("${FOO:-$SET}", "${FOO:-yes}")]
    [TestCase("${SET:-d} $SET", "yes yes")]
    public void SkipUnsetEnvLeavesUnsetReferencesAsWritten(string word, string expected)
    {
        var lexer = new ShellLexer(new ShellLexerOptions { SkipUnsetEnv = true });
        var result = lexer.ProcessWord(word, Variables("SET=yes"));
        Assert.That(result.Error, Is.Null);
        Assert.That(result.Value, Is.EqualTo(expected));
    }

    [Test]
    public void SkipProcessQuotesTreatsQuotesAsText()
    {
        var lexer = new ShellLexer(new ShellLexerOptions { SkipProcessQuotes = true });
        Assert.Multiple(() =>
        {
            Assert.That(lexer.ProcessWord("'$FOO' \"x", Variables("FOO=f")).Value, Is.EqualTo("'f' \"x"));
            Assert.That(lexer.ProcessWords("'a b'", Variables()).Values, Is.EqualTo(new[] { "'a", "b'" }));
        });
    }

    [Test]
    public void ProcessWordsSplitsOnUnquotedWhitespace()
    {
        var words = ShellLexer.Default.ProcessWords("80 $PORTS \"a b\" c\\ d '' e", Variables("PORTS=443   8080"));
        Assert.Multiple(() =>
        {
            Assert.That(words.IsKnown, Is.True);
            Assert.That(words.WordBoundariesKnown, Is.True);
            Assert.That(words.Values, Is.EqualTo(new[] { "80", "443", "8080", "a b", "c d", "e" }));
            Assert.That(words.Words.Select(w => w.Value), Is.EqualTo(words.Values));
        });
    }

    [Test]
    public void ProcessWordsLosesTextBeforeANestedWordLikeBuildKit()
    {
        // BuildKit resets its shared word buffer when it reads the word of ${VAR op word}.
        var words = ShellLexer.Default.ProcessWords("first 8${P:-0} x\"${Q:-y}\"z", Variables());
        Assert.That(words.Values, Is.EqualTo(new[] { "first", "0", "yz" }));
        Assert.That(ShellLexer.Default.ProcessWords("8$P", Variables("P=0")).Values, Is.EqualTo(new[] { "80" }));
    }

    [Test]
    public void ProcessWordsKeepsHeredocMarkerBlanks() =>
        Assert.That(ShellLexer.Default.ProcessWords("cat <<  EOF x", Variables()).Values, Is.EqualTo(new[] { "cat", "<<  EOF", "x" }));

    [Test]
    public void BacktickEscapeToken()
    {
        var lexer = new ShellLexer(new ShellLexerOptions { EscapeToken = '`' });
        var variables = Variables("X=x", "V=a*b");
        Assert.Multiple(() =>
        {
            Assert.That(lexer.ProcessWord("C:\\Program Files\\$X", variables).Value, Is.EqualTo("C:\\Program Files\\x"));
            Assert.That(lexer.ProcessWord("`$X", variables).Value, Is.EqualTo("$X"));
            Assert.That(lexer.ProcessWord("a``b`c", variables).Value, Is.EqualTo("a`bc"));
            Assert.That(lexer.ProcessWord("\"`\"q`\" `$X \\\\\"", variables).Value, Is.EqualTo("\"q\" $X \\\\"));
            Assert.That(lexer.ProcessWord("\"a\\\"b", variables).Value, Is.EqualTo("a\\b"), "\\ does not escape a quote");
            Assert.That(lexer.ProcessWord("\"c:\\dir\"", variables).Value, Is.EqualTo("c:\\dir"));
            Assert.That(lexer.ProcessWord("${X:-a`}b}", variables).Value, Is.EqualTo("x"));
            Assert.That(lexer.ProcessWord("${Y:-a`}b}", variables).Value, Is.EqualTo("a}b"));

            // Patterns keep using '\' as their own escape; "`*" is a backtick followed by a wildcard.
            Assert.That(lexer.ProcessWord("${V#*\\*}", variables).Value, Is.EqualTo("b"));
            Assert.That(lexer.ProcessWord("${V%\\*b}", variables).Value, Is.EqualTo("a"));
            Assert.That(lexer.ProcessWord("${V%*\\}", Variables("V=a*")).Value, Is.EqualTo("a"), "'*\\' reversed is '\\*'");
            Assert.That(lexer.ProcessWord("${V#*\\}", Variables("V=a*")).Error, Is.Not.Null, "a trailing '\\' is an invalid escape");
        });
    }

    [Test]
    public void LexerInstancesAreReusableAndOptionsExposed()
    {
        var options = new ShellLexerOptions { EscapeToken = '`', MaxNestingDepth = 3 };
        var lexer = new ShellLexer(options);
        Assert.Multiple(() =>
        {
            Assert.That(lexer.Options, Is.SameAs(options));
            Assert.That(ShellLexer.Default.Options.EscapeToken, Is.EqualTo('\\'));
            Assert.That(lexer.ProcessWord("${A:-${B:-${C:-x}}}", Variables()).Value, Is.EqualTo("x"));
            Assert.That(lexer.ProcessWord("${A:-${B:-${C:-${D:-x}}}}", Variables()).Error, Does.Contain("nested too deeply"));
            Assert.That(lexer.ProcessWord("${A:-${B:-${C:-x}}}", Variables()).Value, Is.EqualTo("x"), "state does not leak between calls");
        });
    }
}
