using DockerLint.Parser.Shell;

namespace DockerLint.Parser.Tests.Shell;

/// <summary>
/// Unknown values are never guessed: for many inputs, a result computed with unknown variables must agree
/// with every result computed after giving those variables concrete values (see <see cref="UnknownSoundness"/>).
/// </summary>
[TestFixture]
public sealed class ShellSoundnessTests
{
    private static readonly ShellLexer[] s_lexers =
    [
        ShellLexer.Default,
        new(new ShellLexerOptions { SkipUnsetEnv = true }),
        new(new ShellLexerOptions { RawQuotes = true, RawEscapes = true }),
    ];

    /// <summary>Every envVarTest input (when the corpus is present).</summary>
    public static IEnumerable<TestCaseData> CorpusInputs()
    {
        var path = BuildKitCorpus.TryFile("envVarTest");
        if (path is null)
        {
            yield return new TestCaseData(0, string.Empty)
                .SetName("envVarTest soundness (corpus missing)")
                .Ignore($"../shared/{BuildKitCorpus.ShellFolder}/envVarTest was not found; corpus soundness checks are skipped.");
            yield break;
        }

        foreach (var line in BuildKitCorpus.ReadEnvVarTest(path))
        {
            yield return new TestCaseData(line.LineNumber, line.Source)
                .SetName(BuildKitCorpus.DisplayName($"envVarTest soundness line {line.LineNumber}", line.Source));
        }
    }

    [TestCaseSource(nameof(CorpusInputs))]
    public void CorpusInputIsSound(int lineNumber, string source)
    {
        foreach (var lexer in s_lexers)
        {
            UnknownSoundness.Check(lexer, source, seed: lineNumber);
        }

        Assert.Pass($"line {lineNumber} checked with {s_lexers.Length} option sets");
    }

    [TestCase("ubuntu:${TAG}")]
    [TestCase("${A:-${B:-${C}}}")]
    [TestCase("${A:+x${B}y}")]
    [TestCase("${A:?}${B}")]
    [TestCase("${A:-${B:?}}")]
    [TestCase("${A+${B?msg}}")]
    [TestCase("${A#$B}")]
    [TestCase("${A##*$B}")]
    [TestCase("${A%$B}")]
    [TestCase("${A%%$B*}")]
    [TestCase("${A/$B/$C}")]
    [TestCase("${A//$B/$C}")]
    [TestCase("${A//x/$C}")]
    [TestCase("${A/x/$C}")]
    [TestCase("${A:=x}")]
    [TestCase("${A#\\q}")]
    [TestCase("\"$A\" '$B' $C")]
    [TestCase("a $A b${B:-c d}e \"${C:+f g}\"")]
    [TestCase("x\"${A:?}\"${B:-z}")]
    [TestCase("$A$B ${C}")]
    [TestCase("${A:-\"$B\"}")]
    [TestCase("${A:+}${B+}")]
    [TestCase("<<$A")]
    public void HandwrittenInputIsSound(string word)
    {
        foreach (var lexer in s_lexers)
        {
            UnknownSoundness.Check(lexer, word, seed: word.Length, trials: 12, refinements: 12);
        }

        Assert.Pass();
    }

    [Test]
    public void RandomInputIsSound()
    {
        const string alphabet = "$${}:-+?#%/\\'\" ABx*";
        var random = new Random(7);
        for (var i = 0; i < 1500; i++)
        {
            var chars = new char[random.Next(1, 16)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            UnknownSoundness.Check(s_lexers[i % s_lexers.Length], new string(chars), seed: i, trials: 3, refinements: 4);
        }

        Assert.Pass();
    }

    [Test]
    public void FitsRecognisesSegmentTemplates()
    {
        var map = new ShellVariableMap();
        map.SetUnknown("U");
        var segments = ShellLexer.Default.ProcessWord("a${U}b${U}c", map).Segments;
        Assert.Multiple(() =>
        {
            Assert.That(UnknownSoundness.Fits(segments, "abc"), Is.True);
            Assert.That(UnknownSoundness.Fits(segments, "a123b456c"), Is.True);
            Assert.That(UnknownSoundness.Fits(segments, "ac"), Is.False);
            Assert.That(UnknownSoundness.Fits(segments, "abcx"), Is.False);
        });
    }
}
