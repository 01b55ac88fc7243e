namespace DockerLint.Cli.Tests;

/// <summary>Finds the repository root (the folder with DockerLint.sln) from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>The folder of this test project's sources (fixtures and goldens live there).</summary>
    public static string TestProject => System.IO.Path.Combine(Path, "tests", "DockerLint.Cli.Tests");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "DockerLint.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("DockerLint.sln not found above " + AppContext.BaseDirectory);
    }
}
