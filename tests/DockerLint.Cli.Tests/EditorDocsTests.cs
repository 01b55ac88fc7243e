using System.Text.Json;
using System.Text.RegularExpressions;

namespace DockerLint.Cli.Tests;

/// <summary>
/// <c>docs/editors.md</c>: the VS Code task uses <c>$msCompile</c> on the msbuild format, and the
/// gcc-format matcher the page gives reads every line DockerLint prints in that format.
/// </summary>
public sealed partial class EditorDocsTests
{
    [GeneratedRegex(@"```json\n(.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();

    private static List<JsonElement> Blocks()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "editors.md")).ReplaceLineEndings("\n");
        return [.. JsonBlock().Matches(page).Select(m => JsonDocument.Parse(m.Groups[1].Value).RootElement.Clone())];
    }

    [Test]
    public void The_tasks_json_runs_the_msbuild_format_under_msCompile()
    {
        var tasks = Blocks()[0];
        Assert.That(tasks.GetProperty("version").GetString(), Is.EqualTo("2.0.0"));
        var task = tasks.GetProperty("tasks")[0];
        Assert.That(task.GetProperty("command").GetString(), Is.EqualTo("dockerlint"));
        Assert.That(task.GetProperty("args").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "--format", "msbuild", "." }));
        Assert.That(task.GetProperty("problemMatcher").GetString(), Is.EqualTo("$msCompile"));
    }

    [Test]
    public void The_gcc_matcher_reads_every_gcc_line_with_the_right_groups()
    {
        var alternative = Blocks()[1];
        Assert.That(alternative.GetProperty("args").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "--format", "gcc", "." }));
        var pattern = alternative.GetProperty("problemMatcher").GetProperty("pattern");
        var regex = new Regex(pattern.GetProperty("regexp").GetString()!);
        int Group(string field) => pattern.GetProperty(field).GetInt32();

        var harness = new CliHarness(RepositoryRoot.Path) { Rules = null };
        var lines = harness.Run("--format", "gcc", "samples/insecure", "samples/broken").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var json = JsonDocument.Parse(harness.Run("--format", "json", "samples/insecure", "samples/broken").Output);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.That(lines, Has.Length.EqualTo(findings.Count).And.Length.GreaterThan(0));
        Assert.That(findings.Select(f => f.GetProperty("severity").GetString()).Distinct(), Is.EquivalentTo(new[] { "error", "warning", "note" }));
        for (var i = 0; i < lines.Length; i++)
        {
            var match = regex.Match(lines[i]);
            Assert.That(match.Success, Is.True, lines[i]);
            Assert.That(match.Groups[Group("file")].Value, Is.EqualTo(findings[i].GetProperty("path").GetString()), lines[i]);
            Assert.That(match.Groups[Group("line")].Value, Is.EqualTo(findings[i].GetProperty("startLine").GetInt32().ToString()), lines[i]);
            Assert.That(match.Groups[Group("column")].Value, Is.EqualTo(findings[i].GetProperty("startColumn").GetInt32().ToString()), lines[i]);
            Assert.That(match.Groups[Group("severity")].Value, Is.EqualTo(findings[i].GetProperty("severity").GetString()), lines[i]);
            Assert.That(match.Groups[Group("code")].Value, Is.EqualTo(findings[i].GetProperty("id").GetString()), lines[i]);
            Assert.That(match.Groups[Group("message")].Value, Is.EqualTo(findings[i].GetProperty("message").GetString()), lines[i]);
        }
    }
}
