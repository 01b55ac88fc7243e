using System.Text;

namespace DockerLint.Parser.Shell;

/// <summary>
/// The result of expanding one word with <see cref="ShellLexer.ProcessWord"/>: a known string, a
/// sequence of literal and unknown <see cref="Segments"/>, or an <see cref="Error"/>. Never guessed:
/// when any part depends on an unknown variable the result is not known.
/// </summary>
public sealed class ShellExpansion
{
    private static readonly ShellSegment[] s_noSegments = [];
    private static readonly string[] s_noNames = [];

    private readonly string? _value;
    private IReadOnlyList<ShellSegment>? _segments;

    private ShellExpansion(string? value, ShellSegment[]? segments, string[] variables, string[] unsetVariables, string? error)
    {
        _value = value;
        _segments = segments;
        Variables = variables;
        UnsetVariables = unsetVariables;
        Error = error;
    }

    /// <summary>True when the whole word is known: no unknown part and no error.</summary>
    public bool IsKnown => _value is not null;

    /// <summary>The expanded word when <see cref="IsKnown"/>; otherwise null.</summary>
    public string? Value => _value;

    /// <summary>
    /// The expanded word as consecutive parts. A known word has a single literal segment (none when it is
    /// empty); an unknown word mixes literal and unknown segments; a word with an error has none.
    /// </summary>
    public IReadOnlyList<ShellSegment> Segments => _segments ??= BuildKnownSegments(_value);

    /// <summary>The distinct names of every variable referenced by the word, in order of appearance.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>The distinct names looked up and found <see cref="ShellVariableState.NotSet"/> (BuildKit's "unmatched" set).</summary>
    public IReadOnlyList<string> UnsetVariables { get; }

    /// <summary>Why the word cannot be expanded (malformed, or <c>${X:?msg}</c> fired); null when there is no error.</summary>
    public string? Error { get; }

    /// <summary>True when <see cref="Error"/> is set.</summary>
    public bool HasError => Error is not null;

    /// <summary>True when at least one unknown segment could make BuildKit reject the word (see <see cref="ShellSegment.MayFail"/>).</summary>
    public bool MayFail
    {
        get
        {
            if (_value is not null || Error is not null)
            {
                return false;
            }

            foreach (var segment in Segments)
            {
                if (segment.MayFail)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>A known expansion of a word that has no variable references (e.g. a literal taken as is).</summary>
    public static ShellExpansion Known(string value) => new(value ?? string.Empty, null, s_noNames, s_noNames, null);

    internal static ShellExpansion FromKnown(string value, string[] variables, string[] unsetVariables) =>
        new(value, null, variables, unsetVariables, null);

    internal static ShellExpansion FromSegments(ShellSegment[] segments, string[] variables, string[] unsetVariables) =>
        new(null, segments, variables, unsetVariables, null);

    internal static ShellExpansion FromError(string error, string[] variables, string[] unsetVariables) =>
        new(null, s_noSegments, variables, unsetVariables, error);

    /// <summary>The value, or the segments with unknown parts shown as written (e.g. <c>ubuntu:${TAG}</c>), or the error.</summary>
    public override string ToString()
    {
        if (_value is not null)
        {
            return _value;
        }

        if (Error is not null)
        {
            return "error: " + Error;
        }

        var builder = new StringBuilder();
        foreach (var segment in Segments)
        {
            builder.Append(segment.Text);
        }

        return builder.ToString();
    }

    private static ShellSegment[] BuildKnownSegments(string? value) =>
        string.IsNullOrEmpty(value) ? s_noSegments : [ShellSegment.Literal(value)];
}
