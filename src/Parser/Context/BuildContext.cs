namespace DockerLint.Parser.Context;

/// <summary>
/// The build context a Dockerfile is built with: the folder whose files COPY and ADD read, and the
/// <c>.dockerignore</c> that filters them. Rules get it as <c>DockerfileContext.BuildContext</c>; it is
/// null when the context is unknown (standard input, a remote context).
/// </summary>
public sealed class BuildContext
{
    /// <summary>Creates a context.</summary>
    /// <param name="directory">The context folder.</param>
    /// <param name="dockerIgnore">The parsed ignore file; null when the context has none.</param>
    /// <param name="dockerIgnorePath">Where the ignore file was read from; null when there is none.</param>
    public BuildContext(string directory, DockerIgnore? dockerIgnore = null, string? dockerIgnorePath = null)
    {
        Directory = directory;
        DockerIgnore = dockerIgnore;
        DockerIgnorePath = dockerIgnore is null ? null : dockerIgnorePath;
    }

    /// <summary>The context folder.</summary>
    public string Directory { get; }

    /// <summary>The <c>.dockerignore</c> in effect, parsed; null when the context has none.</summary>
    public DockerIgnore? DockerIgnore { get; }

    /// <summary>The file <see cref="DockerIgnore"/> was read from.</summary>
    public string? DockerIgnorePath { get; }

    /// <summary>
    /// Finds the ignore file Docker uses for a build of <paramref name="dockerfilePath"/> in
    /// <paramref name="directory"/>: <c>&lt;Dockerfile name&gt;.dockerignore</c> next to the Dockerfile
    /// when it exists, else <c>.dockerignore</c> at the context root.
    /// </summary>
    /// <param name="directory">The context folder.</param>
    /// <param name="dockerfilePath">The Dockerfile; null when not known.</param>
    /// <param name="readFile">Reads a file; returns null when it does not exist or cannot be read.</param>
    public static BuildContext Load(string directory, string? dockerfilePath, Func<string, string?> readFile)
    {
        var candidates = new List<string>();
        if (dockerfilePath is not null && Path.GetDirectoryName(dockerfilePath) is { } dockerfileFolder)
        {
            candidates.Add(Path.Combine(dockerfileFolder, Path.GetFileName(dockerfilePath) + ".dockerignore"));
        }

        candidates.Add(Path.Combine(directory, ".dockerignore"));
        foreach (var candidate in candidates)
        {
            if (readFile(candidate) is { } text)
            {
                return new BuildContext(directory, DockerIgnore.Parse(text), candidate);
            }
        }

        return new BuildContext(directory);
    }
}
