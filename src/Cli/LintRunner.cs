using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using DockerLint.Cli.Caching;
using DockerLint.Parser.Compose;
using DockerLint.Parser.Compose.Schema;
using DockerLint.Parser.Context;
using DockerLint.Parser.Model;
using DockerLint.Parser.Syntax;
using DockerLint.Parser.Text;
using DockerLint.Rules.Configuration;
using DockerLint.Rules.Engine;
using DockerLint.Rules.Suppressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Cli;

/// <summary>How the rules run.</summary>
internal sealed record AnalysisOptions
{
    /// <summary>Runs preview rules too (<c>--preview</c>).</summary>
    public bool Preview { get; init; }

    /// <summary>The rules to run instead of every rule of DockerLint.Rules (tests pin them so goldens do not move when rules are added).</summary>
    public ImmutableArray<Rule>? Rules { get; init; }

    /// <summary>The largest file read, in bytes (<c>--max-file-size</c>); larger files get DF0013/DC0006 and are skipped.</summary>
    public long MaxFileSize { get; init; } = SourceDecoder.DefaultMaxFileSize;

    /// <summary>The configuration files' settings per path (severities, options, limits); null for none.</summary>
    public ConfigurationResolver? Configuration { get; init; }

    /// <summary>The largest size read for <paramref name="path"/>: configuration's <c>limits.max-file-size</c> (the command line's when given) or <see cref="MaxFileSize"/>.</summary>
    public long MaxFileSizeFor(string path) => Configuration?.For(path).Limits.MaxFileSize?.Value ?? MaxFileSize;

    /// <summary>Honours inline suppression comments; false for <c>--no-inline-suppressions</c>.</summary>
    public bool InlineSuppressions { get; init; } = true;

    /// <summary>The build context folder of every Dockerfile (<c>--context</c>); null for each Dockerfile's own folder (none for standard input).</summary>
    public string? BuildContext { get; init; }

    /// <summary>
    /// The most time one work item (a Dockerfile, or a Compose project with its files) may take
    /// (<c>--timeout-per-file</c>); <see cref="Timeout.InfiniteTimeSpan"/> for no limit.
    /// </summary>
    public TimeSpan TimeoutPerFile { get; init; } = DefaultTimeoutPerFile;

    /// <summary>The default <see cref="TimeoutPerFile"/>: far above what any real file takes (well under a second).</summary>
    public static TimeSpan DefaultTimeoutPerFile { get; } = TimeSpan.FromSeconds(10);

    /// <summary>The folder of the incremental cache; null to run without it (<c>--no-cache</c>, or no folder known).</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>True when <see cref="CacheDirectory"/> was named (<c>--cache-dir</c>): a folder that cannot be used is then worth a warning.</summary>
    public bool CacheDirectoryGiven { get; init; }
}

/// <summary>Where a run's findings go: file by file, in path order, each file once.</summary>
internal interface IFindingSink
{
    /// <summary>Called once before the first file, with every rule (syntax diagnostics included, ordered by ID) and the IDs of those that run.</summary>
    void Begin(ImmutableArray<Rule> rules, ImmutableHashSet<string> activeRuleIds);

    /// <summary>
    /// The findings of one file (deduplicated and in order; empty for a file analysed without any);
    /// <paramref name="sources"/> holds its text until the call returns, and forgets it then.
    /// </summary>
    void File(FileReport file, SourceCache sources);
}

/// <summary>What a run gives besides its findings.</summary>
/// <param name="Problems">The tool problems, distinct and in order.</param>
/// <param name="FileCount">How many files were analysed (Compose files included through others not counted).</param>
internal sealed record RunOutcome(ImmutableArray<ToolProblem> Problems, int FileCount);

/// <summary>
/// Reads the files of each work item, runs the engine on them on every core and hands the findings to
/// an <see cref="IFindingSink"/> file by file in path order — the order of the report, whatever order
/// the work finished in — deduplicated (a file reached from two Compose projects reports once). Compose
/// projects run first (the Dockerfiles their services build are analysed with the service's build
/// context); their findings wait for their place among the Dockerfiles'. The Dockerfiles are analysed
/// in path order within a bounded window, and each file's text, tree and findings are dropped once
/// written, so memory does not grow with the number of Dockerfiles.
/// </summary>
internal static class LintRunner
{
    /// <summary>The notification for a named pipe, socket or device found or named as a file to lint.</summary>
    public const string NotRegularFile = "cannot read the file: it is a named pipe, a socket or a device, not a regular file; it is not opened";

    /// <summary>Work items analysed ahead of the one being written, per core: enough to keep every core busy behind a slow file.</summary>
    private const int WindowPerCore = 32;

    private static int s_schemaRequested;

    /// <summary>
    /// Analyses <paramref name="files"/> (enumerated once, in path order) into <paramref name="sink"/>;
    /// <paramref name="problems"/> holds what discovery found wrong, complete once <paramref name="files"/> is.
    /// </summary>
    public static RunOutcome Run(IEnumerable<(SourceFile File, string? ConfigurationFolder)> files, AnalysisOptions options, CliEnvironment environment, byte[]? standardInput, List<ToolProblem> problems, IFindingSink sink)
    {
        var engine = new AnalyzerEngine(options.Rules, new EngineOptions { IncludePreview = options.Preview, ConfigurationFor = options.Configuration is { } configuration ? configuration.For : null, InlineSuppressions = options.InlineSuppressions });
        var rules = engine.AllRulesWithSyntax.ToImmutableArray();
        var byId = rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
        var run = new RunContext(engine, options, environment, standardInput, new SourceCache(environment.ReadFile), byId, OpenCache(options, rules, environment));
        sink.Begin(rules, engine.ActiveRules.Select(r => r.Id).Concat(AnalyzerEngine.SyntaxRules.Select(r => r.Id)).ToImmutableHashSet(StringComparer.Ordinal));

        // One pass over the files: the configuration files that apply are read before the first finding is
        // written, so that their own problems (DF0090-DF0093) take their place in path order; only the paths
        // of the Compose files and of the Dockerfiles are kept, front-coded (a few bytes each). The walk
        // hands the files out in path order; those whose configuration files are not known to have been read
        // yet are looked up on the other cores meanwhile.
        var composeFiles = new ComposeFiles();
        var dockerfiles = new PathList();
        SourceFile? standardInputDockerfile = null;
        IEnumerable<(SourceFile File, string? ConfigurationFolder)> Kept() => files.Select(found =>
        {
            var file = found.File;
            if (file.Kind == FileKind.Compose)
            {
                composeFiles.Add(file);
                if (run.Cache is null)
                {
                    StartLoadingSchema();
                }
            }
            else
            {
                dockerfiles.Add(file.Path);
                standardInputDockerfile = file.IsStandardInput ? file : standardInputDockerfile;
            }

            return found;
        });
        if (options.Configuration is { } resolver)
        {
            var sameFiles = new ConcurrentDictionary<string, bool>(s_paths);
            OnEveryCore(Kept().Where(f => !f.File.IsStandardInput && !SharesReadFiles(f.ConfigurationFolder, sameFiles)), found => ReadConfigurationFiles(resolver, found.File, found.ConfigurationFolder, sameFiles));
        }
        else
        {
            // No configuration to read: the walk only keeps the paths.
            foreach (var _ in Kept())
            {
            }
        }

        // Compose projects first: the Dockerfiles their services build are linted too (once each,
        // with the build context of the first service that builds it), even when not named. Their
        // findings wait in a spool for their place in path order among the Dockerfiles'.
        // One finding per rule and place: a file reached from two Compose projects (include, extends)
        // reports once, with the message of the first project in path order.
        var readCompose = (string path) => ReadAgain(path, FileKind.Compose, options, environment);
        using var pending = new PendingFiles(run.Sources, readCompose, options.Configuration, sink, byId);
        var allProblems = new List<ToolProblem>(problems);
        var built = new Dictionary<string, string>(s_paths);
        InOrder(
            composeFiles.Items(),
            item =>
            {
                var result = Analyze(item, run);

                // Their texts are let go, and read again when their turn comes if a format needs them (as for a
                // cache hit): they would otherwise wait in memory for their place among the Dockerfiles.
                // Standard input cannot be read again.
                foreach (var path in result.Sources.Where(p => !item.Files.Any(f => f.IsStandardInput && f.Path == p)))
                {
                    run.Sources.Remove(path);
                }

                return result;
            },
            (_, result) =>
            {
                foreach (var (context, path) in result.Builds)
                {
                    built.TryAdd(path, context);
                }

                pending.Spool(result);
                allProblems.AddRange(result.Problems);
            });

        var configurationFindings = ConfigurationFindings(options, byId, environment);
        pending.Add(configurationFindings, deduplicate: false);

        // A Dockerfile's findings are in the Dockerfile: analysed in the order of their paths, they come out in report order.
        var dockerfileCount = 0;
        InOrder(
            DockerfileItems(dockerfiles, standardInputDockerfile, built, environment).Select(item => { dockerfileCount++; return item; }),
            item => Analyze(item.Item, run),
            (item, result) =>
            {
                pending.Add(result);
                allProblems.AddRange(result.Problems);
                pending.WriteThrough(item.Key);
            });

        // Configuration files first read while analysing (a Compose include in another folder) come last.
        pending.Add([.. ConfigurationFindings(options, byId, environment).Except(configurationFindings)], deduplicate: false);
        pending.WriteAll();
        return new RunOutcome([.. allProblems.Distinct().Order(ToolProblem.Order)], composeFiles.Count + dockerfileCount);
    }

    /// <summary>
    /// The Dockerfile work items in order of their full paths (equal paths: the named one first): the
    /// Dockerfiles found, each with the build context of the first Compose service that builds it, and
    /// the Dockerfiles services build that were not found.
    /// </summary>
    private static IEnumerable<(WorkItem Item, string Key)> DockerfileItems(PathList dockerfiles, SourceFile? standardInput, Dictionary<string, string> built, CliEnvironment environment)
    {
        var named = new HashSet<string>(s_paths);
        if (built.Count > 0)
        {
            foreach (var path in dockerfiles)
            {
                if (path != standardInput?.Path && built.ContainsKey(environment.FullPath(path)))
                {
                    named.Add(environment.FullPath(path));
                }
            }
        }

        using var extra = built
            .Where(b => !named.Contains(b.Key))
            .Select(b => (Item: new WorkItem(FileKind.Dockerfile, [new SourceFile(b.Key, FileKind.Dockerfile)], b.Value), Key: environment.FullPath(b.Key)))
            .OrderBy(b => b.Key, StringComparer.Ordinal)
            .GetEnumerator();
        var hasExtra = extra.MoveNext();
        foreach (var path in dockerfiles)
        {
            var key = environment.FullPath(path);
            while (hasExtra && string.CompareOrdinal(extra.Current.Key, key) < 0)
            {
                yield return extra.Current;
                hasExtra = extra.MoveNext();
            }

            var file = path == standardInput?.Path ? standardInput : new SourceFile(path, FileKind.Dockerfile);
            yield return (new WorkItem(FileKind.Dockerfile, [file], !file.IsStandardInput && built.TryGetValue(key, out var context) ? context : null), key);
        }

        while (hasExtra)
        {
            yield return extra.Current;
            hasExtra = extra.MoveNext();
        }
    }

    private static readonly StringComparer s_paths = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>The configuration files' own problems (DF0090-DF0093) read so far, once each.</summary>
    private static List<Finding> ConfigurationFindings(AnalysisOptions options, Dictionary<string, Rule> byId, CliEnvironment environment)
        => [.. (options.Configuration?.Diagnostics ?? []).Select(d => ToFinding(d, "", byId, environment))];

    /// <summary>What every work item of a run shares.</summary>
    private sealed record RunContext(
        AnalyzerEngine Engine, AnalysisOptions Options, CliEnvironment Environment, byte[]? StandardInput, SourceCache Sources, Dictionary<string, Rule> ById, ResultCache? Cache);

    /// <summary>What one work item gave: findings in report form, tool problems, the Dockerfiles its Compose services build, and the files it read.</summary>
    private sealed record ItemResult(IReadOnlyList<Finding> Findings, IReadOnlyList<Finding> Suppressed, IReadOnlyList<ToolProblem> Problems, IReadOnlyList<(string Context, string Dockerfile)> Builds, IReadOnlyList<string> Sources);

    /// <summary>
    /// Findings waiting for their place in path order, per file, deduplicated by rule and place; written
    /// to the sink (and the file's text and configuration forgotten) once no work item still running can add to them.
    /// </summary>
    private sealed class PendingFiles(SourceCache sources, Func<string, SourceText?> readCompose, ConfigurationResolver? configuration, IFindingSink sink, IReadOnlyDictionary<string, Rule> rules) : IDisposable
    {
        private readonly SortedDictionary<string, Pending> _files = new(StringComparer.Ordinal);
        private readonly Formats.Spool _spool = new();
        private readonly SpoolIndex _spooled = new();
        private IEnumerator<(string Path, bool Source, List<long> Records)>? _spooledOrder;
        private bool _spooledLeft;

        /// <summary>
        /// Keeps a Compose project's findings (which wait for the Dockerfiles' that sort before them) in a
        /// temporary spool, each file's one after another, remembering only where they are; called in project order.
        /// </summary>
        public void Spool(ItemResult result)
        {
            var byPath = new Dictionary<string, List<Finding>>(StringComparer.Ordinal);
            var paths = new List<string>(result.Sources);
            foreach (var finding in result.Findings.Concat(result.Suppressed))
            {
                if (!byPath.TryGetValue(finding.Path, out var findings))
                {
                    byPath.Add(finding.Path, findings = []);
                    paths.Add(finding.Path);
                }

                findings.Add(finding);
            }

            var sourceSet = result.Sources.ToHashSet(StringComparer.Ordinal);
            foreach (var path in paths.Distinct(StringComparer.Ordinal))
            {
                var records = byPath.TryGetValue(path, out var findings) ? findings.ConvertAll(f => _spool.Add(f)) : [];
                _spooled.Add(path, sourceSet.Contains(path), records);
            }
        }

        public void Dispose() => _spool.Dispose();

        public void Add(ItemResult result)
        {
            foreach (var path in result.Sources)
            {
                File(path);
            }

            Add(result.Findings, deduplicate: true);
            foreach (var finding in result.Suppressed)
            {
                var file = File(finding.Path);
                if (file.Seen.Add((finding.Id, finding.Span)))
                {
                    file.Suppressed.Add(finding);
                }
            }
        }

        public void Add(IEnumerable<Finding> findings, bool deduplicate)
        {
            foreach (var finding in findings)
            {
                var file = File(finding.Path);
                if (file.Seen.Add((finding.Id, finding.Span)) || !deduplicate)
                {
                    file.Findings.Add(finding);
                }
            }
        }

        /// <summary>Writes the files whose path sorts before <paramref name="path"/>, and that file.</summary>
        public void WriteThrough(string path) => Write(p => string.CompareOrdinal(p, path) <= 0);

        public void WriteAll() => Write(_ => true);

        private void Write(Func<string, bool> due)
        {
            if (_spooledOrder is null)
            {
                _spooledOrder = _spooled.InPathOrder().GetEnumerator();
                _spooledLeft = _spooledOrder.MoveNext();
            }

            while (Next() is { } path && due(path))
            {
                var findings = new List<Finding>();
                var suppressed = new List<Finding>();
                var seen = new HashSet<(string Id, LinePositionSpan Span)>();
                if (_spooledLeft && _spooledOrder.Current.Path == path)
                {
                    // A file a Compose project read: its text is read again if a format needs it (as for a
                    // cache hit) rather than kept while it waited. Standard input's text was kept.
                    var (_, source, records) = _spooledOrder.Current;
                    _spooledLeft = _spooledOrder.MoveNext();
                    if (source)
                    {
                        sources.AddDeferred(path, readCompose);
                    }

                    // In project order: the first project's finding wins.
                    foreach (var record in records)
                    {
                        var finding = _spool.ReadAt(record, rules);
                        if (seen.Add((finding.Id, finding.Span)))
                        {
                            (finding.Suppression is null ? findings : suppressed).Add(finding);
                        }
                    }
                }

                if (_files.Remove(path, out var file))
                {
                    findings.AddRange(file.Findings.Where(f => seen.Count == 0 || seen.Add((f.Id, f.Span))));
                    suppressed.AddRange(file.Suppressed.Where(f => seen.Count == 0 || seen.Add((f.Id, f.Span))));
                }

                sink.File(new FileReport(path, [.. findings.Order(Finding.Order)], [.. suppressed.Order(Finding.Order)]), sources);
                sources.Remove(path);
                configuration?.Forget(path);
            }
        }

        /// <summary>The first path waiting, in memory or spooled.</summary>
        private string? Next()
        {
            var inMemory = _files.Count > 0 ? _files.First().Key : null;
            var inSpool = _spooledLeft ? _spooledOrder!.Current.Path : null;
            return inMemory is null ? inSpool : inSpool is null || string.CompareOrdinal(inMemory, inSpool) < 0 ? inMemory : inSpool;
        }

        private Pending File(string path)
        {
            if (!_files.TryGetValue(path, out var file))
            {
                file = new Pending();
                _files.Add(path, file);
            }

            return file;
        }

        private sealed class Pending
        {
            public List<Finding> Findings { get; } = [];

            public List<Finding> Suppressed { get; } = [];

            public HashSet<(string Id, LinePositionSpan Span)> Seen { get; } = [];
        }
    }

    /// <summary>
    /// Where each file's records are in the Compose spool, for files that arrive in project order. Most
    /// arrive in path order (projects are analysed in the order of their paths, and a project's findings
    /// are mostly in its own files): those are kept front-coded in a <see cref="PathList"/>, with how many
    /// records each has and where they are, a few bytes a file. The others (an override file after its
    /// base file, an include in another folder, a file a later project reaches again) are kept by name.
    /// </summary>
    private sealed class SpoolIndex
    {
        private readonly PathList _inOrder = new();
        private readonly List<int> _counts = [];
        private readonly List<long> _records = [];
        private readonly Dictionary<string, (bool Source, List<long> Records)> _others = new(StringComparer.Ordinal);
        private string? _last;

        /// <summary>Adds a file's records (in the order a project gave them); <paramref name="source"/> when a project read the file.</summary>
        public void Add(string path, bool source, List<long> records)
        {
            if (_last is null || string.CompareOrdinal(path, _last) > 0)
            {
                // A count's lowest bit says whether the file was read (a source).
                _inOrder.Add(path);
                _counts.Add((records.Count << 1) | (source ? 1 : 0));
                _records.AddRange(records);
                _last = path;
                return;
            }

            if (_others.TryGetValue(path, out var other))
            {
                other.Records.AddRange(records);
                _others[path] = (other.Source || source, other.Records);
            }
            else
            {
                _others.Add(path, (source, records));
            }
        }

        /// <summary>Every file once, in path order, with its records in the order they were added.</summary>
        public IEnumerable<(string Path, bool Source, List<long> Records)> InPathOrder()
        {
            var others = _others.Keys.Order(StringComparer.Ordinal).ToList();
            var nextOther = 0;
            var index = 0;
            var at = 0;
            foreach (var path in _inOrder)
            {
                while (nextOther < others.Count && string.CompareOrdinal(others[nextOther], path) < 0)
                {
                    var (source, records) = _others[others[nextOther]];
                    yield return (others[nextOther++], source, records);
                }

                var count = _counts[index] >> 1;
                var inOrder = _records.GetRange(at, count);
                var isSource = (_counts[index] & 1) != 0;
                index++;
                at += count;
                if (nextOther < others.Count && others[nextOther] == path)
                {
                    // Reached again by later projects: their records come after.
                    var (source, records) = _others[others[nextOther++]];
                    inOrder.AddRange(records);
                    isSource |= source;
                }

                yield return (path, isSource, inOrder);
            }

            while (nextOther < others.Count)
            {
                var (source, records) = _others[others[nextOther]];
                yield return (others[nextOther++], source, records);
            }
        }
    }

    /// <summary>
    /// Runs <paramref name="analyze"/> on the items of <paramref name="source"/> on every core and hands each
    /// result to <paramref name="consume"/> on the calling thread, in the source's order, as soon as it and
    /// every one before it are done. Workers take items from the source (one at a time, under a lock) at
    /// most a window ahead of the one consumed, so the items and results held are bounded whatever the count.
    /// </summary>
    private static void InOrder<T>(IEnumerable<T> source, Func<T, ItemResult> analyze, Action<T, ItemResult> consume)
    {
        var window = Math.Max(1, Environment.ProcessorCount) * WindowPerCore;
        var done = new (T Item, ItemResult Result)?[window];
        var gate = new object();
        using var items = source.GetEnumerator();
        var next = 0;
        var consumed = 0;
        var exhausted = false;
        var stop = false;
        Exception? failure = null;

        void Work()
        {
            while (true)
            {
                int i;
                T item;
                lock (gate)
                {
                    while (!stop && !exhausted && next - consumed >= window)
                    {
                        Monitor.Wait(gate);
                    }

                    if (stop || exhausted)
                    {
                        return;
                    }

                    try
                    {
                        if (!items.MoveNext())
                        {
                            exhausted = true;
                            Monitor.PulseAll(gate);
                            return;
                        }

                        item = items.Current;
                    }
                    catch (Exception e)
                    {
                        failure ??= e;
                        stop = true;
                        Monitor.PulseAll(gate);
                        return;
                    }

                    i = next++;
                }

                ItemResult result;
                try
                {
                    result = analyze(item);
                }
                catch (Exception e)
                {
                    lock (gate)
                    {
                        failure ??= e;
                        stop = true;
                        Monitor.PulseAll(gate);
                    }

                    return;
                }

                lock (gate)
                {
                    done[i % window] = (item, result);
                    Monitor.PulseAll(gate);
                }
            }
        }

        var workers = Enumerable.Range(0, Math.Max(1, Environment.ProcessorCount))
            .Select(_ => Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        try
        {
            for (var i = 0; ; i++)
            {
                (T Item, ItemResult Result) finished;
                lock (gate)
                {
                    while (done[i % window] is null && failure is null && !(exhausted && i >= next))
                    {
                        Monitor.Wait(gate);
                    }

                    if (failure is not null || done[i % window] is null)
                    {
                        break;
                    }

                    finished = done[i % window]!.Value;
                    done[i % window] = null;
                    consumed = i + 1;
                    Monitor.PulseAll(gate);
                }

                consume(finished.Item, finished.Result);
            }
        }
        finally
        {
            StopAndWait(gate, () => stop = true, workers);
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>
    /// Reads the configuration files that apply to <paramref name="file"/> (through the configuration of the
    /// file, then forgotten). Files found with the same <paramref name="folder"/> (see
    /// <see cref="FolderSearch.Found"/>) are found the same configuration files, which one of them has read
    /// then; only an <c>.editorconfig</c> among them can still have problems that depend on the file's path
    /// (its sections), so where one applies every file is looked up. <paramref name="sameFiles"/> holds the
    /// folders whose files need no more look-ups.
    /// </summary>
    private static void ReadConfigurationFiles(ConfigurationResolver configuration, SourceFile file, string? folder, ConcurrentDictionary<string, bool> sameFiles)
    {
        // Asked again: another file of the folder may have been looked up since this one was queued.
        if (SharesReadFiles(folder, sameFiles))
        {
            return;
        }

        var sources = configuration.For(file.Path).Sources;
        configuration.Forget(file.Path);
        if (folder is not null && !sources.Any(s => Path.GetFileName(s).Equals(".editorconfig", StringComparison.OrdinalIgnoreCase)))
        {
            sameFiles.TryAdd(folder, true);
        }
    }

    /// <summary>True when the configuration files of the files found with <paramref name="folder"/> have been read (see <see cref="ReadConfigurationFiles"/>).</summary>
    private static bool SharesReadFiles(string? folder, ConcurrentDictionary<string, bool> sameFiles)
        => folder is not null && sameFiles.ContainsKey(folder);

    /// <summary>Tells the threads of a worker pool to stop (<paramref name="stop"/> under <paramref name="gate"/>, then a pulse) and waits for them.</summary>
    private static void StopAndWait(object gate, Action stop, Task[] threads)
    {
        lock (gate)
        {
            stop();
            Monitor.PulseAll(gate);
        }

        Task.WaitAll(threads);
    }

    /// <summary>
    /// Enumerates <paramref name="source"/> on the calling thread (whatever it does as it goes happens there,
    /// in its order) and runs <paramref name="action"/> on each item beside it, on the other cores: the
    /// items wait in a short queue for a helper thread, and the calling thread runs the action itself
    /// while the queue is full (or when there is one core). Helpers wait without spinning while there is
    /// nothing to do. The first exception stops the work and is thrown.
    /// </summary>
    internal static void OnEveryCore<T>(IEnumerable<T> source, Action<T> action)
    {
        var helpers = Math.Max(1, Environment.ProcessorCount) - 1;
        if (helpers == 0)
        {
            foreach (var item in source)
            {
                action(item);
            }

            return;
        }

        const int Queued = 64;
        var queue = new Queue<T>(Queued);
        var gate = new object();
        var waiting = 0;
        var finished = false;
        Exception? failure = null;

        void Help()
        {
            while (true)
            {
                T item;
                lock (gate)
                {
                    while (queue.Count == 0 && !finished && failure is null)
                    {
                        waiting++;
                        Monitor.Wait(gate);
                        waiting--;
                    }

                    if (failure is not null || queue.Count == 0)
                    {
                        return;
                    }

                    item = queue.Dequeue();
                }

                try
                {
                    action(item);
                }
                catch (Exception e)
                {
                    lock (gate)
                    {
                        failure ??= e;
                        Monitor.PulseAll(gate);
                    }

                    return;
                }
            }
        }

        var tasks = Enumerable.Range(0, helpers)
            .Select(_ => Task.Factory.StartNew(Help, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default))
            .ToArray();
        try
        {
            foreach (var item in source)
            {
                lock (gate)
                {
                    if (failure is not null)
                    {
                        break;
                    }

                    if (queue.Count < Queued)
                    {
                        queue.Enqueue(item);
                        if (waiting > 0)
                        {
                            Monitor.Pulse(gate);
                        }

                        continue;
                    }
                }

                action(item);
            }
        }
        finally
        {
            StopAndWait(gate, () => finished = true, tasks);
        }

        if (failure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <summary>
    /// Starts loading the Compose schema on a pool thread, once per process: it is loaded on first use and
    /// takes a while, so a run that will validate Compose files starts it early (at the start of a run
    /// without the cache, at the first Compose project the cache cannot answer), beside other work.
    /// </summary>
    private static void StartLoadingSchema()
    {
        if (Interlocked.Exchange(ref s_schemaRequested, 1) != 0)
        {
            return;
        }

        ThreadPool.UnsafeQueueUserWorkItem(
            static _ =>
            {
                try
                {
                    ComposeSchemaValidator.LoadSchema();
                }
                catch (Exception)
                {
                    // Reported where the schema is used, as without this head start.
                }
            },
            null);
    }

    /// <summary>Analyses one work item (or takes its findings from the cache); never throws for bad input.</summary>
    private static ItemResult Analyze(WorkItem item, RunContext run)
    {
        var (engine, options, environment, standardInput, sources, byId, cache) = run;

        // Standard input is never cached: it has no file to check for changes.
        var cacheable = cache is not null && !item.Files.Any(f => f.IsStandardInput);
        if (cacheable && cache!.TryGet(item) is { } hit)
        {
            return FromCache(hit, options, environment, sources, byId);
        }

        if (item.Kind == FileKind.Compose)
        {
            StartLoadingSchema();
        }

        var recorder = cacheable ? new InputRecorder() : null;
        var itemSources = new List<(string Path, FileKind Kind)>();
        var diagnostics = new List<Diagnostic>();
        var itemProblems = new List<ToolProblem>();
        var suppressed = new List<SuppressedDiagnostic>();
        var itemBuilds = new List<ServiceBuild>();

        // The parser, the loader and the engine check the token between lines, files, scalars and rule
        // actions, so a file that runs out of time stops there instead of burning CPU to the end.
        using var budget = new CancellationTokenSource(options.TimeoutPerFile);
        try
        {
            // Each item resolves its builds itself: with the cache, so that every file it reads is recorded;
            // always, so that the Dockerfiles a project's services build are parsed for that project and let
            // go with it, not kept for the whole run (a Dockerfile built by several projects is read by each).
            var itemResolver = item.Kind == FileKind.Compose ? BuildResolver(options, environment, recorder) : ComposeBuildResolver.None;
            Analyze(item, engine, options, environment, standardInput, sources, itemResolver, recorder, itemSources, diagnostics, itemProblems, suppressed, itemBuilds, budget.Token);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            itemProblems.Add(new ToolProblem(ProblemKind.TimedOut, item.Path, TimedOut(options.TimeoutPerFile)));
        }
        catch (Exception e)
        {
            // The parsers and the engine report bad input as diagnostics and never throw; this is the
            // safety net that keeps one file's crash from hiding every other file's findings.
            itemProblems.Add(new ToolProblem(ProblemKind.InternalError, item.Path, $"DockerLint failed on this file: {e.GetType().Name}: {e.Message}"));
        }

        // silent: kept out of the command line's report, as the compiler does with hidden diagnostics.
        var path = item.Path;
        var result = new ItemResult(
            [.. diagnostics.Where(d => d.Severity != DiagnosticSeverity.Hidden).Select(d => ToFinding(d, path, byId, environment))],
            [.. suppressed.Select(s => ToFinding(s.Diagnostic, path, byId, environment) with { Suppression = ToSuppression(s.Suppression, path, environment) })],
            itemProblems,
            [.. itemBuilds.Where(b => b is { ContextDirectory: not null, DockerfilePath: not null }).Select(b => (b.ContextDirectory!, b.DockerfilePath!))],
            [.. itemSources.Select(s => s.Path)]);

        // Files with tool problems (unreadable, timed out, a rule that failed) are analysed again next time.
        if (recorder is not null && itemProblems.Count == 0)
        {
            cache!.Store(item, recorder, new CachedItem(result.Findings, result.Suppressed, result.Builds, itemSources));
        }

        // What the rules worked out from the configuration of these files is not needed any more.
        foreach (var file in item.Files.Where(f => !f.IsStandardInput).Select(f => f.Path).Concat(result.Sources))
        {
            options.Configuration?.Forget(file);
        }

        return result;
    }

    private static ResultCache? OpenCache(AnalysisOptions options, IEnumerable<Rule> rules, CliEnvironment environment)
    {
        if (options.CacheDirectory is not { } directory)
        {
            return null;
        }

        var cache = ResultCache.Open(environment.FullPath(directory), options with { BuildContext = options.BuildContext is { } context ? environment.FullPath(context) : null }, rules, environment.ReadFile, out var failure);
        if (failure is not null && options.CacheDirectoryGiven)
        {
            environment.Error.WriteLine($"dockerlint: warning: {failure}");
        }

        return cache;
    }

    /// <summary>A cached item as a fresh analysis gives it; the texts of its files are read again only if a format needs them.</summary>
    private static ItemResult FromCache(CachedItem hit, AnalysisOptions options, CliEnvironment environment, SourceCache sources, Dictionary<string, Rule> byId)
    {
        foreach (var (path, kind) in hit.Sources)
        {
            sources.AddDeferred(path, p => ReadAgain(p, kind, options, environment));
        }

        return new ItemResult(
            [.. hit.Findings.Select(f => f with { Rule = byId.GetValueOrDefault(f.Id) })],
            [.. hit.Suppressed.Select(f => f with { Rule = byId.GetValueOrDefault(f.Id) })],
            [],
            hit.Builds,
            [.. hit.Sources.Select(s => s.Path)]);
    }

    /// <summary>The text of a file the parser read before, read and decoded again the same way; null when it cannot be read now.</summary>
    private static SourceText? ReadAgain(string path, FileKind kind, AnalysisOptions options, CliEnvironment environment)
    {
        try
        {
            var limit = options.MaxFileSizeFor(path);
            return SourceDecoder.Decode(environment.ReadFile(path), path, kind == FileKind.Dockerfile ? SourceKind.Dockerfile : SourceKind.Compose, limit).Text is { } text
                ? SourceText.From(text)
                : SourceText.From("");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The file access of the cross-file rules: the disk, each Dockerfile read within the size limit and
    /// decoded the way a named Dockerfile is; pipes, sockets and devices are never opened.
    /// </summary>
    /// <param name="options">The run's options.</param>
    /// <param name="environment">The file access.</param>
    /// <param name="recorder">Records what is read for the cache; null without it.</param>
    private static ComposeBuildResolver BuildResolver(AnalysisOptions options, CliEnvironment environment, InputRecorder? recorder)
        => new(
            path =>
            {
                try
                {
                    var info = new FileInfo(path);
                    var limit = options.MaxFileSizeFor(path);
                    if (!info.Exists)
                    {
                        recorder?.Absent(path);
                        return null;
                    }

                    if (!FileTypes.IsRegularFile(path) || info.Length > limit)
                    {
                        recorder?.Unreliable();
                        return null;
                    }

                    var stamp = recorder is null ? null : FileTypes.Stamp(path);
                    var bytes = environment.ReadFile(path);
                    recorder?.Read(path, bytes, stamp);
                    return SourceDecoder.Decode(bytes, path, SourceKind.Dockerfile, limit).Text;
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    recorder?.Unreliable();
                    return null;
                }
            },
            path => recorder is null ? Directory.Exists(path) : recorder.Directory(path, Directory.Exists(path)));

    private static FindingSuppression ToSuppression(Suppression suppression, string fallbackPath, CliEnvironment environment)
    {
        var span = suppression.Location.GetLineSpan();
        var path = string.IsNullOrEmpty(span.Path) ? fallbackPath : environment.FullPath(span.Path);
        return new FindingSuppression(FindingSuppressionKind.InSource, suppression.Reason, path, span.Span, suppression.Comment);
    }

    /// <summary>The notification for a file whose analysis ran out of time.</summary>
    public static string TimedOut(TimeSpan limit)
        => $"analysis stopped after {limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s (--timeout-per-file); its findings are incomplete";

    private static void Analyze(
        WorkItem item,
        AnalyzerEngine engine,
        AnalysisOptions options,
        CliEnvironment environment,
        byte[]? standardInput,
        SourceCache sources,
        ComposeBuildResolver builds,
        InputRecorder? recorder,
        List<(string Path, FileKind Kind)> itemSources,
        List<Diagnostic> diagnostics,
        List<ToolProblem> problems,
        List<SuppressedDiagnostic> suppressed,
        List<ServiceBuild> serviceBuilds,
        CancellationToken cancellationToken)
    {
        AnalysisResult result;
        var skipped = new List<string>();
        if (item.Kind == FileKind.Dockerfile)
        {
            var file = item.Files[0];
            if (Read(file.Path, file.IsStandardInput ? standardInput : null, SourceKind.Dockerfile, options, environment, problems, recorder) is not { } decoded)
            {
                return;
            }

            diagnostics.AddRange(decoded.Diagnostics);
            if (decoded.Text is not { } text)
            {
                recorder?.Unreliable();

                // Skipped (too large, binary): an empty text keeps the formatters from reading the file for a snippet.
                sources.Add(file.Path, SourceText.From(""));
                return;
            }

            var tree = DockerfileSyntaxTree.Parse(text, file.Path, cancellationToken);
            sources.Add(file.Path, tree.Text);
            itemSources.Add((file.Path, FileKind.Dockerfile));
            result = engine.Analyze(DockerfileModel.Create(tree, cancellationToken), LoadBuildContext(file, item.BuildContext, options, environment, recorder), cancellationToken);
        }
        else
        {
            var stdin = item.Files.FirstOrDefault(f => f.IsStandardInput)?.Path;
            var limits = options.Configuration?.For(item.Files[0].Path).Limits;
            var loadOptions = new ComposeLoadOptions
            {
                Limits = new Parser.Compose.Yaml.YamlLimits
                {
                    MaxDepth = limits?.YamlMaxDepth?.Value ?? Parser.Compose.Yaml.YamlLimits.Default.MaxDepth,
                    MaxExpandedNodes = limits?.YamlMaxNodes?.Value ?? Parser.Compose.Yaml.YamlLimits.Default.MaxExpandedNodes,
                },
            };
            var project = ComposeLoader.Load([.. item.Files.Select(f => f.Path)], loadOptions, readFile: path =>
            {
                // The loader also asks for files that may not exist (a project's .env, includes): those are
                // null without a problem; the loader reports a missing include itself.
                if (path != stdin && !File.Exists(path))
                {
                    recorder?.Absent(path);
                    return null;
                }

                if (Read(path, path == stdin ? standardInput ?? [] : null, SourceKind.Compose, options, environment, problems, recorder) is not { } decoded)
                {
                    // A tool notification names the file already (unreadable, a pipe or a device).
                    skipped.Add(path);
                    return null;
                }

                diagnostics.AddRange(decoded.Diagnostics);
                if (decoded.Text is null)
                {
                    recorder?.Unreliable();
                    skipped.Add(path);
                    sources.Add(path, SourceText.From(""));
                }

                return decoded.Text;
            }, cancellationToken: cancellationToken);
            foreach (var file in project.Files)
            {
                sources.Add(file.Source.Path, file.Source.Text);
                itemSources.Add((file.Source.Path, FileKind.Compose));
            }

            result = engine.Analyze(project, builds, cancellationToken);
            serviceBuilds.AddRange(AnalyzerEngine.BuiltDockerfiles(project, builds));
        }

        // A skipped Compose file has its own diagnostic (DC0006, DC0007) or notification; the loader's "cannot read" would repeat it.
        diagnostics.AddRange(result.Diagnostics.Where(d => !IsAboutSkippedFile(d, skipped)));
        suppressed.AddRange(result.Suppressed);
        problems.AddRange(result.Notifications.Select(n => new ToolProblem(n.RuleId is null ? ProblemKind.InternalError : ProblemKind.RuleFailed, n.Path, n.Message, n.RuleId)));
    }

    /// <summary>
    /// The build context of a Dockerfile: <c>--context</c> when given, else the context of the Compose
    /// service that builds it, else the Dockerfile's folder; none for standard input without
    /// <c>--context</c>. Its <c>.dockerignore</c> is read when present.
    /// </summary>
    private static BuildContext? LoadBuildContext(SourceFile file, string? serviceContext, AnalysisOptions options, CliEnvironment environment, InputRecorder? recorder)
    {
        var directory = options.BuildContext is { } given ? environment.FullPath(given)
            : serviceContext is not null ? serviceContext
            : file.IsStandardInput ? null
            : Path.GetDirectoryName(environment.FullPath(file.Path));
        if (directory is null)
        {
            return null;
        }

        return BuildContext.Load(directory, file.IsStandardInput ? null : environment.FullPath(file.Path), path =>
        {
            try
            {
                if (!File.Exists(path))
                {
                    recorder?.Absent(path);
                    return null;
                }

                if (!FileTypes.IsRegularFile(path))
                {
                    recorder?.Unreliable();
                    return null;
                }

                var stamp = recorder is null ? null : FileTypes.Stamp(path);
                var bytes = environment.ReadFile(path);
                recorder?.Read(path, bytes, stamp);
                return System.Text.Encoding.UTF8.GetString(bytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                recorder?.Unreliable();
                return null;
            }
        });
    }

    private static bool IsAboutSkippedFile(Diagnostic diagnostic, List<string> skipped)
        => skipped.Count > 0
            && diagnostic.Id == ComposeDiagnostics.FileNotReadable.Id
            && skipped.Any(path => diagnostic.GetMessage(CultureInfo.InvariantCulture).Contains($"'{path}'", StringComparison.Ordinal));

    /// <summary>
    /// Reads and decodes a file (or standard input): a file over the size limit is not read at all;
    /// one that cannot be read, or that vanished since it was found, is a tool problem and null.
    /// </summary>
    private static DecodedSource? Read(string path, byte[]? standardInput, SourceKind kind, AnalysisOptions options, CliEnvironment environment, List<ToolProblem> problems, InputRecorder? recorder)
    {
        if (standardInput is not null)
        {
            // Standard input was read up to one byte past the limit (StandardInput.Read), so its full size is unknown.
            var limit = options.MaxFileSizeFor(path);
            return standardInput.LongLength > limit
                ? new DecodedSource(null, [SourceDecoder.TooLargeStream(path, kind, limit)])
                : SourceDecoder.Decode(standardInput, path, kind, limit);
        }

        // One call to the system where it can tell the kind and the size at once.
        var probe = FileTypes.Probe(path);
        if (probe is { What: FileTypes.Found.Other } || (probe is null && File.Exists(path) && !FileTypes.IsRegularFile(path)))
        {
            // A named pipe would block the run until something writes to it, a device may never end:
            // neither is opened. (Folders are not files: the read below reports them.)
            problems.Add(new ToolProblem(ProblemKind.Unreadable, path, NotRegularFile));
            return null;
        }

        try
        {
            var limit = options.MaxFileSizeFor(path);
            var size = probe?.Size ?? (new FileInfo(path) is { Exists: true } info ? info.Length : 0);
            if (size > limit)
            {
                recorder?.Unreliable();
                return new DecodedSource(null, [SourceDecoder.TooLarge(path, kind, size, limit)]);
            }

            var stamp = recorder is null ? null : FileTypes.Stamp(path);
            var bytes = environment.ReadFile(path);
            recorder?.Read(path, bytes, stamp);
            return SourceDecoder.Decode(bytes, path, kind, limit);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            problems.Add(new ToolProblem(ProblemKind.Unreadable, path, "cannot read the file: it was deleted or moved after it was found"));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = Directory.Exists(path) ? "it is a folder" : e.Message;
            problems.Add(new ToolProblem(ProblemKind.Unreadable, path, $"cannot read the file: {reason}"));
            return null;
        }
    }

    private static Finding ToFinding(Diagnostic diagnostic, string fallbackPath, Dictionary<string, Rule> rules, CliEnvironment environment)
    {
        var span = diagnostic.Location.GetLineSpan();
        var path = string.IsNullOrEmpty(span.Path) ? fallbackPath : environment.FullPath(span.Path);
        return new Finding(
            diagnostic.Id,
            Severities.From(diagnostic.Severity),
            diagnostic.GetMessage(CultureInfo.InvariantCulture),
            path,
            span.Span,
            rules.GetValueOrDefault(diagnostic.Id));
    }
}
