using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using DockerLint.Cli.Formats;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;
using NJsonSchema;

namespace DockerLint.Cli.Tests;

/// <summary>SARIF: valid against the 2.1.0 schema in every case, and what GitHub code scanning needs.</summary>
public sealed class SarifTests
{
    private static readonly Lazy<JsonSchema> s_schema = new(() =>
    {
        var path = typeof(SarifTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SarifSchemaPath").Value!;
        Assert.That(File.Exists(path), Is.True, $"the SARIF schema of the Sarif.Sdk package is not at {path}");
        return JsonSchema.FromFileAsync(path).GetAwaiter().GetResult();
    });

    /// <summary>Asserts that <paramref name="sarif"/> is valid SARIF 2.1.0 and returns it parsed.</summary>
    public static JsonDocument AssertValid(string sarif)
    {
        var errors = s_schema.Value.Validate(sarif);
        Assert.That(errors.Select(e => $"{e.Path}: {e.Kind}"), Is.Empty, "not valid against the SARIF 2.1.0 schema");
        return JsonDocument.Parse(sarif);
    }

    private static JsonElement Run(JsonDocument log) => log.RootElement.GetProperty("runs")[0];

    [Test]
    public void Fixture_output_is_valid_and_complete()
    {
        var result = new CliHarness(FormatTests.Fixtures).Run("--format", "sarif", ".");
        using var log = AssertValid(result.Output);
        Assert.That(log.RootElement.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
        Assert.That(log.RootElement.GetProperty("runs").GetArrayLength(), Is.EqualTo(1));
        var run = Run(log);
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.That(driver.GetProperty("name").GetString(), Is.EqualTo("DockerLint"));
        Assert.That(driver.GetProperty("semanticVersion").GetString(), Is.EqualTo(ToolInfo.Version));
        Assert.That(driver.GetProperty("informationUri").GetString(), Does.StartWith("https://"));

        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        var expected = new AnalyzerEngine(TestRules.All).AllRulesWithSyntax.Select(r => r.Id).ToList();
        Assert.That(rules.Select(r => r.GetProperty("id").GetString()), Is.EqualTo(expected), "every rule, syntax diagnostics included, in ID order");
        var df1001 = rules.Single(r => r.GetProperty("id").GetString() == "DF9101");
        Assert.That(df1001.GetProperty("name").GetString(), Is.EqualTo("RootUser"));
        Assert.That(df1001.GetProperty("shortDescription").GetProperty("text").GetString(), Is.EqualTo("Root user (test rule)"));
        Assert.That(df1001.GetProperty("fullDescription").GetProperty("text").GetString(), Is.Not.Empty);
        Assert.That(df1001.GetProperty("help").GetProperty("markdown").GetString(), Does.Contain("## Why is this bad?"));
        Assert.That(df1001.GetProperty("help").GetProperty("text").GetString(), Is.Not.Empty);
        Assert.That(df1001.GetProperty("helpUri").GetString(), Does.EndWith("/docs/rules/DF9101.md"));
        Assert.That(df1001.GetProperty("defaultConfiguration").GetProperty("level").GetString(), Is.EqualTo("warning"));
        var properties = df1001.GetProperty("properties");
        Assert.That(properties.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Does.Contain("security"));
        Assert.That(properties.GetProperty("precision").GetString(), Is.EqualTo("high"));
        Assert.That(properties.GetProperty("security-severity").GetString(), Is.EqualTo("7.5"));
        var syntax = rules.Single(r => r.GetProperty("id").GetString() == "DF0001");
        Assert.That(syntax.GetProperty("properties").TryGetProperty("security-severity", out _), Is.False);

        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.That(results, Is.Not.Empty);
        foreach (var result1 in results)
        {
            var id = result1.GetProperty("ruleId").GetString();
            Assert.That(rules[result1.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString(), Is.EqualTo(id));
            Assert.That(result1.GetProperty("level").GetString(), Is.AnyOf("error", "warning", "note"), "level is written even when it is SARIF's default");
            var location = result1.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.That(location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString(), Is.EqualTo("%SRCROOT%"));
            Assert.That(location.GetProperty("artifactLocation").GetProperty("uri").GetString(), Is.AnyOf("Dockerfile", "compose.yaml"));
            var region = location.GetProperty("region");
            foreach (var name in new[] { "startLine", "startColumn", "endLine", "endColumn" })
            {
                Assert.That(region.GetProperty(name).GetInt32(), Is.GreaterThanOrEqualTo(1), name);
            }

            Assert.That(result1.GetProperty("partialFingerprints").GetProperty(SarifFormatter.FingerprintKey).GetString(), Does.Match("^[0-9a-f]{32}$"));
        }

        var root = run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString();
        Assert.That(root, Does.StartWith("file:///").And.EndWith("/"));
        Assert.That(run.GetProperty("automationDetails").GetProperty("id").GetString(), Is.EqualTo("dockerlint/"));
        var invocation = run.GetProperty("invocations")[0];
        Assert.That(invocation.GetProperty("executionSuccessful").GetBoolean(), Is.True);
    }

    [Test]
    public void No_input_is_valid_with_an_empty_result_list()
    {
        var result = new CliHarness(CliHarness.TempDir()).Run("--format", "sarif", ".");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        using var log = AssertValid(result.Output);
        Assert.That(Run(log).GetProperty("results").GetArrayLength(), Is.Zero);
        Assert.That(Run(log).GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean(), Is.True);
    }

    [Test]
    public void Every_input_broken_is_still_valid_and_says_the_run_failed()
    {
        var dir = CliHarness.Files(CliHarness.TempDir(),
            ("unreadable/Dockerfile", "FROM alpine:3.20\n"),
            ("garbage/Dockerfile", "\u0000\u0001 not a \"Dockerfile\u00ff\n<<<\n"),
            ("garbage/compose.yaml", "services: [unclosed\n\t- : :\n"),
            ("crash/Dockerfile", "FROM alpine:3.20\nUSER app\n"));
        var harness = new CliHarness(dir)
        {
            ReadFile = path => path.Contains("unreadable", StringComparison.Ordinal) ? throw new UnauthorizedAccessException("Permission denied") : File.ReadAllBytes(path),
            Rules = [.. TestRules.All, new ThrowingRule()],
        };
        var result = harness.Run("--format", "sarif", "missing-folder", ".");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError), "a missing path is a usage error");
        using var log = AssertValid(result.Output);
        var invocation = Run(log).GetProperty("invocations")[0];
        Assert.That(invocation.GetProperty("executionSuccessful").GetBoolean(), Is.False);
        var notifications = invocation.GetProperty("toolExecutionNotifications").EnumerateArray().ToList();
        var messages = notifications.Select(n => n.GetProperty("message").GetProperty("text").GetString()).ToList();
        Assert.That(messages, Has.Some.Contains("missing-folder: no such file or folder"));
        Assert.That(messages, Has.Some.Contains("cannot read the file: Permission denied"));
        Assert.That(messages, Has.Some.Contains("DF9999"));
        Assert.That(notifications.All(n => n.GetProperty("level").GetString() == "error"), Is.True);
        var ruleFailure = notifications.First(n => n.GetProperty("message").GetProperty("text").GetString()!.Contains("DF9999", StringComparison.Ordinal));
        Assert.That(ruleFailure.GetProperty("associatedRule").GetProperty("id").GetString(), Is.EqualTo("DF9999"));
        Assert.That(Run(log).GetProperty("results").EnumerateArray().Select(r => r.GetProperty("ruleId").GetString()), Does.Contain("DC0001"));
    }

    [Test]
    public void Results_over_the_limit_are_cut_deterministically_with_a_notification()
    {
        var dir = CliHarness.TempDir();
        var file = Path.Combine(dir, "Dockerfile");
        File.WriteAllText(file, "FROM a\nX\nY\nZ\n");
        var findings = new[]
        {
            FormatTests.Finding(Severity.Note, "note", file),
            FormatTests.Finding(Severity.Error, "error", file) with { Id = "DF0001" },
            FormatTests.Finding(Severity.Warning, "warning", file) with { Id = "DF0005" },
        };
        var output = new StringWriter();
        new SarifFormatter { ResultLimit = 2 }.Write(FormatTests.Report(findings), new FormatContext(new ReportPaths(dir, dir), false), output);
        using var log = AssertValid(output.ToString());
        var results = Run(log).GetProperty("results").EnumerateArray().Select(r => r.GetProperty("message").GetProperty("text").GetString()).ToList();
        Assert.That(results, Is.EqualTo(new[] { "error", "warning" }), "the most severe are kept, in report order");
        var notification = Run(log).GetProperty("invocations")[0].GetProperty("toolExecutionNotifications")[0];
        Assert.That(notification.GetProperty("message").GetProperty("text").GetString(), Does.Contain("Only 2 of 3 results"));
        Assert.That(notification.GetProperty("level").GetString(), Is.EqualTo("warning"));
        Assert.That(Run(log).GetProperty("invocations")[0].GetProperty("executionSuccessful").GetBoolean(), Is.True, "a cut is not a failure");
    }

    [TestCase(int.MaxValue)]
    [TestCase(3)]
    [TestCase(1)]
    public void Results_serialized_as_files_are_written_give_the_same_log(int limit)
    {
        var dir = CliHarness.TempDir();
        var file = Path.Combine(dir, "Dockerfile");
        File.WriteAllText(file, "FROM a\nX\nY\nZ\n");
        var findings = new[]
        {
            FormatTests.Finding(Severity.Note, "note \"quoted\"\nand a line break", file),
            FormatTests.Finding(Severity.Note, "second note", file),
            FormatTests.Finding(Severity.Error, "error", file) with { Id = "DF0001" },
            FormatTests.Finding(Severity.Warning, "warning", file) with { Id = "DF0005" },
            FormatTests.Finding(Severity.Error, "another error", file) with { Id = "DF0001" },
        };
        string Log(bool early)
        {
            var output = new StringWriter();
            new SarifFormatter { ResultLimit = limit, SerializeEarly = early }.Write(FormatTests.Report(findings), new FormatContext(new ReportPaths(dir, dir), false), output);
            return output.ToString();
        }

        var early = Log(early: true);
        using var log = AssertValid(early);
        Assert.That(Run(log).GetProperty("results").GetArrayLength(), Is.EqualTo(Math.Min(limit, findings.Length)));
        Assert.That(early, Is.EqualTo(Log(early: false)), "results serialized early are written exactly as the serializer writes them in place");
    }

    [Test]
    public void Tags_are_capped_at_GitHubs_limit()
    {
        var result = new CliHarness(CliHarness.TempDir()) { Rules = [new ManyTagsRule()] }.Run("--format", "sarif", ".");
        using var log = AssertValid(result.Output);
        var rule = Run(log).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "DF9998");
        var tags = rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.That(tags, Has.Count.EqualTo(SarifFormatter.MaxTagsPerRule));
        Assert.That(tags[0], Is.EqualTo("bestpractice"));
    }

    [Test]
    public void Preview_rules_are_listed_but_disabled_unless_asked_for()
    {
        var dir = CliHarness.TempDir();
        var off = new CliHarness(dir) { Rules = [new ManyTagsRule()] }.Run("--format", "sarif", ".");
        var on = new CliHarness(dir) { Rules = [new ManyTagsRule()] }.Run("--format", "sarif", "--preview", ".");
        bool Enabled(string output)
        {
            using var log = AssertValid(output);
            var rule = Run(log).GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("id").GetString() == "DF9998");
            return !rule.GetProperty("defaultConfiguration").TryGetProperty("enabled", out var enabled) || enabled.GetBoolean();
        }

        Assert.That(Enabled(off.Output), Is.False);
        Assert.That(Enabled(on.Output), Is.True);
    }

    [Test]
    public void Fingerprints_survive_moving_lines_and_tell_repeated_findings_apart()
    {
        var dir = CliHarness.TempDir();
        var file = Path.Combine(dir, "Dockerfile");
        string[] Fingerprints()
        {
            var result = new CliHarness(dir).Run("--format", "sarif", "Dockerfile");
            using var log = AssertValid(result.Output);
            return [.. Run(log).GetProperty("results").EnumerateArray().Select(r => r.GetProperty("partialFingerprints").GetProperty(SarifFormatter.FingerprintKey).GetString()!)];
        }

        File.WriteAllText(file, "FROM alpine:3.20\nBOGUS one\nBOGUS one\nUSER root\n");
        var before = Fingerprints();
        File.WriteAllText(file, "# a comment\n\nFROM alpine:3.20\n\n  BOGUS   one\nBOGUS one\n\tUSER  root\n");
        var after = Fingerprints();
        Assert.That(before, Has.Length.EqualTo(3), "two DF0001 and DF9101");
        Assert.That(after, Is.EqualTo(before), "same findings, moved and re-indented: same fingerprints");
        Assert.That(before.Distinct().Count(), Is.EqualTo(3), "two identical lines still get distinct fingerprints");
    }

    [Test]
    public void Source_root_is_the_git_repository_around_the_current_folder()
    {
        var repository = CliHarness.TempDir();
        Directory.CreateDirectory(Path.Combine(repository, ".git"));
        var inner = Path.Combine(repository, "deploy", "app");
        Directory.CreateDirectory(inner);
        Assert.That(ReportPaths.FindSourceRoot(inner), Is.EqualTo(repository));
        var outside = CliHarness.TempDir();
        Assert.That(ReportPaths.FindSourceRoot(outside), Is.EqualTo(outside));

        File.WriteAllText(Path.Combine(inner, "Dockerfile"), "FROM alpine:3.20\nUSER root\n");
        var output = new StringWriter();
        var environment = new CliEnvironment(output, new StringWriter(), inner) { Rules = TestRules.All };
        DockerLint.Cli.Commands.CommandLine.Run(["--format", "sarif", "."], environment);
        using var log = AssertValid(output.ToString());
        Assert.That(Run(log).GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString(), Is.EqualTo(new Uri(repository + "/").AbsoluteUri));
        var uri = Run(log).GetProperty("results")[0].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString();
        Assert.That(uri, Is.EqualTo("deploy/app/Dockerfile"));
    }

    /// <summary>A rule that crashes on every file.</summary>
    private sealed class ThrowingRule : DockerfileRule
    {
        private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor("DF9999", "Crashes", "{0}", RuleCategories.Correctness, DiagnosticSeverity.Warning, "Crashes.");

        public override DiagnosticDescriptor Descriptor => s_descriptor;

        public override string Explanation => "## What it does\n\nCrashes.";

        public override void Initialize(DockerfileAnalysisContext context)
            => context.RegisterFileAction(_ => throw new InvalidOperationException("boom"));
    }

    /// <summary>A preview rule with more tags than GitHub accepts.</summary>
    private sealed class ManyTagsRule : DockerfileRule
    {
        private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
            "DF9998", "Many tags", "{0}", RuleCategories.BestPractice, DiagnosticSeverity.Info, "Has many tags.",
            [.. Enumerable.Range(1, 30).Select(i => $"tag{i}")]);

        public override DiagnosticDescriptor Descriptor => s_descriptor;

        public override RuleStatus Status => RuleStatus.Preview;

        public override ImmutableArray<string> Aliases => [];

        public override string Explanation => "## What it does\n\nNothing.";

        public override void Initialize(DockerfileAnalysisContext context)
        {
        }
    }
}
