using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace DockerLint.Bench;

/// <summary>What the command-line benchmark runs.</summary>
internal sealed record CliBenchmarkOptions
{
    /// <summary>Measured runs per scenario (after one warm-up run).</summary>
    public int Runs { get; init; } = 5;

    /// <summary>Runs of the single-file cold start.</summary>
    public int ColdStartRuns { get; init; } = 20;

    /// <summary>Files in the synthetic monorepo; 0 skips it.</summary>
    public int MonorepoFiles { get; init; } = 100_000;

    /// <summary>A folder where the monorepos are generated once and kept for later runs; null for a temporary folder, deleted after the run.</summary>
    public string? MonorepoFolder { get; init; }

    /// <summary>How the tool is published: jit (framework-dependent IL), r2r (ReadyToRun), r2r-trimmed (self-contained, trimmed, ReadyToRun) or aot (Native AOT).</summary>
    public string Variant { get; init; } = "aot";

    /// <summary>Where the results go; null prints them only.</summary>
    public string? ResultsFile { get; init; }
}

/// <summary>
/// Measures the real <c>dockerlint</c> executable, published in Release, over the corpus: whole-corpus
/// runs with SARIF output, the cold start on one Dockerfile, a synthetic monorepo, and the time
/// <c>cat</c> takes to read the same files (the floor no linter can beat).
/// </summary>
internal static class CliBenchmark
{
    public static int Run(CliBenchmarkOptions options)
    {
        var corpus = Corpus.Find();
        var work = Path.Combine(Path.GetTempPath(), $"dockerlint-bench-{Environment.ProcessId}");
        Directory.CreateDirectory(work);
        try
        {
            var tool = Publish(corpus.RepositoryRoot, options.Variant, Path.Combine(work, "tool"));
            var rows = new List<ResultRow>();
            var files = corpus.AllFiles.ToList();
            var bytes = corpus.TotalBytes;
            Console.WriteLine($"corpus: {corpus.Dockerfiles.Count} Dockerfiles + {corpus.ComposeFiles.Count} compose files, {bytes / 1e6:0.0} MB");

            var sarif = Path.Combine(work, "corpus.sarif");
            // Every run analyses every file (--no-cache), except the warm-cache row: its warm-up fills the cache.
            var corpusArguments = new List<string> { "--format", "sarif", "--output", sarif, "--fail-level", "none", "--no-cache" };
            corpusArguments.AddRange(files);
            rows.Add(Scenario("whole corpus, all rules, SARIF", tool, corpusArguments, options.Runs, files.Count, bytes, "< 1.5 s wall, < 200 MB peak"));
            var warmArguments = new List<string> { "--format", "sarif", "--output", sarif, "--fail-level", "none", "--cache-dir", Path.Combine(work, "cache") };
            warmArguments.AddRange(files);
            rows.Add(Scenario("whole corpus, second run, warm cache, SARIF", tool, warmArguments, options.Runs, files.Count, bytes, "(no target: unchanged files are not analysed again)"));
            rows.Add(Cat("cat of the same files (floor)", files, options.Runs, bytes));

            var one = corpus.Dockerfiles.FirstOrDefault(f => f.EndsWith("docker-library__python" + Path.DirectorySeparatorChar + "3.13__slim-bookworm__Dockerfile", StringComparison.Ordinal))
                ?? corpus.Dockerfiles[corpus.Dockerfiles.Count / 2];
            rows.Add(Scenario($"cold start, one Dockerfile ({Path.GetFileName(one)})", tool, ["--fail-level", "none", "--no-cache", one], options.ColdStartRuns, 1, new FileInfo(one).Length, "< 60 ms wall"));

            if (options.MonorepoFiles > 0)
            {
                foreach (var count in new[] { options.MonorepoFiles / 10, options.MonorepoFiles })
                {
                    var monorepo = Path.Combine(options.MonorepoFolder is { } kept ? Path.GetFullPath(kept) : work, $"monorepo-{count}");
                    var (generated, generatedBytes) = options.MonorepoFolder is null ? Monorepo.Generate(corpus, monorepo, count) : Monorepo.GenerateOnce(corpus, monorepo, count);
                    var output = Path.Combine(work, $"monorepo-{count}.sarif");
                    var runs = Math.Max(1, Math.Min(options.Runs, 3));
                    rows.Add(Scenario($"synthetic monorepo, {generated:N0} files, SARIF", tool, ["--format", "sarif", "--output", output, "--fail-level", "none", "--no-cache", monorepo], runs, generated, generatedBytes, count == options.MonorepoFiles ? "< 30 s wall, memory flat in file count" : "(memory reference for the row below)"));
                    rows.Add(Cat($"cat of the monorepo's {generated:N0} files (floor)", Directory.GetFiles(monorepo, "*", SearchOption.AllDirectories).ToList(), runs, generatedBytes));
                    if (options.MonorepoFolder is null)
                    {
                        Directory.Delete(monorepo, recursive: true);
                    }
                }
            }

            var report = Report(corpus, options, rows);
            Console.WriteLine(report);
            if (options.ResultsFile is { } results)
            {
                Results.ReplaceSection(results, $"cli-{options.Variant}", report);
                Console.WriteLine($"written to {results}");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static string Publish(string repository, string variant, string output)
    {
        var arguments = new List<string> { "publish", Path.Combine(repository, "src", "Cli"), "-c", "Release", "-o", output, "-v", "q", "-nologo" };
        var rid = RuntimeInformation.RuntimeIdentifier;
        switch (variant)
        {
            case "jit":
                break;
            case "r2r":
                arguments.AddRange(["-r", rid, "--self-contained", "false", "-p:PublishReadyToRun=true"]);
                break;
            case "r2r-trimmed":
                // Trimming needs a self-contained app: the runtime is trimmed with it.
                arguments.AddRange(["-r", rid, "--self-contained", "true", "-p:PublishTrimmed=true", "-p:PublishReadyToRun=true"]);
                break;
            case "aot":
                arguments.AddRange(["-r", rid, "-p:PublishAot=true"]);
                break;
            default:
                throw new BenchmarkException($"unknown variant '{variant}' (jit, r2r, r2r-trimmed or aot)");
        }

        Console.WriteLine($"publishing the tool ({variant}): dotnet {string.Join(' ', arguments)}");
        var start = new ProcessStartInfo("dotnet", arguments) { UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new BenchmarkException("cannot start dotnet publish");
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new BenchmarkException($"dotnet publish failed with exit code {process.ExitCode}");
        }

        var executable = Path.Combine(output, OperatingSystem.IsWindows() ? "dockerlint.exe" : "dockerlint");
        return File.Exists(executable) ? executable : throw new BenchmarkException($"{executable} was not produced");
    }

    private static ResultRow Scenario(string name, string tool, IReadOnlyList<string> arguments, int runs, int files, long bytes, string target)
    {
        Console.WriteLine($"{name}: warm-up + {runs} runs");
        var warmUp = Measure.Run(tool, arguments);
        if (warmUp.ExitCode is not (0 or 1))
        {
            // 1 = findings (impossible with --fail-level none, but harmless); 2 = usage error; 3 = incomplete run.
            Console.WriteLine($"  note: the tool exited with {warmUp.ExitCode} (3 = some file could not be analysed completely)");
        }

        var samples = Enumerable.Range(0, runs).Select(_ => Measure.Run(tool, arguments)).ToList();
        return ResultRow.From(name, samples, files, bytes, target);
    }

    private static ResultRow Cat(string name, IReadOnlyList<string> files, int runs, long bytes)
    {
        // cat is started once per 2,000 files (the command line has a length limit); the times add up.
        var chunks = files.Chunk(2000).ToList();
        var samples = Enumerable.Range(0, runs + 1).Select(_ =>
        {
            var wall = TimeSpan.Zero;
            var cpu = TimeSpan.Zero;
            long peak = 0;
            foreach (var chunk in chunks)
            {
                var sample = Measure.Run("cat", chunk);
                wall += sample.Wall;
                cpu += sample.Cpu;
                peak = Math.Max(peak, sample.PeakRssBytes);
            }

            return new RunSample(wall, peak, 0, cpu);
        }).Skip(1).ToList();
        return ResultRow.From(name, samples, files.Count, bytes, "");
    }

    private static string Report(Corpus corpus, CliBenchmarkOptions options, List<ResultRow> rows)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"## Command-line tool, published as `{options.Variant}`{(options.Variant == "aot" ? " (what the packaged tool installs on linux-x64)" : "")}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `dotnet run -c Release --project bench/DockerLint.Bench -- cli` ");
        text.Append(CultureInfo.InvariantCulture, $"(tool published as `{options.Variant}`, {options.Runs} runs per scenario after a warm-up, medians; commit {Machine.Commit(corpus.RepositoryRoot)}).\n\n");
        text.Append(Machine.Describe()).Append('\n');
        text.Append("| Scenario | Wall (median) | CPU (median) | Files/s | MB/s | Peak RSS (median) | Target |\n| --- | ---: | ---: | ---: | ---: | ---: | --- |\n");
        foreach (var row in rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {row.Name} | {Format(row.WallSeconds)} | {Format(row.CpuSeconds)} | {row.FilesPerSecond:N0} | {row.MegabytesPerSecond:0.0} | {row.PeakRssMegabytes:0} MB | {row.Target} |\n");
        }

        return text.ToString();
    }

    private static string Format(double seconds)
        => seconds < 1 ? $"{seconds * 1000:0} ms" : $"{seconds:0.00} s";
}

/// <summary>One line of the results table.</summary>
internal sealed record ResultRow(string Name, double WallSeconds, double CpuSeconds, double FilesPerSecond, double MegabytesPerSecond, double PeakRssMegabytes, string Target)
{
    public static ResultRow From(string name, IReadOnlyList<RunSample> samples, int files, long bytes, string target)
    {
        var wall = Measure.Median(samples.Select(s => s.Wall.TotalSeconds));
        var rss = Measure.Median(samples.Select(s => s.PeakRssBytes / 1e6));
        var cpu = Measure.Median(samples.Select(s => s.Cpu.TotalSeconds));
        Console.WriteLine($"  median {wall:0.000} s wall, {cpu:0.000} s CPU, peak RSS {rss:0} MB");
        return new(name, wall, cpu, files / wall, bytes / 1e6 / wall, rss, target);
    }
}
