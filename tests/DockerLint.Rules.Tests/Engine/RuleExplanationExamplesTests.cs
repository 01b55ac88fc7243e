using DockerLint.Rules.Engine;

namespace DockerLint.Rules.Tests.Engine;

/// <summary>
/// The examples in every rule's documentation are tests too: the code under "## Example" must make
/// the rule fire and the code under "## Use instead" must keep it quiet, so the docs never show an
/// example the rule does not really catch.
/// </summary>
public sealed class RuleExplanationExamplesTests
{
    public static IEnumerable<TestCaseData> Rules()
        => AnalyzerEngine.DiscoverRules().Select(r => new TestCaseData(r).SetName($"Documented examples of {r.Id}"));

    [TestCaseSource(nameof(Rules))]
    public void Example_fires_and_use_instead_stays_quiet(Rule rule)
    {
        var example = CodeBlock(rule.Explanation, "## Example");
        var useInstead = CodeBlock(rule.Explanation, "## Use instead");
        Assert.That(example, Is.Not.Null, "'## Example' has a code block");
        Assert.That(useInstead, Is.Not.Null, "'## Use instead' has a code block");

        Assert.That(Run(rule, example!), Is.Not.Empty, $"{rule.Id} fires on its documented example:\n{example}");
        Assert.That(Run(rule, useInstead!), Is.Empty, $"{rule.Id} stays quiet on its documented fix:\n{useInstead}");
    }

    private static IEnumerable<string> Run(Rule rule, string code)
        => (rule.Target == RuleTarget.Dockerfile ? Lint.Dockerfile(rule.Id, code, rule.ExampleOptions) : Lint.Compose(rule.Id, code, options: rule.ExampleOptions)).Select(d => d.GetMessage());

    /// <summary>The first fenced code block after <paramref name="heading"/> and before the next heading.</summary>
    internal static string? CodeBlock(string markdown, string heading)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var next = markdown.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        var section = next < 0 ? markdown[start..] : markdown[start..next];
        var open = section.IndexOf("```", StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        var bodyStart = section.IndexOf('\n', open) + 1;
        var close = section.IndexOf("```", bodyStart, StringComparison.Ordinal);
        return close < 0 ? null : section[bodyStart..close];
    }
}
