using System.Collections.Immutable;
using System.Text;
using DockerLint.Rules.Engine;

namespace DockerLint.Cli;

/// <summary>
/// What a run of the CLI reads from and writes to: the console streams, the current folder, the
/// environment. The real process uses <see cref="FromConsole"/>; tests build one with writers,
/// an input stream and a folder of their own, so every command runs in-process and deterministically.
/// </summary>
internal sealed class CliEnvironment
{
    /// <summary>Creates an environment.</summary>
    public CliEnvironment(TextWriter output, TextWriter error, string currentDirectory)
    {
        Output = output;
        Error = error;
        CurrentDirectory = Path.GetFullPath(currentDirectory);
    }

    /// <summary>Standard output.</summary>
    public TextWriter Output { get; }

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; }

    /// <summary>The folder relative paths are resolved against and shown relative to.</summary>
    public string CurrentDirectory { get; }

    /// <summary>Opens standard input (read once, for <c>-</c>).</summary>
    public Func<Stream> OpenInput { get; init; } = () => Stream.Null;

    /// <summary>True when standard output is a terminal (text format and colour by default).</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>Reads an environment variable (NO_COLOR, TERM); null when unset.</summary>
    public Func<string, string?> GetVariable { get; init; } = _ => null;

    /// <summary>
    /// Where SARIF's <c>%SRCROOT%</c> and GitHub's file paths are relative to; null to use the git
    /// repository found upward from <see cref="CurrentDirectory"/>, or that folder itself.
    /// </summary>
    public string? SourceRoot { get; init; }

    /// <summary>Reads a file's bytes; a seam for tests that make reading fail.</summary>
    public Func<string, byte[]> ReadFile { get; init; } = File.ReadAllBytes;

    /// <summary>Writes the report file; a seam for tests that make writing fail half-way.</summary>
    public Func<Stream, Stream> WrapOutputFile { get; init; } = stream => stream;

    /// <summary>The rules to run instead of every rule of DockerLint.Rules; tests pin them so that their expected output does not move when rules are added.</summary>
    public ImmutableArray<Rule>? Rules { get; init; }

    /// <summary>The process's own console, folder and environment.</summary>
    public static CliEnvironment FromConsole()
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var output = new StreamWriter(Console.OpenStandardOutput(), utf8) { NewLine = "\n" };
        var error = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true, NewLine = "\n" };
        return new CliEnvironment(output, error, Environment.CurrentDirectory)
        {
            OpenInput = Console.OpenStandardInput,
            OutputIsTerminal = !Console.IsOutputRedirected,
            GetVariable = Environment.GetEnvironmentVariable,
        };
    }

    /// <summary>An absolute path for <paramref name="path"/>, relative ones taken from <see cref="CurrentDirectory"/>.</summary>
    public string FullPath(string path) => Path.GetFullPath(path, CurrentDirectory);

    /// <summary>
    /// True when colour may be used on standard output: it is a terminal, <c>NO_COLOR</c> is unset or
    /// empty (https://no-color.org), and <c>TERM</c> is not <c>dumb</c>.
    /// </summary>
    public bool ColorAllowed
        => OutputIsTerminal
            && string.IsNullOrEmpty(GetVariable("NO_COLOR"))
            && !string.Equals(GetVariable("TERM"), "dumb", StringComparison.Ordinal);
}
