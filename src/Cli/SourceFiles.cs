using System.Security;
using DockerLint.Parser.Compose;
using DockerLint.Parser.Compose.Merge;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

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
    {
        var files = new Dictionary<string, SourceFile>(StringComparer.Ordinal);
        foreach (var path in paths.Count == 0 ? ["."] : paths)
        {
            if (path == StandardInputName)
            {
                var name = environment.FullPath(options.StdinFileName ?? StandardInputName);
                var kind = options.FileType ?? (options.StdinFileName is null ? FileKind.Dockerfile : KindOf(Path.GetFileName(name)));
                files[name] = new SourceFile(name, kind, IsStandardInput: true);
                continue;
            }

            var full = environment.FullPath(path);
            if (File.Exists(full))
            {
                // Named explicitly: always linted, whatever its name, and the explicit kind wins.
                files[full] = new SourceFile(full, options.FileType ?? KindOf(Path.GetFileName(full)));
            }
            else if (Directory.Exists(full))
            {
                foreach (var found in Search(full, options, problems))
                {
                    files.TryAdd(found, new SourceFile(found, KindOf(Path.GetFileName(found))));
                }
            }
            else
            {
                problems.Add(new ToolProblem(ProblemKind.MissingPath, full, "no such file or folder"));
            }
        }

        return [.. files.Values.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Groups files into analyses: every Dockerfile alone; in each folder, the Compose file docker
    /// compose reads by default (<c>compose.yaml</c>, …) together with its override file, when both
    /// are being linted; every other Compose file a project of its own.
    /// </summary>
    public static List<WorkItem> Group(IReadOnlyList<SourceFile> files)
    {
        var items = new List<WorkItem>();
        var compose = files.Where(f => f.Kind == FileKind.Compose).ToList();
        var byPath = compose.ToDictionary(f => f.Path, StringComparer.Ordinal);
        var grouped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var folder in compose.Where(f => !f.IsStandardInput).Select(f => Path.GetDirectoryName(f.Path)!).Distinct(StringComparer.Ordinal))
        {
            var defaults = ComposeDefaultFiles.Find(folder, fileExists: byPath.ContainsKey);
            if (defaults.Length > 1)
            {
                items.Add(new WorkItem(FileKind.Compose, [.. defaults.Select(p => byPath[p])]));
                grouped.UnionWith(defaults);
            }
        }

        items.AddRange(compose.Where(f => !grouped.Contains(f.Path)).Select(f => new WorkItem(FileKind.Compose, [f])));
        items.AddRange(files.Where(f => f.Kind == FileKind.Dockerfile).Select(f => new WorkItem(FileKind.Dockerfile, [f])));
        items.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return items;
    }

    private static IEnumerable<string> Search(string folder, DiscoveryOptions options, List<ToolProblem> problems)
    {
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddIncludePatterns(DefaultPatterns);
        matcher.AddIncludePatterns(options.Include);
        matcher.AddExcludePatterns(options.Exclude);
        matcher.AddExclude("**/*.dockerignore");
        var result = matcher.Execute(new SearchFolder(new DirectoryInfo(folder), problems));
        return result.Files.Select(f => Path.GetFullPath(Path.Combine(folder, f.Path)));
    }

    /// <summary>A folder as the globbing matcher sees it, without the folders that are never searched.</summary>
    private sealed class SearchFolder(DirectoryInfo folder, List<ToolProblem> problems) : DirectoryInfoBase
    {
        public override string Name => folder.Name;

        public override string FullName => folder.FullName;

        public override DirectoryInfoBase? ParentDirectory => folder.Parent is null ? null : new SearchFolder(folder.Parent, problems);

        public override IEnumerable<FileSystemInfoBase> EnumerateFileSystemInfos()
        {
            FileSystemInfo[] entries;
            try
            {
                entries = folder.GetFileSystemInfos();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException)
            {
                problems.Add(new ToolProblem(ProblemKind.Unreadable, folder.FullName, $"cannot read the folder: {e.Message}"));
                return [];
            }

            var children = new List<FileSystemInfoBase>();
            foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
            {
                switch (entry)
                {
                    case DirectoryInfo directory when entry.LinkTarget is null && !SkippedFolders.Contains(directory.Name):
                        children.Add(new SearchFolder(directory, problems));
                        break;
                    case FileInfo file:
                        children.Add(new FileInfoWrapper(file));
                        break;
                }
            }

            return children;
        }

        public override DirectoryInfoBase GetDirectory(string path) => new SearchFolder(new DirectoryInfo(Path.Combine(folder.FullName, path)), problems);

        public override FileInfoBase GetFile(string path) => new FileInfoWrapper(new FileInfo(Path.Combine(folder.FullName, path)));
    }
}
