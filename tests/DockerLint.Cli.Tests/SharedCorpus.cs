namespace DockerLint.Cli.Tests;

/// <summary>The real files of ../shared/corpus beside the repository, for the tests that run the tool over them.</summary>
internal static class SharedCorpus
{
    /// <summary>The corpus folder; the calling test is skipped, saying which and why, when it is not there.</summary>
    public static string FolderOrIgnore(string test)
    {
        var corpus = Path.GetFullPath(Path.Combine(RepositoryRoot.Path, "..", "shared", "corpus"));
        if (!Directory.Exists(Path.Combine(corpus, "dockerfiles")) || !Directory.Exists(Path.Combine(corpus, "compose")))
        {
            Assert.Ignore($"{corpus} (../shared/corpus) was not found beside the repository; {test} is skipped.");
        }

        return corpus;
    }

    /// <summary>Every file of the corpus's <paramref name="folders"/> (e.g. <c>dockerfiles</c>, <c>compose</c>), in ordinal order of path.</summary>
    public static string[] Files(string corpus, params string[] folders) => [.. folders
        .SelectMany(d => Directory.EnumerateFiles(Path.Combine(corpus, d), "*", SearchOption.AllDirectories))
        .Order(StringComparer.Ordinal)];
}
