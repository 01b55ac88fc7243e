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
        return FolderSearch.MatchWhole(matcher, folder, problems);
    }
}
