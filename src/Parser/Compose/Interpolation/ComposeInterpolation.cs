using System.Text;
using DockerLint.Parser.Shell;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Compose.Interpolation;

/// <summary>Why docker compose would refuse to interpolate a value.</summary>
public enum ComposeInterpolationErrorKind
{
    /// <summary>
    /// A malformed <c>${...}</c> expression (<c>${}</c>, <c>${1}</c>, <c>${foo }</c>, <c>${A:-x</c> without a
    /// closing brace on the same line). Report with <see cref="ComposeDiagnostics.InvalidInterpolation"/> (DC0021).
    /// </summary>
    InvalidTemplate = 0,

    /// <summary>
    /// <c>${VAR:?message}</c> or <c>${VAR?message}</c> fired: the variable is definitely missing (or empty).
    /// Report with <see cref="ComposeDiagnostics.RequiredVariableMissing"/> (DC0020).
    /// </summary>
    RequiredVariableMissing = 1,

    /// <summary>
    /// Expressions nested more than <see cref="ComposeInterpolator.MaxNestingDepth"/> levels deep; the linter
    /// stops there instead of exhausting its stack. Report with DC0021 like a malformed expression.
    /// </summary>
    NestingTooDeep = 2,
}

/// <summary>One reason an interpolation fails, with the span of the expression responsible.</summary>
/// <param name="Kind">Malformed, required variable missing, or nested too deeply.</param>
/// <param name="Message">A sentence for the user (for a required variable, docker compose's own wording).</param>
/// <param name="Span">The offending <c>${...}</c> expression, as offsets into the interpolated text.</param>
/// <param name="Variable">For <see cref="ComposeInterpolationErrorKind.RequiredVariableMissing"/>: the required name.</param>
/// <param name="Reason">For <see cref="ComposeInterpolationErrorKind.RequiredVariableMissing"/>: the interpolated text after <c>:?</c>/<c>?</c> (may be empty).</param>
public sealed record ComposeInterpolationError(
    ComposeInterpolationErrorKind Kind,
    string Message,
    TextSpan Span,
    string? Variable = null,
    string? Reason = null);

/// <summary>
/// The result of <see cref="ComposeInterpolator.Interpolate"/>: a known string, a sequence of literal and
/// unknown <see cref="Segments"/>, or an <see cref="Error"/>. Values are never guessed: as soon as a part
/// depends on a variable the linter cannot know, the result is not known, and its segments say which parts
/// are still literal (<c>${PORT}:80</c> is an unknown part followed by the literal <c>:80</c>).
/// </summary>
public sealed class ComposeInterpolation
{
    private static readonly ShellSegment[] s_noSegments = [];
    private static readonly string[] s_noNames = [];

    private IReadOnlyList<ShellSegment>? _segments;

    private ComposeInterpolation(string? value, ShellSegment[]? segments, string[] variables, string[] unsetVariables, ComposeInterpolationError? error, bool mayFail)
    {
        Value = value;
        _segments = segments;
        Variables = variables;
        UnsetVariables = unsetVariables;
        Error = error;
        MayFail = mayFail;
    }

    /// <summary>True when the whole value is known: no unknown part and no error.</summary>
    public bool IsKnown => Value is not null;

    /// <summary>The interpolated value when <see cref="IsKnown"/>; otherwise null.</summary>
    public string? Value { get; }

    /// <summary>
    /// The value as consecutive parts: a known value is one literal segment (none when it is empty); an unknown
    /// value mixes literal segments (never empty, never adjacent) and unknown ones; an error result has none.
    /// An unknown segment's <see cref="ShellSegment.Text"/> is the expression as written (<c>${PORT:-80}</c>)
    /// and its <see cref="ShellSegment.Variables"/> the names whose unknown values make it unknown.
    /// </summary>
    public IReadOnlyList<ShellSegment> Segments => _segments ??= string.IsNullOrEmpty(Value) ? s_noSegments : [ShellSegment.Literal(Value)];

    /// <summary>
    /// Every distinct variable name the text refers to, in order of appearance, including names inside
    /// defaults, alternatives and messages that were not used.
    /// </summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>
    /// The distinct names referenced without an operator (<c>$X</c>, <c>${X}</c>) and replaced by an empty string
    /// because they are definitely not set, which only happens with a complete environment. docker compose
    /// warns about each ("The "X" variable is not set. Defaulting to a blank string.").
    /// </summary>
    public IReadOnlyList<string> UnsetVariables { get; }

    /// <summary>Why docker compose would reject the value; null when there is no error.</summary>
    public ComposeInterpolationError? Error { get; }

    /// <summary>True when <see cref="Error"/> is set.</summary>
    public bool HasError => Error is not null;

    /// <summary>
    /// True when, depending on unknown values, docker compose could reject the value (for example
    /// <c>${X:?required}</c> with <c>X</c> unknown, or not set in an incomplete environment). Never true for a
    /// known value or an error result; see <see cref="ShellSegment.MayFail"/> for which part may fail.
    /// </summary>
    public bool MayFail { get; }

    /// <summary>A known result for text that needs no interpolation.</summary>
    public static ComposeInterpolation Known(string value) => new(value ?? string.Empty, null, s_noNames, s_noNames, null, false);

    internal static ComposeInterpolation FromKnown(string value, string[] variables, string[] unsetVariables) =>
        new(value, null, variables, unsetVariables, null, false);

    internal static ComposeInterpolation FromSegments(ShellSegment[] segments, string[] variables, string[] unsetVariables, bool mayFail) =>
        new(null, segments, variables, unsetVariables, null, mayFail);

    internal static ComposeInterpolation FromError(ComposeInterpolationError error, string[] variables, string[] unsetVariables) =>
        new(null, s_noSegments, variables, unsetVariables, error, false);

    /// <summary>The value, or the segments with unknown parts shown as written (<c>${PORT}:80</c>), or <c>error: message</c>.</summary>
    public override string ToString()
    {
        if (Value is not null)
        {
            return Value;
        }

        if (Error is not null)
        {
            return "error: " + Error.Message;
        }

        var builder = new StringBuilder();
        foreach (var segment in Segments)
        {
            builder.Append(segment.Text);
        }

        return builder.ToString();
    }
}
