using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Syntax;

/// <summary>
/// A token of a Dockerfile: a keyword, flag, word, JSON punctuation, heredoc part or end of file.
/// Its <see cref="Span"/> covers the characters it owns in the source; trivia around it is in
/// <see cref="LeadingTrivia"/> and <see cref="TrailingTrivia"/>. A word that is broken over lines
/// (<c>hel\⏎lo</c>) owns the continuation inside it: that part is listed in <see cref="InnerTrivia"/>
/// and left out of <see cref="Value"/>.
/// </summary>
public sealed class SyntaxToken
{
    // 48 bytes a token (there are hundreds of thousands in a large repository): the rare value that
    // differs from the text (a word broken over lines) is kept by the file, and the kind in a byte.
    private readonly TokenSource _file;
    // The token's trivia in the file's trivia array: leading, then inner, then trailing.
    private int _triviaStart;
    private int _leading;
    private int _inner;
    private ushort _trailing;
    private readonly byte _kind;
    private readonly bool _hasValue;

    internal SyntaxToken(SyntaxKind kind, TokenSource file, TextSpan span, string? value = null)
    {
        _kind = (byte)kind;
        _file = file;
        Span = span;
        if (value is not null)
        {
            _hasValue = true;
            file.SetValue(this, value);
        }
    }

    /// <summary>What the token is.</summary>
    public SyntaxKind Kind => (SyntaxKind)_kind;

    /// <summary>The characters the token owns, trivia excluded.</summary>
    public TextSpan Span { get; }

    /// <summary>The span including leading and trailing trivia.</summary>
    public TextSpan FullSpan
    {
        get
        {
            var trivia = _file.Trivia;
            var start = _leading == 0 ? Span.Start : trivia[_triviaStart].Span.Start;
            var end = _trailing == 0 ? Span.End : trivia[_triviaStart + _leading + _inner + _trailing - 1].Span.End;
            return TextSpan.FromBounds(start, end);
        }
    }

    /// <summary>Trivia before the token (comment and blank lines, indentation, continuations).</summary>
    public SyntaxTriviaList LeadingTrivia => new(_file.Trivia, _triviaStart, _leading);

    /// <summary>Trivia after the token on the same line, up to and including the line end.</summary>
    public SyntaxTriviaList TrailingTrivia => new(_file.Trivia, _triviaStart + _leading + _inner, _trailing);

    /// <summary>Continuations, comment lines and blank lines that lie inside this token's span.</summary>
    public SyntaxTriviaList InnerTrivia => new(_file.Trivia, _triviaStart + _leading, _inner);

    /// <summary>Places the token's leading and inner trivia in the file's trivia array (while parsing).</summary>
    internal void SetTrivia(int start, int leading, int inner)
    {
        _triviaStart = start;
        _leading = leading;
        _inner = inner;
    }

    /// <summary>Where the token's trailing trivia starts in the file's trivia array.</summary>
    internal int TrailingStart => _triviaStart + _leading + _inner;

    /// <summary>Sets how many trivia after the inner ones are trailing (while parsing).</summary>
    /// <remarks>Trailing trivia end at the first line end, so there are only ever a few.</remarks>
    internal void SetTrailing(int count) => _trailing = checked((ushort)count);

    /// <summary>True for a zero-width token that stands for something missing.</summary>
    public bool IsMissing => Span.IsEmpty && Kind is not (SyntaxKind.EndOfFileToken or SyntaxKind.HeredocBodyToken);

    /// <summary>The source text of the token, exactly as written.</summary>
    public string Text => _file.Text.Substring(Span.Start, Span.Length);

    /// <summary>The text as the Dockerfile means it: line continuations and comment lines inside removed.</summary>
    public string Value => _hasValue ? _file.ValueOf(this) : Text;

    /// <summary>The characters of <see cref="Value"/>, without making a string.</summary>
    internal ReadOnlySpan<char> ValueSpan => _hasValue ? _file.ValueOf(this).AsSpan() : _file.Text.AsSpan(Span.Start, Span.Length);

    /// <summary>Appends the token with its trivia, exactly as in the source.</summary>
    public void WriteTo(System.Text.StringBuilder builder)
    {
        var full = FullSpan;
        builder.Append(_file.Text, full.Start, full.Length);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>What the tokens of one file share: its text and, once it is parsed, all its trivia in source order.</summary>
internal sealed class TokenSource
{
    public TokenSource(string text)
    {
        Text = text;
    }

    /// <summary>The source text.</summary>
    public string Text { get; }

    /// <summary>Every trivia of the file in source order (set when the parse ends).</summary>
    public SyntaxTrivia[] Trivia { get; set; } = [];

    // The values of the tokens whose value is not their text; written while parsing, only read after.
    private Dictionary<SyntaxToken, string>? _values;

    public void SetValue(SyntaxToken token, string value) => (_values ??= new(ReferenceEqualityComparer.Instance))[token] = value;

    public string ValueOf(SyntaxToken token) => _values![token];
}
