using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Syntax;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Tests.Engine;

public sealed class AnalyzerEngineTests
{
    /// <summary>A test rule that counts what it was called for, and throws on demand.</summary>
    private sealed class ProbeRule(bool preview = false, bool throws = false) : DockerfileRule
    {
        private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor("DF3999", "Probe", "{0}", RuleCategories.BestPractice, DiagnosticSeverity.Warning, "A probe.");

        public List<string> Seen { get; } = [];

        public override DiagnosticDescriptor Descriptor => s_descriptor;

        public override RuleStatus Status => preview ? RuleStatus.Preview : RuleStatus.Stable;

        public override string Explanation => "## What it does\n## Why is this bad?\n## Example\n## Use instead\n";

        public override void Initialize(DockerfileAnalysisContext context)
        {
            context.RegisterInstructionAction<RunInstruction>(c =>
            {
                lock (Seen)
                {
                    Seen.Add((c.Instruction.IsTrigger ? "trigger " : "") + c.Instruction.ShellCommand?.Text);
                }

                if (throws)
                {
                    throw new InvalidOperationException("boom");
                }

                c.Report(c.Instruction.KeywordSpan, "run");
            });
            context.RegisterInstructionAction<CommandInstruction>(c => Seen.Add("command " + c.Instruction.Kind));
            context.RegisterStageAction(c => Seen.Add("stage " + c.Stage.Index));
            context.RegisterFileAction(c => Seen.Add("file"));
        }
    }

    [Test]
    public void Actions_run_for_their_nodes_and_onbuild_triggers()
    {
        var probe = new ProbeRule();
        var engine = new AnalyzerEngine([probe]);
        var result = engine.Analyze(DockerfileModel.Parse("FROM a\nRUN one\nONBUILD RUN two\nFROM b\nCMD x\n"));
        Assert.That(probe.Seen, Is.EqualTo(new[] { "one", "command Run", "trigger two", "command Run", "command Cmd", "stage 0", "stage 1", "file" }));
        Assert.That(result.Diagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line), Is.EqualTo(new[] { 1, 2 }));
    }

    [Test]
    public void Syntax_diagnostics_flow_through_the_engine_in_order()
    {
        var engine = new AnalyzerEngine([new ProbeRule()]);
        var result = engine.Analyze(DockerfileModel.Parse("FROM a\nBOGUS\nRUN x\n"));
        Assert.That(result.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "DF0001", "DF3999" }));
    }

    [Test]
    public void A_rule_that_throws_becomes_a_notification_and_the_others_go_on()
    {
        var engine = new AnalyzerEngine([new ProbeRule(throws: true)]);
        var result = engine.Analyze(DockerfileModel.Create(DockerfileSyntaxTree.Parse("FROM a\nRUN x\n", "Dockerfile")));
        var notification = result.Notifications.Single();
        Assert.That(notification.RuleId, Is.EqualTo("DF3999"));
        Assert.That(notification.Message, Does.Contain("boom"));
        Assert.That(notification.Path, Is.EqualTo("Dockerfile"));
    }

    [Test]
    public void Preview_rules_run_only_when_asked()
    {
        var quiet = new ProbeRule(preview: true);
        new AnalyzerEngine([quiet]).Analyze(DockerfileModel.Parse("FROM a\nRUN x\n"));
        Assert.That(quiet.Seen, Is.Empty);
        var loud = new ProbeRule(preview: true);
        new AnalyzerEngine([loud], new EngineOptions { IncludePreview = true, IncludeDisabledByDefault = true }).Analyze(DockerfileModel.Parse("FROM a\nRUN x\n"));
        Assert.That(loud.Seen, Is.Not.Empty);
    }

    [Test]
    public void Parallel_analysis_gives_the_same_results()
    {
        var engine = new AnalyzerEngine();
        var texts = Enumerable.Range(0, 200).Select(i => $"FROM alpine:{i}\nUSER root\nRUN echo {i}\n").ToList();
        var sequential = texts.Select(t => engine.Analyze(DockerfileModel.Parse(t)).Diagnostics.Length).ToList();
        var parallel = texts.AsParallel().AsOrdered().Select(t => engine.Analyze(DockerfileModel.Parse(t)).Diagnostics.Length).ToList();
        Assert.That(parallel, Is.EqualTo(sequential));
        Assert.That(sequential.All(n => n > 0), Is.True);
    }

    [Test]
    public void A_value_shared_through_an_anchor_is_reported_once()
    {
        var diagnostics = Lint.Compose("DC1001", "x-base: &base\n  user: root\nservices:\n  a:\n    <<: *base\n    image: a:1\n  b:\n    <<: *base\n    image: b:1\n");
        Assert.That(diagnostics, Has.Length.EqualTo(1));
        Assert.That(diagnostics[0].GetMessage(), Does.Contain("services 'a' and 'b'"));
    }

    [Test]
    public void Syntax_rules_are_listed_with_the_rules()
    {
        var ids = new AnalyzerEngine().AllRulesWithSyntax.Select(r => r.Id).ToImmutableArray();
        Assert.That(ids, Does.Contain("DF0001"));
        Assert.That(ids, Does.Contain("DC0011"));
        Assert.That(ids, Does.Contain("DF1001"));
        Assert.That(ids, Is.Ordered);
    }
}
