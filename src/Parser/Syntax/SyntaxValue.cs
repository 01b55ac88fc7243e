using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Syntax;

/// <summary>
/// A piece of an instruction's arguments as BuildKit reads it (a word, the shell-form command,
/// a JSON element), with the source span it was read from.
/// </summary>
public sealed class SyntaxValue
{
    private readonly LogicalLine? _line;
    private readonly int _logicalStart;
    private readonly int _length;
    private readonly bool _contiguous;
    private string? _text;

    /// <summary>
    /// The logical range <paramref name="logicalStart"/>..+<paramref name="length"/> of <paramref name="line"/>;
    /// its text is copied out of the line only when <see cref="Text"/> is first read.
    /// </summary>
    internal SyntaxValue(LogicalLine line, int logicalStart, int length, TextSpan span)
    {
        Span = span;
        _line = line;
        _logicalStart = logicalStart;
        _length = length;
    }

    /// <summary>A value whose characters sit one to one at <paramref name="span"/> when <paramref name="contiguous"/>.</summary>
    internal SyntaxValue(string text, TextSpan span, bool contiguous = false)
    {
        _text = text;
        Span = span;
        _logicalStart = -1;
        _length = text.Length;
        _contiguous = contiguous && span.Length == text.Length;
    }

    /// <summary>The value (continuations removed; quotes kept unless the grammar removes them).</summary>
    // A race between two first readers makes two equal strings; either is right.
    public string Text => _text ??= _line!.Substring(_logicalStart, _length);

    /// <summary>Where the value was written.</summary>
    public TextSpan Span { get; }

    /// <summary>True when <see cref="Text"/> is the source text with only continuations removed,
    /// so that <see cref="GetSpan"/> is exact for any sub-range.</summary>
    public bool IsVerbatim => _line is not null || _contiguous;

    /// <summary>The length of <see cref="Text"/>, without making it.</summary>
    internal int Length => _length;

    /// <summary>The source span of <paramref name="length"/> characters of <see cref="Text"/> from <paramref name="start"/>.
    /// Exact for verbatim values; for others, the whole <see cref="Span"/>.</summary>
    public TextSpan GetSpan(int start, int length)
    {
        if (!IsVerbatim || start < 0 || length < 0 || start + length > _length)
        {
            return Span;
        }

        return _line is null ? new TextSpan(Span.Start + start, length) : _line.ToSourceSpan(_logicalStart + start, length);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}

/// <summary>A builder flag: <c>--name</c> or <c>--name=value</c>.</summary>
public sealed class FlagSyntax
{
    internal FlagSyntax(SyntaxToken token, string name, string? value, TextSpan nameSpan, TextSpan valueSpan)
    {
        Token = token;
        Name = name;
        Value = value;
        NameSpan = nameSpan;
        ValueSpan = valueSpan;
    }

    /// <summary>The whole flag as written.</summary>
    public SyntaxToken Token { get; }

    /// <summary>The name without the leading dashes, e.g. <c>mount</c>.</summary>
    public string Name { get; }

    /// <summary>The value after <c>=</c>, with quotes and escapes processed; null for a bare <c>--name</c>.</summary>
    public string? Value { get; }

    /// <summary>Span of the name (dashes excluded).</summary>
    public TextSpan NameSpan { get; }

    /// <summary>Span of the value as written (after <c>=</c>); empty when there is none.</summary>
    public TextSpan ValueSpan { get; }

    /// <summary>The flag as BuildKit reports it: <c>--name=value</c> after quote processing.</summary>
    public string ProcessedText => Value is null ? "--" + Name : "--" + Name + "=" + Value;

    /// <inheritdoc />
    public override string ToString() => ProcessedText;
}

/// <summary>A <c>key=value</c> pair of ENV or LABEL, or the legacy <c>ENV key value</c> form.</summary>
public sealed class KeyValueSyntax
{
    internal KeyValueSyntax(SyntaxValue key, SyntaxValue value, bool hasEquals, TextSpan span)
    {
        Key = key;
        Value = value;
        HasEquals = hasEquals;
        Span = span;
    }

    /// <summary>The key as written.</summary>
    public SyntaxValue Key { get; }

    /// <summary>The value as written (quotes kept; see the model for the expanded value).</summary>
    public SyntaxValue Value { get; }

    /// <summary>False for the legacy whitespace-separated form.</summary>
    public bool HasEquals { get; }

    /// <summary>The whole pair.</summary>
    public TextSpan Span { get; }
}

/// <summary>A heredoc of RUN, COPY or ADD: its marker word, body and terminator.</summary>
public sealed class HeredocSyntax
{
    internal HeredocSyntax(SyntaxToken marker, string name, bool chomp, bool expand, int fileDescriptor, SyntaxToken body, SyntaxToken? terminator)
    {
        Marker = marker;
        Name = name;
        Chomp = chomp;
        Expand = expand;
        FileDescriptor = fileDescriptor;
        Body = body;
        Terminator = terminator;
    }

    /// <summary>The word that opens the heredoc, e.g. <c>&lt;&lt;-"EOF"</c>.</summary>
    public SyntaxToken Marker { get; }

    /// <summary>The delimiter, quotes removed.</summary>
    public string Name { get; }

    /// <summary>True for <c>&lt;&lt;-</c>: leading tabs are stripped from the body and terminator.</summary>
    public bool Chomp { get; }

    /// <summary>False when the delimiter was quoted: variables in the body are not expanded.</summary>
    public bool Expand { get; }

    /// <summary>The file descriptor written before <c>&lt;&lt;</c> (0 when none).</summary>
    public int FileDescriptor { get; }

    /// <summary>The body lines, line terminators included.</summary>
    public SyntaxToken Body { get; }

    /// <summary>The closing delimiter line; null when the heredoc is unterminated.</summary>
    public SyntaxToken? Terminator { get; }

    /// <summary>False when the file ended before the delimiter.</summary>
    public bool IsTerminated => Terminator is not null;

    /// <summary>The content as BuildKit hands it over, leading tabs removed for <c>&lt;&lt;-</c>.</summary>
    public string Content => Chomp ? StripLeadingTabs(Body.Text) : Body.Text;

    private static string StripLeadingTabs(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var atLineStart = true;
        foreach (var c in text)
        {
            if (atLineStart && c == '\t')
            {
                continue;
            }

            atLineStart = c == '\n';
            builder.Append(c);
        }

        return builder.ToString();
    }
}

/// <summary>A parser directive at the top of the file: <c># syntax=</c>, <c># escape=</c> or <c># check=</c>.</summary>
public sealed class ParserDirective
{
    internal ParserDirective(string name, string value, TextSpan span, TextSpan nameSpan, TextSpan valueSpan)
    {
        Name = name;
        Value = value;
        Span = span;
        NameSpan = nameSpan;
        ValueSpan = valueSpan;
    }

    /// <summary>The directive name in lower case.</summary>
    public string Name { get; }

    /// <summary>The value, trimmed.</summary>
    public string Value { get; }

    /// <summary>The whole directive comment (line terminator excluded).</summary>
    public TextSpan Span { get; }

    /// <summary>The name as written.</summary>
    public TextSpan NameSpan { get; }

    /// <summary>The value as written.</summary>
    public TextSpan ValueSpan { get; }
}
