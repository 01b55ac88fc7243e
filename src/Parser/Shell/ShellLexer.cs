using System.Buffers;

namespace DockerLint.Parser.Shell;

/// <summary>
/// Expands variables and removes quotes in Dockerfile words the way BuildKit's shell lexer
/// (<c>frontend/dockerfile/shell/lex.go</c>) does, with one addition: variables may be
/// <see cref="ShellVariableState.Unknown"/>, and every value that depends on one is reported as an
/// unknown part instead of being guessed.
/// </summary>
/// <remarks>
/// Supported: single and double quotes, the escape token, <c>$VAR</c>, <c>${VAR}</c>, positional and special
/// parameters, and <c>${VAR op word}</c> with op one of <c>:- - :+ + :? ? # ## % %% / //</c> (words may
/// nest further expansions). Instances are immutable and thread-safe. Nothing here throws on bad input:
/// malformed words come back with <see cref="ShellExpansion.Error"/> set.
/// </remarks>
public sealed class ShellLexer
{
    /// <summary>Creates a lexer with <see cref="ShellLexerOptions.Default"/>.</summary>
    public ShellLexer()
        : this(ShellLexerOptions.Default)
    {
    }

    /// <summary>Creates a lexer with the given options (null means the defaults).</summary>
    public ShellLexer(ShellLexerOptions options)
    {
        Options = options ?? ShellLexerOptions.Default;
        MaxNestingDepth = Math.Clamp(Options.MaxNestingDepth, 1, ShellLexerOptions.MaxNestingDepthLimit);

        var escape = Options.EscapeToken;
        var quotes = Options.SkipProcessQuotes ? string.Empty : "'\"";
        var plain = "$" + quotes + escape;
        PlainStops = SearchValues.Create(Distinct(plain));
        WordStops = SearchValues.Create(Distinct(plain + "<"));
        BraceStops = SearchValues.Create(Distinct(plain + "<}"));
        SlashStops = SearchValues.Create(Distinct(plain + "</"));
        QuoteStops = SearchValues.Create(Distinct("\"$" + escape));
    }

    /// <summary>A lexer with the default options (escape token <c>\</c>).</summary>
    public static ShellLexer Default { get; } = new();

    /// <summary>The options of this lexer.</summary>
    public ShellLexerOptions Options { get; }

    internal int MaxNestingDepth { get; }

    /// <summary>Characters that need attention anywhere in a word when not splitting.</summary>
    internal SearchValues<char> PlainStops { get; }

    /// <summary>Characters that end a run of plain text at the top level.</summary>
    internal SearchValues<char> WordStops { get; }

    /// <summary>Characters that end a run of plain text inside <c>${VAR op ...}</c>.</summary>
    internal SearchValues<char> BraceStops { get; }

    /// <summary>Characters that end a run of plain text in the pattern of <c>${VAR/pattern/...}</c>.</summary>
    internal SearchValues<char> SlashStops { get; }

    /// <summary>Characters that end a run of plain text inside double quotes.</summary>
    internal SearchValues<char> QuoteStops { get; }

    /// <summary>
    /// Expands one word into a single string (BuildKit's <c>ProcessWord</c>): quotes are removed, escapes
    /// applied, variables expanded; whitespace is kept as is.
    /// </summary>
    /// <param name="word">The word as written (null is treated as empty).</param>
    /// <param name="variables">The variable source (null means no variable is set).</param>
    public ShellExpansion ProcessWord(string word, IShellVariables variables)
    {
        word ??= string.Empty;
        if (word.AsSpan().IndexOfAny(PlainStops) < 0 && (word.Length == 0 || word[0] != '\uFEFF'))
        {
            return ShellExpansion.Known(word);
        }

        return ShellWordParser.ExpandWord(this, word, variables ?? EmptyVariables.Instance);
    }

    /// <summary>
    /// Expands the text and splits it into words (BuildKit's <c>ProcessWords</c>, used e.g. for <c>EXPOSE</c>).
    /// See <see cref="ShellWords"/> for how unknown parts affect splitting.
    /// </summary>
    /// <param name="word">The text as written (null is treated as empty).</param>
    /// <param name="variables">The variable source (null means no variable is set).</param>
    public ShellWords ProcessWords(string word, IShellVariables variables)
    {
        word ??= string.Empty;
        if (word.AsSpan().IndexOfAny(WordStops) < 0 && (word.Length == 0 || word[0] != '\uFEFF'))
        {
            return ShellWords.FromPlainText(word);
        }

        return ShellWordParser.ExpandWords(this, word, variables ?? EmptyVariables.Instance);
    }

    private static string Distinct(string chars) => new(chars.Distinct().ToArray());

    private sealed class EmptyVariables : IShellVariables
    {
        public static readonly EmptyVariables Instance = new();

        public ShellVariableLookup Lookup(string name) => ShellVariableLookup.NotSet;
    }
}
