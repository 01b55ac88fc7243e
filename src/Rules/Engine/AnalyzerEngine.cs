using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using DockerLint.Parser.Compose;
using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Context;
using DockerLint.Parser.Diagnostics;
using DockerLint.Parser.Model;
using DockerLint.Rules.Compose.Correctness;
using DockerLint.Rules.Compose.Style;
using DockerLint.Rules.Configuration;
using DockerLint.Rules.Dockerfile.Correctness;
using DockerLint.Rules.Dockerfile.Style;
using DockerLint.Rules.Suppressions;
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

    /// <summary>The options of a rule, by ID; when null, the file's configured options (or <see cref="RuleOptions.Empty"/>).</summary>
    public Func<string, RuleOptions>? OptionsFor { get; init; }

    /// <summary>
    /// The configuration of a file, by path (see <see cref="ConfigurationResolver"/>). When set, which
    /// rules run, their options and the severity of every finding are resolved per file: rules on the
    /// analysed file (a Compose project's first file), severities on the file each finding points
    /// into. <see cref="IncludePreview"/> and <see cref="IncludeDisabledByDefault"/> stay the baseline.
    /// </summary>
    public Func<string, FileConfiguration>? ConfigurationFor { get; init; }

    /// <summary>
    /// Honours inline suppression comments (<c># dockerlint ignore=…</c>, <c># hadolint ignore=…</c>,
    /// <c># check=skip=…</c>); true by default, false for <c>--no-inline-suppressions</c>.
    /// </summary>
    public bool InlineSuppressions { get; init; } = true;
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
public sealed record AnalysisResult(string Path, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<ToolNotification> Notifications)
{
    /// <summary>The findings inline suppression comments hid, each with its suppression, in the same order.</summary>
    public ImmutableArray<SuppressedDiagnostic> Suppressed { get; init; } = [];
}

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
    private readonly ConcurrentDictionary<Type, (int RuleIndex, InstructionInvoker Invoke)[]> _dispatch = new();
    private readonly EngineOptions _options;
    private readonly Dictionary<string, DiagnosticDescriptor> _descriptors;
    private readonly ConcurrentDictionary<string, bool> _ran = new(StringComparer.Ordinal);
    private readonly RuleIdResolver _resolver;
    private readonly ImmutableHashSet<string> _active;
    private readonly ImmutableHashSet<string> _syntaxIds;

    /// <summary>Creates an engine over <paramref name="rules"/> (by default every rule of DockerLint.Rules).</summary>
    public AnalyzerEngine(IEnumerable<Rule>? rules = null, EngineOptions? options = null)
    {
        _options = options ?? EngineOptions.Default;
        Rules = [.. (rules ?? DiscoverRules()).OrderBy(r => r.Id, StringComparer.Ordinal)];
        _descriptors = Rules.Concat(SyntaxRules).DistinctBy(r => r.Id).ToDictionary(r => r.Id, r => r.Descriptor, StringComparer.Ordinal);

        // With configuration every rule is prepared, and each file's configuration decides which run.
        foreach (var rule in Rules.Where(r => _options.ConfigurationFor is not null || RunsByDefault(r)))
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

        _resolver = new RuleIdResolver(AllRulesWithSyntax);
        _syntaxIds = [.. SyntaxRules.Select(r => r.Id)];
        _active = [.. ActiveRules.Select(r => r.Id), .. _syntaxIds];
    }

    /// <summary>The rules this engine knows (preview ones included), ordered by ID.</summary>
    public ImmutableArray<Rule> Rules { get; }

    /// <summary>The rules that run: without configuration, those on by default; with it, those also that configuration turned on for some file analysed so far.</summary>
    public IEnumerable<Rule> ActiveRules => _dockerfileRules.Select(r => (Rule)r.Rule).Concat(_composeRules.Select(r => r.Rule))
        .Where(r => _options.ConfigurationFor is null || RunsByDefault(r) || _ran.ContainsKey(r.Id))
        .OrderBy(r => r.Id, StringComparer.Ordinal);

    /// <summary>Every rule and syntax diagnostic, ordered by ID: what <c>dockerlint rules</c>, the docs and SARIF list.</summary>
    public IEnumerable<Rule> AllRulesWithSyntax => Rules.Concat(SyntaxRules).OrderBy(r => r.Id, StringComparer.Ordinal);

    /// <summary>The parser's and loader's diagnostics (DF0xxx, DC0xxx) as rules, for documentation and SARIF.</summary>
    public static ImmutableArray<Rule> SyntaxRules { get; } =
    [
        .. SyntaxDiagnostics.All.Select(d => new SyntaxRule(d, RuleTarget.Dockerfile)),
        .. ComposeDiagnostics.All.Select(d => new SyntaxRule(d, RuleTarget.Compose)),
        .. ConfigurationDiagnostics.All.Select(d => new SyntaxRule(d, RuleTarget.Dockerfile, "yaml")),
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

    /// <summary>
    /// A new instance of every rule of DockerLint.Rules, ordered by ID: the generated list in
    /// RuleRegistry.g.cs (no reflection, so Native AOT keeps every rule; a test keeps the list in step
    /// with the rule classes).
    /// </summary>
    public static ImmutableArray<Rule> DiscoverRules() => RuleRegistry.Create();

    /// <summary>Every concrete, parameterless <see cref="Rule"/> of the assemblies, found by reflection (not under trimming or Native AOT).</summary>
    [RequiresUnreferencedCode("Finds and creates rule types by reflection; trimming may remove them. DiscoverRules() without assemblies is safe.")]
    public static ImmutableArray<Rule> DiscoverRules(params Assembly[] assemblies)
    {
        var sources = assemblies.Length == 0 ? [typeof(AnalyzerEngine).Assembly] : assemblies;
        return [.. sources
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(Rule).IsAssignableFrom(t) && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) is not null)
            .Select(t => (Rule)Activator.CreateInstance(t)!)
            .OrderBy(r => r.Id, StringComparer.Ordinal)];
    }

    /// <summary>Analyses one Dockerfile, built with <paramref name="buildContext"/> when known.</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public AnalysisResult Analyze(DockerfileModel model, BuildContext? buildContext = null, CancellationToken cancellationToken = default)
    {
        var diagnostics = new List<Diagnostic>(model.Diagnostics);
        var notifications = new List<ToolNotification>();
        var path = model.Tree.FilePath;
        var config = _options.ConfigurationFor?.Invoke(path);
        Action<Diagnostic> report = diagnostics.Add;

        // Without configuration every prepared rule runs; with it, the file's configuration decides, once per rule.
        bool[]? running = null;
        if (config is not null)
        {
            running = new bool[_dockerfileRules.Count];
            for (var i = 0; i < running.Length; i++)
            {
                running[i] = Runs(_dockerfileRules[i].Rule, config);
            }
        }

        // The options are the same for every rule unless the caller gives them per rule.
        var sharedOptions = _options.OptionsFor is null ? config?.Options ?? RuleOptions.Empty : null;
        ActionArguments ArgumentsFor(DockerfileRule rule)
            => new(model, rule.Descriptor, sharedOptions ?? OptionsFor(rule, config), report, buildContext, cancellationToken);

        foreach (var instruction in model.Instructions)
        {
            RunInstructionActions(instruction);
            if (instruction is OnbuildInstruction { Trigger: { } trigger })
            {
                RunInstructionActions(trigger);
            }
        }

        void RunInstructionActions(Instruction instruction)
        {
            foreach (var (index, invoke) in ActionsFor(instruction.GetType()))
            {
                if (running is not null && !running[index])
                {
                    continue;
                }

                var rule = _dockerfileRules[index].Rule;
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    invoke(ArgumentsFor(rule), instruction);
                }
                catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
                {
                    notifications.Add(Failure(rule, path, e));
                }
            }
        }

        for (var index = 0; index < _dockerfileRules.Count; index++)
        {
            if (running is not null && !running[index])
            {
                continue;
            }

            var (rule, actions) = _dockerfileRules[index];
            if (actions.StageActions.Count == 0 && actions.FileActions.Count == 0)
            {
                continue;
            }

            var arguments = ArgumentsFor(rule);
            foreach (var stage in model.Stages)
            {
                foreach (var action in actions.StageActions)
                {
                    Run(rule, path, notifications, cancellationToken, action, new StageContext(arguments, stage));
                }
            }

            foreach (var action in actions.FileActions)
            {
                Run(rule, path, notifications, cancellationToken, action, new DockerfileContext(arguments));
            }
        }

        var directives = DockerfileSuppressions.Collect(model.Tree, _resolver);
        if (config?.HadolintPragmasDisabled is not null)
        {
            directives.RemoveAll(d => d.Comment.Syntax == SuppressionSyntax.Hadolint);
        }

        return Result(path, diagnostics, notifications, directives, RanOn(config), new SuppressionRules(
            Active(DF2090UnusedSuppression.Definition, config), Active(DF2091UnknownSuppressionId.Definition, config), Active(DF5090InlineSuppression.Definition, config)));
    }

    /// <summary>Analyses one Compose project, without reading the Dockerfiles its services build (inline ones are read).</summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public AnalysisResult Analyze(ComposeProject project, CancellationToken cancellationToken = default) => Analyze(project, ComposeBuildResolver.None, cancellationToken);

    /// <summary>
    /// Analyses one Compose project; <paramref name="builds"/> gives the rules the Dockerfiles its
    /// services build (cross-file rules). A <c>dockerfile_inline</c> is linted with the Dockerfile
    /// rules too, once however many services share it, its findings placed in the Compose file.
    /// Dockerfiles in files are not linted here: the caller lints each once (see <see cref="BuiltDockerfiles"/>).
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public AnalysisResult Analyze(ComposeProject project, ComposeBuildResolver builds, CancellationToken cancellationToken = default)
    {
        var diagnostics = new List<Diagnostic>(project.Diagnostics);
        var notifications = new List<ToolNotification>();
        var path = project.Files.IsEmpty ? project.Root.Source.Path : project.Files[0].Source.Path;
        var config = _options.ConfigurationFor?.Invoke(path);
        var resolved = new Dictionary<ComposeService, ServiceBuild?>(ReferenceEqualityComparer.Instance);
        ServiceBuild? BuildOf(ComposeService service)
        {
            if (!resolved.TryGetValue(service, out var build))
            {
                build = builds.Resolve(project, service);
                resolved[service] = build;
            }

            return build;
        }

        Action<Diagnostic> report = diagnostics.Add;
        Func<ComposeService, ServiceBuild?> buildOf = BuildOf;
        foreach (var (rule, actions) in _composeRules)
        {
            if (!Runs(rule, config))
            {
                continue;
            }

            var context = new ComposeProjectContext(project, rule.Descriptor, OptionsFor(rule, config), report, buildOf) { CancellationToken = cancellationToken };
            if (actions.ServiceActions.Count > 0)
            {
                foreach (var service in project.Services)
                {
                    foreach (var action in actions.ServiceActions)
                    {
                        Run(rule, path, notifications, cancellationToken, action, new ServiceContext(context, service));
                    }
                }
            }

            foreach (var action in actions.ProjectActions)
            {
                Run(rule, path, notifications, cancellationToken, action, context);
            }
        }

        var inlineModels = new HashSet<DockerfileModel>(ReferenceEqualityComparer.Instance);
        var inlineSuppressed = new List<SuppressedDiagnostic>();
        foreach (var service in project.Services)
        {
            if (BuildOf(service) is { Kind: ServiceBuildKind.Inline, Dockerfile: { } model } inline && inlineModels.Add(model))
            {
                var result = Analyze(model, null, cancellationToken);
                diagnostics.AddRange(result.Diagnostics.Select(inline.Relocate));
                inlineSuppressed.AddRange(result.Suppressed.Select(s => new SuppressedDiagnostic(
                    inline.Relocate(s.Diagnostic), s.Suppression with { Location = inline.LocationOf(s.Suppression.Location.SourceSpan) })));
                notifications.AddRange(result.Notifications.Select(n => n with { Path = path }));
            }
        }

        var directives = ComposeSuppressions.Collect(project.Files, _resolver);
        var analysed = Result(path, diagnostics, notifications, directives, RanOn(config), new SuppressionRules(
            Active(DC2090UnusedSuppression.Definition, config), Active(DC2091UnknownSuppressionId.Definition, config), Active(DC5090InlineSuppression.Definition, config)));

        // An inline Dockerfile's suppression comments were applied when it was analysed; its suppressed findings join the project's.
        return inlineSuppressed.Count == 0 ? analysed : analysed with { Suppressed = [.. analysed.Suppressed.Concat(inlineSuppressed).OrderBy(s => s.Diagnostic, Order)] };
    }

    /// <summary>
    /// The Dockerfiles (in files) the services of <paramref name="project"/> build, each once, with
    /// the build context of the first service (in service order) that builds it: what a caller lints
    /// besides the Compose files. Missing, remote and unknown ones are left out.
    /// </summary>
    public static IReadOnlyList<ServiceBuild> BuiltDockerfiles(ComposeProject project, ComposeBuildResolver builds)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new List<ServiceBuild>();
        foreach (var service in project.Services)
        {
            if (builds.Resolve(project, service) is { Kind: ServiceBuildKind.File, Dockerfile: not null, DockerfilePath: { } file } build && seen.Add(file))
            {
                list.Add(build);
            }
        }

        return list;
    }

    /// <summary>
    /// Orders the findings and keeps one per rule and place (the first reported): a value shared
    /// through a YAML anchor, or a file reached twice, is reported once. Rules that want to name every
    /// service sharing the place collect them first (see the Compose rules' <c>ServiceFindings</c>).
    /// Then applies the inline suppressions (src/Rules/Suppressions): suppressed findings are kept
    /// apart with the comment that hid them, and the rules about suppressions report.
    /// </summary>
    private AnalysisResult Result(string path, List<Diagnostic> diagnostics, List<ToolNotification> notifications, List<SuppressionDirective> directives, Func<string, bool> ran, SuppressionRules rules)
    {
        var seen = new HashSet<(string, string, Microsoft.CodeAnalysis.Text.TextSpan)>();
        var unique = diagnostics
            .Where(d => seen.Add((d.Id, d.Location.GetLineSpan().Path, d.Location.SourceSpan)))
            .ToList();
        var (reported, suppressed) = Suppressor.Apply(unique, directives, _options.InlineSuppressions, ran, rules);
        return new(path, [.. Configure(reported, path).Order(Order)], [.. notifications])
        {
            Suppressed = [.. suppressed.OrderBy(s => s.Diagnostic, Order)],
        };
    }

    /// <summary>
    /// Whether a rule ran on a file with <paramref name="config"/>: a suppression of a rule that did not run
    /// (preview, opt-in, or turned off for this file) is not reported as unused.
    /// </summary>
    private Func<string, bool> RanOn(FileConfiguration? config)
    {
        if (config is null)
        {
            return _active.Contains;
        }

        return id => _active.Contains(id)
            && (_syntaxIds.Contains(id)
                || _dockerfileRules.Any(r => r.Rule.Id == id && Runs(r.Rule, config))
                || _composeRules.Any(r => r.Rule.Id == id && Runs(r.Rule, config)));
    }

    /// <summary>The descriptor of a rule about suppressions when it runs on this file, else null.</summary>
    private DiagnosticDescriptor? Active(DiagnosticDescriptor descriptor, FileConfiguration? config)
        => config is null
            ? (_active.Contains(descriptor.Id) ? descriptor : null)
            : (config.Resolve(descriptor, EnabledByDefault(descriptor)).Enabled ? descriptor : null);

    private RuleOptions OptionsFor(Rule rule, FileConfiguration? config) => _options.OptionsFor?.Invoke(rule.Id) ?? config?.Options ?? RuleOptions.Empty;

    private bool RunsByDefault(Rule rule) => (rule.Status == RuleStatus.Stable || _options.IncludePreview) && EnabledByDefault(rule.Descriptor);

    private bool EnabledByDefault(DiagnosticDescriptor descriptor) => descriptor.IsEnabledByDefault || _options.IncludeDisabledByDefault;

    /// <summary>Whether <paramref name="rule"/> runs on a file with <paramref name="config"/> (without configuration only rules that run by default were prepared).</summary>
    private bool Runs(Rule rule, FileConfiguration? config)
    {
        if (config is null)
        {
            return true;
        }

        var runs = (rule.Status == RuleStatus.Stable || _options.IncludePreview || config.Preview?.Value == true)
            && config.Resolve(rule.Descriptor, EnabledByDefault(rule.Descriptor)).Enabled;
        if (runs)
        {
            _ran.TryAdd(rule.Id, true);
        }

        return runs;
    }

    /// <summary>Gives each finding the severity configured for the file it points into, and drops those turned off there.</summary>
    private IEnumerable<Diagnostic> Configure(IReadOnlyCollection<Diagnostic> diagnostics, string analysedPath)
    {
        if (_options.ConfigurationFor is not { } configurationFor)
        {
            return diagnostics;
        }

        var configured = new List<Diagnostic>(diagnostics.Count);
        foreach (var diagnostic in diagnostics)
        {
            if (!_descriptors.TryGetValue(diagnostic.Id, out var descriptor))
            {
                configured.Add(diagnostic);
                continue;
            }

            var path = diagnostic.Location.GetLineSpan().Path;
            var state = configurationFor(string.IsNullOrEmpty(path) ? analysedPath : path).Resolve(descriptor, EnabledByDefault(descriptor));
            if (state.Enabled)
            {
                configured.Add(state.Severity == diagnostic.Severity ? diagnostic : WithSeverity(diagnostic, state.Severity));
            }
        }

        return configured;
    }

    /// <summary>A copy of <paramref name="diagnostic"/> with another effective severity (its default severity unchanged).</summary>
    public static Diagnostic WithSeverity(Diagnostic diagnostic, DiagnosticSeverity severity)
    {
        var descriptor = diagnostic.Descriptor;
        return Diagnostic.Create(
            diagnostic.Id,
            descriptor.Category,
            diagnostic.GetMessage(CultureInfo.InvariantCulture),
            severity,
            descriptor.DefaultSeverity,
            isEnabledByDefault: true,
            warningLevel: severity == DiagnosticSeverity.Error ? 0 : 1,
            title: descriptor.Title,
            description: descriptor.Description,
            helpLink: descriptor.HelpLinkUri,
            location: diagnostic.Location,
            additionalLocations: diagnostic.AdditionalLocations,
            customTags: descriptor.CustomTags,
            properties: diagnostic.Properties);
    }

    /// <summary>The instruction actions that apply to an instruction type, in rule order, with the index of their rule in <see cref="_dockerfileRules"/>.</summary>
    private (int RuleIndex, InstructionInvoker Invoke)[] ActionsFor(Type type)
        => _dispatch.TryGetValue(type, out var actions) ? actions : _dispatch.GetOrAdd(type, t => [.. _dockerfileRules
            .SelectMany((r, index) => r.Actions.InstructionActions
                .Where(a => a.Type.IsAssignableFrom(t))
                .Select(a => (index, a.Invoke)))]);

    private static ToolNotification Failure(Rule rule, string path, Exception e)
        => new(path, $"Rule {rule.Id} failed on {path}: {e.GetType().Name}: {e.Message}", rule.Id);

    private static void Run<TContext>(Rule rule, string path, List<ToolNotification> notifications, CancellationToken cancellationToken, Action<TContext> action, TContext context)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            action(context);
        }
        catch (Exception e) when (!(e is OperationCanceledException && cancellationToken.IsCancellationRequested))
        {
            notifications.Add(Failure(rule, path, e));
        }
    }
}
