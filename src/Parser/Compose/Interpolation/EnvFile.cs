using System.Collections.Immutable;
using DockerLint.Parser.Shell;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Compose.Interpolation;

/// <summary>How the value of an <see cref="EnvFileEntry"/> is written.</summary>
public enum EnvFileValueStyle
{
    /// <summary><c>KEY</c> alone on its line: the value is taken from the environment, if set there.</summary>
    Inherited = 0,

    /// <summary><c>KEY=value</c>: trimmed, cut at an inline <c> #</c> comment, interpolated.</summary>
    Unquoted = 1,

    /// <summary><c>KEY='value'</c>: literal (only <c>\'</c> is unescaped), may span lines, not interpolated.</summary>
    SingleQuoted = 2,

    /// <summary><c>KEY="value"</c>: escapes (<c>\n</c>, <c>\"</c>, <c>\\</c>, <c>\$</c>, …) then interpolation; may span lines.</summary>
    DoubleQuoted = 3,
}

/// <summary>
/// One definition in an env file, with the spans of its key and value so rules can point at them (for
/// example at a secret).
/// </summary>
public sealed class EnvFileEntry
{
    internal EnvFileEntry(
        string key,
        TextSpan keySpan,
        TextSpan span,
        bool isExported,
        EnvFileValueStyle style,
        TextSpan valueSpan,
        string rawValue,
        ComposeInterpolation? interpolation,
        ShellVariableLookup value)
    {
        Key = key;
        KeySpan = keySpan;
        Span = span;
        IsExported = isExported;
        Style = style;
        ValueSpan = valueSpan;
        RawValue = rawValue;
        Interpolation = interpolation;
        Value = value;
    }

    /// <summary>
    /// The variable name, trimmed. May be empty: docker compose accepts <c>=value</c>, and reads a last line
    /// with neither <c>=</c> nor a line break (<c>KEY</c> at the very end of the file) as an empty name whose
    /// value is that text; both are kept as compose sees them.
    /// </summary>
    public string Key { get; }

    /// <summary>The span of <see cref="Key"/> (empty, at the start of the statement, when the key is empty).</summary>
    public TextSpan KeySpan { get; }

    /// <summary>The whole definition: from <c>export</c> or the key to the end of the value (closing quote included).</summary>
    public TextSpan Span { get; }

    /// <summary>True when the line starts with <c>export</c>.</summary>
    public bool IsExported { get; }

    /// <summary>How the value is written.</summary>
    public EnvFileValueStyle Style { get; }

    /// <summary>True unless the entry is <see cref="EnvFileValueStyle.Inherited"/>.</summary>
    public bool HasValue => Style != EnvFileValueStyle.Inherited;

    /// <summary>
    /// The value as written: between the quotes for a quoted value; trimmed and without its inline comment for
    /// an unquoted one; empty, just after the key, for an inherited entry.
    /// </summary>
    public TextSpan ValueSpan { get; }

    /// <summary>The text of <see cref="ValueSpan"/>, before escapes and interpolation.</summary>
    public string RawValue { get; }

    /// <summary>The interpolation of an unquoted or double-quoted value (after escapes); null otherwise.</summary>
    public ComposeInterpolation? Interpolation { get; }

    /// <summary>
    /// The value docker compose would give <see cref="Key"/>: <see cref="ShellVariableState.Known"/>;
    /// <see cref="ShellVariableState.Unknown"/> when it depends on a variable the linter cannot know, when its
    /// interpolation fails, or for an inherited entry the environment may set; <see cref="ShellVariableState.NotSet"/>
    /// for an inherited entry that a complete environment does not set (compose then defines nothing).
    /// </summary>
    public ShellVariableLookup Value { get; }

    /// <inheritdoc />
    public override string ToString() => HasValue ? $"{Key}={Value}" : $"{Key} (inherited: {Value})";
}

/// <summary>
/// A parsed env file (a project's <c>.env</c>, <c>--env-file</c>, or a service's <c>env_file</c>): its entries in
/// order, the variables they define, and the problems found. Produced by <see cref="EnvFileParser"/>.
/// </summary>
public sealed class EnvFile
{
    private readonly Dictionary<string, ShellVariableLookup> _variables;
    private readonly Dictionary<string, EnvFileEntry> _definitions;

    internal EnvFile(string path, SourceText text, IReadOnlyList<EnvFileEntry> entries, ImmutableArray<Diagnostic> diagnostics)
    {
        Path = path;
        Text = text;
        Entries = entries;
        Diagnostics = diagnostics;
        _variables = new Dictionary<string, ShellVariableLookup>(StringComparer.Ordinal);
        _definitions = new Dictionary<string, EnvFileEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.Value.State != ShellVariableState.NotSet)
            {
                _variables[entry.Key] = entry.Value;
                _definitions[entry.Key] = entry;
            }
        }
    }

    /// <summary>The path given to the parser (used in diagnostics).</summary>
    public string Path { get; }

    /// <summary>The text of the file.</summary>
    public SourceText Text { get; }

    /// <summary>Every definition, in file order, repeated keys included.</summary>
    public IReadOnlyList<EnvFileEntry> Entries { get; }

    /// <summary>
    /// DC0022 for lines docker compose cannot read, DC0020/DC0021 for values whose interpolation fails.
    /// docker compose stops at the first of them; the parser reports each and goes on with the next line.
    /// </summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>True when <see cref="Diagnostics"/> has an error, i.e. docker compose would refuse the file.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The variables the file defines (the last definition of a key wins), as docker compose would read them.</summary>
    public IReadOnlyDictionary<string, ShellVariableLookup> Variables => _variables;

    /// <summary>The entry that gives <paramref name="key"/> its value (the last one), or null when the file does not define it.</summary>
    public EnvFileEntry? Find(string key) => key is not null && _definitions.TryGetValue(key, out var entry) ? entry : null;
}
