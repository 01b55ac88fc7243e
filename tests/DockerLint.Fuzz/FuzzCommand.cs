using System.Diagnostics;
using SharpFuzz;

namespace DockerLint.Fuzz;

/// <summary>
/// The harness's command line (see docs/fuzzing.md; .ci/fuzz drives it):
/// <list type="bullet">
/// <item><c>DockerLint.Fuzz TARGET</c> — under afl-fuzz: SharpFuzz's fork server, the input on standard input;</item>
/// <item><c>DockerLint.Fuzz TARGET --libfuzzer</c> — under libfuzzer-dotnet;</item>
/// <item><c>DockerLint.Fuzz TARGET --smoke PATH...</c> — no fuzzer: runs every file (folders searched) once,
/// prints each failure and input slower than <see cref="SlowInput"/>, and the slowest input; exit code 1
/// when any input failed or was slow. This is also how a crash or hang file found by a fuzzer is replayed.</item>
/// </list>
/// </summary>
internal static class FuzzCommand
{
    /// <summary>The most an input may take in a smoke run (the README promises no file takes more than a second).</summary>
    public static readonly TimeSpan SlowInput = TimeSpan.FromSeconds(1);

    public static int Run(string[] args)
    {
        if (args.Length == 0 || !FuzzTargets.ByName.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: DockerLint.Fuzz <{string.Join('|', FuzzTargets.ByName.Keys)}> [--libfuzzer | --smoke PATH...]");
            return 2;
        }

        switch (args.Skip(1).FirstOrDefault())
        {
            case null:
                Fuzzer.OutOfProcess.Run(stream =>
                {
                    using var buffer = new MemoryStream();
                    stream.CopyTo(buffer);
                    target(buffer.ToArray());
                });
                return 0;
            case "--libfuzzer":
                Fuzzer.LibFuzzer.Run(span => target(span.ToArray()));
                return 0;
            case "--smoke" when args.Length > 2:
                return Smoke(target, args[2..]);
            default:
                Console.Error.WriteLine($"unknown mode: {string.Join(' ', args[1..])}");
                return 2;
        }
    }

    private static int Smoke(Action<byte[]> target, string[] paths)
    {
        var files = paths
            .SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p])
            .Order(StringComparer.Ordinal)
            .ToList();
        var failures = 0;
        var slowest = (Path: "", Time: TimeSpan.Zero);

        // The first input pays for loading the rules and the Compose schema: not a property of the input.
        target([]);
        foreach (var file in files)
        {
            var input = File.ReadAllBytes(file);
            var clock = Stopwatch.StartNew();
            try
            {
                target(input);
            }
            catch (Exception e)
            {
                failures++;
                Console.WriteLine($"{file}: {e.GetType().Name}: {e.Message}");
                Console.WriteLine(e.StackTrace);
                continue;
            }

            if (clock.Elapsed > slowest.Time)
            {
                slowest = (file, clock.Elapsed);
            }

            if (clock.Elapsed > SlowInput)
            {
                failures++;
                Console.WriteLine($"{file}: took {clock.Elapsed.TotalSeconds:0.00} s (more than {SlowInput.TotalSeconds:0} s)");
            }
        }

        Console.WriteLine($"{files.Count} inputs, {failures} failed or slow; slowest {slowest.Time.TotalMilliseconds:0} ms ({slowest.Path})");
        return failures == 0 ? 0 : 1;
    }
}
