using System.Globalization;
using System.Text;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace DockerLint.Bench;

/// <summary>
/// <c>cli [--runs N] [--cold-runs N] [--monorepo N] [--monorepo-dir DIR] [--variant jit|r2r|r2r-trimmed|aot] [--no-results]</c> measures the
/// command-line tool; <c>micro [BenchmarkDotNet arguments]</c> runs the micro-benchmarks. Both write
/// their section of bench/RESULTS.md.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            return args.FirstOrDefault() switch
            {
                "cli" => CliBenchmark.Run(ParseCli(args[1..])),
                "micro" => Micro(args[1..]),
                "profile" => PhaseProfile.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 15),
                _ => Usage(),
            };
        }
        catch (BenchmarkException e)
        {
            Console.Error.WriteLine($"benchmark: {e.Message}");
            return 2;
        }
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: DockerLint.Bench cli [--runs N] [--cold-runs N] [--monorepo FILES] [--monorepo-dir DIR] [--variant jit|r2r|r2r-trimmed|aot] [--no-results]");
        Console.Error.WriteLine("       DockerLint.Bench micro [BenchmarkDotNet arguments, e.g. --filter '*Parser*' --job short]");
        Console.Error.WriteLine("       DockerLint.Bench profile [TOP]   (time per phase and per rule, one thread)");
        return 2;
    }

    private static CliBenchmarkOptions ParseCli(string[] args)
    {
        var options = new CliBenchmarkOptions { ResultsFile = ResultsPath() };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new BenchmarkException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--runs" => options with { Runs = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--cold-runs" => options with { ColdStartRuns = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--monorepo" => options with { MonorepoFiles = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--monorepo-dir" => options with { MonorepoFolder = Value() },
                "--variant" => options with { Variant = Value() },
                "--no-results" => options with { ResultsFile = null },
                _ => throw new BenchmarkException($"unknown option {args[i]}"),
            };
        }

        return options;
    }

    private static int Micro(string[] args)
    {
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, DefaultConfig.Instance);
        var reports = summaries.SelectMany(s => s.Reports).Where(r => r.ResultStatistics is not null).ToList();
        if (reports.Count == 0)
        {
            return 1;
        }

        var text = new StringBuilder();
        text.Append("## Micro-benchmarks\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `dotnet run -c Release --project bench/DockerLint.Bench -- micro {string.Join(' ', args)}`, ");
        text.Append("BenchmarkDotNet, one thread, the corpus in memory (throughput per core = corpus bytes / median time).\n\n");
        text.Append(Machine.Describe()).Append('\n');
        text.Append("| Benchmark | Median | Throughput per core | Allocated per run |\n| --- | ---: | ---: | ---: |\n");
        foreach (var report in reports)
        {
            var name = $"{report.BenchmarkCase.Descriptor.Type.Name}.{report.BenchmarkCase.Descriptor.WorkloadMethod.Name}";
            var seconds = report.ResultStatistics!.Median / 1e9;
            var bytes = report.BenchmarkCase.Descriptor.Type == typeof(ComposeLoaderBenchmarks) || report.BenchmarkCase.Descriptor.WorkloadMethod.Name == "Compose"
                ? InMemoryCorpus.ComposeBytes
                : InMemoryCorpus.DockerfileBytes;
            var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
            text.Append(CultureInfo.InvariantCulture, $"| {name} | {seconds * 1000:0.0} ms | {bytes / 1e6 / seconds:0.0} MB/s | {allocated / 1e6:0.0} MB |\n");
        }

        Console.WriteLine(text);
        Results.ReplaceSection(ResultsPath(), "micro", text.ToString());
        return 0;
    }

    private static string ResultsPath() => Path.Combine(Corpus.Find().RepositoryRoot, "bench", "RESULTS.md");
}
