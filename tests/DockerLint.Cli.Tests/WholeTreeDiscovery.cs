using System.Security;
using Microsoft.Extensions.FileSystemGlobbing;
using Microsoft.Extensions.FileSystemGlobbing.Abstractions;

namespace DockerLint.Cli.Tests;

/// <summary>
/// The discovery the CLI had before the lazy folder walk (session 4), kept as the reference the walk
/// must agree with: the glob matcher over the whole tree, every file in a dictionary, then sorted.
/// </summary>
internal static class WholeTreeDiscovery
{
    public static List<SourceFile> Find(IReadOnlyList<string> paths, DiscoveryOptions options, CliEnvironment environment, List<ToolProblem> problems)
    {
        var files = new Dictionary<string, SourceFile>(StringComparer.Ordinal);
        foreach (var path in paths.Count == 0 ? ["."] : paths)
        {
            if (path == SourceFiles.StandardInputName)
            {
                var name = environment.FullPath(options.StdinFileName ?? SourceFiles.StandardInputName);
                var kind = options.FileType ?? (options.StdinFileName is null ? FileKind.Dockerfile : SourceFiles.KindOf(Path.GetFileName(name)));
                files[name] = new SourceFile(name, kind, IsStandardInput: true);
                continue;
            }

            var full = environment.FullPath(path);
            if (File.Exists(full))
            {
                files[full] = new SourceFile(full, options.FileType ?? SourceFiles.KindOf(Path.GetFileName(full)));
            }
            else if (Directory.Exists(full))
            {
                foreach (var found in Search(full, options, problems))
                {
                    files.TryAdd(found, new SourceFile(found, SourceFiles.KindOf(Path.GetFileName(found))));
                }
            }
            else
            {
                problems.Add(new ToolProblem(ProblemKind.MissingPath, full, "no such file or folder"));
            }
        }

        return [.. files.Values.OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    private static IEnumerable<string> Search(string folder, DiscoveryOptions options, List<ToolProblem> problems)
    {
        var matcher = new Matcher(StringComparison.OrdinalIgnoreCase);
        matcher.AddIncludePatterns(SourceFiles.DefaultPatterns);
        matcher.AddIncludePatterns(options.Include);
        matcher.AddExcludePatterns(options.Exclude);
        matcher.AddExclude("**/*.dockerignore");
        var result = matcher.Execute(new SearchFolder(new DirectoryInfo(folder), problems));
        return result.Files.Select(f => Path.GetFullPath(Path.Combine(folder, f.Path)));
    }

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
                    case DirectoryInfo directory when entry.LinkTarget is null && !SourceFiles.SkippedFolders.Contains(directory.Name):
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
