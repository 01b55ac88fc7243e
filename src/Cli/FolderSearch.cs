using System.IO.Enumeration;
using System.Security;
using DockerLint.Rules.Configuration;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace DockerLint.Cli;

/// <summary>
/// Searches one folder for the files to lint, lazily and in ordinal order of their full paths: a
/// depth-first walk that visits each folder's entries sorted by name, a folder sorting as its name
/// followed by <c>/</c> (so <c>a.b</c> comes before the files of folder <c>a</c>, which come before
/// <c>a0</c>). Only the folders being walked are held, never the files found. Which files and folders
/// are taken is decided by FileSystemGlobbing's <see cref="Matcher"/> (<see cref="SourceFiles.DefaultPatterns"/>,
/// <c>--include</c>, <c>--exclude</c>), one folder at a time, exactly as a search of the whole tree would
/// decide; without <c>--include</c> and <c>--exclude</c> the default names are matched directly.
/// </summary>
internal static class FolderSearch
{
    /// <summary>The pattern that keeps <c>.dockerignore</c> files (and folders so named) out of every search.</summary>
    private const string DockerIgnorePattern = "**/*.dockerignore";

    /// <summary>The last segment of each default pattern as a prefix and a suffix around its one <c>*</c> (the suffix null for a literal name).</summary>
    private static readonly (string Start, string? End)[] s_defaultNames =
    [
        .. SourceFiles.DefaultPatterns.Select(p => p[(p.LastIndexOf('/') + 1)..]).Select(n => n.IndexOf('*', StringComparison.Ordinal) is var star and >= 0 ? (n[..star], n[(star + 1)..]) : (n, (string?)null)),
    ];

    /// <summary>The names that make a folder's configuration differ from its parent's: configuration files and <c>.git</c> (which ends their search).</summary>
    private static readonly HashSet<string> s_configurationNames = new([.. DockerLintConfigFile.FileNames, .. HadolintConfigFile.FileNames, ".editorconfig", ".git"], StringComparer.OrdinalIgnoreCase);

    /// <summary>A file found, and the folder whose configuration files it shares (see <see cref="Search"/>).</summary>
    /// <param name="Path">Its absolute path.</param>
    /// <param name="ConfigurationFolder">
    /// The deepest folder from the searched folder down to the file's own that holds a configuration file
    /// (<c>.dockerlint.yaml</c>, <c>.hadolint.yaml</c>, <c>.editorconfig</c>) or <c>.git</c>, else the
    /// searched folder: the files with the same one are found the same configuration files. Null when unknown.
    /// </param>
    internal readonly record struct Found(string Path, string? ConfigurationFolder);

    /// <summary>
    /// The files <paramref name="folder"/> (an absolute path) holds that are to be linted, as absolute
    /// paths in ordinal order; folders that cannot be read go to <paramref name="problems"/> when reached.
    /// </summary>
    public static IEnumerable<Found> Search(string folder, DiscoveryOptions options, List<ToolProblem> problems)
    {
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddIncludePatterns(SourceFiles.DefaultPatterns);
        matcher.AddIncludePatterns(options.Include);
        matcher.AddExcludePatterns(options.Exclude);
        matcher.AddExclude(DockerIgnorePattern);
        if (options.Include.Concat(options.Exclude).Any(p => p.Split('/', '\\').Contains("..")))
        {
            // A pattern that climbs out of the folder cannot be decided one folder at a time: the whole
            // tree is matched first (memory then grows with the files found, as it did before).
            return MatchWhole(matcher, folder, problems).Select(path => new Found(path, null));
        }

        var select = options.Include.Count == 0 && options.Exclude.Count == 0 ? (Selector)SelectDefault : new GlobSelector(matcher, folder).Select;
        return Walk(folder, select, problems);
    }

    /// <summary>Marks the entries of the folder at the relative path given (empty for the searched folder) that are taken: files to lint, folders to walk.</summary>
    private delegate void Selector(IReadOnlyList<string> folder, List<Entry> entries);

    /// <summary>A folder entry: its name, whether it is a folder to consider walking, and whether it was taken.</summary>
    private struct Entry(string name, bool isFolder)
    {
        public readonly string Name = name;
        public readonly bool IsFolder = isFolder;
        public bool Taken;
    }

    private static IEnumerable<Found> Walk(string folder, Selector select, List<ToolProblem> problems)
    {
        var root = new DirectoryInfo(folder).FullName;
        var prefix = Path.EndsInDirectorySeparator(root) ? root : root + Path.DirectorySeparatorChar;
        var segments = new List<string>();

        // Each folder being walked, with the deepest folder so far that holds configuration (see Found).
        var stack = new Stack<(List<Entry> Entries, int Next, string Configuration)>();
        var (top, configured) = Read(root, [], select, problems);
        stack.Push((top, 0, Path.GetFullPath(root)));
        while (stack.Count > 0)
        {
            var (entries, next, configuration) = stack.Pop();
            if (next == entries.Count)
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            stack.Push((entries, next + 1, configuration));
            var entry = entries[next];
            if (!entry.Taken)
            {
                continue;
            }

            var path = prefix + (segments.Count == 0 ? entry.Name : string.Join(Path.DirectorySeparatorChar, segments) + Path.DirectorySeparatorChar + entry.Name);
            if (entry.IsFolder)
            {
                segments.Add(entry.Name);
                (var inside, configured) = Read(path, segments, select, problems);
                stack.Push((inside, 0, configured ? Path.GetFullPath(path) : configuration));
            }
            else
            {
                yield return new Found(Path.GetFullPath(path), configuration);
            }
        }
    }

    /// <summary>
    /// The entries of a folder in walk order, those to take marked, and whether it holds a configuration
    /// file or <c>.git</c> (of any kind, and in any case, to be safe); none (and a problem) when it cannot be read.
    /// </summary>
    private static (List<Entry> Entries, bool Configured) Read(string path, IReadOnlyList<string> segments, Selector select, List<ToolProblem> problems)
    {
        var entries = new List<Entry>();
        var configured = false;
        try
        {
            var enumerable = new FileSystemEnumerable<(string Name, bool IsFolder, bool IsLink)>(
                path,
                static (ref FileSystemEntry e) => (e.FileName.ToString(), e.IsDirectory, e.IsDirectory && (e.Attributes & FileAttributes.ReparsePoint) != 0),
                new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0, ReturnSpecialDirectories = false });
            foreach (var (name, isFolder, isLink) in enumerable)
            {
                configured |= s_configurationNames.Contains(name);
                if (!isFolder)
                {
                    entries.Add(new Entry(name, isFolder: false));
                }
                else if (!SourceFiles.SkippedFolders.Contains(name) && !(isLink && new DirectoryInfo(Path.Join(path, name)).LinkTarget is not null))
                {
                    // Symbolic links to folders are not followed (they could loop).
                    entries.Add(new Entry(name, isFolder: true));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SecurityException)
        {
            problems.Add(new ToolProblem(ProblemKind.Unreadable, path, $"cannot read the folder: {e.Message}"));
            return ([], false);
        }

        // Ordinal order of the full paths: a folder's files sort as if its name ended with the separator.
        entries.Sort(static (a, b) => CompareInPathOrder(a, b));
        select(segments, entries);
        return (entries, configured);
    }

    private static int CompareInPathOrder(Entry a, Entry b)
    {
        var common = Math.Min(a.Name.Length, b.Name.Length);
        var order = string.CompareOrdinal(a.Name, 0, b.Name, 0, common);
        if (order != 0)
        {
            return order;
        }

        char After(Entry e) => e.Name.Length > common ? e.Name[common] : e.IsFolder ? Path.DirectorySeparatorChar : '\0';
        return After(a) == After(b) ? a.Name.Length.CompareTo(b.Name.Length) : After(a).CompareTo(After(b));
    }

    /// <summary>The default search: the names of <see cref="SourceFiles.DefaultPatterns"/> anywhere, as the matcher matches them, without <c>.dockerignore</c> files and folders.</summary>
    private static void SelectDefault(IReadOnlyList<string> folder, List<Entry> entries)
    {
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(entries);
        foreach (ref var entry in span)
        {
            var ignored = entry.Name.EndsWith(".dockerignore", StringComparison.OrdinalIgnoreCase);
            entry.Taken = !ignored && (entry.IsFolder || IsDefaultName(entry.Name));
        }
    }

    private static bool IsDefaultName(string name)
    {
        foreach (var (start, end) in s_defaultNames)
        {
            if (end is null
                ? name.Equals(start, StringComparison.OrdinalIgnoreCase)
                : name.Length >= start.Length + end.Length && name.StartsWith(start, StringComparison.OrdinalIgnoreCase) && name.EndsWith(end, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Asks the matcher about one folder at a time: it is shown the chain of folders from the searched
    /// folder down to this one (each with only the next as its content), this folder's real entries,
    /// and its subfolders as empty; the files it returns and the subfolders it enters are those a search
    /// of the whole tree would return and enter, since its decisions depend only on the path.
    /// </summary>
    private sealed class GlobSelector(Matcher matcher, string root)
    {
        public void Select(IReadOnlyList<string> folder, List<Entry> entries)
        {
            var probes = new Node[entries.Count];
            var children = new List<FileSystemInfoBase>(entries.Count);
            var path = Path.Join([root, .. folder]);
            var chain = new Node(Path.GetFileName(Path.TrimEndingDirectorySeparator(root)), root, null, []);
            var top = chain;
            var current = chain;
            for (var i = 0; i < folder.Count; i++)
            {
                var next = new Node(folder[i], Path.Join([root, .. folder.Take(i + 1)]), current, []);
                current.Children = [next];
                current = next;
            }

            for (var i = 0; i < entries.Count; i++)
            {
                var full = Path.Join(path, entries[i].Name);
                if (entries[i].IsFolder)
                {
                    probes[i] = new Node(entries[i].Name, full, current, []);
                    children.Add(probes[i]);
                }
                else
                {
                    children.Add(new Leaf(entries[i].Name, full, current));
                }
            }

            current.Children = children;
            var files = new HashSet<string>(StringComparer.Ordinal);
            foreach (var match in matcher.Execute(top).Files)
            {
                files.Add(match.Path[(match.Path.LastIndexOf('/') + 1)..]);
            }

            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(entries);
            for (var i = 0; i < span.Length; i++)
            {
                span[i].Taken = span[i].IsFolder ? probes[i].Entered : files.Contains(span[i].Name);
            }
        }
    }

    /// <summary>A folder as the matcher sees it in <see cref="GlobSelector"/>: given content, and whether the matcher looked inside.</summary>
    private sealed class Node(string name, string fullName, Node? parent, IEnumerable<FileSystemInfoBase> children) : DirectoryInfoBase
    {
        public IEnumerable<FileSystemInfoBase> Children { get; set; } = children;

        public bool Entered { get; private set; }

        public override string Name => name;

        public override string FullName => fullName;

        public override DirectoryInfoBase? ParentDirectory => parent;

        public override IEnumerable<FileSystemInfoBase> EnumerateFileSystemInfos()
        {
            Entered = true;
            return Children;
        }

        public override DirectoryInfoBase GetDirectory(string path) => new Node(path, Path.Join(fullName, path), this, []);

        public override FileInfoBase GetFile(string path) => new Leaf(path, Path.Join(fullName, path), this);
    }

    /// <summary>A file as the matcher sees it in <see cref="GlobSelector"/>.</summary>
    private sealed class Leaf(string name, string fullName, DirectoryInfoBase parent) : FileInfoBase
    {
        public override string Name => name;

        public override string FullName => fullName;

        public override DirectoryInfoBase? ParentDirectory => parent;
    }

    /// <summary>The whole tree matched at once, then sorted (only for patterns with <c>..</c>; the tests' reference search too).</summary>
    internal static IEnumerable<string> MatchWhole(Matcher matcher, string folder, List<ToolProblem> problems)
    {
        var result = matcher.Execute(new WholeFolder(new DirectoryInfo(folder), problems));
        return result.Files.Select(f => Path.GetFullPath(Path.Combine(folder, f.Path))).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>A folder as the globbing matcher sees it, without the folders that are never searched.</summary>
    private sealed class WholeFolder(DirectoryInfo folder, List<ToolProblem> problems) : DirectoryInfoBase
    {
        public override string Name => folder.Name;

        public override string FullName => folder.FullName;

        public override DirectoryInfoBase? ParentDirectory => folder.Parent is null ? null : new WholeFolder(folder.Parent, problems);

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
                    case DirectoryInfo directory when entry.LinkTarget is null && !SourceFiles.SkippedFolders.Contains(directory.Name):
                        children.Add(new WholeFolder(directory, problems));
                        break;
                    case FileInfo file:
                        children.Add(new FileInfoWrapper(file));
                        break;
                }
            }

            return children;
        }

        public override DirectoryInfoBase GetDirectory(string path) => new WholeFolder(new DirectoryInfo(Path.Combine(folder.FullName, path)), problems);

        public override FileInfoBase GetFile(string path) => new FileInfoWrapper(new FileInfo(Path.Combine(folder.FullName, path)));
    }
}
