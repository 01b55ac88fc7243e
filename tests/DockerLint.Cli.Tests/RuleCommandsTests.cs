using System.Text.Json;
using DockerLint.Rules.Engine;

namespace DockerLint.Cli.Tests;

/// <summary>rules, explain and docs.</summary>
public sealed class RuleCommandsTests
{
    private static CliHarness AllRules() => new(CliHarness.TempDir()) { Rules = null };

    [Test]
    public void Rules_lists_every_rule_as_a_table()
    {
        var result = AllRules().Run("rules");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith("ID "));
        Assert.That(lines.Skip(1).Select(l => l[..6]), Is.EqualTo(new AnalyzerEngine().AllRulesWithSyntax.Select(r => r.Id)));
        Assert.That(lines.Single(l => l.StartsWith("DF1001", StringComparison.Ordinal)), Does.Match(@"^DF1001 +warning +Security +stable +Container runs as root$"));
    }

    [Test]
    public void Rules_as_json()
    {
        var result = AllRules().Run("rules", "--format", "json");
        using var document = JsonDocument.Parse(result.Output);
        var df1001 = document.RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "DF1001");
        Assert.That(df1001.GetProperty("severity").GetString(), Is.EqualTo("warning"));
        Assert.That(df1001.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()), Does.Contain("hadolint:DL3002"));
        Assert.That(df1001.GetProperty("securitySeverity").GetDouble(), Is.EqualTo(6.5));
        Assert.That(document.RootElement.GetArrayLength(), Is.EqualTo(new AnalyzerEngine().AllRulesWithSyntax.Count()));
    }

    [TestCase("DF1001")]
    [TestCase("df1001")]
    [TestCase("DL3002")]
    [TestCase("hadolint:DL3002")]
    [TestCase("DS-0002")]
    [TestCase("trivy:DS-0002")]
    [TestCase("DS002")]
    [TestCase("trivy:DS002")]
    [TestCase("AVD-DS-0002")]
    [TestCase("67fd0c4a-68cf-46d7-8c41-bc9fba7e40ae")]
    public void Explain_prints_the_rule_page(string id)
    {
        var result = AllRules().Run("explain", id);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(result.Output, Is.EqualTo(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "rules", "DF1001.md"))), "explain prints the doc page");
        Assert.That(result.Output, Does.StartWith("# DF1001: Container runs as root\n"));
        Assert.That(result.Output, Does.Contain("| Default severity | warning |"));
        Assert.That(result.Output, Does.Contain("| Category | Security |"));
        Assert.That(result.Output, Does.Contain("`hadolint:DL3002`"));
        Assert.That(result.Output, Does.Contain("## Why is this bad?"));
    }

    [TestCase("DF10001", "DF1001")]
    [TestCase("dc011", "DC0011")]
    public void Explain_an_unknown_rule_exits_2_with_a_suggestion(string id, string suggestion)
    {
        var result = AllRules().Run("explain", id);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(result.Error, Does.Contain($"unknown rule '{id}'; did you mean '{suggestion}'?"));
    }

    [Test]
    public void Explain_something_unlike_any_rule_points_to_the_list()
    {
        var result = AllRules().Run("explain", "nonsense-rule");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(result.Error, Does.Contain("Run 'dockerlint rules' to list the rules."));
    }

    [Test]
    public void Committed_rule_docs_are_up_to_date()
    {
        var generated = CliHarness.TempDir();
        var result = AllRules().Run("docs", "--output-dir", generated);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        var committed = Path.Combine(RepositoryRoot.Path, "docs", "rules");
        static SortedDictionary<string, string> Read(string folder) => new(
            Directory.Exists(folder) ? Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), File.ReadAllText) : [],
            StringComparer.Ordinal);
        var expected = Read(generated);
        var actual = Read(committed);
        var differences = expected.Keys.Union(actual.Keys)
            .Where(name => !actual.TryGetValue(name, out var a) || !expected.TryGetValue(name, out var e) || a != e)
            .ToList();
        Assert.That(differences, Is.Empty, $"docs/rules is out of date ({string.Join(", ", differences)}); run `{RuleDocs.RegenerateCommand}` at the repository root and commit the result");
    }

    [Test]
    public void Docs_writes_every_page_and_the_index_and_removes_stale_pages()
    {
        var folder = CliHarness.TempDir();
        File.WriteAllText(Path.Combine(folder, "DF9000.md"), "a rule that is gone");
        File.WriteAllText(Path.Combine(folder, "notes.md"), "not a rule page");
        var first = AllRules().Run("docs", "--output-dir", folder);
        Assert.That(first.Output, Does.Contain("1 removed"));
        var rules = new AnalyzerEngine().AllRulesWithSyntax.ToList();
        Assert.That(Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal),
            Is.EqualTo(rules.Select(r => r.Id + ".md").Append("README.md").Append("notes.md").Order(StringComparer.Ordinal)));
        var index = File.ReadAllText(Path.Combine(folder, "README.md"));
        foreach (var rule in rules)
        {
            Assert.That(index, Does.Contain($"| [{rule.Id}]({rule.Id}.md) |"));
        }

        var page = File.ReadAllText(Path.Combine(folder, "DC0011.md"));
        Assert.That(page, Does.Contain("## How to suppress"));
        Assert.That(page, Does.Contain("# dockerlint ignore=DC0011 -- "));
        Assert.That(page, Does.Contain("dotnet_diagnostic.DC0011.severity = none"));
        Assert.That(page, Does.Contain("disable: [DC0011]"));
        Assert.That(page, Does.Not.Contain("\r"));
        Assert.That(page.Split('\n').Where(l => l.EndsWith(' ')), Is.Empty, "no trailing blanks");

        var second = AllRules().Run("docs", "--output-dir", folder);
        Assert.That(second.Output, Does.Contain(" 0 written"), "a second run changes nothing");
    }
}
