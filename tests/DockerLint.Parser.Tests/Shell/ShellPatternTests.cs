using DockerLint.Parser.Shell;

namespace DockerLint.Parser.Tests.Shell;

/// <summary>The internal shell-pattern engine: parsing, reversal and leftmost-first matching.</summary>
[TestFixture]
public sealed class ShellPatternTests
{
    [TestCase("*")]
    [TestCase("?")]
    [TestCase("\\*")]
    [TestCase("(()[]{\\}^$.\\*\\?|\\\\")]
    [TestCase("\\/x")]
    public void ValidPatternsParse(string pattern)
    {
        Assert.That(ShellPattern.TryParse(pattern, out var error), Is.Not.Null);
        Assert.That(error, Is.Null);
    }

    [TestCase("\\")]
    [TestCase("\\x")]
    [TestCase("\\\\\\")]
    [TestCase("a\\b")]
    public void InvalidEscapesAreRejected(string pattern)
    {
        Assert.That(ShellPattern.TryParse(pattern, out var error), Is.Null);
        Assert.That(error, Does.Contain("invalid escape"));
    }

    [TestCase("a\\*c", "c\\*a")]
    [TestCase("\\\\\\ab", "b\\a\\\\")]
    [TestCase("ab\\", "\\ba")]
    [TestCase("👽\\🚀🖖", "🖖\\🚀👽")]
    [TestCase("\\\\b", "b\\\\")]
    [TestCase("", "")]
    public void ReversePatternKeepsEscapePairs(string pattern, string expected) =>
        Assert.That(ShellPattern.ReversePattern(pattern), Is.EqualTo(expected));

    [TestCase("54321", "12345")]
    [TestCase("🖖🚀👽", "👽🚀🖖")]
    [TestCase("a", "a")]
    [TestCase("", "")]
    public void ReverseTextKeepsSurrogatePairs(string text, string expected) =>
        Assert.That(ShellPattern.ReverseText(text), Is.EqualTo(expected));

    [TestCase("a*b", "xaabab", false, 1, 4)]
    [TestCase("a*b", "xaabab", true, 1, 6)]
    [TestCase("*", "abc", true, 0, 3)]
    [TestCase("*", "abc", false, 0, 0)]
    [TestCase("b?", "abcb", true, 1, 3)]
    [TestCase("z", "abc", true, -1, -1)]
    [TestCase("", "abc", true, 0, 0)]
    public void FindsLeftmostFirstMatches(string pattern, string text, bool greedy, int start, int end)
    {
        var compiled = ShellPattern.TryParse(pattern, out _)!;
        long budget = 1_000_000;
        var result = compiled.Find(text, 0, anchored: false, greedy, ref budget, out var actualStart, out var actualEnd);
        Assert.Multiple(() =>
        {
            Assert.That(result, Is.EqualTo(start < 0 ? ShellPattern.SearchResult.NoMatch : ShellPattern.SearchResult.Match));
            Assert.That(actualStart, Is.EqualTo(start));
            Assert.That(actualEnd, Is.EqualTo(end));
            Assert.That(budget, Is.LessThan(1_000_000), "work is accounted");
        });
    }

    [Test]
    public void AnchoredFindOnlyMatchesAtTheStart()
    {
        var compiled = ShellPattern.TryParse("b", out _)!;
        long budget = 1_000;
        Assert.That(compiled.Find("ab", 0, anchored: true, greedy: true, ref budget, out _, out _), Is.EqualTo(ShellPattern.SearchResult.NoMatch));
        Assert.That(compiled.Find("ba", 0, anchored: true, greedy: true, ref budget, out _, out var end), Is.EqualTo(ShellPattern.SearchResult.Match));
        Assert.That(end, Is.EqualTo(1));
    }

    [Test]
    public void ExhaustedBudgetIsReported()
    {
        var compiled = ShellPattern.TryParse("*a*a*b", out _)!;
        long budget = 100;
        var result = compiled.Find(new string('a', 1000), 0, anchored: false, greedy: true, ref budget, out _, out _);
        Assert.That(result, Is.EqualTo(ShellPattern.SearchResult.BudgetExhausted));
    }

    [TestCase("ab", "[$0]", "[a]b")]
    [TestCase("aXa", "$$", "$X$")]
    [TestCase("aa", "${0}${0}", "aaaa")]
    [TestCase("a", "$1$x${x}", "")]
    [TestCase("a", "${x", "${x")]
    [TestCase("a", "$", "$")]
    [TestCase("a", "$-", "$-")]
    public void ReplaceAllExpandsTheTemplate(string text, string template, string expected)
    {
        var compiled = ShellPattern.TryParse("a", out _)!;
        long budget = 1_000;
        compiled.ReplaceAll(text, template, ref budget, out var result);
        Assert.That(result, Is.EqualTo(expected));
    }

    [Test]
    public void ReplaceAllReportsNoMatch()
    {
        var compiled = ShellPattern.TryParse("q", out _)!;
        long budget = 1_000;
        Assert.That(compiled.ReplaceAll("abc", "x", ref budget, out var result), Is.EqualTo(ShellPattern.SearchResult.NoMatch));
        Assert.That(result, Is.EqualTo("abc"));
    }
}
