namespace DockerLint.Cli.Tests;

/// <summary>Exit codes: 0 clean, 1 findings at or above --fail-level, 2 usage errors, 3 incomplete runs.</summary>
public sealed class ExitCodeTests
{
    private static CliHarness In(params (string Path, string Content)[] files) => new(CliHarness.Files(CliHarness.TempDir(), files));

    private const string Clean = "FROM alpine:3.20\nUSER app\n";
    private const string WarningOnly = "FROM alpine:3.20\nUSER root\n"; // DF9101
    private const string WithError = "FROM alpine:3.20\nUSER app\nBOGUS\n"; // DF0001
    private const string WithNote = "FROM alpine:3.20\nUSER app\n"; // clean under the test rules; a note rule is injected below

    [Test]
    public void Clean_files_exit_0()
    {
        Assert.That(In(("Dockerfile", Clean)).Run(".").ExitCode, Is.EqualTo(ExitCodes.Success));
    }

    [TestCase("warning", ExitCodes.Findings)]
    [TestCase("note", ExitCodes.Findings)]
    [TestCase("error", ExitCodes.Success)]
    [TestCase("none", ExitCodes.Success)]
    public void A_warning_fails_at_warning_and_below(string level, int expected)
    {
        Assert.That(In(("Dockerfile", WarningOnly)).Run("--fail-level", level, ".").ExitCode, Is.EqualTo(expected));
    }

    [TestCase("error", ExitCodes.Findings)]
    [TestCase("warning", ExitCodes.Findings)]
    [TestCase("none", ExitCodes.Success)]
    public void An_error_fails_at_every_level_but_none(string level, int expected)
    {
        Assert.That(In(("Dockerfile", WithError)).Run("--fail-level", level, ".").ExitCode, Is.EqualTo(expected));
    }

    [Test]
    public void The_default_fail_level_is_warning()
    {
        Assert.That(In(("Dockerfile", WarningOnly)).Run(".").ExitCode, Is.EqualTo(ExitCodes.Findings));
    }

    [Test]
    public void A_note_fails_only_at_note()
    {
        var harness = new CliHarness(CliHarness.Files(CliHarness.TempDir(), ("Dockerfile", WithNote))) { Rules = [new NoteRule()] };
        Assert.That(harness.Run(".").ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(harness.Run("--fail-level", "note", ".").ExitCode, Is.EqualTo(ExitCodes.Findings));
    }

    [TestCase("--no-such-option")]
    [TestCase("--format", "xml")]
    [TestCase("--fail-level", "fatal")]
    [TestCase("--file-type", "yaml")]
    [TestCase("rules", "--format", "sarif")]
    public void Usage_errors_exit_2(params string[] args)
    {
        var result = In(("Dockerfile", Clean)).Run(args);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(result.Error, Does.Contain("dockerlint: error:"));
        Assert.That(result.Output, Is.Empty);
    }

    [Test]
    public void A_missing_path_exits_2_and_the_other_paths_are_still_linted()
    {
        var result = In(("Dockerfile", WithError)).Run("--format", "gcc", "missing", "Dockerfile");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(result.Error, Does.Contain("dockerlint: error: missing: no such file or folder"));
        Assert.That(result.Output, Does.Contain("Dockerfile:3:1: error: Unknown instruction 'BOGUS' [DF0001]"));
    }

    [TestCase("warning")]
    [TestCase("none")]
    public void An_unreadable_file_makes_the_run_incomplete_whatever_the_fail_level(string level)
    {
        var harness = new CliHarness(CliHarness.Files(CliHarness.TempDir(), ("a/Dockerfile", WithError), ("b/Dockerfile", Clean)))
        {
            ReadFile = path => path.Contains("/b/", StringComparison.Ordinal) ? throw new IOException("Input/output error") : File.ReadAllBytes(path),
        };
        var result = harness.Run("--format", "msbuild", "--fail-level", level, ".");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Incomplete), "incomplete wins over findings");
        Assert.That(result.Error, Does.Contain("b/Dockerfile: cannot read the file: Input/output error"));
        Assert.That(result.Output, Does.Contain("error DF0001"), "the readable file is still reported");

        var json = harness.Run("--format", "json", "--fail-level", level, ".");
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);
        var notification = document.RootElement.GetProperty("notifications")[0];
        Assert.That(notification.GetProperty("kind").GetString(), Is.EqualTo("unreadable"));
        Assert.That(notification.GetProperty("path").GetString(), Is.EqualTo("b/Dockerfile"));
        Assert.That(document.RootElement.GetProperty("summary").GetProperty("complete").GetBoolean(), Is.False);
        Assert.That(json.Error, Is.Empty, "json carries the problems itself");
    }

    [Test]
    public void A_failing_rule_makes_the_run_incomplete()
    {
        var harness = new CliHarness(CliHarness.Files(CliHarness.TempDir(), ("Dockerfile", Clean))) { Rules = [new CrashingRule()] };
        var result = harness.Run("--format", "text", ".");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Incomplete));
        Assert.That(result.Output, Does.Contain("Rule DF9997 failed"));
        Assert.That(result.Output, Does.Contain("The run is incomplete"));
    }

    [Test]
    public void Stdin_filename_without_a_dash_among_other_paths_is_a_usage_error()
    {
        var result = In(("Dockerfile", Clean)).Run("--stdin-filename", "Dockerfile", "Dockerfile");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
    }

    [Test]
    public void Help_exits_0()
    {
        var result = In().Run("--help");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(result.Output, Does.Contain("--fail-level"));
        Assert.That(result.Output, Does.Contain("explain"));
    }

    private sealed class NoteRule : DockerLint.Rules.Engine.DockerfileRule
    {
        private static readonly Microsoft.CodeAnalysis.DiagnosticDescriptor s_descriptor = CreateDescriptor(
            "DF9996", "Note", "A note", DockerLint.Rules.Engine.RuleCategories.Style, Microsoft.CodeAnalysis.DiagnosticSeverity.Info, "A note on every FROM.");

        public override Microsoft.CodeAnalysis.DiagnosticDescriptor Descriptor => s_descriptor;

        public override string Explanation => "## What it does\n\nNotes.";

        public override void Initialize(DockerLint.Rules.Engine.DockerfileAnalysisContext context)
            => context.RegisterFileAction(c => c.Report(c.Model.Stages[0].From.KeywordSpan));
    }

    private sealed class CrashingRule : DockerLint.Rules.Engine.DockerfileRule
    {
        private static readonly Microsoft.CodeAnalysis.DiagnosticDescriptor s_descriptor = CreateDescriptor(
            "DF9997", "Crashes", "{0}", DockerLint.Rules.Engine.RuleCategories.Correctness, Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, "Crashes.");

        public override Microsoft.CodeAnalysis.DiagnosticDescriptor Descriptor => s_descriptor;

        public override string Explanation => "## What it does\n\nCrashes.";

        public override void Initialize(DockerLint.Rules.Engine.DockerfileAnalysisContext context)
            => context.RegisterFileAction(_ => throw new InvalidOperationException("boom"));
    }
}
