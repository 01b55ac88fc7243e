using System.Reflection;
using System.Text.RegularExpressions;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Tests.Engine;

/// <summary>One reflection test over every rule: the conventions of ../shared/docs/STYLE.md.</summary>
public sealed class RuleMetadataTests
{
    public static IEnumerable<TestCaseData> Rules()
        => AnalyzerEngine.DiscoverRules().Select(r => new TestCaseData(r).SetName($"Rule {r.Id}"));

    [Test]
    public void Rules_are_discovered_and_ids_are_unique()
    {
        var all = new AnalyzerEngine().AllRulesWithSyntax.ToList();
        Assert.That(AnalyzerEngine.DiscoverRules(), Is.Not.Empty);
        Assert.That(all.Select(r => r.Id), Is.Unique);
    }

    [TestCaseSource(nameof(Rules))]
    public void Follows_the_conventions(Rule rule)
    {
        var type = rule.GetType();
        Assert.That(type.IsSealed, Is.True, "rules are sealed");
        Assert.That(type.Name, Does.StartWith(rule.Id), "the class name starts with the ID");
        Assert.That(type.Name.Length, Is.GreaterThan(rule.Id.Length), "the class name names the flagged pattern");
        Assert.That(rule.Id, Does.Match(rule.Target == RuleTarget.Dockerfile ? "^DF[1-5][0-9]{3}$" : "^DC[1-5][0-9]{3}$"), "ID band and prefix");
        Assert.That(rule.Descriptor.Category, Is.EqualTo(RuleCategories.ForId(rule.Id)), "the category is the ID's band");
        Assert.That(type.Namespace, Does.EndWith($".{(rule.Target == RuleTarget.Dockerfile ? "Dockerfile" : "Compose")}.{rule.Descriptor.Category}"), "folder by target and category");
        Assert.That(rule.HelpUri, Is.EqualTo($"docs/rules/{rule.Id}.md"));
        Assert.That(rule.Descriptor.Title.ToString(), Is.Not.Empty);
        Assert.That(rule.Descriptor.Description.ToString(), Is.Not.Empty);
        foreach (var section in new[] { "## What it does", "## Why is this bad?", "## Example", "## Use instead" })
        {
            Assert.That(rule.Explanation, Does.Contain(section), $"explanation section '{section}'");
        }

        Assert.That(rule.Aliases.All(a => a.Contains(':', StringComparison.Ordinal)), Is.True, "aliases are tool:ID");
        if (rule.Descriptor.Category == RuleCategories.Security)
        {
            Assert.That(rule.SecuritySeverity, Is.InRange(0.1, 10.0), "security rules have a security-severity");
        }
    }

    public static IEnumerable<TestCaseData> RulesWithSyntax()
        => new AnalyzerEngine().AllRulesWithSyntax.DistinctBy(r => r.Id).Select(r => new TestCaseData(r).SetName($"Rule {r.Id}"));

    [TestCaseSource(nameof(RulesWithSyntax))]
    public void Aliases_are_tool_ids_in_the_current_spelling(Rule rule)
    {
        string[] dockerfileTools = ["hadolint", "buildkit", "trivy", "kics", "checkov", "dockerfile-utils"];
        string[] composeTools = ["kics", "dclint"];
        Assert.That(rule.Aliases, Is.Unique, "no alias twice");
        foreach (var alias in rule.Aliases)
        {
            var colon = alias.IndexOf(':', StringComparison.Ordinal);
            Assert.That(colon, Is.GreaterThan(0), $"'{alias}' is tool:ID");
            var tool = alias[..colon];
            var id = alias[(colon + 1)..];
            Assert.That(rule.Target == RuleTarget.Dockerfile ? dockerfileTools : composeTools, Does.Contain(tool), $"'{alias}': a tool that checks this kind of file");
            Assert.That(RuleAliases.WellFormedIds[tool].IsMatch(id), Is.True, $"'{alias}': a well-formed {tool} ID");
        }
    }

    [TestCase("trivy:DS-0002", "DS-0002", true)]
    [TestCase("trivy:DS-0002", "DS002", true)]
    [TestCase("trivy:DS-0002", "trivy:DS002", true)]
    [TestCase("trivy:DS-0002", "AVD-DS-0002", true)]
    [TestCase("trivy:DS-0002", "trivy:ds-0002", true)]
    [TestCase("trivy:DS-0002", "DS-0020", false)]
    [TestCase("trivy:DS-0002", "DS020", false)]
    [TestCase("hadolint:DL3008", "DL3008", true)]
    [TestCase("hadolint:DL3008", "trivy:DL3008", false)]
    [TestCase("buildkit:JSONArgsRecommended", "jsonargsrecommended", true)]
    public void Alias_lookup_accepts_the_old_trivy_spelling(string alias, string name, bool matches)
        => Assert.That(RuleAliases.Matches(alias, name), Is.EqualTo(matches));

    [TestCaseSource(nameof(Rules))]
    public void Says_when_to_turn_it_off(Rule rule)
    {
        var explanation = rule.Explanation;
        var start = explanation.IndexOf("## What it does", StringComparison.Ordinal);
        var end = explanation.IndexOf("## Why is this bad?", StringComparison.Ordinal);
        Assert.That(start, Is.GreaterThanOrEqualTo(0).And.LessThan(end), "'## What it does' comes before '## Why is this bad?'");
        var whatItDoes = Regex.Replace(explanation[start..end], @"\s+", " "); // Markdown reads a line break as a space
        Assert.That(
            new[] { "Turn it off", "Turn it on", "Do not turn it off" }.Any(phrase => whatItDoes.Contains(phrase, StringComparison.Ordinal)),
            Is.True,
            "'## What it does' ends by saying when a team would turn the rule off (\"Turn it off …\"), on for an opt-in rule (\"Turn it on …\"), or why not (\"Do not turn it off: …\")");
    }

    [TestCaseSource(nameof(Rules))]
    public void Reports_nothing_on_an_empty_file(Rule rule)
    {
        var diagnostics = rule.Target == RuleTarget.Dockerfile ? Lint.Dockerfile(rule.Id, "") : Lint.Compose(rule.Id, "");
        Assert.That(diagnostics, Is.Empty);
    }

    [TestCaseSource(nameof(Rules))]
    public void Has_tests_that_fire_and_tests_that_stay_quiet(Rule rule)
    {
        var testClass = Assembly.GetExecutingAssembly().GetTypes().SingleOrDefault(t => t.Name == rule.GetType().Name + "Tests");
        Assert.That(testClass, Is.Not.Null, $"a test class {rule.GetType().Name}Tests");
        var tests = testClass!.GetMethods().Where(m => m.GetCustomAttributes().Any(a => a is TestAttribute or TestCaseAttribute or TestCaseSourceAttribute)).ToList();
        Assert.That(tests.Any(m => m.Name.StartsWith("Fires", StringComparison.Ordinal)), Is.True, "a test named Fires…");
        Assert.That(tests.Any(m => m.Name.StartsWith("Stays_quiet", StringComparison.Ordinal)), Is.True, "a test named Stays_quiet…");
    }
}
