using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using DockerLint.Cli.Formats;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Cli.Tests;

/// <summary>The output formats: goldens on a fixed pair of files, and the contracts of each format.</summary>
public sealed partial class FormatTests
{
    /// <summary>The fixture project: a Dockerfile and a compose.yaml with findings of every kind.</summary>
    public static string Fixtures => Path.Combine(RepositoryRoot.TestProject, "Fixtures", "project");

    /// <summary>The ANSI escape character (compared ordinally: culture-aware comparison ignores control characters).</summary>
    private const string Escape = "\u001b";

    /// <summary>VS Code's $msCompile problem matcher, exactly as VS Code defines it.</summary>
    [GeneratedRegex(@"^(?:\s*\d+>)?(\S.*)\((\d+|\d+,\d+|\d+,\d+,\d+,\d+)\)\s*:\s+((?:fatal +)?error|warning|info)\s+(\w+\d+)\s*:\s*(.*)$")]
    private static partial Regex MsCompile();

    /// <summary>The output with machine-specific parts (the fixture folder, the tool version) replaced by placeholders.</summary>
    public static string Normalize(string output)
    {
        var folderUri = new Uri(Fixtures + "/").AbsoluteUri;
        return output
            .Replace(folderUri, "file:///{FIXTURES}/")
            .Replace(Fixtures, "{FIXTURES}")
            .Replace($"\"semanticVersion\": \"{ToolInfo.Version}\"", "\"semanticVersion\": \"{VERSION}\"")
            .Replace($"\"version\": \"{ToolInfo.Version}\"", "\"version\": \"{VERSION}\"");
    }

    [TestCase("text", "text.txt")]
    [TestCase("msbuild", "msbuild.txt")]
    [TestCase("gcc", "gcc.txt")]
    [TestCase("github", "github.txt")]
    [TestCase("json", "json.json")]
    [TestCase("sarif", "sarif.sarif")]
    public void Output_matches_its_golden(string format, string golden)
    {
        var result = new CliHarness(Fixtures).Run("--format", format, ".");
        Assert.That(result.Error, Is.Empty);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Findings));
        Golden.Match(golden, Normalize(result.Output));
    }

    [Test]
    public void Output_is_the_same_on_every_run()
    {
        var first = new CliHarness(Fixtures).Run("--format", "sarif", ".");
        var second = new CliHarness(Fixtures).Run("--format", "sarif", ".");
        Assert.That(second.Output, Is.EqualTo(first.Output));
    }

    [Test]
    public void Every_msbuild_line_matches_the_msCompile_problem_matcher()
    {
        var result = new CliHarness(Fixtures).Run("--format", "msbuild", ".");
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Is.Not.Empty);
        foreach (var line in lines)
        {
            var match = MsCompile().Match(line);
            Assert.That(match.Success, Is.True, line);
            Assert.That(Path.IsPathRooted(match.Groups[1].Value), Is.True, "msbuild paths are absolute: " + line);
            Assert.That(File.Exists(match.Groups[1].Value), Is.True, line);
            Assert.That(match.Groups[2].Value.Split(','), Has.Length.EqualTo(4), line);
            Assert.That(match.Groups[4].Value, Does.Match("^D[FC][0-9]{4}$"), line);
        }
    }

    [TestCase("Error", "error")]
    [TestCase("Warning", "warning")]
    [TestCase("Note", "info")]
    public void Msbuild_severities_are_the_words_msCompile_knows(string severity, string word)
    {
        var line = MsBuildFormatter.Line(Finding(Enum.Parse<Severity>(severity), "A message\nover two lines", "/src/Dockerfile"));
        var match = MsCompile().Match(line);
        Assert.That(match.Success, Is.True, line);
        Assert.That(match.Groups[3].Value, Is.EqualTo(word));
        Assert.That(match.Groups[5].Value, Is.EqualTo("A message over two lines"));
    }

    [Test]
    public void GitHub_commands_escape_data_and_properties()
    {
        var report = Report(Finding(Severity.Note, "50% of it,\r\nsaid: no", Path.Combine(Fixtures, "a,b:c.Dockerfile")));
        var output = new StringWriter();
        new GitHubFormatter().Write(report, new FormatContext(new ReportPaths(Fixtures, Fixtures), false), output);
        Assert.That(output.ToString(), Is.EqualTo("::notice file=a%2Cb%3Ac.Dockerfile,line=2,col=3,endLine=2,endColumn=7,title=DF1001::50%25 of it,%0D%0Asaid: no\n"));
    }

    [Test]
    public void GitHub_commands_give_columns_only_for_one_line_findings()
    {
        var finding = Finding(Severity.Error, "m", Path.Combine(Fixtures, "Dockerfile")) with { Span = new LinePositionSpan(new LinePosition(1, 2), new LinePosition(3, 1)) };
        var output = new StringWriter();
        new GitHubFormatter().Write(Report(finding), new FormatContext(new ReportPaths(Fixtures, Fixtures), false), output);
        Assert.That(output.ToString(), Is.EqualTo("::error file=Dockerfile,line=2,endLine=4,title=DF1001::m\n"));
    }

    [Test]
    public void Json_has_the_documented_shape()
    {
        var result = new CliHarness(Fixtures).Run("--format", "json", ".");
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement;
        Assert.That(root.GetProperty("formatVersion").GetInt32(), Is.EqualTo(1));
        Assert.That(root.GetProperty("tool").GetProperty("name").GetString(), Is.EqualTo("DockerLint"));
        var finding = root.GetProperty("findings")[0];
        foreach (var name in new[] { "id", "severity", "message", "path", "startLine", "startColumn", "endLine", "endColumn", "title", "category", "helpUri" })
        {
            Assert.That(finding.TryGetProperty(name, out _), Is.True, name);
        }

        var summary = root.GetProperty("summary");
        Assert.That(summary.GetProperty("files").GetInt32(), Is.EqualTo(2));
        Assert.That(summary.GetProperty("findings").GetInt32(), Is.EqualTo(root.GetProperty("findings").GetArrayLength()));
        Assert.That(summary.GetProperty("complete").GetBoolean(), Is.True);
        Assert.That(root.GetProperty("notifications").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void Text_is_coloured_on_a_terminal_only_and_never_with_NO_COLOR()
    {
        var terminal = new CliHarness(Fixtures) { Terminal = true }.Run(".");
        Assert.That(terminal.Output.Contains("\u001b[1;33mwarning\u001b[0m", StringComparison.Ordinal), Is.True, "text with colour is the default on a terminal");

        var noColor = new CliHarness(Fixtures) { Terminal = true, Variables = { ["NO_COLOR"] = "1" } }.Run(".");
        Assert.That(noColor.Output.Contains(Escape, StringComparison.Ordinal), Is.False);
        Assert.That(noColor.Output, Does.Contain("warning DF9101"));

        var dumb = new CliHarness(Fixtures) { Terminal = true, Variables = { ["TERM"] = "dumb" } }.Run(".");
        Assert.That(dumb.Output.Contains(Escape, StringComparison.Ordinal), Is.False);

        var piped = new CliHarness(Fixtures).Run(".");
        Assert.That(piped.Output.Contains(Escape, StringComparison.Ordinal), Is.False);
        Assert.That(piped.Output, Does.StartWith(Fixtures + "/"), "msbuild is the default when not on a terminal");

        var file = Path.Combine(CliHarness.TempDir(), "report.txt");
        var toFile = new CliHarness(Fixtures) { Terminal = true }.Run("--format", "text", "--output", file, ".");
        Assert.That(toFile.Output, Is.Empty);
        Assert.That(File.ReadAllText(file).Contains(Escape, StringComparison.Ordinal), Is.False, "no colour in a file");
    }

    [Test]
    public void Text_carets_follow_tabs_and_cover_multi_line_spans()
    {
        var dir = CliHarness.TempDir();
        var file = Path.Combine(dir, "Dockerfile");
        File.WriteAllText(file, "FROM alpine:3.20\nRUN\techo \\\n\t\tpart\nUSER\troot\n");
        var finding = Finding(Severity.Warning, "spans two lines", file) with { Span = new LinePositionSpan(new LinePosition(1, 4), new LinePosition(2, 6)) };
        var user = Finding(Severity.Warning, "root", file) with { Span = new LinePositionSpan(new LinePosition(3, 5), new LinePosition(3, 9)) };
        var output = new StringWriter();
        new TextFormatter().Write(Report(finding, user), new FormatContext(new ReportPaths(dir, dir), false), output);
        Assert.That(output.ToString(), Is.EqualTo(
            "warning DF1001: spans two lines\n"
            + " --> Dockerfile:2:5\n"
            + "  |\n"
            + "2 | RUN echo \\\n"
            + "  |     ^^^^^^\n"
            + "3 |         part\n"
            + "  |         ^^^^\n"
            + "\n"
            + "warning DF1001: root\n"
            + " --> Dockerfile:4:6\n"
            + "  |\n"
            + "4 | USER    root\n"
            + "  |         ^^^^\n"
            + "\n"
            + "Checked 1 file: 2 problems (2 warnings).\n"));
    }

    [Test]
    public void Text_replaces_control_characters_so_files_cannot_drive_the_terminal()
    {
        var dir = CliHarness.TempDir();
        var file = Path.Combine(dir, "Dockerfile");
        File.WriteAllText(file, "FROM x\u001b[31m\n");
        var finding = Finding(Severity.Error, "bad \u001b[2J", file) with { Span = new LinePositionSpan(new LinePosition(0, 5), new LinePosition(0, 6)) };
        var output = new StringWriter();
        new TextFormatter().Write(Report(finding), new FormatContext(new ReportPaths(dir, dir), false), output);
        Assert.That(output.ToString().Contains(Escape, StringComparison.Ordinal), Is.False);
        Assert.That(output.ToString(), Does.Contain("FROM x?[31m"));
    }

    internal static Finding Finding(Severity severity, string message, string path)
        => new("DF1001", severity, message, path, new LinePositionSpan(new LinePosition(1, 2), new LinePosition(1, 6)), null);

    internal static LintReport Report(params Finding[] findings)
        => new([.. findings.Order(DockerLint.Cli.Finding.Order)], [], 1, [], ImmutableHashSet<string>.Empty, new SourceCache(File.ReadAllBytes));
}
