namespace DockerLint.Parser.Shell;

/// <summary>
/// Settings of a <see cref="ShellLexer"/>; they mirror the switches of BuildKit's shell lexer.
/// The default instance is what BuildKit uses for most Dockerfile instructions.
/// </summary>
public sealed record ShellLexerOptions
{
    /// <summary>The largest accepted value of <see cref="MaxNestingDepth"/>.</summary>
    public const int MaxNestingDepthLimit = 4096;

    /// <summary>Default options: escape token <c>\</c>, quotes removed, BuildKit behaviour.</summary>
    public static ShellLexerOptions Default { get; } = new();

    /// <summary>
    /// The escape character: <c>\</c> (default) or <c>`</c> (set by <c># escape=`</c>, typical for
    /// Windows images). Shell patterns in <c>${VAR#pattern}</c> and friends always use <c>\</c> as
    /// their own escape, whatever this token is, exactly as BuildKit does.
    /// </summary>
    public char EscapeToken { get; init; } = '\\';

    /// <summary>Keep the quote characters in the result instead of removing them.</summary>
    public bool RawQuotes { get; init; }

    /// <summary>Keep escape characters in the result instead of removing them.</summary>
    public bool RawEscapes { get; init; }

    /// <summary>
    /// Leave references to variables that are not set as written (<c>$X</c>, <c>${X:-d}</c>) instead of
    /// expanding them. Variables that are <see cref="ShellVariableState.Unknown"/> still yield unknown parts.
    /// </summary>
    public bool SkipUnsetEnv { get; init; }

    /// <summary>Treat quote characters as ordinary characters.</summary>
    public bool SkipProcessQuotes { get; init; }

    /// <summary>
    /// How deeply <c>${A:-${B:-...}}</c> expansions may nest before the word is rejected with an error
    /// (protects against stack exhaustion). Values are clamped to 1..<see cref="MaxNestingDepthLimit"/>.
    /// </summary>
    public int MaxNestingDepth { get; init; } = 256;
}
