using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Syntax;

/// <summary>
/// A parsed Dockerfile: a lossless syntax tree over a <see cref="SourceText"/> and the syntax
/// diagnostics found while parsing. <see cref="ToFullString"/> returns the input exactly.
/// </summary>
public sealed class DockerfileSyntaxTree
{
    internal DockerfileSyntaxTree(string filePath, SourceText text, DockerfileSyntax root, ImmutableArray<Diagnostic> diagnostics, char escapeToken)
    {
        FilePath = filePath;
        Text = text;
        Root = root;
        Diagnostics = diagnostics;
        EscapeToken = escapeToken;
    }

    /// <summary>The path the tree was parsed from (as given; used in locations).</summary>
    public string FilePath { get; }

    /// <summary>The source text.</summary>
    public SourceText Text { get; }

    /// <summary>The root node.</summary>
    public DockerfileSyntax Root { get; }

    /// <summary>Problems found by the parser (the <c>DF0xxx</c> band), in source order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The escape character in effect (<c>\</c> unless a <c># escape=</c> directive set <c>`</c>).</summary>
    public char EscapeToken { get; }

    /// <summary>
    /// Parses Dockerfile text. Never throws on any input; checks <paramref name="cancellationToken"/>
    /// before each line and throws <see cref="OperationCanceledException"/> once it is cancelled.
    /// </summary>
    public static DockerfileSyntaxTree Parse(string text, string filePath = "Dockerfile", CancellationToken cancellationToken = default)
        => new DockerfileParser(text, SourceText.From(text), filePath, cancellationToken).Parse();

    /// <summary>
    /// Parses a <see cref="SourceText"/>. Never throws on any input; checks <paramref name="cancellationToken"/>
    /// before each line and throws <see cref="OperationCanceledException"/> once it is cancelled.
    /// </summary>
    public static DockerfileSyntaxTree Parse(SourceText text, string filePath = "Dockerfile", CancellationToken cancellationToken = default)
        => new DockerfileParser(text.ToString(), text, filePath, cancellationToken).Parse();

    /// <summary>
    /// Parses UTF-8 bytes. A byte order mark is kept as trivia, so encoding <see cref="ToFullString"/>
    /// as UTF-8 without adding a BOM gives back the same bytes for any valid UTF-8 input.
    /// </summary>
    public static DockerfileSyntaxTree Parse(byte[] utf8, string filePath = "Dockerfile")
        => Parse(s_utf8.GetString(utf8), filePath);

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The text of the whole tree, built from its tokens and trivia: always equal to the input.</summary>
    public string ToFullString()
    {
        var builder = new StringBuilder(Text.Length);
        foreach (var token in Root.AllTokens)
        {
            token.WriteTo(builder);
        }

        return builder.ToString();
    }

    /// <summary>The line/column span (0-based) of <paramref name="span"/>.</summary>
    public FileLinePositionSpan GetLineSpan(TextSpan span)
        => new(FilePath, Text.Lines.GetLinePositionSpan(span));

    /// <summary>A Roslyn location for <paramref name="span"/> in this file.</summary>
    public Location GetLocation(TextSpan span)
        => Location.Create(FilePath, span, Text.Lines.GetLinePositionSpan(span));
}
