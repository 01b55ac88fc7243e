namespace DockerLint.Parser.Tests;

/// <summary>
/// Locates <c>../shared</c> (the corpus of real files that sits beside the repository).
/// Tests that need it call <see cref="RequireDirectory"/>, which marks the test ignored with a
/// clear message when the folder is not there.
/// </summary>
internal static class SharedCorpus
{
    private static readonly Lazy<string?> s_root = new(FindSharedRoot);

    /// <summary>The absolute path of <c>../shared</c>, or null when it does not exist.</summary>
    public static string? Root => s_root.Value;

    /// <summary>Returns <c>../shared/{relativePath}</c>, or ignores the calling test when it is missing.</summary>
    public static string RequireDirectory(string relativePath)
    {
        var root = Root;
        if (root is null)
        {
            Assert.Ignore("../shared was not found beside the repository; corpus tests are skipped.");
        }

        var path = Path.Combine(root!, relativePath);
        if (!Directory.Exists(path))
        {
            Assert.Ignore($"{path} does not exist; corpus tests are skipped.");
        }

        return path;
    }

    /// <summary>Like <see cref="RequireDirectory"/> but for test-case sources: empty when missing.</summary>
    public static string? TryDirectory(string relativePath)
    {
        var root = Root;
        if (root is null)
        {
            return null;
        }

        var path = Path.Combine(root, relativePath);
        return Directory.Exists(path) ? path : null;
    }

    /// <summary>
    /// The Compose files of <c>../shared/corpus/compose</c> (by docker compose's naming), in a stable
    /// order, with the folder; ignores the calling test when the corpus is missing.
    /// </summary>
    public static (string Directory, List<string> Files) RequireComposeFiles()
    {
        var dir = RequireDirectory("corpus/compose");
        var files = System.IO.Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => DockerLint.Parser.Compose.ComposeLoader.IsComposeFileName(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        return (dir, files);
    }

    private static string? FindSharedRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DockerLint.sln")))
            {
                var shared = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
                return Directory.Exists(shared) ? shared : null;
            }
        }

        return null;
    }
}
