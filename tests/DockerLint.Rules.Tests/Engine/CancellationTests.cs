using System.Diagnostics;
using DockerLint.Parser.Compose;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Tests.Engine;

/// <summary>
/// Cooperative cancellation (the CLI's <c>--timeout-per-file</c>): the engine checks the token before
/// every rule action, so a slow file stops soon after its budget runs out.
/// </summary>
public sealed class CancellationTests
{
    /// <summary>A test rule that takes 20 ms per RUN instruction or service, without looking at the clock itself.</summary>
    private sealed class SlowRule : DockerfileRule
    {
        private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor("DF3981", "Slow", "slow", RuleCategories.BestPractice, DiagnosticSeverity.Warning, "A slow rule.");

        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public override DiagnosticDescriptor Descriptor => s_descriptor;

        public override string Explanation => "## What it does\n## Why is this bad?\n## Example\n## Use instead\n";

        public override void Initialize(DockerfileAnalysisContext context)
            => context.RegisterInstructionAction<RunInstruction>(c =>
            {
                Interlocked.Increment(ref _calls);
                Thread.Sleep(20);
                c.Report(c.Instruction.KeywordSpan);
            });
    }

    /// <summary>A Compose test rule that takes 20 ms per service.</summary>
    private sealed class SlowServiceRule : ComposeRule
    {
        private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor("DC3998", "Slow", "slow", RuleCategories.BestPractice, DiagnosticSeverity.Warning, "A slow rule.");

        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public override DiagnosticDescriptor Descriptor => s_descriptor;

        public override string Explanation => "## What it does\n## Why is this bad?\n## Example\n## Use instead\n";

        public override void Initialize(ComposeAnalysisContext context)
            => context.RegisterServiceAction(_ =>
            {
                Interlocked.Increment(ref _calls);
                Thread.Sleep(20);
            });
    }

    /// <summary>A rule whose one action would run forever unless it watched the context's token.</summary>
    private sealed class PatientRule : DockerfileRule
    {
        private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor("DF3982", "Patient", "x", RuleCategories.BestPractice, DiagnosticSeverity.Warning, "Loops.");

        public override DiagnosticDescriptor Descriptor => s_descriptor;

        public override string Explanation => "## What it does\n## Why is this bad?\n## Example\n## Use instead\n";

        public override void Initialize(DockerfileAnalysisContext context)
            => context.RegisterInstructionAction<FromInstruction>(c =>
            {
                while (true)
                {
                    c.CancellationToken.ThrowIfCancellationRequested();
                    Thread.Sleep(5);
                }
            });
    }

    /// <summary>A rule that throws <see cref="OperationCanceledException"/> of its own.</summary>
    private sealed class CancellingRule : DockerfileRule
    {
        private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor("DF3983", "Cancelling", "x", RuleCategories.BestPractice, DiagnosticSeverity.Warning, "Throws.");

        public override DiagnosticDescriptor Descriptor => s_descriptor;

        public override string Explanation => "## What it does\n## Why is this bad?\n## Example\n## Use instead\n";

        public override void Initialize(DockerfileAnalysisContext context)
            => context.RegisterFileAction(_ => throw new OperationCanceledException("the rule's own"));
    }

    private static readonly string s_manyRuns = "FROM alpine:3.20\n" + string.Concat(Enumerable.Repeat("RUN x\n", 200));

    [Test]
    public void A_cancelled_token_stops_a_slow_Dockerfile_rule_between_actions()
    {
        var slow = new SlowRule();
        var engine = new AnalyzerEngine([slow]);
        var model = DockerfileModel.Parse(s_manyRuns);
        using var budget = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();

        Assert.That(() => engine.Analyze(model, cancellationToken: budget.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)), "200 actions of 20 ms would take 4 s");
        Assert.That(slow.Calls, Is.InRange(1, 100));
    }

    [Test]
    public void A_cancelled_token_stops_a_slow_Compose_rule_between_services()
    {
        var slow = new SlowServiceRule();
        var engine = new AnalyzerEngine([slow]);
        var services = string.Concat(Enumerable.Range(0, 200).Select(i => $"  s{i}:\n    image: nginx:1.27\n"));
        var project = ComposeLoader.Load(["/p/compose.yaml"], readFile: path => path == "/p/compose.yaml" ? "services:\n" + services : null);
        using var budget = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        Assert.That(() => engine.Analyze(project, budget.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(slow.Calls, Is.InRange(1, 100));
    }

    [Test]
    public void An_action_that_loops_sees_the_token_in_its_context_and_stops()
    {
        var engine = new AnalyzerEngine([new PatientRule()]);
        using var budget = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var clock = Stopwatch.StartNew();
        Assert.That(() => engine.Analyze(DockerfileModel.Parse("FROM alpine:3.20\n"), cancellationToken: budget.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(5)));
    }

    [Test]
    public void A_token_that_is_not_cancelled_changes_nothing()
    {
        var engine = new AnalyzerEngine([new SlowRule()]);
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var result = engine.Analyze(DockerfileModel.Parse("FROM alpine:3.20\nRUN a\nRUN b\n"), cancellationToken: budget.Token);
        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "DF3981", "DF3981" }));
        Assert.That(result.Notifications, Is.Empty);
    }

    [Test]
    public void A_rule_throwing_its_own_OperationCanceledException_is_a_failed_rule_not_a_timeout()
    {
        var engine = new AnalyzerEngine([new CancellingRule()]);
        var result = engine.Analyze(DockerfileModel.Parse("FROM alpine:3.20\n"), cancellationToken: CancellationToken.None);
        Assert.That(result.Notifications.Select(n => n.RuleId), Is.EqualTo(new[] { "DF3983" }));
        Assert.That(result.Notifications[0].Message, Does.Contain("OperationCanceledException: the rule's own"));
    }
}
