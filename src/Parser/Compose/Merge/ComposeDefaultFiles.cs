using System.Collections.Immutable;

namespace DockerLint.Parser.Compose.Merge;

/// <summary>
/// The files docker compose reads when no <c>-f</c> is given: the first of
/// <see cref="FileNames"/> found in a folder, then the first of <see cref="OverrideFileNames"/>
/// found in the same folder (compose-go's order).
/// </summary>
public static class ComposeDefaultFiles
{
    /// <summary>The Compose file names, in order of preference.</summary>
    public static ImmutableArray<string> FileNames { get; } = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"];

    /// <summary>The override file names, in order of preference.</summary>
    public static ImmutableArray<string> OverrideFileNames { get; } = ["compose.override.yml", "compose.override.yaml", "docker-compose.override.yml", "docker-compose.override.yaml"];

    /// <summary>
    /// The default files of <paramref name="directory"/>: the Compose file and, if there is one, its
    /// override; empty when there is no Compose file. With <paramref name="searchParentDirectories"/>,
    /// parent folders are searched as docker compose does when the folder has none.
    /// </summary>
    /// <param name="directory">The folder.</param>
    /// <param name="searchParentDirectories">Whether to walk up to the parent folders.</param>
    /// <param name="fileExists">Tells whether a file exists; <see cref="File.Exists"/> by default.</param>
    public static ImmutableArray<string> Find(string directory, bool searchParentDirectories = false, Func<string, bool>? fileExists = null)
    {
        fileExists ??= File.Exists;
        for (var folder = directory; !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            var main = First(folder, FileNames, fileExists);
            if (main is not null)
            {
                var over = First(folder, OverrideFileNames, fileExists);
                return over is null ? [main] : [main, over];
            }

            if (!searchParentDirectories)
            {
                break;
            }
        }

        return [];
    }

    private static string? First(string folder, ImmutableArray<string> names, Func<string, bool> fileExists)
    {
        foreach (var name in names)
        {
            var path = Path.Combine(folder, name);
            bool exists;
            try
            {
                exists = fileExists(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
            {
                exists = false;
            }

            if (exists)
            {
                return path;
            }
        }

        return null;
    }
}
