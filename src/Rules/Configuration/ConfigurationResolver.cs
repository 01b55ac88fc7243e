using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Configuration;

/// <summary>What the command line says about configuration.</summary>
public sealed record ConfigurationSettings
{
    /// <summary>The folder relative paths are read from, and where a <c>.hadolint.yaml</c> is looked for last.</summary>
    public string CurrentDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary><c>--config FILE</c>: this file instead of discovered <c>.dockerlint.yaml</c> files.</summary>
    public string? ConfigFile { get; init; }

    /// <summary><c>--no-config</c>: no discovered file is read (.dockerlint.yaml, .editorconfig, .hadolint.yaml).</summary>
    public bool NoConfig { get; init; }

    /// <summary><c>--preview</c>.</summary>
    public bool Preview { get; init; }

    /// <summary><c>--max-file-size</c>, when given.</summary>
    public long? MaxFileSize { get; init; }
}

/// <summary>
/// Finds and reads the configuration files of each linted file and resolves its
/// <see cref="FileConfiguration"/>. Discovery walks up from the file's folder:
/// <c>.dockerlint.yaml</c>/<c>.yml</c> and <c>.hadolint.yaml</c>/<c>.yml</c> up to the repository root
/// (the first folder with <c>.git</c>) or a <c>.dockerlint.yaml</c> with <c>root: true</c>; when no
/// <c>.hadolint.yaml</c> is found that way and no <c>root: true</c> stopped the search, the current
/// folder's one (hadolint's own first choice);
/// <c>.editorconfig</c> up to the first with <c>root = true</c>, as editors do. Every file is read
/// once; what is wrong in them is collected in <see cref="Diagnostics"/>. Thread-safe.
/// </summary>
public sealed class ConfigurationResolver
{
    private readonly ConfigurationSettings _settings;
    private readonly RuleIds _ids;
    private readonly Func<string, string?> _readText;
    private readonly ConcurrentDictionary<string, Lazy<DockerLintConfigFile?>> _dockerLintFiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<HadolintConfigFile?>> _hadolintFiles = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<(EditorConfigFile File, bool Root)?>> _editorConfigs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<FileConfiguration>> _byPath = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<(ImmutableArray<DockerLintConfigFile> DockerLint, HadolintConfigFile? Hadolint)>> _byDirectory = new(StringComparer.Ordinal);
    // Keyed by what makes a problem distinct: a problem in a configuration file that applies to every file
    // (a global .editorconfig, say) is found again for each file, and is kept once.
    private readonly ConcurrentDictionary<(string Id, string Path, TextSpan Span, string Message), Diagnostic> _diagnostics = new();
    private int _folders;
    private readonly ConcurrentDictionary<string, bool> _repositoryRoots = new(StringComparer.Ordinal);
    private int _repositoryRootsKept;

    /// <summary>Folders whose configuration <see cref="Forget"/> keeps before it drops them with their files.</summary>
    internal const int MaxFoldersKept = 4096;

    /// <summary>Creates a resolver over <paramref name="rules"/> (for rule IDs and aliases).</summary>
    /// <param name="rules">Every rule and syntax diagnostic configuration may name.</param>
    /// <param name="settings">The command line's settings.</param>
    /// <param name="readText">Reads a file's text; null when it does not exist. Defaults to the disk.</param>
    public ConfigurationResolver(IEnumerable<Rule> rules, ConfigurationSettings settings, Func<string, string?>? readText = null)
    {
        _settings = settings;
        _ids = new RuleIds(rules);
        _readText = readText ?? (path => File.Exists(path) ? File.ReadAllText(path) : null);
    }

    /// <summary>Every problem found in the configuration files read so far, each once, in order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => [.. _diagnostics.Values.Order(AnalyzerEngine.Order)];

    /// <summary>The configuration of the file at <paramref name="path"/>.</summary>
    public FileConfiguration For(string path)
    {
        var full = Path.GetFullPath(path, _settings.CurrentDirectory);
        return _byPath.GetOrAdd(full, p => new Lazy<FileConfiguration>(() => Create(p))).Value;
    }

    /// <summary>
    /// Drops what was worked out for the file at <paramref name="path"/> (its rules' states, and, once more
    /// than <see cref="MaxFoldersKept"/> folders are known, which configuration files its folder lacks), so
    /// that a run over many files holds only those in progress, a bounded number of folders and the
    /// configuration files that exist; a later <see cref="For"/> works it out again, the same.
    /// Configuration files that exist stay read (each is read once).
    /// </summary>
    public void Forget(string path)
    {
        var full = Path.GetFullPath(path, _settings.CurrentDirectory);
        _byPath.TryRemove(full, out _);

        // Folder results are kept while there are few of them: files come in path order, so the next file
        // is usually in the same folder, and working its folder out again would look for every
        // configuration file again. Past the bound, a forgotten file's folder is dropped too.
        if (Volatile.Read(ref _folders) <= MaxFoldersKept || Path.GetDirectoryName(full) is not { } directory)
        {
            return;
        }

        if (_byDirectory.TryRemove(directory, out _))
        {
            Interlocked.Decrement(ref _folders);
        }

        foreach (var name in DockerLintConfigFile.FileNames)
        {
            RemoveAbsent(_dockerLintFiles, Path.Combine(directory, name), lazy => lazy.Value is null);
        }

        foreach (var name in HadolintConfigFile.FileNames)
        {
            RemoveAbsent(_hadolintFiles, Path.Combine(directory, name), lazy => lazy.Value is null);
        }

        RemoveAbsent(_editorConfigs, Path.Combine(directory, ".editorconfig"), lazy => lazy.Value is null);
    }

    private static void RemoveAbsent<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(ConcurrentDictionary<string, Lazy<T>> cache, string path, Func<Lazy<T>, bool> absent)
    {
        if (cache.TryGetValue(path, out var lazy) && lazy.IsValueCreated && absent(lazy))
        {
            cache.TryRemove(new KeyValuePair<string, Lazy<T>>(path, lazy));
        }
    }

    /// <summary>
    /// The fail level set by configuration for the run, and where: the <c>fail-level</c> of the
    /// <c>.dockerlint.yaml</c> that applies to the current folder (or of <c>--config</c>), else the
    /// <c>failure-threshold</c> of its <c>.hadolint.yaml</c>; null when none says.
    /// </summary>
    public ConfiguredValue<string>? FailLevel()
    {
        var (dockerLint, hadolint) = Discover(Path.GetFullPath(_settings.CurrentDirectory));
        return dockerLint.Select(f => f.FailLevel).FirstOrDefault(l => l is not null) ?? hadolint?.FailLevel;
    }

    private void Remember(Diagnostic diagnostic)
        => _diagnostics.TryAdd((diagnostic.Id, diagnostic.Location.GetLineSpan().Path, diagnostic.Location.SourceSpan, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture)), diagnostic);

    private FileConfiguration Create(string path)
    {
        var directory = Path.GetDirectoryName(path) ?? path;
        var (dockerLint, hadolint) = Discover(directory);
        var editorConfig = EditorConfigSettings.Empty;
        if (!_settings.NoConfig)
        {
            var diagnostics = new List<Diagnostic>();
            editorConfig = EditorConfigSettings.For(path, EditorConfigChain(directory), diagnostics);
            diagnostics.AddRange(editorConfig.InvalidBulkEntries());
            foreach (var diagnostic in diagnostics)
            {
                Remember(diagnostic);
            }
        }

        return new FileConfiguration(
            path,
            dockerLint,
            _settings.Preview ? new ConfiguredValue<bool>(true, "--preview") : null,
            editorConfig,
            hadolint,
            _settings.MaxFileSize is { } size ? new ConfiguredValue<long>(size, "--max-file-size") : null);
    }

    private (ImmutableArray<DockerLintConfigFile> DockerLint, HadolintConfigFile? Hadolint) Discover(string directory)
        => _byDirectory.GetOrAdd(directory, d => new(() => DiscoverUncached(d))).Value;

    private (ImmutableArray<DockerLintConfigFile>, HadolintConfigFile?) DiscoverUncached(string start)
    {
        Interlocked.Increment(ref _folders);
        var dockerLint = new List<DockerLintConfigFile>();
        HadolintConfigFile? hadolint = null;
        if (_settings.ConfigFile is { } explicitFile && LoadDockerLint(Path.GetFullPath(explicitFile, _settings.CurrentDirectory)) is { } given)
        {
            dockerLint.Add(given);
        }

        if (_settings.NoConfig)
        {
            return ([.. dockerLint], null);
        }

        // root: true in a discovered .dockerlint.yaml ends the search for .dockerlint.yaml and
        // .hadolint.yaml files above its folder (and the current folder's .hadolint.yaml is then not read).
        var searchDockerLint = _settings.ConfigFile is null;
        var stopped = false;
        for (var directory = start; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (searchDockerLint && DockerLintConfigFile.FileNames.Select(n => LoadDockerLint(Path.Combine(directory, n))).FirstOrDefault(f => f is not null) is { } found)
            {
                dockerLint.Add(found);
                stopped = found.Root;
            }

            hadolint ??= HadolintConfigFile.FileNames.Select(n => LoadHadolint(Path.Combine(directory, n))).FirstOrDefault(f => f is not null);
            if (stopped || IsRepositoryRoot(directory))
            {
                break;
            }
        }

        if (!stopped)
        {
            hadolint ??= HadolintConfigFile.FileNames.Select(n => LoadHadolint(Path.Combine(Path.GetFullPath(_settings.CurrentDirectory), n))).FirstOrDefault(f => f is not null);
        }

        return ([.. dockerLint], hadolint);
    }

    /// <summary>
    /// Whether <paramref name="directory"/> has a <c>.git</c> folder or file. Every file's lookup asks this of
    /// each folder above it, so the answers are remembered; files come in path order, so the folders asked
    /// about are mostly the same few, and the memory is emptied when it holds more than
    /// <see cref="MaxFoldersKept"/> folders (a run over many files stays bounded).
    /// </summary>
    private bool IsRepositoryRoot(string directory)
    {
        if (_repositoryRoots.TryGetValue(directory, out var known))
        {
            return known;
        }

        var git = Path.Combine(directory, ".git");
        var root = Directory.Exists(git) || File.Exists(git);
        if (Interlocked.Increment(ref _repositoryRootsKept) > MaxFoldersKept)
        {
            _repositoryRoots.Clear();
            Interlocked.Exchange(ref _repositoryRootsKept, 0);
        }

        _repositoryRoots[directory] = root;
        return root;
    }

    private DockerLintConfigFile? LoadDockerLint(string path)
        => _dockerLintFiles.GetOrAdd(path, p => new(() =>
        {
            if (Read(p) is not { } text)
            {
                return null;
            }

            var file = DockerLintConfigFile.Parse(text, p, _ids);
            foreach (var diagnostic in file.Diagnostics)
            {
                Remember(diagnostic);
            }

            return file;
        })).Value;

    private HadolintConfigFile? LoadHadolint(string path)
        => _hadolintFiles.GetOrAdd(path, p => new(() =>
        {
            if (Read(p) is not { } text)
            {
                return null;
            }

            var file = HadolintConfigFile.Parse(text, p, _ids);
            foreach (var diagnostic in file.Diagnostics)
            {
                Remember(diagnostic);
            }

            return file;
        })).Value;

    private ImmutableArray<EditorConfigFile> EditorConfigChain(string start)
    {
        var chain = new List<EditorConfigFile>();
        for (var directory = start; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            var path = Path.Combine(directory, ".editorconfig");
            var config = _editorConfigs.GetOrAdd(path, p => new(() =>
                Read(p) is { } text && SourceText.From(text) is var source ? (new EditorConfigFile(p, AnalyzerConfig.Parse(source, p), source), IsRootEditorConfig(text)) : null)).Value;
            if (config is { } found)
            {
                chain.Add(found.File);
                if (found.Root)
                {
                    break;
                }
            }
        }

        return [.. chain];
    }

    /// <summary>True when the preamble (the lines before the first section) says <c>root = true</c>.</summary>
    private static bool IsRootEditorConfig(string text)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                return false;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && line[..equals].Trim().Equals("root", StringComparison.OrdinalIgnoreCase))
            {
                return line[(equals + 1)..].Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    private string? Read(string path)
    {
        try
        {
            return _readText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Remember(Diagnostic.Create(ConfigurationDiagnostics.InvalidConfiguration, Location.Create(path, default, default), $"cannot read the configuration file: {e.Message}"));
            return null;
        }
    }
}
