using System.Text.Json;

namespace DockerLint.Cli.Tests;

/// <summary>
/// <c>--write-baseline</c> and <c>--baseline</c>: findings are matched by rule, repository-relative
/// path and the fingerprint of what they flag, so moving lines keeps them matched and changing the
/// flagged text makes them new.
/// </summary>
public sealed class BaselineTests
{
    private static (CliHarness Cli, string Dir) Repo(string dockerfile)
    {
        var dir = CliHarness.Files(CliHarness.TempDir(), ("app/Dockerfile", dockerfile));
        return (new CliHarness(dir), dir);
    }

    private static string Write(string dir, string text)
    {
        File.WriteAllText(Path.Combine(dir, "app/Dockerfile"), text);
        return text;
    }

    [Test]
    public void Write_records_todays_findings_and_then_nothing_is_reported()
    {
        var (cli, dir) = Repo("FROM alpine:3.20\nUSER root\nFROM debian:12\nUSER root\n");
        var written = cli.Run("--format", "gcc", "--write-baseline", "dockerlint-baseline.json", ".");
        Assert.That(written.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(written.Output, Is.Empty);
        Assert.That(written.Error, Does.Contain("wrote the baseline dockerlint-baseline.json: 2 findings (2 new); 0 fixed findings removed from the baseline."));

        using var baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "dockerlint-baseline.json")));
        Assert.That(baseline.RootElement.GetProperty("version").GetInt32(), Is.EqualTo(1));
        var entry = baseline.RootElement.GetProperty("findings").EnumerateArray().Single();
        Assert.That(entry.GetProperty("rule").GetString(), Is.EqualTo("DF9101"));
        Assert.That(entry.GetProperty("path").GetString(), Is.EqualTo("app/Dockerfile"), "relative to the source root, with /");
        Assert.That(entry.GetProperty("count").GetInt32(), Is.EqualTo(2), "identical findings are counted");
        Assert.That(entry.TryGetProperty("line", out _), Is.False, "no line numbers");

        Assert.That(cli.Run("--format", "gcc", "--baseline", "dockerlint-baseline.json", ".").ExitCode, Is.EqualTo(ExitCodes.Success));
    }

    [Test]
    public void Lines_inserted_above_keep_findings_matched_and_a_changed_text_is_new()
    {
        var (cli, dir) = Repo("FROM alpine:3.20\nUSER root\n");
        cli.Run("--write-baseline", "b.json", ".");

        Write(dir, "# syntax=docker/dockerfile:1\n\n# the base\nFROM alpine:3.20\nRUN true\n\n    USER   root\n");
        var moved = cli.Run("--format", "gcc", "--baseline", "b.json", ".");
        Assert.That(moved.Output, Is.Empty, "moved and re-indented: still the accepted finding");
        Assert.That(moved.ExitCode, Is.EqualTo(ExitCodes.Success));

        Write(dir, "FROM alpine:3.20\nUSER root\nUSER root\n");
        var duplicated = cli.Run("--format", "gcc", "--baseline", "b.json", ".");
        Assert.That(duplicated.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(1), "one accepted, the second copy is new");

        Write(dir, "FROM alpine:3.20\nUSER 0\n");
        var changed = cli.Run("--format", "gcc", "--baseline", "b.json", ".");
        Assert.That(changed.Output, Does.Contain("app/Dockerfile:2:6: warning: USER 0 runs the container as root [DF9101]"));
        Assert.That(changed.ExitCode, Is.EqualTo(ExitCodes.Findings));
    }

    [Test]
    public void Fixed_findings_are_pruned_and_counted_and_other_files_kept()
    {
        var (cli, dir) = Repo("FROM alpine:3.20\nUSER root\nFROM debian:12\nUSER 0\n");
        CliHarness.Files(dir, ("other/Dockerfile", "FROM alpine:3.20\nUSER root\n"));
        cli.Run("--write-baseline", "b.json", ".");
        var before = File.ReadAllText(Path.Combine(dir, "b.json"));

        Write(dir, "FROM alpine:3.20\nUSER app\n");
        var rewritten = cli.Run("--write-baseline", "b.json", "app");
        Assert.That(rewritten.Error, Does.Contain("1 finding (0 new); 2 fixed findings removed from the baseline."));
        var after = File.ReadAllText(Path.Combine(dir, "b.json"));
        Assert.That(after, Does.Contain("other/Dockerfile"), "a file outside the run keeps its entries");
        Assert.That(after, Does.Not.Contain("\"app/Dockerfile\""));
        Assert.That(before, Does.Contain("\"app/Dockerfile\""));
        Assert.That(cli.Run("--write-baseline", "b.json", "app").Output, Is.Empty);
        Assert.That(File.ReadAllText(Path.Combine(dir, "b.json")), Is.EqualTo(after), "writing again gives the same bytes");
    }

    [Test]
    public void Entries_are_ordered_by_path_rule_and_fingerprint()
    {
        var (cli, dir) = Repo("FROM alpine:3.20\nUSER root\n");
        CliHarness.Files(dir, ("a/Dockerfile", "FROM alpine:3.20\nUSER 0\nUSER root\n"), ("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    user: root\n"));
        cli.Run("--write-baseline", "b.json", ".");
        using var baseline = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "b.json")));
        var keys = baseline.RootElement.GetProperty("findings").EnumerateArray()
            .Select(e => $"{e.GetProperty("path").GetString()} {e.GetProperty("rule").GetString()} {e.GetProperty("fingerprint").GetString()}").ToList();
        Assert.That(keys, Has.Count.EqualTo(4));
        Assert.That(keys, Is.EqualTo(keys.Order(StringComparer.Ordinal).ToList()));
    }

    [Test]
    public void Sarif_marks_accepted_results_unchanged_and_suppressed_and_the_others_new()
    {
        var (cli, dir) = Repo("FROM alpine:3.20\nUSER root\n");
        cli.Run("--write-baseline", "b.json", ".");
        Write(dir, "FROM alpine:3.20\nUSER root\nUSER 0\n");
        var result = cli.Run("--format", "sarif", "--baseline", "b.json", ".");
        using var log = SarifTests.AssertValid(result.Output);
        var results = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.That(results.Select(r => r.GetProperty("baselineState").GetString()), Is.EqualTo(new[] { "unchanged", "new" }));
        var suppression = results[0].GetProperty("suppressions").EnumerateArray().Single();
        Assert.That(suppression.GetProperty("kind").GetString(), Is.EqualTo("external"));
        Assert.That(suppression.GetProperty("justification").GetString(), Is.EqualTo("Accepted in the baseline b.json"));
        Assert.That(results[1].TryGetProperty("suppressions", out _), Is.False);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Findings));
    }

    [Test]
    public void Json_and_text_say_what_the_baseline_accepted()
    {
        var (cli, _) = Repo("FROM alpine:3.20\nUSER root\n");
        cli.Run("--write-baseline", "b.json", ".");
        using var json = JsonDocument.Parse(cli.Run("--format", "json", "--baseline", "b.json", ".").Output);
        Assert.That(json.RootElement.GetProperty("suppressed")[0].GetProperty("suppression").GetProperty("kind").GetString(), Is.EqualTo("baseline"));
        Assert.That(cli.Run("--format", "text", "--baseline", "b.json", ".").Output, Does.Contain("1 suppressed (1 in the baseline)."));
    }

    [TestCase("missing.json", "does not exist")]
    [TestCase("bad.json", "not a valid DockerLint baseline")]
    [TestCase("other.json", "has no \"version\"")]
    [TestCase("future.json", "has version 99")]
    public void A_baseline_that_cannot_be_read_is_a_usage_error(string file, string message)
    {
        var (cli, dir) = Repo("FROM alpine:3.20\nUSER root\n");
        CliHarness.Files(dir, ("bad.json", "{ not json"), ("other.json", "[]"), ("future.json", "{\"version\": 99, \"findings\": []}"));
        var result = cli.Run("--format", "gcc", "--baseline", file, ".");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(result.Error, Does.Contain(message));
    }

    [Test]
    public void Write_replaces_a_broken_baseline()
    {
        var (cli, dir) = Repo("FROM alpine:3.20\nUSER root\n");
        CliHarness.Files(dir, ("b.json", "{ not json"));
        Assert.That(cli.Run("--write-baseline", "b.json", ".").ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(File.ReadAllText(Path.Combine(dir, "b.json")), Does.StartWith("{\n  \"version\": 1,"));
    }
}
