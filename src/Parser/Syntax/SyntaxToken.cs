using System.Collections.Immutable;
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
    private readonly string _source;
    private readonly string? _value;

    internal SyntaxToken(SyntaxKind kind, string source, TextSpan span, string? value = null)
    {
        Kind = kind;
        _source = source;
        Span = span;
        _value = value;
    }

    /// <summary>What the token is.</summary>
    public SyntaxKind Kind { get; }

    /// <summary>The characters the token owns, trivia excluded.</summary>
    public TextSpan Span { get; }

    /// <summary>The span including leading and trailing trivia.</summary>
    public TextSpan FullSpan
    {
        get
        {
            var start = LeadingTrivia.IsEmpty ? Span.Start : LeadingTrivia[0].Span.Start;
            var end = TrailingTrivia.IsEmpty ? Span.End : TrailingTrivia[^1].Span.End;
            return TextSpan.FromBounds(start, end);
        }
    }

    /// <summary>Trivia before the token (comment and blank lines, indentation, continuations).</summary>
    public ImmutableArray<SyntaxTrivia> LeadingTrivia { get; internal set; } = [];

    /// <summary>Trivia after the token on the same line, up to and including the line end.</summary>
    public ImmutableArray<SyntaxTrivia> TrailingTrivia { get; internal set; } = [];

    /// <summary>Continuations, comment lines and blank lines that lie inside this token's span.</summary>
    public ImmutableArray<SyntaxTrivia> InnerTrivia { get; internal set; } = [];

    /// <summary>True for a zero-width token that stands for something missing.</summary>
    public bool IsMissing => Span.IsEmpty && Kind is not (SyntaxKind.EndOfFileToken or SyntaxKind.HeredocBodyToken);

    /// <summary>The source text of the token, exactly as written.</summary>
    public string Text => _source.Substring(Span.Start, Span.Length);

    /// <summary>The text as the Dockerfile means it: line continuations and comment lines inside removed.</summary>
    public string Value => _value ?? Text;

    /// <summary>The characters of <see cref="Value"/>, without making a string.</summary>
    internal ReadOnlySpan<char> ValueSpan => _value is null ? _source.AsSpan(Span.Start, Span.Length) : _value.AsSpan();

    /// <summary>Appends the token with its trivia, exactly as in the source.</summary>
    public void WriteTo(System.Text.StringBuilder builder)
    {
        var full = FullSpan;
        builder.Append(_source, full.Start, full.Length);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
