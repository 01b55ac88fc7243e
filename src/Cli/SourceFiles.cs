using DockerLint.Parser.Compose;
using DockerLint.Parser.Compose.Merge;

namespace DockerLint.Cli;

/// <summary>What a file is read as.</summary>
internal enum FileKind
{
    /// <summary>A Dockerfile (or Containerfile).</summary>
    Dockerfile,

    /// <summary>A Compose file.</summary>
    Compose,
}

/// <summary>A file to lint.</summary>
/// <param name="Path">Its absolute path (for standard input, the absolute form of <c>--stdin-filename</c>).</param>
/// <param name="Kind">How it is read.</param>
/// <param name="IsStandardInput">True for <c>-</c>.</param>
internal sealed record SourceFile(string Path, FileKind Kind, bool IsStandardInput = false);

/// <summary>What goes into one analysis: a Dockerfile, or the files of one Compose project in merge order.</summary>
/// <param name="Kind">Dockerfile or Compose.</param>
/// <param name="Files">One Dockerfile, or the Compose files merged into one project.</param>
/// <param name="BuildContext">
/// For a Dockerfile a Compose service builds, the build context folder of that service (absolute):
/// the folder COPY and ADD read from and whose <c>.dockerignore</c> applies. Null for a Dockerfile no
/// service of the run builds (its own folder is then the natural guess) and for Compose items.
/// </param>
internal sealed record WorkItem(FileKind Kind, IReadOnlyList<SourceFile> Files, string? BuildContext = null)
{
    /// <summary>The first file's path, which orders the work.</summary>
    public string Path => Files[0].Path;
}

/// <summary>How files are found (the options of the lint command that concern discovery).</summary>
internal sealed record DiscoveryOptions
{
    /// <summary>Extra glob patterns of files to lint inside searched folders.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Glob patterns of files or folders to skip inside searched folders.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Forces the kind of the paths named explicitly (and of standard input).</summary>
    public FileKind? FileType { get; init; }

    /// <summary>The name standard input stands for: its path in reports and, without <see cref="FileType"/>, its kind.</summary>
    public string? StdinFileName { get; init; }
}

/// <summary>
/// Finds the files to lint. A path named explicitly is always linted (its kind taken from its name,
/// or from <c>--file-type</c>); a folder is searched, hidden folders included, for the names below,
/// skipping <c>.git</c>, <c>node_modules</c>, <c>bin</c>, <c>obj</c> and symbolic links to folders
/// (which could loop). <c>--include</c> adds patterns, <c>--exclude</c> removes files or folders;
/// both are globs relative to the searched folder.
/// </summary>
internal static class SourceFiles
{
    /// <summary>The file patterns searched in folders, matched without regard to case.</summary>
    public static IReadOnlyList<string> DefaultPatterns { get; } =
    [
        "**/Dockerfile", "**/*.Dockerfile", "**/Dockerfile.*",
        "**/Containerfile", "**/*.Containerfile", "**/Containerfile.*",
        "**/compose*.yml", "**/compose*.yaml", "**/docker-compose*.yml", "**/docker-compose*.yaml",
    ];

    /// <summary>Folders never searched (a path inside one can still be named explicitly).</summary>
    public static IReadOnlySet<string> SkippedFolders { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".git", "node_modules", "bin", "obj" };

    /// <summary>The path of standard input when no <c>--stdin-filename</c> is given.</summary>
    public const string StandardInputName = "-";

    /// <summary>True for names that are Dockerfiles by convention (not their <c>.dockerignore</c> companions).</summary>
    public static bool IsDockerfileName(string fileName)
    {
        var name = fileName.ToLowerInvariant();
        if (name.EndsWith(".dockerignore", StringComparison.Ordinal))
        {
            return false;
        }

        return name is "dockerfile" or "containerfile"
            || name.StartsWith("dockerfile.", StringComparison.Ordinal)
            || name.StartsWith("containerfile.", StringComparison.Ordinal)
            || name.EndsWith(".dockerfile", StringComparison.Ordinal)
            || name.EndsWith(".containerfile", StringComparison.Ordinal);
    }

    /// <summary>True for Compose file names (compose*.y*ml, docker-compose*.y*ml).</summary>
    public static bool IsComposeName(string fileName) => ComposeLoader.IsComposeFileName(fileName);

    /// <summary>The kind a file is read as, from its name: Compose names and other YAML files are Compose, the rest Dockerfiles.</summary>
    public static FileKind KindOf(string fileName)
    {
        if (IsComposeName(fileName))
        {
            return FileKind.Compose;
        }

        if (IsDockerfileName(fileName))
        {
            return FileKind.Dockerfile;
        }

        return fileName.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            ? FileKind.Compose
            : FileKind.Dockerfile;
    }

    /// <summary>
    /// The files named by <paramref name="paths"/> (the current folder when empty), each once, in
    /// ordinal order of path; paths that do not exist and folders that cannot be read go to <paramref name="problems"/>.
    /// </summary>
    public static List<SourceFile> Find(IReadOnlyList<string> paths, DiscoveryOptions options, CliEnvironment environment, List<ToolProblem> problems)
        => [.. Discover(paths, options, environment, problems).InPathOrder()];

    /// <summary>
    /// A path named on the command line as one file to lint: standard input (<c>-</c>, under the name
    /// <c>--stdin-filename</c> gives) or an existing file, whatever its name, its kind from the name unless
    /// <c>--file-type</c> says; null for a folder or a path that does not exist.
    /// </summary>
    public static SourceFile? Named(string path, DiscoveryOptions options, CliEnvironment environment)
    {
        if (path == StandardInputName)
        {
            var name = environment.FullPath(options.StdinFileName ?? StandardInputName);
            var kind = options.FileType ?? (options.StdinFileName is null ? FileKind.Dockerfile : KindOf(Path.GetFileName(name)));
            return new SourceFile(name, kind, IsStandardInput: true);
        }

        var full = environment.FullPath(path);
        return File.Exists(full) ? new SourceFile(full, options.FileType ?? KindOf(Path.GetFileName(full))) : null;
    }

    /// <summary>
    /// The files named by <paramref name="paths"/> (the current folder when empty), to be enumerated in
    /// ordinal order of path, each once: paths that do not exist go to <paramref name="problems"/> at
    /// once, folders that cannot be read when the enumeration reaches them.
    /// </summary>
    public static FoundFiles Discover(IReadOnlyList<string> paths, DiscoveryOptions options, CliEnvironment environment, List<ToolProblem> problems)
        => new(paths, options, environment, problems);
}

/// <summary>
/// The files of a run: those named explicitly, known at once, and those the named folders hold, found
/// while <see cref="InPathOrder"/> is enumerated (each folder searched by <see cref="FolderSearch"/>),
/// so that a search over many files holds only the folders being walked. A path named explicitly wins
/// over the same path found in a folder, and a later explicit name over an earlier one.
/// </summary>
internal sealed class FoundFiles
{
    private readonly List<SourceFile> _named;
    private readonly List<string> _folders = [];
    private readonly DiscoveryOptions _options;
    private readonly List<ToolProblem> _problems;

    /// <summary>Resolves <paramref name="paths"/>; the folders among them are searched when <see cref="InPathOrder"/> is enumerated.</summary>
    public FoundFiles(IReadOnlyList<string> paths, DiscoveryOptions options, CliEnvironment environment, List<ToolProblem> problems)
    {
        _options = options;
        _problems = problems;
        var named = new Dictionary<string, SourceFile>(StringComparer.Ordinal);
        foreach (var path in paths.Count == 0 ? ["."] : paths)
        {
            if (SourceFiles.Named(path, options, environment) is { } file)
            {
                named[file.Path] = file;
                continue;
            }

            var full = environment.FullPath(path);
            if (Directory.Exists(full))
            {
                if (!_folders.Contains(full, StringComparer.Ordinal))
                {
                    _folders.Add(full);
                }
            }
            else
            {
                problems.Add(new ToolProblem(ProblemKind.MissingPath, full, "no such file or folder"));
            }
        }

        _named = [.. named.Values.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>Standard input, when it is among the files.</summary>
    public SourceFile? StandardInput => _named.Find(f => f.IsStandardInput);

    /// <summary>
    /// Every file, each once, in ordinal order of path: the named files and each folder's search merged
    /// as they come (each is in that order already).
    /// </summary>
    public IEnumerable<SourceFile> InPathOrder() => WithConfigurationFolders().Select(f => f.File);

    /// <summary>
    /// <see cref="InPathOrder"/>, each file with the folder whose configuration files it shares with
    /// the other files found with the same one (<see cref="FolderSearch.Found.ConfigurationFolder"/>);
    /// null for a file named explicitly.
    /// </summary>
    public IEnumerable<(SourceFile File, string? ConfigurationFolder)> WithConfigurationFolders()
    {
        var sources = new List<IEnumerator<(SourceFile File, string? ConfigurationFolder)>> { _named.Select(f => (f, (string?)null)).GetEnumerator() };
        sources.AddRange(_folders.Select(folder => FolderSearch.Search(folder, _options, _problems).Select(f => (new SourceFile(f.Path, SourceFiles.KindOf(Path.GetFileName(f.Path))), f.ConfigurationFolder)).GetEnumerator()));
        try
        {
            // The next file of each source, the first path first; on a tie the named file (source 0) wins.
            var heads = new PriorityQueue<int, (string Path, int Source)>(Comparer<(string Path, int Source)>.Create(static (a, b) => string.CompareOrdinal(a.Path, b.Path) is var order and not 0 ? order : a.Source.CompareTo(b.Source)));
            for (var i = 0; i < sources.Count; i++)
            {
                if (sources[i].MoveNext())
                {
                    heads.Enqueue(i, (sources[i].Current.File.Path, i));
                }
            }

            string? last = null;
            while (heads.TryDequeue(out var source, out _))
            {
                var found = sources[source].Current;
                if (last is null || !string.Equals(last, found.File.Path, StringComparison.Ordinal))
                {
                    last = found.File.Path;
                    yield return found;
                }

                if (sources[source].MoveNext())
                {
                    heads.Enqueue(source, (sources[source].Current.File.Path, source));
                }
            }
        }
        finally
        {
            foreach (var source in sources)
            {
                source.Dispose();
            }
        }
    }
}

/// <summary>
/// The Compose files of a run, kept as their paths in a <see cref="PathList"/> (a few bytes each), and the
/// analyses they form: a folder's default Compose file (<c>compose.yaml</c>, …) with its override file
/// when both are linted, every other file alone. Only folders with an override file
/// being linted can form a two-file project, so only their files are looked at by name.
/// </summary>
internal sealed class ComposeFiles
{
    private readonly PathList _paths = new();
    private readonly HashSet<string> _overrides = new(StringComparer.Ordinal);
    private SourceFile? _standardInput;

    /// <summary>How many Compose files there are.</summary>
    public int Count => _paths.Count;

    /// <summary>Adds a Compose file; files come in ordinal order of path.</summary>
    public void Add(SourceFile file)
    {
        _paths.Add(file.Path);
        _standardInput = file.IsStandardInput ? file : _standardInput;
        if (ComposeDefaultFiles.OverrideFileNames.Contains(Path.GetFileName(file.Path), StringComparer.Ordinal))
        {
            _overrides.Add(file.Path);
        }
    }

    /// <summary>The work items, in order of their first file's path.</summary>
    public IEnumerable<WorkItem> Items()
    {
        var folders = _overrides.Select(p => Path.GetDirectoryName(p)!).ToHashSet(StringComparer.Ordinal);
        var members = new HashSet<string>(StringComparer.Ordinal);
        var searched = new List<string>();
        if (folders.Count > 0)
        {
            foreach (var path in _paths)
            {
                var folder = Path.GetDirectoryName(path)!;
                if (folders.Contains(folder))
                {
                    members.Add(path);
                    if (path != _standardInput?.Path && !searched.Contains(folder, StringComparer.Ordinal))
                    {
                        searched.Add(folder);
                    }
                }
            }
        }

        var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
        var grouped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in searched)
        {
            var defaults = ComposeDefaultFiles.Find(folder, fileExists: members.Contains);
            if (defaults.Length > 1)
            {
                overrides[defaults[0]] = defaults[1];
                grouped.Add(defaults[1]);
            }
        }

        foreach (var path in _paths)
        {
            if (!grouped.Contains(path))
            {
                yield return overrides.TryGetValue(path, out var over) ? new WorkItem(FileKind.Compose, [File(path), File(over)]) : new WorkItem(FileKind.Compose, [File(path)]);
            }
        }
    }

    private SourceFile File(string path) => path == _standardInput?.Path ? _standardInput : new SourceFile(path, FileKind.Compose);
}
