using System.Collections.Immutable;
using DockerLint.Parser.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Syntax;

/// <summary>
/// Reads a Dockerfile line by line the way BuildKit's parser does (directives, comments, line
/// continuations, heredocs) and builds the lossless tree: every character ends up in exactly one
/// token or trivia. Instruction arguments are read by <see cref="InstructionParser"/>.
/// </summary>
internal sealed class DockerfileParser
{
    private const char DefaultEscape = '\\';

    private readonly string _src;
    private readonly SourceText _text;
    private readonly string _path;
    /// <summary>Above this many tokens a thread does not keep the lists of a file it parsed.</summary>
    private const int MaxKeptTokens = 1 << 16;

    // The working lists, kept per thread between parses so they do not grow from empty for every file.
    [ThreadStatic]
    private static Scratch? s_scratch;

    private readonly TokenSource _file;
    private readonly Scratch _scratch;
    private readonly List<SyntaxToken> _tokens;
    // Every trivia of the file in source order; a token's leading trivia are those added since _pendingStart.
    private readonly List<SyntaxTrivia> _trivia;
    private int _pendingStart;
    private readonly List<InstructionSyntax> _instructions;
    private readonly List<ParserDirective> _directives = [];
    private readonly List<Diagnostic> _diagnostics = [];
    private readonly Stack<InstructionParser.ArgumentsBuilder> _argumentPool;
    private readonly LogicalLine.Builder _lineBuilder;
    private readonly List<SyntaxToken> _instructionTokens;
    private readonly CancellationToken _cancellationToken;
    private SyntaxToken? _trailingOwner;
    private bool _directivesDone;
    private char _escape = DefaultEscape;

    public DockerfileParser(string source, SourceText text, string path, CancellationToken cancellationToken = default)
    {
        _src = source;
        _text = text;
        _path = path;
        _file = new TokenSource(source);
        _scratch = s_scratch ?? new Scratch();
        s_scratch = null;
        _tokens = _scratch.Tokens;
        _trivia = _scratch.Trivia;
        _instructions = _scratch.Instructions;
        _instructionTokens = _scratch.InstructionTokens;
        _argumentPool = _scratch.Arguments;
        _lineBuilder = _scratch.Line;
        _lineBuilder.Source = source;
        _cancellationToken = cancellationToken;
    }

    public DockerfileSyntaxTree Parse()
    {
        var pos = 0;
        if (_src.Length > 0 && _src[0] == '\uFEFF')
        {
            AddTrivia(SyntaxKind.ByteOrderMarkTrivia, 0, 1);
            pos = 1;
        }

        while (pos < _src.Length)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var (contentEnd, lineEnd) = ReadLine(pos);
            var indentEnd = SkipWhiteSpace(pos, contentEnd);
            var directive = !_directivesDone && TryReadDirective(indentEnd, contentEnd);

            if (indentEnd == contentEnd)
            {
                AddTrivia(SyntaxKind.WhitespaceTrivia, pos, indentEnd);
                AddTrivia(SyntaxKind.EndOfLineTrivia, contentEnd, lineEnd);
                pos = lineEnd;
                continue;
            }

            if (_src[indentEnd] == '#')
            {
                AddTrivia(SyntaxKind.WhitespaceTrivia, pos, indentEnd);
                AddTrivia(directive ? SyntaxKind.ParserDirectiveTrivia : SyntaxKind.CommentTrivia, indentEnd, contentEnd);
                AddTrivia(SyntaxKind.EndOfLineTrivia, contentEnd, lineEnd);
                pos = lineEnd;
                continue;
            }

            pos = ParseInstruction(pos, indentEnd, contentEnd, lineEnd);
        }

        var eof = new SyntaxToken(SyntaxKind.EndOfFileToken, _file, new TextSpan(_src.Length, 0));
        AddToken(eof, allowTrailing: false);
        _file.Trivia = [.. _trivia];

        if (_instructions.Count == 0)
        {
            Report(SyntaxDiagnostics.NoInstructions, new TextSpan(_src.Length, 0));
        }

        var root = new DockerfileSyntax([.. _directives], [.. _instructions], eof, [.. _tokens], _file);
        if (_tokens.Count <= MaxKeptTokens && _scratch.JoinBuffer.Length <= MaxKeptTokens * 16)
        {
            _scratch.Clear();
            s_scratch = _scratch;
        }

        var diagnostics = _diagnostics.Count <= 1 ? [.. _diagnostics] : _diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        return new DockerfileSyntaxTree(_path, _text, root, diagnostics, _escape);
    }

    private int ParseInstruction(int lineStart, int indentEnd, int contentEnd, int lineEnd)
    {
        var builder = _lineBuilder;
        builder.Reset(indentEnd);
        builder.Remove(SyntaxKind.WhitespaceTrivia, lineStart, indentEnd);
        var (continued, keepEnd) = Continuation(indentEnd, contentEnd);
        builder.Append(indentEnd, keepEnd);
        builder.Remove(continued ? SyntaxKind.LineContinuationTrivia : SyntaxKind.EndOfLineTrivia, keepEnd, lineEnd);
        var pos = lineEnd;
        List<TextSpan>? emptyLines = null;

        while (continued && pos < _src.Length)
        {
            (contentEnd, lineEnd) = ReadLine(pos);
            var lineIndent = SkipWhiteSpace(pos, contentEnd);
            if (lineIndent < contentEnd && _src[lineIndent] == '#')
            {
                builder.Remove(SyntaxKind.WhitespaceTrivia, pos, lineIndent);
                builder.Remove(SyntaxKind.CommentTrivia, lineIndent, contentEnd);
                builder.Remove(SyntaxKind.EndOfLineTrivia, contentEnd, lineEnd);
                pos = lineEnd;
                continue;
            }

            if (lineIndent == contentEnd)
            {
                builder.Remove(SyntaxKind.WhitespaceTrivia, pos, lineIndent);
                builder.Remove(SyntaxKind.EndOfLineTrivia, contentEnd, lineEnd);
                (emptyLines ??= []).Add(TextSpan.FromBounds(pos, contentEnd));
                pos = lineEnd;
                continue;
            }

            (continued, keepEnd) = Continuation(pos, contentEnd);
            builder.Append(pos, keepEnd);
            builder.Remove(continued ? SyntaxKind.LineContinuationTrivia : SyntaxKind.EndOfLineTrivia, keepEnd, lineEnd);
            pos = lineEnd;
        }

        var line = builder.ToLine(pos);
        var text = line.IsSourceRun ? _src.AsSpan() : Join(line);
        var instruction = new InstructionParser(_file, this, line, text, _escape).ParseInstruction();
        _instructions.Add(instruction);

        if (emptyLines is not null)
        {
            foreach (var empty in emptyLines)
            {
                Report(SyntaxDiagnostics.EmptyContinuationLine, empty, instruction.KeywordText);
            }
        }

        EmitInstructionTokens(instruction, line, builder.Removed, lineStart);
        return ReadHeredocs(instruction, pos);
    }

    /// <summary>The logical text of a line of several runs, in the reused buffer (valid until the next call).</summary>
    private ReadOnlySpan<char> Join(LogicalLine line)
    {
        var length = line.End - line.Start;
        if (_scratch.JoinBuffer.Length < length)
        {
            _scratch.JoinBuffer = new char[Math.Max(length, _scratch.JoinBuffer.Length * 2)];
        }

        line.CopyTo(_scratch.JoinBuffer);
        return _scratch.JoinBuffer.AsSpan(0, length);
    }

    /// <summary>Adds the instruction's tokens, with the trivia between them, from the logical line's removed regions.</summary>
    private void EmitInstructionTokens(InstructionSyntax instruction, LogicalLine line, List<SyntaxTrivia> removed, int lineStart)
    {
        var r = 0;
        var pos = lineStart;
        var tokens = _instructionTokens;
        tokens.Clear();
        instruction.AddTokensTo(tokens);
        foreach (var token in tokens)
        {
            EmitGap(removed, ref r, pos, token.Span.Start);
            // Most tokens have no continuation inside: no array for them.
            var first = r;
            while (r < removed.Count && removed[r].Span.End <= token.Span.End)
            {
                r++;
            }

            AddToken(token, allowTrailing: true, removed, first, r - first);
            pos = token.Span.End;
        }

        EmitGap(removed, ref r, pos, line.SourceEnd);
    }

    private void EmitGap(List<SyntaxTrivia> removed, ref int r, int start, int end)
    {
        var p = start;
        while (r < removed.Count && removed[r].Span.Start < end)
        {
            var region = removed[r];
            if (region.Span.Start > p)
            {
                AddTrivia(SyntaxKind.WhitespaceTrivia, p, region.Span.Start);
            }

            AddTrivia(region.Kind, Math.Max(region.Span.Start, p), region.Span.End);
            p = Math.Max(p, region.Span.End);
            r++;
        }

        if (p < end)
        {
            AddTrivia(SyntaxKind.WhitespaceTrivia, p, end);
        }
    }

    /// <summary>Reads the bodies of the instruction's heredocs, which follow its last line in order.</summary>
    private int ReadHeredocs(InstructionSyntax instruction, int pos)
    {
        var target = instruction.Trigger ?? instruction;
        var markers = InstructionParser.FindHeredocMarkers(target);
        if (markers is null)
        {
            return pos;
        }

        var heredocs = ImmutableArray.CreateBuilder<HeredocSyntax>(markers.Count);
        foreach (var marker in markers)
        {
            var bodyStart = pos;
            SyntaxToken? terminator = null;
            var terminatorLineStart = _src.Length;
            var terminatorIndentEnd = 0;
            var terminatorContentEnd = 0;
            var terminatorLineEnd = 0;
            while (pos < _src.Length)
            {
                var (contentEnd, lineEnd) = ReadLine(pos);
                var candidateStart = pos;
                if (marker.Chomp)
                {
                    while (candidateStart < contentEnd && _src[candidateStart] == '\t')
                    {
                        candidateStart++;
                    }
                }

                if (_src.AsSpan(candidateStart, contentEnd - candidateStart).SequenceEqual(marker.Name))
                {
                    terminatorLineStart = pos;
                    terminatorIndentEnd = candidateStart;
                    terminatorContentEnd = contentEnd;
                    terminatorLineEnd = lineEnd;
                    terminator = new SyntaxToken(SyntaxKind.HeredocTerminatorToken, _file, TextSpan.FromBounds(candidateStart, contentEnd));
                    pos = lineEnd;
                    break;
                }

                pos = lineEnd;
            }

            var body = new SyntaxToken(SyntaxKind.HeredocBodyToken, _file, TextSpan.FromBounds(bodyStart, Math.Min(terminatorLineStart, _src.Length)));
            AddToken(body, allowTrailing: false);
            if (terminator is not null)
            {
                AddTrivia(SyntaxKind.WhitespaceTrivia, terminatorLineStart, terminatorIndentEnd);
                AddToken(terminator, allowTrailing: true);
                AddTrivia(SyntaxKind.EndOfLineTrivia, terminatorContentEnd, terminatorLineEnd);
            }
            else
            {
                Report(SyntaxDiagnostics.UnterminatedHeredoc, marker.Token.Span, marker.Name);
            }

            heredocs.Add(new HeredocSyntax(marker.Token, marker.Name, marker.Chomp, marker.Expand, marker.FileDescriptor, body, terminator));
        }

        target.Heredocs = heredocs.ToImmutable();
        return pos;
    }

    /// <summary>
    /// Recognises <c># name=value</c> for syntax, escape and check while directives are still allowed
    /// (before the first instruction, comment or blank line). Returns true for a directive line.
    /// </summary>
    private bool TryReadDirective(int start, int end)
    {
        if (start >= end || _src[start] != '#')
        {
            _directivesDone = true;
            return false;
        }

        var p = SkipWhiteSpace(start + 1, end);
        var nameStart = p;
        if (p >= end || !char.IsAsciiLetter(_src[p]))
        {
            _directivesDone = true;
            return false;
        }

        while (p < end && char.IsAsciiLetterOrDigit(_src[p]))
        {
            p++;
        }

        var nameEnd = p;
        p = SkipRegexSpace(p, end);
        if (p >= end || _src[p] != '=')
        {
            _directivesDone = true;
            return false;
        }

        p = SkipRegexSpace(p + 1, end);
        var valueStart = p;
        var valueEnd = end;
        while (valueEnd > valueStart && IsRegexSpace(_src[valueEnd - 1]))
        {
            valueEnd--;
        }

        var name = _src[nameStart..nameEnd].ToLowerInvariant();
        if (valueEnd <= valueStart || name is not ("syntax" or "escape" or "check"))
        {
            _directivesDone = true;
            return false;
        }

        var value = _src[valueStart..valueEnd];
        var span = TextSpan.FromBounds(start, end);
        if (_directives.Exists(d => d.Name == name))
        {
            Report(SyntaxDiagnostics.InvalidParserDirective, span, $"Only one '{name}' parser directive can be used");
            return true;
        }

        _directives.Add(new ParserDirective(name, value, span, TextSpan.FromBounds(nameStart, nameEnd), TextSpan.FromBounds(valueStart, valueEnd)));
        if (name == "escape")
        {
            if (value is "\\" or "`")
            {
                _escape = value[0];
            }
            else
            {
                Report(SyntaxDiagnostics.InvalidParserDirective, TextSpan.FromBounds(valueStart, valueEnd), $"Invalid escape character '{value}': only \\ and ` are allowed");
            }
        }

        return true;
    }

    /// <summary>
    /// BuildKit's continuation test: the escape character, then only spaces or tabs, at the end of the
    /// line, not itself escaped (or alone at the start). Returns where the kept text ends.
    /// </summary>
    private (bool Continued, int KeepEnd) Continuation(int start, int end)
    {
        var j = end;
        while (j > start && _src[j - 1] is ' ' or '\t')
        {
            j--;
        }

        if (j == start || _src[j - 1] != _escape)
        {
            return (false, end);
        }

        var escapeAt = j - 1;
        if (escapeAt == start)
        {
            return (true, start);
        }

        return _src[escapeAt - 1] == _escape ? (false, end) : (true, escapeAt);
    }

    /// <summary>The end of the line's content (before any trailing CR/LF run) and the start of the next line.</summary>
    private (int ContentEnd, int LineEnd) ReadLine(int pos)
    {
        var newline = _src.IndexOf('\n', pos);
        var lineEnd = newline < 0 ? _src.Length : newline + 1;
        var contentEnd = newline < 0 ? _src.Length : newline;
        while (contentEnd > pos && _src[contentEnd - 1] is '\r' or '\n')
        {
            contentEnd--;
        }

        return (contentEnd, lineEnd);
    }

    private int SkipWhiteSpace(int pos, int end)
    {
        while (pos < end && char.IsWhiteSpace(_src[pos]))
        {
            pos++;
        }

        return pos;
    }

    private static bool IsRegexSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    private int SkipRegexSpace(int pos, int end)
    {
        while (pos < end && IsRegexSpace(_src[pos]))
        {
            pos++;
        }

        return pos;
    }

    private void AddTrivia(SyntaxKind kind, int start, int end)
    {
        if (end <= start)
        {
            return;
        }

        var trivia = new SyntaxTrivia(kind, TextSpan.FromBounds(start, end));
        _trivia.Add(trivia);
        if (_trailingOwner is not null && trivia.EndsLine)
        {
            FlushTrailing();
        }
    }

    /// <summary>
    /// Adds a token: the trivia added since the last token's trailing trivia ended are its leading
    /// trivia; <paramref name="innerCount"/> trivia of <paramref name="inner"/> from <paramref name="innerStart"/> lie inside it.
    /// </summary>
    private void AddToken(SyntaxToken token, bool allowTrailing, List<SyntaxTrivia>? inner = null, int innerStart = 0, int innerCount = 0)
    {
        FlushTrailing();
        var leading = _trivia.Count - _pendingStart;
        for (var i = 0; i < innerCount; i++)
        {
            _trivia.Add(inner![innerStart + i]);
        }

        token.SetTrivia(_pendingStart, leading, innerCount);
        _tokens.Add(token);
        _trailingOwner = allowTrailing ? token : null;
        _pendingStart = _trivia.Count;
    }

    /// <summary>Ends the trailing trivia of the last token (at a line end or the next token).</summary>
    private void FlushTrailing()
    {
        if (_trailingOwner is null)
        {
            return;
        }

        _trailingOwner.SetTrailing(_trivia.Count - _trailingOwner.TrailingStart);
        _trailingOwner = null;
        _pendingStart = _trivia.Count;
    }

    /// <summary>Lists for one instruction's arguments, empty; one per nesting level is live at a time (ONBUILD).</summary>
    internal InstructionParser.ArgumentsBuilder RentArguments()
        => _argumentPool.TryPop(out var args) ? args : new InstructionParser.ArgumentsBuilder();

    internal void ReturnArguments(InstructionParser.ArgumentsBuilder args)
    {
        args.Clear();
        _argumentPool.Push(args);
    }

    internal void Report(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args)
    {
        var location = Location.Create(_path, span, _text.Lines.GetLinePositionSpan(span));
        _diagnostics.Add(Diagnostic.Create(descriptor, location, args));
    }

    /// <summary>The lists a parse fills; emptied and handed to the next parse on the same thread.</summary>
    private sealed class Scratch
    {
        public List<SyntaxToken> Tokens { get; } = [];

        public List<SyntaxTrivia> Trivia { get; } = [];

        public List<InstructionSyntax> Instructions { get; } = [];

        public List<SyntaxToken> InstructionTokens { get; } = [];

        public Stack<InstructionParser.ArgumentsBuilder> Arguments { get; } = new();

        public LogicalLine.Builder Line { get; } = new();

        public char[] JoinBuffer { get; set; } = new char[256];

        public void Clear()
        {
            Tokens.Clear();
            Trivia.Clear();
            Instructions.Clear();
            InstructionTokens.Clear();
            Line.Source = "";
        }
    }
}
