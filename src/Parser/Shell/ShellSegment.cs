namespace DockerLint.Parser.Shell;

/// <summary>What a <see cref="ShellSegment"/> holds.</summary>
public enum ShellSegmentKind
{
    /// <summary>Text whose value is known exactly.</summary>
    Literal = 0,

    /// <summary>A part whose value cannot be known statically.</summary>
    Unknown = 1,
}

/// <summary>
/// One piece of an expanded word: either literal text or an unknown part. For example
/// <c>ubuntu:${TAG}</c> with <c>TAG</c> unknown is the literal <c>ubuntu:</c> followed by an unknown
/// part whose <see cref="Text"/> is <c>${TAG}</c> and whose <see cref="Variables"/> is <c>[TAG]</c>.
/// </summary>
public sealed class ShellSegment
{
    private static readonly string[] s_noNames = [];

    private ShellSegment(ShellSegmentKind kind, string text, string[] variables, bool mayFail)
    {
        Kind = kind;
        Text = text;
        Variables = variables;
        MayFail = mayFail;
    }

    /// <summary>Literal or unknown.</summary>
    public ShellSegmentKind Kind { get; }

    /// <summary>True for an unknown part.</summary>
    public bool IsUnknown => Kind == ShellSegmentKind.Unknown;

    /// <summary>
    /// For a literal: the exact text. For an unknown part: the source text of the expansion that
    /// produced it, as written in the word (e.g. <c>${TAG:-latest}</c>).
    /// </summary>
    public string Text { get; }

    /// <summary>For an unknown part: the variables whose unknown values make it unknown. Empty for literals.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>
    /// True when, depending on the unknown values, BuildKit could reject the word instead of producing a
    /// value (e.g. <c>${X:?required}</c> with <c>X</c> unknown). Always false for literals.
    /// </summary>
    public bool MayFail { get; }

    internal static ShellSegment Literal(string text) => new(ShellSegmentKind.Literal, text, s_noNames, false);

    internal static ShellSegment Unknown(string source, string[] variables, bool mayFail) =>
        new(ShellSegmentKind.Unknown, source, variables, mayFail);

    /// <inheritdoc />
    public override string ToString() => IsUnknown ? $"<unknown {Text}>" : Text;
}
