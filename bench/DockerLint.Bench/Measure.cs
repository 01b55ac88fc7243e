using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace DockerLint.Bench;

/// <summary>One run of a process: its wall time, its peak resident memory and its exit code.</summary>
internal readonly record struct RunSample(TimeSpan Wall, long PeakRssBytes, int ExitCode, TimeSpan Cpu = default);

/// <summary>Runs processes and measures them.</summary>
internal static partial class Measure
{
    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="arguments"/>, output discarded, and measures the
    /// wall time from start to exit and the peak resident set size (Linux: the high-water mark VmHWM
    /// of /proc/PID/status, polled every 2 ms, so a peak shorter than that may be missed; 0 elsewhere).
    /// </summary>
    public static RunSample Run(string file, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // No colour, no first-run banners: the tool's output is discarded anyway.
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var cpuBefore = ChildrenCpu();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new BenchmarkException($"cannot start {file}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        long peak = 0;
        var status = $"/proc/{process.Id}/status";
        while (!process.WaitForExit(2))
        {
            peak = Math.Max(peak, ReadHighWaterMark(status));
        }

        clock.Stop();
        process.WaitForExit();
        return new RunSample(clock.Elapsed, peak, process.ExitCode, ChildrenCpu() - cpuBefore);
    }

    /// <summary>The median of <paramref name="values"/> (the mean of the middle two for an even count).</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// User + system CPU time of every child process that has exited and been waited for (Linux
    /// getrusage(RUSAGE_CHILDREN)); the difference around one run is that run's CPU time, which does
    /// not grow when other work competes for the cores the way wall time does.
    /// </summary>
    private static TimeSpan ChildrenCpu()
    {
        if (!OperatingSystem.IsLinux())
        {
            return TimeSpan.Zero;
        }

        var usage = default(ResourceUsage);
        return GetResourceUsage(-1, ref usage) == 0
            ? TimeSpan.FromMicroseconds((usage.UserSeconds * 1_000_000.0) + usage.UserMicroseconds + (usage.SystemSeconds * 1_000_000.0) + usage.SystemMicroseconds)
            : TimeSpan.Zero;
    }

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetResourceUsage(int who, ref ResourceUsage usage);

    /// <summary>The start of Linux's struct rusage on 64-bit (two timevals), padded to its full size.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ResourceUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        private unsafe fixed long _rest[14];
    }

    private static long ReadHighWaterMark(string statusPath)
    {
        try
        {
            foreach (var line in File.ReadLines(statusPath))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process has just exited.
        }
        catch (UnauthorizedAccessException)
        {
        }

        return 0;
    }
}
