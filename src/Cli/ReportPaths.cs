namespace DockerLint.Cli;

/// <summary>
/// How paths appear in reports: relative to the current folder for people (text, gcc, json),
/// absolute for msbuild, and relative to the source root — the git repository around the current
/// folder, else the current folder — for SARIF and GitHub, whose readers resolve them against the
/// checkout.
/// </summary>
internal sealed class ReportPaths
{
    /// <summary>Creates the paths of a run in <paramref name="currentDirectory"/> with <paramref name="sourceRoot"/>.</summary>
    public ReportPaths(string currentDirectory, string sourceRoot)
    {
        CurrentDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(currentDirectory));
        SourceRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(sourceRoot));
    }

    /// <summary>The current folder.</summary>
    public string CurrentDirectory { get; }

    /// <summary>The folder SARIF's <c>%SRCROOT%</c> stands for.</summary>
    public string SourceRoot { get; }

    /// <summary><see cref="SourceRoot"/> as a <c>file:</c> URI with a trailing slash, as SARIF's <c>originalUriBaseIds</c> requires.</summary>
    public Uri SourceRootUri => new(SourceRoot.EndsWith('/') ? SourceRoot : SourceRoot + "/", UriKind.Absolute);

    /// <summary>The paths for a run in <paramref name="environment"/>.</summary>
    public static ReportPaths For(CliEnvironment environment)
        => new(environment.CurrentDirectory, environment.SourceRoot ?? FindSourceRoot(environment.CurrentDirectory));

    /// <summary>The closest folder at or above <paramref name="directory"/> with a <c>.git</c> folder or file; else <paramref name="directory"/>.</summary>
    public static string FindSourceRoot(string directory)
    {
        for (var folder = new DirectoryInfo(directory); folder is not null; folder = folder.Parent)
        {
            var git = Path.Combine(folder.FullName, ".git");
            if (Directory.Exists(git) || File.Exists(git))
            {
                return folder.FullName;
            }
        }

        return directory;
    }

    /// <summary>The path relative to the current folder when inside it (with <c>/</c>), else absolute.</summary>
    public string Relative(string path) => RelativeTo(CurrentDirectory, path) ?? path;

    /// <summary>The path relative to the source root with <c>/</c>; null when outside it.</summary>
    public string? SourceRelative(string path) => RelativeTo(SourceRoot, path);

    /// <summary>The path relative to the source root when inside it, else absolute (GitHub annotations).</summary>
    public string SourceRelativeOrAbsolute(string path) => SourceRelative(path) ?? path;

    private static string? RelativeTo(string folder, string path)
    {
        var relative = Path.GetRelativePath(folder, path);
        if (relative == "." || relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || relative.StartsWith("..\\", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return null;
        }

        return relative.Replace('\\', '/');
    }
}
