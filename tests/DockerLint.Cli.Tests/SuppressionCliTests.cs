using System.Text.Json;

namespace DockerLint.Cli.Tests;

/// <summary>Inline suppressions through the CLI: hidden from people, listed as suppressed in SARIF and JSON, never in the exit code.</summary>
public sealed class SuppressionCliTests
{
    private const string Suppressed = "FROM alpine:3.20\n# dockerlint ignore=DF9101 -- the entrypoint drops privileges\nUSER root\n";

    private static string Folder(string dockerfile = Suppressed) => CliHarness.Files(CliHarness.TempDir(), ("Dockerfile", dockerfile));

    [Test]
    public void Text_hides_suppressed_findings_and_counts_them_and_the_exit_code_ignores_them()
    {
        var result = new CliHarness(Folder()).Run("--format", "text", "Dockerfile");
        Assert.That(result.Output, Does.Not.Contain("DF9101"));
        Assert.That(result.Output, Does.Contain("no problems found. 1 suppressed (1 by a comment)."));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
    }

    [TestCase("gcc")]
    [TestCase("msbuild")]
    [TestCase("github")]
    public void Line_formats_do_not_show_suppressed_findings(string format)
        => Assert.That(new CliHarness(Folder()).Run("--format", format, "Dockerfile").Output, Does.Not.Contain("DF9101"));

    [Test]
    public void No_inline_suppressions_reports_the_finding()
    {
        var result = new CliHarness(Folder()).Run("--format", "gcc", "--no-inline-suppressions", "Dockerfile");
        Assert.That(result.Output, Does.Contain("Dockerfile:3:6: warning: USER root runs the container as root [DF9101]"));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Findings));
    }

    [Test]
    public void Hadolint_comments_reach_the_rule_through_its_alias()
        => Assert.That(new CliHarness(Folder("FROM alpine:3.20\n# hadolint ignore=DL3002\nUSER root\n")).Run("--format", "gcc", "Dockerfile").ExitCode, Is.EqualTo(ExitCodes.Success));

    [Test]
    public void Sarif_lists_suppressed_results_with_an_in_source_suppression_and_stays_valid()
    {
        var result = new CliHarness(Folder()).Run("--format", "sarif", "Dockerfile");
        using var log = SarifTests.AssertValid(result.Output);
        var sarifResult = log.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Single();
        Assert.That(sarifResult.GetProperty("ruleId").GetString(), Is.EqualTo("DF9101"));
        var suppression = sarifResult.GetProperty("suppressions").EnumerateArray().Single();
        Assert.That(suppression.GetProperty("kind").GetString(), Is.EqualTo("inSource"));
        Assert.That(suppression.GetProperty("status").GetString(), Is.EqualTo("accepted"));
        Assert.That(suppression.GetProperty("justification").GetString(), Is.EqualTo("the entrypoint drops privileges"));
        var location = suppression.GetProperty("location").GetProperty("physicalLocation");
        Assert.That(location.GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.EqualTo("Dockerfile"));
        Assert.That(location.GetProperty("region").GetProperty("startLine").GetInt32(), Is.EqualTo(2));
        Assert.That(sarifResult.TryGetProperty("baselineState", out _), Is.False, "no baseline, no baseline state");
    }

    [Test]
    public void Json_lists_suppressed_findings_apart_with_their_suppression()
    {
        var result = new CliHarness(Folder()).Run("--format", "json", "Dockerfile");
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.That(root.GetProperty("findings").GetArrayLength(), Is.Zero);
        var finding = root.GetProperty("suppressed").EnumerateArray().Single();
        Assert.That(finding.GetProperty("id").GetString(), Is.EqualTo("DF9101"));
        Assert.That(finding.GetProperty("startLine").GetInt32(), Is.EqualTo(3));
        var suppression = finding.GetProperty("suppression");
        Assert.That(suppression.GetProperty("kind").GetString(), Is.EqualTo("inSource"));
        Assert.That(suppression.GetProperty("justification").GetString(), Is.EqualTo("the entrypoint drops privileges"));
        Assert.That(suppression.GetProperty("line").GetInt32(), Is.EqualTo(2));
        Assert.That(suppression.GetProperty("comment").GetString(), Is.EqualTo("# dockerlint ignore=DF9101 -- the entrypoint drops privileges"));
        Assert.That(root.GetProperty("summary").GetProperty("suppressed").GetInt32(), Is.EqualTo(1));
    }

    [Test]
    public void Compose_suppressions_work_through_the_cli()
    {
        var dir = CliHarness.Files(CliHarness.TempDir(), ("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    # dockerlint ignore=DC9101\n    user: root\n"));
        var result = new CliHarness(dir).Run("--format", "json", "compose.yaml");
        using var json = JsonDocument.Parse(result.Output);
        Assert.That(json.RootElement.GetProperty("findings").GetArrayLength(), Is.Zero);
        Assert.That(json.RootElement.GetProperty("suppressed").EnumerateArray().Single().GetProperty("id").GetString(), Is.EqualTo("DC9101"));
    }

    [Test]
    public void A_suppression_of_a_rule_configuration_turned_off_is_not_reported_unused()
    {
        var dir = CliHarness.Files(CliHarness.TempDir(), (".dockerlint.yaml", "disable: [DF1001]\n"), ("Dockerfile", "FROM alpine:3.20\n# dockerlint ignore=DF1001 -- kept for hadolint users\nUSER root\n"));
        var result = new CliHarness(dir) { Rules = null }.Run("--format", "gcc", "Dockerfile");
        Assert.That(result.Output, Does.Not.Contain("DF2090"));
        Assert.That(result.Output, Does.Not.Contain("DF1001"));
    }

    [Test]
    public void A_stale_suppression_of_a_rule_that_ran_is_reported()
    {
        var dir = CliHarness.Files(CliHarness.TempDir(), ("Dockerfile", "FROM alpine:3.20\n# dockerlint ignore=DF1003\nUSER app\n"));
        var result = new CliHarness(dir) { Rules = null }.Run("--format", "gcc", "Dockerfile");
        Assert.That(result.Output, Does.Contain("Dockerfile:2:21: note: 'ignore=DF1003' suppresses nothing: no DF1003 finding is reported where it applies [DF2090]"));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), "a note does not fail the run");
    }

    [Test]
    public void Rule_pages_show_the_comment_the_peer_forms_and_the_configuration()
    {
        var rules = new DockerLint.Rules.Engine.AnalyzerEngine().AllRulesWithSyntax.ToDictionary(r => r.Id);
        var secrets = RuleDocs.Page(rules["DF1002"]);
        Assert.That(secrets, Does.Contain("# dockerlint ignore=DF1002 -- why this is acceptable here"));
        Assert.That(secrets, Does.Contain("# hadolint ignore=DL3064"));
        Assert.That(secrets, Does.Contain("# check=skip=SecretsUsedInArgOrEnv"));
        Assert.That(secrets, Does.Contain("dotnet_diagnostic.DF1002.severity = none"));
        Assert.That(secrets, Does.Contain("disable: [DF1002]"));
        Assert.That(RuleDocs.Page(rules["DC1001"]), Does.Not.Contain("hadolint").And.Contain("# dockerlint ignore=DC1001"));
        Assert.That(RuleDocs.Page(rules["DF5090"]), Does.Contain("no comment silences it").And.Not.Contain("# dockerlint ignore=DF5090"));
    }
}
