using DockerLint.Parser.Compose;

namespace DockerLint.Bench;

/// <summary>
/// The files the benchmark reads: every Dockerfile of <c>../shared/corpus/dockerfiles</c> and every
/// Compose file (by docker compose's naming) of <c>../shared/corpus/compose</c>, found from the
/// repository root.
/// </summary>
internal sealed class Corpus
{
    private Corpus(string repositoryRoot, string root, IReadOnlyList<string> dockerfiles, IReadOnlyList<string> composeFiles)
    {
        RepositoryRoot = repositoryRoot;
        Root = root;
        Dockerfiles = dockerfiles;
        ComposeFiles = composeFiles;
    }

    /// <summary>The folder holding DockerLint.sln.</summary>
    public string RepositoryRoot { get; }

    /// <summary><c>../shared/corpus</c>.</summary>
    public string Root { get; }

    /// <summary>The Dockerfiles, in ordinal order.</summary>
    public IReadOnlyList<string> Dockerfiles { get; }

    /// <summary>The Compose files, in ordinal order.</summary>
    public IReadOnlyList<string> ComposeFiles { get; }

    /// <summary>The folder of the Dockerfiles.</summary>
    public string DockerfileFolder => Path.Combine(Root, "dockerfiles");

    /// <summary>The folder of the Compose files (and the files they reference).</summary>
    public string ComposeFolder => Path.Combine(Root, "compose");

    /// <summary>Both lists.</summary>
    public IEnumerable<string> AllFiles => Dockerfiles.Concat(ComposeFiles);

    /// <summary>The total size of <see cref="AllFiles"/> in bytes.</summary>
    public long TotalBytes => AllFiles.Sum(f => new FileInfo(f).Length);

    /// <summary>Finds the corpus, or explains why it cannot.</summary>
    public static Corpus Find()
    {
        var repository = RepositoryRootFrom(AppContext.BaseDirectory) ?? RepositoryRootFrom(Environment.CurrentDirectory)
            ?? throw new BenchmarkException("cannot find DockerLint.sln above the benchmark or the current folder");
        var root = Path.GetFullPath(Path.Combine(repository, "..", "shared", "corpus"));
        if (!Directory.Exists(Path.Combine(root, "dockerfiles")) || !Directory.Exists(Path.Combine(root, "compose")))
        {
            throw new BenchmarkException($"the corpus is not at {root} (expected dockerfiles/ and compose/ there)");
        }

        var dockerfiles = Directory.GetFiles(Path.Combine(root, "dockerfiles"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var compose = Directory.GetFiles(Path.Combine(root, "compose"), "*", SearchOption.AllDirectories)
            .Where(f => ComposeLoader.IsComposeFileName(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new Corpus(repository, root, dockerfiles, compose);
    }

    private static string? RepositoryRootFrom(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DockerLint.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}

/// <summary>A benchmark that cannot run, with the reason.</summary>
internal sealed class BenchmarkException(string message) : Exception(message);
