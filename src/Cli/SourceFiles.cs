namespace DockerLint.Cli;

/// <summary>Finds the files to lint: explicit paths as given, folders searched for Dockerfiles.</summary>
internal static class SourceFiles
{
    /// <summary>True for names that are Dockerfiles by convention.</summary>
    public static bool IsDockerfileName(string fileName)
    {
        var name = fileName.ToLowerInvariant();
        return name is "dockerfile" or "containerfile"
            || name.StartsWith("dockerfile.", StringComparison.Ordinal)
            || name.StartsWith("containerfile.", StringComparison.Ordinal)
            || name.EndsWith(".dockerfile", StringComparison.Ordinal)
            || name.EndsWith(".containerfile", StringComparison.Ordinal);
    }

    /// <summary>True for Compose file names (compose*.y*ml, docker-compose*.y*ml).</summary>
    public static bool IsComposeName(string fileName) => DockerLint.Parser.Compose.ComposeLoader.IsComposeFileName(fileName);

    /// <summary>The files named by <paramref name="paths"/>, in a stable order; problems go to <paramref name="errors"/>.</summary>
    public static List<string> Expand(IReadOnlyList<string> paths, List<string> errors)
    {
        var files = new List<string>();
        foreach (var path in paths.Count == 0 ? ["."] : paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                var options = new EnumerationOptions
                {
                    RecurseSubdirectories = true,
                    IgnoreInaccessible = true,
                    AttributesToSkip = FileAttributes.ReparsePoint,
                };
                files.AddRange(Directory.EnumerateFiles(path, "*", options)
                    .Where(f => IsDockerfileName(Path.GetFileName(f)) || IsComposeName(Path.GetFileName(f)))
                    .Where(f => !f.Split(Path.DirectorySeparatorChar).Contains(".git"))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                errors.Add($"{path}: error: no such file or folder");
            }
        }

        return files;
    }
}
