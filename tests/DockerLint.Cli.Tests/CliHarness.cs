using System.Collections.Immutable;
using System.Text;
using DockerLint.Cli.Commands;
using DockerLint.Rules.Engine;

namespace DockerLint.Cli.Tests;

/// <summary>The outcome of one in-process run of the CLI.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error);

/// <summary>Runs the real command line in-process, with a folder, standard input and environment of the test's choosing.</summary>
internal sealed class CliHarness
{
    /// <summary>Creates a harness running in <paramref name="currentDirectory"/>.</summary>
    public CliHarness(string currentDirectory)
    {
        CurrentDirectory = currentDirectory;
    }

    public string CurrentDirectory { get; }

    public string? StandardInput { get; init; }

    public bool Terminal { get; init; }

    public Dictionary<string, string> Variables { get; init; } = [];

    /// <summary>The rules to run: the tests' own by default (see <see cref="TestRules"/>); null for DockerLint's.</summary>
    public ImmutableArray<Rule>? Rules { get; init; } = TestRules.All;

    public string? SourceRoot { get; init; }

    public Func<string, byte[]>? ReadFile { get; init; }

    public Func<Stream, Stream>? WrapOutputFile { get; init; }

    /// <summary>Opens standard input instead of <see cref="StandardInput"/> (for endless or counting streams).</summary>
    public Func<Stream>? OpenInput { get; init; }

    /// <summary>Runs <c>dockerlint</c> with <paramref name="args"/>.</summary>
    public CliResult Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment(output, error, CurrentDirectory)
        {
            OpenInput = OpenInput ?? (() => new MemoryStream(Encoding.UTF8.GetBytes(StandardInput ?? ""))),
            OutputIsTerminal = Terminal,
            GetVariable = name => Variables.GetValueOrDefault(name),
            Rules = Rules,
            SourceRoot = SourceRoot ?? CurrentDirectory,
            ReadFile = ReadFile ?? File.ReadAllBytes,
            WrapOutputFile = WrapOutputFile ?? (stream => stream),
        };
        var exit = CommandLine.Run(args, environment);
        return new CliResult(exit, output.ToString(), error.ToString());
    }

    /// <summary>A new empty folder under the system's temporary folder.</summary>
    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dockerlint-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Writes files (relative path → content) under <paramref name="root"/>.</summary>
    public static string Files(string root, params (string Path, string Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, content);
        }

        return root;
    }
}
