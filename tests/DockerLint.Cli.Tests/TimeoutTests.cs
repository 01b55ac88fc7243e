using System.Diagnostics;
using DockerLint.Cli.Commands;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Cli.Tests;

/// <summary>
/// The time limit per file (<c>--timeout-per-file</c>): a file that takes too long gets a tool
/// notification, stops using CPU, and the run goes on with the other files and exit code 3.
/// </summary>
public sealed class TimeoutTests
{
    private const string Good = "FROM alpine:3.20\nUSER root\n";

    private const string GoodFinding = "good.Dockerfile:2:6: warning: USER root runs the container as root [DF9101]";

    /// <summary>100 RUN lines of 50 ms each for <see cref="DF9102SlowRun"/>: 5 s unless the budget stops it.</summary>
    private static readonly string s_slow = "FROM alpine:3.20\n" + string.Concat(Enumerable.Repeat("RUN slow\n", 100));

    private static (CliResult Result, TimeSpan Elapsed, DF9102SlowRun Rule) Lint(params string[] args)
    {
        var root = CliHarness.Files(CliHarness.TempDir(), ("good.Dockerfile", Good), ("slow.Dockerfile", s_slow));
        var slow = new DF9102SlowRun();
        var clock = Stopwatch.StartNew();
        var result = new CliHarness(root) { Rules = [.. TestRules.All, slow] }.Run(args);
        return (result, clock.Elapsed, slow);
    }

    [Test]
    public void A_file_over_its_time_budget_is_stopped_and_reported_and_the_others_are_linted()
    {
        var (result, elapsed, slow) = Lint("-f", "gcc", "--timeout-per-file", "0.5");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Incomplete));
        Assert.That(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[] { GoodFinding }));
        Assert.That(result.Error, Does.Contain("slow.Dockerfile: analysis stopped after 0.5 s (--timeout-per-file); its findings are incomplete"));

        // Cooperative cancellation: the engine stopped calling the rule soon after the budget ran out.
        Assert.That(elapsed, Is.LessThan(TimeSpan.FromSeconds(4)));
        Thread.Sleep(200);
        Assert.That(slow.Calls, Is.InRange(1, 40));
    }

    [Test]
    public void A_timed_out_file_is_a_timed_out_notification_in_json()
    {
        var (result, _, _) = Lint("--timeout-per-file", "0.2", "-f", "json");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Incomplete));
        Assert.That(result.Output, Does.Contain("\"kind\": \"timed-out\"").And.Contain("analysis stopped after 0.2 s"));
    }

    [TestCase]
    [TestCase("--timeout-per-file", "0")]
    public void A_slow_but_finishing_file_is_left_alone_by_the_default_budget_and_by_no_limit(params string[] args)
    {
        var root = CliHarness.Files(CliHarness.TempDir(), ("slow.Dockerfile", "FROM alpine:3.20\nRUN slow\nRUN slow\nRUN slow\n"));
        var slow = new DF9102SlowRun();
        var result = new CliHarness(root) { Rules = [.. TestRules.All, slow] }.Run(["-f", "gcc", .. args]);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(result.Error, Is.Empty);
        Assert.That(slow.Calls, Is.EqualTo(3));
    }

    [Test]
    public void Zero_is_no_limit() => Assert.That(CommandLine.ParseTimeout("0"), Is.EqualTo(Timeout.InfiniteTimeSpan));

    [TestCase("1", 1000)]
    [TestCase("2.5", 2500)]
    [TestCase(" 10 ", 10000)]
    public void A_timeout_is_seconds(string value, int milliseconds)
        => Assert.That(CommandLine.ParseTimeout(value), Is.EqualTo(TimeSpan.FromMilliseconds(milliseconds)));

    [TestCase("-1")]
    [TestCase("ten")]
    [TestCase("10s")]
    [TestCase("1e9")]
    [TestCase("100000")]
    public void A_malformed_timeout_is_a_usage_error(string value)
    {
        var result = new CliHarness(CliHarness.TempDir()).Run("--timeout-per-file", value);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(result.Error, Does.Contain("--timeout-per-file"));
    }
}

/// <summary>A test rule that takes 50 ms on every <c>RUN slow</c> and never looks at the clock itself.</summary>
internal sealed class DF9102SlowRun : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF9102", "Slow rule (test rule)", "slow", RuleCategories.BestPractice, DiagnosticSeverity.Warning, "A rule of the CLI tests that is slow.");

    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public override DiagnosticDescriptor Descriptor => s_descriptor;

    public override string Explanation => "## What it does\n## Why is this bad?\n## Example\n## Use instead\n";

    public override void Initialize(DockerfileAnalysisContext context)
        => context.RegisterInstructionAction<RunInstruction>(c =>
        {
            if (c.Instruction.ShellCommand?.Text == "slow")
            {
                Interlocked.Increment(ref _calls);
                Thread.Sleep(50);
            }
        });
}
