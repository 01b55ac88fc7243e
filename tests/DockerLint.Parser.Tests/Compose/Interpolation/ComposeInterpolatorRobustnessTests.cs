using System.Diagnostics;
using System.Text;
using DockerLint.Parser.Compose.Interpolation;
using DockerLint.Parser.Tests.Shell;

namespace DockerLint.Parser.Tests.Compose.Interpolation;

/// <summary>Random junk, soundness of unknown results, deep nesting and huge input.</summary>
[TestFixture]
public sealed class ComposeInterpolatorRobustnessTests
{
    private static readonly string[] s_names = ["A", "B", "C"];

    [Test]
    public void RandomJunkNeverThrowsAndResultsAreWellFormed()
    {
        const string alphabet = "$$$${{}}}:-+?ABC_1 x\n'\"\\😀";
        var random = new Random(20240612);
        var environments = new IComposeVariables[]
        {
            new ComposeVariableMap(isComplete: true),
            new ComposeVariableMap(isComplete: false),
            Mixed(isComplete: true),
            Mixed(isComplete: false),
        };

        var outcomes = new int[3];
        for (var i = 0; i < 8000; i++)
        {
            var text = RandomText(random, alphabet, 30);
            var environment = environments[i % environments.Length];
            ComposeInterpolation? result = null;
            Assert.DoesNotThrow(() => result = ComposeInterpolator.Interpolate(text, environment), UnknownSoundness.Show(text));
            ComposeSoundness.AssertWellFormed(result!, text);
            outcomes[result!.HasError ? 0 : result.IsKnown ? 1 : 2]++;
        }

        Assert.That(outcomes, Has.All.GreaterThan(300), "the junk exercises errors, known and unknown results");
    }

    [TestCase("${A}:${B:-80}")]
    [TestCase("${A:-${B:-${C}}}")]
    [TestCase("${A:+x${B}y}")]
    [TestCase("${A:?}${B}")]
    [TestCase("${A:-${B:?}}")]
    [TestCase("${A+${B?msg}}")]
    [TestCase("${A-${}}")]
    [TestCase("${A:?need ${B}} $C")]
    [TestCase("$A$B$C")]
    [TestCase("${A:-{}} ${B}}")]
    public void ChosenTextsAreSound(string text)
    {
        var random = new Random(text.Length);
        ComposeSoundness.Check(text, s_names, random, trials: 8, refinements: 12);
        Assert.Pass($"{UnknownSoundness.Show(text)} checked");
    }

    [Test]
    public void RandomTextsAreSound()
    {
        string[] atoms = ["$", "${", "}", "{", ":-", "-", ":+", "+", ":?", "?", "A", "B", "C", "x", " ", "$$", "${A", "${B:-", "${C:?"];
        var random = new Random(7);
        for (var i = 0; i < 1500; i++)
        {
            var builder = new StringBuilder();
            var count = random.Next(1, 12);
            for (var j = 0; j < count; j++)
            {
                builder.Append(atoms[random.Next(atoms.Length)]);
            }

            ComposeSoundness.Check(builder.ToString(), s_names, random);
        }

        Assert.Pass("1500 random texts refined consistently");
    }

    [TestCase(10_000)]
    [TestCase(100_000)]
    public void DeepNestingReturnsAnErrorInsteadOfOverflowingTheStack(int depth)
    {
        var nested = Repeat("${a:-", depth) + "x" + Repeat("}", depth);
        var result = ComposeInterpolator.Interpolate(nested, new ComposeVariableMap(isComplete: true));
        Assert.Multiple(() =>
        {
            Assert.That(result.HasError, Is.True);
            Assert.That(result.Error!.Kind, Is.EqualTo(ComposeInterpolationErrorKind.NestingTooDeep));
            Assert.That(result.Error.Message, Does.Contain("nested more than " + ComposeInterpolator.MaxNestingDepth));
            Assert.That(result.Error.Span.End, Is.LessThanOrEqualTo(nested.Length));
        });

        var unclosed = Repeat("${a:-", depth);
        var unclosedResult = ComposeInterpolator.Interpolate(unclosed, new ComposeVariableMap());
        Assert.That(unclosedResult.Error?.Kind, Is.EqualTo(ComposeInterpolationErrorKind.InvalidTemplate), "no closing brace: malformed");
    }

    [Test]
    public void NestingUpToTheLimitWorks()
    {
        var depth = ComposeInterpolator.MaxNestingDepth;
        var text = Repeat("${a:-", depth) + "x" + Repeat("}", depth);
        var deeper = Repeat("${a:-", depth + 1) + "x" + Repeat("}", depth + 1);
        Assert.Multiple(() =>
        {
            Assert.That(ComposeInterpolator.Interpolate(text, new ComposeVariableMap()).Value, Is.EqualTo("x"));
            Assert.That(ComposeInterpolator.Interpolate(deeper, new ComposeVariableMap()).Error?.Kind, Is.EqualTo(ComposeInterpolationErrorKind.NestingTooDeep));
        });
    }

    [Test]
    public void HugeInputIsProcessedInLinearTime()
    {
        var variables = new ComposeVariableMap(isComplete: true);
        variables.Set("A", "a");
        var builder = new StringBuilder();
        while (builder.Length < 4_000_000)
        {
            builder.Append("text ${A} $A $$ ${B:-fallback} ${A:+alt} {json} ${B-{\"a\":1}} $ ");
        }

        var line = builder.ToString();
        var lines = line.Replace("} ", "}\n", StringComparison.Ordinal);
        var stopwatch = Stopwatch.StartNew();
        var result = ComposeInterpolator.Interpolate(line, variables);
        var multiline = ComposeInterpolator.Interpolate(lines, variables);
        stopwatch.Stop();

        Assert.Multiple(() =>
        {
            Assert.That(result.Value, Does.StartWith("text a a $ fallback alt {json} {\"a\":1} $ text a"));
            Assert.That(multiline.IsKnown, Is.True);
            Assert.That(result.UnsetVariables, Is.Empty);
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)), "8 MB should take well under a second");
        });
    }

    [Test]
    public void ManyUnbalancedExpressionsOnOneLineStayFast()
    {
        // "${X-{}" never balances (compose skips the character after each '{'), so it runs to the last '}' of
        // the line and the next one is nested inside: each level scans the rest of the line once, and the depth
        // limit stops the descent. "${X:-{" has no '}' left once the outer one took the last: malformed.
        var nested = Repeat("${X-{}", 50_000) + "}";
        var malformed = Repeat("${X:-{", 50_000) + "}";
        var stopwatch = Stopwatch.StartNew();
        var nestedResult = ComposeInterpolator.Interpolate(nested, new ComposeVariableMap(isComplete: true));
        var malformedResult = ComposeInterpolator.Interpolate(malformed, new ComposeVariableMap(isComplete: true));
        stopwatch.Stop();
        Assert.Multiple(() =>
        {
            Assert.That(nestedResult.Error?.Kind, Is.EqualTo(ComposeInterpolationErrorKind.NestingTooDeep));
            Assert.That(malformedResult.Error?.Kind, Is.EqualTo(ComposeInterpolationErrorKind.InvalidTemplate));
            Assert.That(stopwatch.Elapsed, Is.LessThan(TimeSpan.FromSeconds(20)));
        });
    }

    private static ComposeVariableMap Mixed(bool isComplete)
    {
        var map = new ComposeVariableMap(isComplete);
        map.SetUnknown("A");
        map.Set("B", "b");
        map.Set("AB", string.Empty);
        return map;
    }

    private static string RandomText(Random random, string alphabet, int maxLength)
    {
        var length = random.Next(0, maxLength);
        var builder = new StringBuilder(length);
        for (var j = 0; j < length; j++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));
}
