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

        // A Dockerfile example is built in a context whose .dockerignore is the section's ```dockerignore block (none without one).
        var exampleContext = Lint.Context(CodeBlock(rule.Explanation, "## Example", "dockerignore"));
        var useInsteadContext = Lint.Context(CodeBlock(rule.Explanation, "## Use instead", "dockerignore"));
        Assert.That(Run(rule, example!, exampleContext), Is.Not.Empty, $"{rule.Id} fires on its documented example:\n{example}");
        Assert.That(Run(rule, useInstead!, useInsteadContext), Is.Empty, $"{rule.Id} stays quiet on its documented fix:\n{useInstead}");
    }

    private static IEnumerable<string> Run(Rule rule, string code, DockerLint.Parser.Context.BuildContext context)
        => (rule.Target == RuleTarget.Dockerfile ? Lint.Dockerfile(rule.Id, code, rule.ExampleOptions, context) : Lint.Compose(rule.Id, code, options: rule.ExampleOptions)).Select(d => d.GetMessage());

    /// <summary>
    /// The first fenced code block after <paramref name="heading"/> and before the next heading; with
    /// <paramref name="language"/>, the first block whose fence names that language.
    /// </summary>
    internal static string? CodeBlock(string markdown, string heading, string? language = null)
    {
        var start = markdown.IndexOf(heading, StringComparison.Ordinal);
        if (start < 0)
        {
            return null;
        }

        var next = markdown.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        var section = next < 0 ? markdown[start..] : markdown[start..next];
        var open = section.IndexOf(language is null ? "```" : "```" + language + "\n", StringComparison.Ordinal);
        if (open < 0)
        {
            return null;
        }

        var bodyStart = section.IndexOf('\n', open) + 1;
        var close = section.IndexOf("```", bodyStart, StringComparison.Ordinal);
        return close < 0 ? null : section[bodyStart..close];
    }
}
