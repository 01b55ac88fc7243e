using System.Collections.Immutable;
using DockerLint.Cli.Formats;

namespace DockerLint.Cli.Commands;

/// <summary>What the lint command was asked to do.</summary>
internal sealed record LintSettings
{
    /// <summary>Files, folders, or <c>-</c> for standard input; the current folder when empty.</summary>
    public IReadOnlyList<string> Paths { get; init; } = [];

    /// <summary>How files are found.</summary>
    public DiscoveryOptions Discovery { get; init; } = new();

    /// <summary>The format; null for the default (text on a terminal, msbuild otherwise).</summary>
    public ReportFormat? Format { get; init; }

    /// <summary>The file to write the report to; null or <c>-</c> for standard output.</summary>
    public string? Output { get; init; }

    /// <summary>The lowest severity that fails the run.</summary>
    public FailLevel FailLevel { get; init; } = FailLevel.Warning;

    /// <summary>Runs preview rules too.</summary>
    public bool Preview { get; init; }

    /// <summary>The largest file read, in bytes (<c>--max-file-size</c>).</summary>
    public long MaxFileSize { get; init; } = Parser.Text.SourceDecoder.DefaultMaxFileSize;

    /// <summary>True when <c>--fail-level</c> was given (it then wins over configuration files).</summary>
    public bool FailLevelGiven { get; init; }

    /// <summary>True when <c>--max-file-size</c> was given (it then wins over configuration files).</summary>
    public bool MaxFileSizeGiven { get; init; }

    /// <summary><c>--config FILE</c>: read this file instead of discovering <c>.dockerlint.yaml</c> files.</summary>
    public string? ConfigFile { get; init; }

    /// <summary><c>--no-config</c>: read no discovered configuration file.</summary>
    public bool NoConfig { get; init; }

    /// <summary>Honours inline suppression comments; false for <c>--no-inline-suppressions</c>.</summary>
    public bool InlineSuppressions { get; init; } = true;

    /// <summary>The baseline whose findings are not reported (<c>--baseline</c>), or null.</summary>
    public string? Baseline { get; init; }

    /// <summary>The baseline to write with today's findings (<c>--write-baseline</c>), or null.</summary>
    public string? WriteBaseline { get; init; }

    /// <summary>The build context folder (<c>--context</c>); null for each Dockerfile's own folder.</summary>
    public string? BuildContext { get; init; }

    /// <summary>The most time a file may take (<c>--timeout-per-file</c>).</summary>
    public TimeSpan TimeoutPerFile { get; init; } = AnalysisOptions.DefaultTimeoutPerFile;

    /// <summary><c>--cache-dir DIR</c>: the folder of the incremental cache; null for the default one.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary><c>--no-cache</c>: neither read nor write the cache (wins over <c>--cache-dir</c>).</summary>
    public bool NoCache { get; init; }
}

/// <summary>
/// The default command: finds the files, analyses them, writes the report in the chosen format to
/// standard output or atomically to <c>--output</c>, and turns the outcome into an exit code
/// (<see cref="ExitCodes"/>).
/// </summary>
internal static class LintCommand
{
    /// <summary>Runs the command.</summary>
    public static int Run(LintSettings settings, CliEnvironment environment)
    {
        var paths = settings.Paths;
        if (settings.Discovery.StdinFileName is not null && !paths.Contains(SourceFiles.StandardInputName))
        {
            if (paths.Count > 0)
            {
                environment.Error.WriteLine("dockerlint: error: --stdin-filename names standard input, so '-' must be among the paths.");
                return ExitCodes.UsageError;
            }

            paths = [SourceFiles.StandardInputName];
        }

        if (ConfigCommand.Resolver(settings.ConfigFile, settings.NoConfig, settings.Preview, settings.MaxFileSizeGiven ? settings.MaxFileSize : null, environment) is not { } configuration)
        {
            return ExitCodes.UsageError;
        }

        // Before the run, so that a problem in the file it comes from is part of the report.
        var failLevel = settings.FailLevelGiven ? settings.FailLevel : ConfigCommand.FailLevelFrom(configuration) ?? settings.FailLevel;
        var problems = new List<ToolProblem>();
        var files = SourceFiles.Discover(paths, settings.Discovery, environment, problems);
        byte[]? standardInput = null;
        if (files.StandardInput is { } stdin)
        {
            using var input = environment.OpenInput();
            standardInput = StandardInput.Read(input, configuration.For(stdin.Path).Limits.MaxFileSize?.Value ?? settings.MaxFileSize);
        }

        if (!Baselines.BaselineStep.TryOpen(settings.Baseline, settings.WriteBaseline, environment, out var baseline))
        {
            return ExitCodes.UsageError;
        }

        var toFile = settings.Output is { } output && output != "-";
        var format = settings.Format ?? (environment.OutputIsTerminal && !toFile ? ReportFormat.Text : ReportFormat.MsBuild);
        var context = new FormatContext(ReportPaths.For(environment), Color: format == ReportFormat.Text && !toFile && environment.ColorAllowed);
        var formatter = ReportFormats.For(format);
        var options = new AnalysisOptions { Preview = settings.Preview, Rules = environment.Rules, MaxFileSize = settings.MaxFileSize, Configuration = configuration, InlineSuppressions = settings.InlineSuppressions, BuildContext = settings.BuildContext, TimeoutPerFile = settings.TimeoutPerFile, CacheDirectory = CacheDirectory(settings, environment).Directory, CacheDirectoryGiven = CacheDirectory(settings, environment).Explicit };

        // The findings stream from the analysis to the output; --output gets them in a temporary file that
        // replaces the target only once the report is whole.
        ReportSummary? summary = null;
        var baselineWritten = true;
        void Lint(TextWriter writer)
        {
            using var report = new ReportPipeline(formatter, context, writer, baseline);
            var outcome = LintRunner.Run(files.WithConfigurationFolders(), options, environment, standardInput, problems, report);
            baselineWritten = baseline?.Finish(environment) ?? true;
            summary = report.End(outcome);
        }

        string? failure = null;
        if (toFile)
        {
            failure = AtomicFile.Write(environment.FullPath(settings.Output!), Lint, environment.WrapOutputFile);
        }
        else
        {
            Lint(environment.Output);
        }

        if (summary is null)
        {
            environment.Error.WriteLine($"dockerlint: error: {failure}");
            return ExitCodes.UsageError;
        }

        if (toFile || !ReportFormats.EmbedsProblems(format))
        {
            foreach (var problem in summary.Problems)
            {
                environment.Error.WriteLine($"dockerlint: error: {problem.Describe(context.Paths)}");
            }
        }

        if (failure is not null)
        {
            environment.Error.WriteLine($"dockerlint: error: {failure}");
            return ExitCodes.UsageError;
        }

        return baselineWritten ? ExitCode(summary, failLevel) : ExitCodes.UsageError;
    }

    /// <summary>
    /// The cache folder of the run: none with <c>--no-cache</c>; <c>--cache-dir</c> when given; else
    /// <c>$XDG_CACHE_HOME/dockerlint</c> (or <c>~/.cache/dockerlint</c>), none when neither variable is set.
    /// </summary>
    private static (string? Directory, bool Explicit) CacheDirectory(LintSettings settings, CliEnvironment environment)
        => settings.NoCache ? (null, false)
            : settings.CacheDirectory is { } directory ? (directory, true)
            : (Caching.ResultCache.DefaultDirectory(environment.GetVariable), false);

    /// <summary>The exit code of a report at a fail level.</summary>
    public static int ExitCode(ReportSummary report, FailLevel failLevel)
    {
        if (report.Problems.Any(p => p.Kind == ProblemKind.MissingPath))
        {
            return ExitCodes.UsageError;
        }

        if (report.Incomplete)
        {
            return ExitCodes.Incomplete;
        }

        return report.Fails(failLevel) ? ExitCodes.Findings : ExitCodes.Success;
    }
}

/// <summary>
/// The findings' way from the run to the output, file by file: the baseline step, the counts of the
/// summary, and the format's writer.
/// </summary>
internal sealed class ReportPipeline(IReportFormatter formatter, FormatContext context, TextWriter writer, Baselines.BaselineStep? baseline) : IFindingSink, IDisposable
{
    private IReportWriter? _output;
    private ReportSummary _summary = new();

    /// <inheritdoc />
    public void Begin(ImmutableArray<Rules.Engine.Rule> rules, ImmutableHashSet<string> activeRuleIds)
        => _output = formatter.Begin(new ReportStart(rules, activeRuleIds, baseline is not null), context, writer);

    /// <inheritdoc />
    public void File(FileReport file, SourceCache sources)
    {
        file = baseline?.Apply(file, sources) ?? file;
        _summary = _summary.Add(file);
        if (!file.IsEmpty)
        {
            _output!.File(file, sources);
        }
    }

    /// <summary>Finishes the report with the run's outcome; returns its summary.</summary>
    public ReportSummary End(RunOutcome outcome)
    {
        var summary = _summary with { FileCount = outcome.FileCount, Problems = outcome.Problems };
        _output!.End(summary);
        return summary;
    }

    /// <inheritdoc />
    public void Dispose() => _output?.Dispose();
}
