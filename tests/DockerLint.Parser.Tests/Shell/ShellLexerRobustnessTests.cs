using System.Diagnostics;
using System.Text;
using DockerLint.Parser.Shell;

namespace DockerLint.Parser.Tests.Shell;

/// <summary>Malformed input, errors as data, deep nesting, huge input and random junk.</summary>
[TestFixture]
public sealed class ShellLexerRobustnessTests
{
    private static readonly ShellVariableMap s_variables = ShellVariableMap.FromAssignments(["V=value", "EMPTY="]);

    [TestCase("'open", "single quote")]
    [TestCase("\"open", "double quote")]
    [TestCase("\"open\\\"", "double quote")]
    [TestCase("${", "missing '}'")]
    [TestCase("${V", "missing '}'")]
    [TestCase("${V:-x", "missing '}'")]
    [TestCase("${V:", "missing '}'")]
    [TestCase("${}", "bad substitution")]
    [TestCase("${:-x}", "bad substitution")]
    [TestCase("${{V}", "bad substitution")]
    [TestCase("${.}", "unsupported modifier")]
    [TestCase("${V:=x}", "unsupported modifier")]
    [TestCase("${V=x}", "unsupported modifier")]
    [TestCase("${V:x}", "unsupported modifier")]
    [TestCase("${V:#x}", "unsupported modifier")]
    [TestCase("${V:%%x}", "unsupported modifier")]
    [TestCase("${V/x", "missing '/'")]
    [TestCase("${V//x}", "missing '/'")]
    [TestCase("${V/x/y", "missing '}'")]
    [TestCase("${V#\\x}", "invalid pattern")]
    [TestCase("${V%a\\b}", "invalid pattern")]
    [TestCase("${V/\\q/r}", "invalid pattern")]
    [TestCase("${NOPE:?}", "NOPE: is not allowed to be unset")]
    [TestCase("${EMPTY:?}", "EMPTY: is not allowed to be empty")]
    [TestCase("${NOPE?custom text}", "NOPE: custom text")]
    [TestCase("ok ${V:-${}}", "bad substitution")]
    public void MalformedWordsReturnErrorsAsData(string word, string expectedMessagePart)
    {
        ShellExpansion? result = null;
        ShellWords? words = null;
        Assert.DoesNotThrow(() => result = ShellLexer.Default.ProcessWord(word, s_variables));
        Assert.DoesNotThrow(() => words = ShellLexer.Default.ProcessWords(word, s_variables));
        Assert.Multiple(() =>
        {
            Assert.That(result!.HasError, Is.True);
            Assert.That(result.Error, Does.Contain(expectedMessagePart));
            Assert.That(result.IsKnown, Is.False);
            Assert.That(result.Value, Is.Null);
            Assert.That(result.Segments, Is.Empty);
            Assert.That(result.ToString(), Does.StartWith("error: "));
            Assert.That(words!.Error, Is.EqualTo(result.Error));
            Assert.That(words.Words, Is.Empty);
            Assert.That(words.Values, Is.Null);
        });
    }

    [Test]
    public void NullArgumentsAreTreatedAsEmpty()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ShellLexer.Default.ProcessWord(null!, null!).Value, Is.EqualTo(string.Empty));
            Assert.That(ShellLexer.Default.ProcessWord("$X-${Y:-d}", null!).Value, Is.EqualTo("-d"));
            Assert.That(ShellLexer.Default.ProcessWords(null!, null!).Values, Is.Empty);
            Assert.That(new ShellLexer(null!).Options, Is.SameAs(ShellLexerOptions.Default));
        });
    }

    [TestCase(10_000)]
    [TestCase(100_000)]
    public void DeepNestingReturnsAnErrorInsteadOfOverflowingTheStack(int depth)
    {
        var word = Repeat("${a:-", depth) + "x" + Repeat("}", depth);
        var quoted = Repeat("\"${a:-", depth) + "x" + Repeat("}\"", depth);
        var unclosed = Repeat("${a:-", depth);

        foreach (var input in new[] { word, quoted, unclosed })
        {
            var result = ShellLexer.Default.ProcessWord(input, s_variables);
            Assert.That(result.Error, Does.Contain("nested too deeply"));
            Assert.That(ShellLexer.Default.ProcessWords(input, s_variables).Error, Does.Contain("nested too deeply"));
        }
    }

    [Test]
    public void NestingUpToTheLimitWorks()
    {
        var depth = ShellLexerOptions.Default.MaxNestingDepth;
        var word = Repeat("${a:-", depth) + "x" + Repeat("}", depth);
        Assert.That(ShellLexer.Default.ProcessWord(word, s_variables).Value, Is.EqualTo("x"));

        var deeper = new ShellLexer(new ShellLexerOptions { MaxNestingDepth = 2000 });
        var word2000 = Repeat("${a:-", 2000) + "y" + Repeat("}", 2000);
        var result = deeper.ProcessWord(word2000, s_variables);
        Assert.That(result.Value ?? result.Error, Is.EqualTo("y").Or.Contain("nested too deeply"), "either expands or stops cleanly when the stack is short");
    }

    [Test]
    public void HugeInputIsProcessedInLinearTime()
    {
        var builder = new StringBuilder();
        while (builder.Length < 4_000_000)
        {
            builder.Append("plain text 'quoted $V' \"dq $V ${V:-d}\" ${EMPTY:-fallback} \\$ esc ");
        }

        var text = builder.ToString();
        var stopwatch = Stopwatch.StartNew();
        var result = ShellLexer.Default.ProcessWord(text, s_variables);
        var words = ShellLexer.Default.ProcessWords(text, s_variables);
        stopwatch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(result.IsKnown, Is.True);
            Assert.That(result.Value, Does.StartWith("plain text quoted $V dq value value fallback $ esc plain"));
            Assert.That(words.IsKnown, Is.True);
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "8 MB of shell words should take well under a second");
        });
    }

    [Test]
    public void LongPlainWordTakesTheFastPath()
    {
        var text = new string('a', 1_000_000);
        var result = ShellLexer.Default.ProcessWord(text, s_variables);
        Assert.That(result.Value, Is.SameAs(text));
    }

    [Test]
    public void PathologicalPatternIsBoundedAndReportedUnknown()
    {
        var variables = new ShellVariableMap();
        variables.Set("BIG", new string('a', 200_000));
        var pattern = string.Concat(Enumerable.Repeat("*a", 400)) + "b";
        var stopwatch = Stopwatch.StartNew();
        var result = ShellLexer.Default.ProcessWord("x${BIG#" + pattern + "}y", variables);
        stopwatch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.Null);
            Assert.That(result.IsKnown, Is.False, "too much work to evaluate: unknown, not guessed");
            Assert.That(result.Segments.Select(s => s.IsUnknown), Is.EqualTo(new[] { false, true, false }));
            Assert.That(result.Segments[1].Variables, Is.EqualTo(new[] { "BIG" }));
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
        });
    }

    [Test]
    public void LargeButReasonablePatternWorkIsExact()
    {
        var variables = new ShellVariableMap();
        variables.Set("BIG", new string('a', 100_000) + "b" + new string('a', 10));
        Assert.Multiple(() =>
        {
            Assert.That(ShellLexer.Default.ProcessWord("${BIG#*b}", variables).Value, Is.EqualTo(new string('a', 10)));
            Assert.That(ShellLexer.Default.ProcessWord("${BIG%%b*}", variables).Value, Is.EqualTo(new string('a', 100_000)));
            Assert.That(ShellLexer.Default.ProcessWord("${BIG//a/}", variables).Value, Is.EqualTo("b"));
        });
    }

    [Test]
    public void RandomJunkNeverThrowsAndResultsAreWellFormed()
    {
        const string alphabet = "$$$${}{}:-+?#%/\\`'\"aaab_1 @*!\n\t.<=😀";
        var random = new Random(20240611);
        var lexers = new[]
        {
            ShellLexer.Default,
            new ShellLexer(new ShellLexerOptions { EscapeToken = '`' }),
            new ShellLexer(new ShellLexerOptions { RawQuotes = true, SkipUnsetEnv = true }),
            new ShellLexer(new ShellLexerOptions { RawEscapes = true, SkipProcessQuotes = true }),
        };
        var variables = new ShellVariableMap();
        variables.SetUnknown("a");
        variables.Set("b", "x y");
        variables.Set("ab", string.Empty);
        variables.SetUnknown("_1");

        var outcomes = new int[3];
        for (var i = 0; i < 4000; i++)
        {
            var length = random.Next(0, 24);
            var builder = new StringBuilder(length);
            for (var j = 0; j < length; j++)
            {
                builder.Append(alphabet[random.Next(alphabet.Length)]);
            }

            var word = builder.ToString();
            var lexer = lexers[i % lexers.Length];
            ShellExpansion? result = null;
            ShellWords? words = null;
            Assert.DoesNotThrow(() => result = lexer.ProcessWord(word, variables), UnknownSoundness.Show(word));
            Assert.DoesNotThrow(() => words = lexer.ProcessWords(word, variables), UnknownSoundness.Show(word));
            UnknownSoundness.AssertWellFormed(result!, word);
            Assert.That(words!.HasError, Is.EqualTo(result!.HasError), $"ProcessWords and ProcessWord agree on errors for {UnknownSoundness.Show(word)}");
            outcomes[result.HasError ? 0 : result.IsKnown ? 1 : 2]++;
        }

        Assert.That(outcomes, Has.All.GreaterThan(50), "the junk exercises errors, known and unknown results");
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}
