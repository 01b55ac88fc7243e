using System.Collections.Immutable;
using DockerLint.Parser.Shell;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Compose.Interpolation;

/// <summary>
/// The variables a Compose project is interpolated with: an explicit environment (when the user gave one)
/// over the env files (<c>.env</c> or <c>--env-file</c>). Built by <see cref="ComposeEnvironmentBuilder"/>.
/// </summary>
/// <remarks>
/// A name is looked up in the explicit environment first (a known value), then in the env files (the last file
/// defining it wins; its value may be unknown), and is otherwise <see cref="ShellVariableState.NotSet"/>.
/// <see cref="IsComplete"/> is true only when an explicit environment was given: without one, the linter does
/// not know the host or CI environment, so a name the env files do not define may still be set at run time,
/// while the env files' own values are taken as known (they describe the environment the project expects).
/// </remarks>
public sealed class ComposeEnvironment : IComposeVariables
{
    private readonly IReadOnlyDictionary<string, string>? _explicit;
    private readonly Dictionary<string, ShellVariableLookup> _fromFiles;
    private readonly Dictionary<string, EnvFileEntry> _definitions;

    internal ComposeEnvironment(
        IReadOnlyDictionary<string, string>? explicitEnvironment,
        bool isComplete,
        Dictionary<string, ShellVariableLookup> fromFiles,
        IReadOnlyList<EnvFile> envFiles)
    {
        _explicit = explicitEnvironment;
        IsComplete = isComplete;
        _fromFiles = fromFiles;
        EnvFiles = envFiles;
        _definitions = new Dictionary<string, EnvFileEntry>(StringComparer.Ordinal);
        foreach (var file in envFiles)
        {
            foreach (var name in file.Variables.Keys)
            {
                _definitions[name] = file.Find(name)!;
            }
        }

        Diagnostics = [.. envFiles.SelectMany(file => file.Diagnostics)];
    }

    /// <summary>An incomplete environment with nothing known: every name is not set but may be set at run time.</summary>
    public static ComposeEnvironment Empty { get; } = new ComposeEnvironmentBuilder().Build();

    /// <inheritdoc />
    public bool IsComplete { get; }

    /// <summary>The env files, parsed, in the order they were added.</summary>
    public IReadOnlyList<EnvFile> EnvFiles { get; }

    /// <summary>The diagnostics of every env file, in order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <inheritdoc />
    public ShellVariableLookup Lookup(string name)
    {
        if (name is null)
        {
            return ShellVariableLookup.NotSet;
        }

        if (_explicit is not null && _explicit.TryGetValue(name, out var value))
        {
            return ShellVariableLookup.Known(value);
        }

        return _fromFiles.TryGetValue(name, out var lookup) ? lookup : ShellVariableLookup.NotSet;
    }

    /// <summary>
    /// The env-file entry that gives <paramref name="name"/> its value, or null when the name is not defined by an
    /// env file or the explicit environment overrides it. Lets a rule point at the line of a <c>.env</c> file.
    /// </summary>
    public EnvFileEntry? FindEnvFileEntry(string name)
    {
        if (name is null || (_explicit is not null && _explicit.ContainsKey(name)))
        {
            return null;
        }

        return _definitions.TryGetValue(name, out var entry) ? entry : null;
    }
}

/// <summary>
/// Builds a <see cref="ComposeEnvironment"/> the way docker compose assembles a project's environment: env
/// files are read in order (each interpolated with the explicit environment first, then the keys defined so
/// far), later files override earlier ones, and the explicit environment overrides them all.
/// </summary>
public sealed class ComposeEnvironmentBuilder
{
    private readonly List<(string Path, SourceText Text)> _files = [];
    private IReadOnlyDictionary<string, string>? _explicit;
    private bool _isComplete;

    /// <summary>
    /// Sets the explicit environment (for example given on the command line). By default it is complete:
    /// a name it lacks is really unset, so <c>${X}</c> becomes empty and <c>${X:?msg}</c> an error.
    /// </summary>
    /// <param name="variables">The variables; they override the env files.</param>
    /// <param name="isComplete">False when the given variables are only part of the real environment.</param>
    public ComposeEnvironmentBuilder WithEnvironment(IReadOnlyDictionary<string, string> variables, bool isComplete = true)
    {
        _explicit = variables is null ? null : new Dictionary<string, string>(variables, StringComparer.Ordinal);
        _isComplete = variables is not null && isComplete;
        return this;
    }

    /// <summary>Adds an env file (text); files are read in the order added.</summary>
    public ComposeEnvironmentBuilder AddEnvFile(string path, string text) => AddEnvFile(path, SourceText.From(text ?? string.Empty));

    /// <summary>Adds an env file (source text); files are read in the order added.</summary>
    public ComposeEnvironmentBuilder AddEnvFile(string path, SourceText text)
    {
        _files.Add((path ?? string.Empty, text ?? SourceText.From(string.Empty)));
        return this;
    }

    /// <summary>Parses the env files and returns the environment.</summary>
    public ComposeEnvironment Build()
    {
        var environment = new ComposeVariableMap(_isComplete);
        if (_explicit is not null)
        {
            foreach (var (name, value) in _explicit)
            {
                environment.Set(name, value);
            }
        }

        var defined = new Dictionary<string, ShellVariableLookup>(StringComparer.Ordinal);
        var files = new List<EnvFile>(_files.Count);
        foreach (var (path, text) in _files)
        {
            files.Add(EnvFileParser.Parse(text, path, environment, defined));
        }

        return new ComposeEnvironment(_explicit, _isComplete, defined, files);
    }
}
