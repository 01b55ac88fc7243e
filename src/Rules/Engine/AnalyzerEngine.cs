using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using DockerLint.Parser.Compose;
using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Diagnostics;
using DockerLint.Parser.Model;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Engine;

/// <summary>How the engine runs.</summary>
public sealed record EngineOptions
{
    /// <summary>The defaults: stable rules only, no rule options.</summary>
    public static EngineOptions Default { get; } = new();

    /// <summary>Runs preview rules too.</summary>
    public bool IncludePreview { get; init; }

    /// <summary>Runs rules that are off by default (<see cref="DiagnosticDescriptor.IsEnabledByDefault"/> false) too.</summary>
    public bool IncludeDisabledByDefault { get; init; }

    /// <summary>The options of a rule, by ID; <see cref="RuleOptions.Empty"/> when null.</summary>
    public Func<string, RuleOptions>? OptionsFor { get; init; }
}

/// <summary>Something that went wrong in the tool rather than in the file: a rule that crashed, a file that could not be read.</summary>
/// <param name="Path">The file concerned.</param>
/// <param name="Message">What happened.</param>
/// <param name="RuleId">The rule that failed, if a rule did.</param>
public sealed record ToolNotification(string Path, string Message, string? RuleId = null);

/// <summary>The findings of one file or project.</summary>
/// <param name="Path">The file (for a Compose project, its first file).</param>
/// <param name="Diagnostics">Syntax and rule findings in order (path, line, column, ID).</param>
/// <param name="Notifications">Tool problems; when not empty the analysis of this file is incomplete.</param>
public sealed record AnalysisResult(string Path, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<ToolNotification> Notifications);

/// <summary>
/// Runs rules over Dockerfile models and Compose projects, the Roslyn way: rules are found by
/// reflection and register for the nodes they need; each file is walked once and every action of
/// every rule that asked for a node runs on it. Parser and schema diagnostics (DF0xxx, DC0xxx) are
/// part of the results. A rule that throws becomes a <see cref="ToolNotification"/>; the others go on.
/// The cancellation token is checked before every rule action, and given to the actions: once it is
/// cancelled (a time budget ran out), <see cref="OperationCanceledException"/> ends the analysis of the file.
/// Thread-safe: files may be analysed in parallel.
/// </summary>
public sealed class AnalyzerEngine
{
    private readonly List<(DockerfileRule Rule, DockerfileAnalysisContext Actions)> _dockerfileRules = [];
    private readonly List<(ComposeRule Rule, ComposeAnalysisContext Actions)> _composeRules = [];
    private readonly ConcurrentDictionary<Type, (DockerfileRule Rule, Action<InstructionContext> Action)[]> _dispatch = new();
    private readonly EngineOptions _options;

    /// <summary>Creates an engine over <paramref name="rules"/> (by default every rule of DockerLint.Rules).</summary>
    public AnalyzerEngine(IEnumerable<Rule>? rules = null, EngineOptions? options = null)
    {
        _options = options ?? EngineOptions.Default;
        Rules = [.. (rules ?? DiscoverRules()).OrderBy(r => r.Id, StringComparer.Ordinal)];
        foreach (var rule in Rules.Where(r => (r.Status == RuleStatus.Stable || _options.IncludePreview)
            && (r.Descriptor.IsEnabledByDefault || _options.IncludeDisabledByDefault)))
        {
            switch (rule)
            {
                case DockerfileRule dockerfileRule:
                    var dockerfileActions = new DockerfileAnalysisContext();
                    dockerfileRule.Initialize(dockerfileActions);
                    _dockerfileRules.Add((dockerfileRule, dockerfileActions));
                    break;
                case ComposeRule composeRule:
                    var composeActions = new ComposeAnalysisContext();
                    composeRule.Initialize(composeActions);
                    _composeRules.Add((composeRule, composeActions));
                    break;
            }
        }
    }

    /// <summary>The rules this engine knows (preview ones included), ordered by ID.</summary>
    public ImmutableArray<Rule> Rules { get; }

    /// <summary>The rules that run.</summary>
    public IEnumerable<Rule> ActiveRules => _dockerfileRules.Select(r => (Rule)r.Rule).Concat(_composeRules.Select(r => r.Rule)).OrderBy(r => r.Id, StringComparer.Ordinal);

    /// <summary>Every rule and syntax diagnostic, ordered by ID: what <c>dockerlint rules</c>, the docs and SARIF list.</summary>
    public IEnumerable<Rule> AllRulesWithSyntax => Rules.Concat(SyntaxRules).OrderBy(r => r.Id, StringComparer.Ordinal);

    /// <summary>The parser's and loader's diagnostics (DF0xxx, DC0xxx) as rules, for documentation and SARIF.</summary>
    public static ImmutableArray<Rule> SyntaxRules { get; } =
    [
        .. SyntaxDiagnostics.All.Select(d => new SyntaxRule(d, RuleTarget.Dockerfile)),
        .. ComposeDiagnostics.All.Select(d => new SyntaxRule(d, RuleTarget.Compose)),
    ];

    /// <summary>Orders findings by path, line, column and ID.</summary>
    public static IComparer<Diagnostic> Order { get; } = Comparer<Diagnostic>.Create((a, b) =>
    {
        var x = a.Location.GetLineSpan();
        var y = b.Location.GetLineSpan();
        var c = string.CompareOrdinal(x.Path, y.Path);
        if (c == 0)
        {
            c = x.StartLinePosition.CompareTo(y.StartLinePosition);
        }

        if (c == 0)
        {
            c = string.CompareOrdinal(a.Id, b.Id);
        }

        return c == 0 ? string.CompareOrdinal(a.GetMessage(), b.GetMessage()) : c;
    });

    /// <summary>Every concrete, parameterless <see cref="Rule"/> of the assemblies (DockerLint.Rules by default).</summary>
    public static ImmutableArray<Rule> DiscoverRules(params Assembly[] assemblies)
    {
        var sources = assemblies.Length == 0 ? [typeof(AnalyzerEngine).Assembly] : assemblies;
        return [.. sources
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(Rule).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (Rule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    /// <summary>Analyses one Dockerfile.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public AnalysisResult Analyze(DockerfileModel model, CancellationToken cancellationToken = default)
    {
        var diagnostics = new List<Diagnostic>(model.Diagnostics);
        var notifications = new List<ToolNotification>();
        var path = model.Tree.FilePath;

        foreach (var instruction in model.AllInstructions())
        {
            foreach (var (rule, action) in ActionsFor(instruction.GetType()))
            {
                Run(rule, path, notifications, cancellationToken, () => action(new InstructionContext(model, instruction, rule.Descriptor, OptionsFor(rule), diagnostics.Add) { CancellationToken = cancellationToken }));
            }
        }

        foreach (var (rule, actions) in _dockerfileRules)
        {
            foreach (var stage in model.Stages)
            {
                foreach (var action in actions.StageActions)
                {
                    Run(rule, path, notifications, cancellationToken, () => action(new StageContext(model, stage, rule.Descriptor, OptionsFor(rule), diagnostics.Add) { CancellationToken = cancellationToken }));
                }
            }

            foreach (var action in actions.FileActions)
            {
                Run(rule, path, notifications, cancellationToken, () => action(new DockerfileContext(model, rule.Descriptor, OptionsFor(rule), diagnostics.Add) { CancellationToken = cancellationToken }));
            }
        }

        return Result(path, diagnostics, notifications);
    }

    /// <summary>Analyses one Compose project.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public AnalysisResult Analyze(ComposeProject project, CancellationToken cancellationToken = default)
    {
        var diagnostics = new List<Diagnostic>(project.Diagnostics);
        var notifications = new List<ToolNotification>();
        var path = project.Files.IsEmpty ? project.Root.Source.Path : project.Files[0].Source.Path;

        foreach (var (rule, actions) in _composeRules)
        {
            var context = new ComposeProjectContext(project, rule.Descriptor, OptionsFor(rule), diagnostics.Add) { CancellationToken = cancellationToken };
            foreach (var service in project.Services)
            {
                foreach (var action in actions.ServiceActions)
                {
                    Run(rule, path, notifications, cancellationToken, () => action(new ServiceContext(context, service)));
                }
            }

            foreach (var action in actions.ProjectActions)
            {
                Run(rule, path, notifications, cancellationToken, () => action(context));
            }
        }

        return Result(path, diagnostics, notifications);
    }

    /// <summary>
    /// Orders the findings and keeps one per rule and place (the first reported): a value shared
    /// through a YAML anchor, or a file reached twice, is reported once. Rules that want to name every
    /// service sharing the place collect them first (see the Compose rules' <c>ServiceFindings</c>).
    /// </summary>
    private static AnalysisResult Result(string path, List<Diagnostic> diagnostics, List<ToolNotification> notifications)
    {
        var seen = new HashSet<(string, string, Microsoft.CodeAnalysis.Text.TextSpan)>();
        var unique = diagnostics
            .Where(d => seen.Add((d.Id, d.Location.GetLineSpan().Path, d.Location.SourceSpan)))
            .Order(Order);
        return new(path, [.. unique], [.. notifications]);
    }

    private RuleOptions OptionsFor(Rule rule) => _options.OptionsFor?.Invoke(rule.Id) ?? RuleOptions.Empty;

    private (DockerfileRule Rule, Action<InstructionContext> Action)[] ActionsFor(Type type)
        => _dispatch.GetOrAdd(type, t => [.. _dockerfileRules
            .SelectMany(r => r.Actions.InstructionActions
                .Where(a => a.Type.IsAssignableFrom(t))
                .Select(a => (r.Rule, a.Action)))]);

    private static void Run(Rule rule, string path, List<ToolNotification> notifications, CancellationToken cancellationToken, Action action)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            action();
        }
        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            notifications.Add(new ToolNotification(path, $"Rule {rule.Id} failed on {path}: {e.GetType().Name}: {e.Message}", rule.Id));
        }
    }
}
