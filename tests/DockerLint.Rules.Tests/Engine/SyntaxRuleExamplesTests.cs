using DockerLint.Rules.Engine;

namespace DockerLint.Rules.Tests.Engine;

/// <summary>The documented example of each syntax diagnostic really produces it, and the fix really does not.</summary>
public sealed class SyntaxRuleExamplesTests
{
    // Examples that need more than one in-memory file: a missing file given on the command line (DC0005),
    // a complete explicit environment (DC0020), a .env file (DC0022), or ten levels of aliases (DC0003); or
    // that concern a file's bytes, which the CLI decodes before any parser sees text: its size (DF0013, DC0006),
    // NUL bytes (DF0014, DC0007), invalid UTF-8 (DF0015, DC0008) or UTF-16 (DF0016). Those are tested on real
    // files in DockerLint.Parser.Tests (SourceDecoderTests) and DockerLint.Cli.Tests (InputRobustnessTests).
    private static readonly HashSet<string> s_notRunnable =
    [
        "DC0003", "DC0005", "DC0006", "DC0007", "DC0008", "DC0020", "DC0022", "DF0013", "DF0014", "DF0015", "DF0016",
    ];

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
        if (DockerLint.Rules.Configuration.ConfigurationDiagnostics.All.Any(d => d.Id == id))
        {
            // Configuration examples start with a comment naming the file they stand for.
            var file = bad[2..bad.IndexOf('\n', StringComparison.Ordinal)];
            Assert.That(new Configuration.ConfigFixture((file, bad)).Problems().Select(d => d.Id), Does.Contain(id), "the example fires");
            Assert.That(new Configuration.ConfigFixture((file, good)).Problems().Select(d => d.Id), Is.Empty, "the fix stays quiet");
            return;
        }

        var run = id.StartsWith("DF", StringComparison.Ordinal)
            ? (Func<string, IEnumerable<string>>)(text => Lint.Dockerfile(id, text).Select(d => d.Id))
            : text => Lint.Compose(id, text).Select(d => d.Id);
        Assert.That(run(bad), Does.Contain(id), "the example fires");
        Assert.That(run(good), Is.Empty, "the fix stays quiet");
    }
}
