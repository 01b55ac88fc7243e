using System.Diagnostics;
using System.Runtime.InteropServices;

namespace DockerLint.Bench;

/// <summary>What the results were measured on.</summary>
internal static class Machine
{
    /// <summary>A markdown list: CPU, cores, memory, OS, .NET.</summary>
    public static string Describe()
    {
        var cpu = ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = ReadField("/proc/meminfo", "MemTotal") ?? "unknown";
        return $"- Machine: {cpu}, {Environment.ProcessorCount} cores visible, {memory} memory\n"
            + $"- OS: {RuntimeInformation.OSDescription}; .NET {Environment.Version}\n";
    }

    /// <summary>The short commit hash of the repository, or "unknown".</summary>
    public static string Commit(string repository)
    {
        try
        {
            var start = new ProcessStartInfo("git", ["-C", repository, "rev-parse", "--short", "HEAD"]) { RedirectStandardOutput = true, UseShellExecute = false };
            using var git = Process.Start(start);
            var hash = git?.StandardOutput.ReadToEnd().Trim();
            git?.WaitForExit();
            return string.IsNullOrEmpty(hash) ? "unknown" : hash;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static string? ReadField(string file, string name)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
