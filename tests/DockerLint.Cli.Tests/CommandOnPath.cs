namespace DockerLint.Cli.Tests;

/// <summary>Puts a <c>dockerlint</c> command that runs the CLI these tests were built with into a folder, for child processes that look it up on PATH.</summary>
internal static class CommandOnPath
{
    /// <summary>The CLI's assembly, copied beside the tests by the project reference.</summary>
    public static string CliAssembly => Path.Combine(AppContext.BaseDirectory, "dockerlint.dll");

    /// <summary>True where the child-process tests can run: a Unix shell and the built CLI.</summary>
    public static bool Available => !OperatingSystem.IsWindows() && File.Exists("/bin/sh") && File.Exists(CliAssembly);

    /// <summary>Writes <c>folder/dockerlint</c>, a shell script that runs the CLI, and returns the folder.</summary>
    public static string Create(string folder)
    {
        Directory.CreateDirectory(folder);
        var script = Path.Combine(folder, "dockerlint");
        File.WriteAllText(script, $"#!/bin/sh\nexec dotnet \"{CliAssembly}\" \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return folder;
    }

    /// <summary>The full path of <paramref name="name"/> in a PATH folder, or null.</summary>
    public static string? Find(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
}
