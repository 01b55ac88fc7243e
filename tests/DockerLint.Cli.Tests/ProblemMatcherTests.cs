using System.Text.Json;
using System.Text.RegularExpressions;

namespace DockerLint.Cli.Tests;

/// <summary>
/// <c>.github/dockerlint-matcher.json</c>, the problem matcher for GitHub Actions: its regex (read
/// from the file, as the runner reads it) against the msbuild output of the insecure sample.
/// </summary>
public sealed class ProblemMatcherTests
{
    private static JsonElement Matcher()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".github", "dockerlint-matcher.json")));
        var matchers = document.RootElement.GetProperty("problemMatcher");
        Assert.That(matchers.GetArrayLength(), Is.EqualTo(1));
        return matchers[0].Clone();
    }

    [Test]
    public void Matcher_has_an_owner_and_one_single_line_pattern_with_every_group()
    {
        var matcher = Matcher();
        Assert.That(matcher.GetProperty("owner").GetString(), Is.EqualTo("dockerlint"));
        var pattern = matcher.GetProperty("pattern");
        Assert.That(pattern.GetArrayLength(), Is.EqualTo(1));
        var groups = new Regex(pattern[0].GetProperty("regexp").GetString()!).GetGroupNumbers().Length - 1;
        var fields = new[] { "file", "line", "column", "severity", "code", "message" }.Select(f => pattern[0].GetProperty(f).GetInt32()).ToList();
        Assert.That(fields, Is.Unique);
        Assert.That(fields, Has.All.InRange(1, groups));
    }

    [Test]
    public void Every_warning_and_error_line_of_the_msbuild_output_matches_with_the_right_groups()
    {
        var pattern = Matcher().GetProperty("pattern")[0];
        var regex = new Regex(pattern.GetProperty("regexp").GetString()!);
        int Group(string field) => pattern.GetProperty(field).GetInt32();

        var harness = new CliHarness(RepositoryRoot.Path) { Rules = null };
        var lines = harness.Run("--format", "msbuild", "samples/insecure").Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        using var json = JsonDocument.Parse(harness.Run("--format", "json", "samples/insecure").Output);
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.That(lines, Has.Length.EqualTo(findings.Count));
        Assert.That(findings.Select(f => f.GetProperty("severity").GetString()), Does.Contain("warning").And.Contain("note"));

        for (var i = 0; i < lines.Length; i++)
        {
            var finding = findings[i];
            var severity = finding.GetProperty("severity").GetString();
            var match = regex.Match(lines[i]);
            if (severity == "note")
            {
                // GitHub's matchers know only error and warning; notes stay plain log lines (docs/github-code-scanning.md).
                Assert.That(match.Success, Is.False, lines[i]);
                continue;
            }

            Assert.That(match.Success, Is.True, lines[i]);
            Assert.That(match.Groups[Group("file")].Value, Is.EqualTo(Path.Combine(RepositoryRoot.Path, finding.GetProperty("path").GetString()!)), lines[i]);
            Assert.That(match.Groups[Group("line")].Value, Is.EqualTo(finding.GetProperty("startLine").GetInt32().ToString()), lines[i]);
            Assert.That(match.Groups[Group("column")].Value, Is.EqualTo(finding.GetProperty("startColumn").GetInt32().ToString()), lines[i]);
            Assert.That(match.Groups[Group("severity")].Value, Is.EqualTo(severity), lines[i]);
            Assert.That(match.Groups[Group("code")].Value, Is.EqualTo(finding.GetProperty("id").GetString()), lines[i]);
            Assert.That(match.Groups[Group("message")].Value, Is.EqualTo(finding.GetProperty("message").GetString()), lines[i]);
        }
    }

    [TestCase("/src/Dockerfile(3,1,3,9): error DF0001: Unknown instruction 'FETCH'", "/src/Dockerfile", "3", "1", "error", "DF0001")]
    [TestCase("C:\\repo\\compose.yaml(10,9,10,20): warning DC1004: '8000:8000' is published on all interfaces", "C:\\repo\\compose.yaml", "10", "9", "warning", "DC1004")]
    [TestCase("/a b/Dockerfile.dev(12,4,13,2): warning DF3001: Base image 'x:latest' (stage 'build')", "/a b/Dockerfile.dev", "12", "4", "warning", "DF3001")]
    public void Matcher_reads_errors_paths_with_spaces_and_Windows_paths(string line, string file, string lineNumber, string column, string severity, string code)
    {
        var pattern = Matcher().GetProperty("pattern")[0];
        var match = new Regex(pattern.GetProperty("regexp").GetString()!).Match(line);
        Assert.That(match.Success, Is.True, line);
        Assert.That(
            new[] { "file", "line", "column", "severity", "code" }.Select(f => match.Groups[pattern.GetProperty(f).GetInt32()].Value),
            Is.EqualTo(new[] { file, lineNumber, column, severity, code }));
    }
}
