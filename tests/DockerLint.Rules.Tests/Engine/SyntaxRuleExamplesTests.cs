using DockerLint.Rules.Engine;

namespace DockerLint.Rules.Tests.Engine;

/// <summary>The documented example of each syntax diagnostic really produces it, and the fix really does not.</summary>
public sealed class SyntaxRuleExamplesTests
{
    // Examples that need more than one in-memory file: a missing file given on the command line (DC0005),
    // a complete explicit environment (DC0020), a .env file (DC0022), or ten levels of aliases (DC0003).
    private static readonly HashSet<string> s_notRunnable = ["DC0003", "DC0005", "DC0020", "DC0022"];

    public static IEnumerable<TestCaseData> Examples()
        => AnalyzerEngine.SyntaxRules.Select(r => new TestCaseData(r.Id).SetName($"Example of {r.Id}"));

    [TestCaseSource(nameof(Examples))]
    public void Example_fires_and_fix_stays_quiet(string id)
    {
        Assert.That(SyntaxRuleExamples.ById.ContainsKey(id), Is.True, $"{id} has an example");
        var rule = AnalyzerEngine.SyntaxRules.Single(r => r.Id == id);
        Assert.That(rule.Explanation, Does.Contain("## Example").And.Contain("```"));
        if (s_notRunnable.Contains(id))
        {
            Assert.Pass($"{id}'s example needs more than one file; it is documented, not run");
        }

        var (bad, good) = SyntaxRuleExamples.ById[id];
        var run = id.StartsWith("DF", StringComparison.Ordinal)
            ? (Func<string, IEnumerable<string>>)(text => Lint.Dockerfile(id, text).Select(d => d.Id))
            : text => Lint.Compose(id, text).Select(d => d.Id);
        Assert.That(run(bad), Does.Contain(id), "the example fires");
        Assert.That(run(good), Is.Empty, "the fix stays quiet");
    }
}
