using DockerLint.Parser.Compose.Merge;
using Microsoft.Extensions.FileSystemGlobbing;

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
            if (SourceFiles.Named(path, options, environment) is { } file)
            {
                files[file.Path] = file;
                continue;
            }

            var full = environment.FullPath(path);
            if (Directory.Exists(full))
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

    /// <summary>
    /// Groups files into analyses: every Dockerfile alone; in each folder, the Compose file docker
    /// compose reads by default (<c>compose.yaml</c>, …) together with its override file, when both
    /// are being linted; every other Compose file a project of its own. The grouping the CLI had before
    /// <see cref="ComposeFiles"/>, kept as its reference.
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
        matcher.AddIncludePatterns(SourceFiles.DefaultPatterns);
        matcher.AddIncludePatterns(options.Include);
        matcher.AddExcludePatterns(options.Exclude);
        matcher.AddExclude("**/*.dockerignore");
        return FolderSearch.MatchWhole(matcher, folder, problems);
    }
}
