using System.Collections.Immutable;
using DockerLint.Parser.Compose;
using DockerLint.Parser.Model;
using DockerLint.Rules.Configuration;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Tests.Configuration;

/// <summary>
/// An in-memory tree of configuration files under <see cref="Root"/> (a folder that does not exist on
/// disk, so no real file interferes), and the engine run with what they configure.
/// </summary>
internal sealed class ConfigFixture
{
    public const string Root = "/dockerlint-config-tests/repo";

    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public ConfigFixture(params (string Path, string Text)[] files)
    {
        foreach (var (path, text) in files)
        {
            _files[Full(path)] = text;
        }
    }

    public ConfigurationSettings Settings { get; init; } = new() { CurrentDirectory = Root };

    /// <summary>The rules the engine runs: DockerLint's and the test rules of <see cref="OptInProbe"/>.</summary>
    public static ImmutableArray<Rule> Rules { get; } = [.. AnalyzerEngine.DiscoverRules(), new OptInProbe(), new PreviewProbe()];

    public static string Full(string path) => Path.GetFullPath(path, Root);

    public ConfigurationResolver Resolver() => new(Rules.Concat(AnalyzerEngine.SyntaxRules), Settings, p => _files.GetValueOrDefault(p));

    /// <summary>The findings on a Dockerfile at <paramref name="path"/>, and the configuration problems.</summary>
    public (ImmutableArray<Diagnostic> Findings, ImmutableArray<Diagnostic> Problems) Lint(string path, string dockerfile)
    {
        var resolver = Resolver();
        var engine = new AnalyzerEngine(Rules, new EngineOptions { ConfigurationFor = resolver.For });
        var result = engine.Analyze(DockerfileModel.Parse(dockerfile, Full(path)));
        Assert.That(result.Notifications, Is.Empty);
        return (result.Diagnostics, resolver.Diagnostics);
    }

    /// <summary>The findings on a compose file at <paramref name="path"/> (and the files it reads from the fixture).</summary>
    public ImmutableArray<Diagnostic> LintCompose(string path, string yaml)
    {
        _files[Full(path)] = yaml;
        var resolver = Resolver();
        var engine = new AnalyzerEngine(Rules, new EngineOptions { ConfigurationFor = resolver.For });
        var project = ComposeLoader.Load([Full(path)], readFile: p => _files.GetValueOrDefault(p));
        return engine.Analyze(project).Diagnostics;
    }

    /// <summary>The state of rule <paramref name="id"/> for <paramref name="path"/>.</summary>
    public RuleState State(string id, string path = "Dockerfile")
        => Resolver().For(Full(path)).Resolve(Rules.Concat(AnalyzerEngine.SyntaxRules).First(r => r.Id == id).Descriptor);

    /// <summary>The configuration problems found while resolving <paramref name="path"/>.</summary>
    public ImmutableArray<Diagnostic> Problems(string path = "Dockerfile")
    {
        var resolver = Resolver();
        _ = resolver.For(Full(path));
        return resolver.Diagnostics;
    }
}

/// <summary>A test rule that is off by default and reports the <c>trusted-registries</c> it was given on each FROM.</summary>
internal sealed class OptInProbe : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DF3998", "Opt-in probe", "trusted: {0}", RuleCategories.BestPractice, DiagnosticSeverity.Info, "A probe.");

    public override DiagnosticDescriptor Descriptor => s_descriptor;

    public override ImmutableArray<string> Aliases => ["hadolint:DL3026"];

    public override string Explanation => "## What it does\n## Why is this bad?\n## Example\n## Use instead\n";

    public override void Initialize(DockerfileAnalysisContext context)
        => context.RegisterInstructionAction<FromInstruction>(c => c.Report(c.Instruction.KeywordSpan, string.Join(",", c.Options.GetList(ConfigurationOptions.TrustedRegistries))));
}

/// <summary>A preview test rule that reports every FROM.</summary>
internal sealed class PreviewProbe : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3997", "Preview probe", "preview", RuleCategories.BestPractice, DiagnosticSeverity.Warning, "A probe.");

    public override DiagnosticDescriptor Descriptor => s_descriptor;

    public override RuleStatus Status => RuleStatus.Preview;

    public override string Explanation => "## What it does\n## Why is this bad?\n## Example\n## Use instead\n";

    public override void Initialize(DockerfileAnalysisContext context)
        => context.RegisterInstructionAction<FromInstruction>(c => c.Report(c.Instruction.KeywordSpan));
}
