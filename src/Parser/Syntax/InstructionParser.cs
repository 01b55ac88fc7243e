using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using DockerLint.Parser.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Syntax;

/// <summary>
/// Reads one logical line into an <see cref="InstructionSyntax"/>: keyword, builder flags and the
/// arguments in the form BuildKit's line parser for that instruction uses.
/// </summary>
internal ref struct InstructionParser
{
    /// <summary>ONBUILD may nest only so deep before we stop descending (BuildKit rejects any chaining).</summary>
    private const int MaxTriggerDepth = 8;

    private readonly TokenSource _file;
    private readonly DockerfileParser _parser;
    private readonly LogicalLine _line;
    // The logical text, indexed by logical position: the source itself for a line on one run of
    // source characters, else the runs joined into the parser's reused buffer (no string is made).
    private readonly ReadOnlySpan<char> _t;
    private readonly char _escape;

    /// <summary>A reader for one instruction (a stack value: nothing is allocated for it).</summary>
    public InstructionParser(TokenSource file, DockerfileParser parser, LogicalLine line, ReadOnlySpan<char> text, char escape)
    {
        _file = file;
        _parser = parser;
        _line = line;
        _t = text;
        _escape = escape;
    }

    public InstructionSyntax ParseInstruction() => Parse(_line.Start, _line.End, depth: 0);

    private InstructionSyntax Parse(int start, int end, int depth)
    {
        // The keyword is the first run of non-blank characters (BuildKit splits on [\t\v\f\r ]).
        var s = SkipSpace(start, end);
        var e = end;
        while (e > s && char.IsWhiteSpace(_t[e - 1]))
        {
            e--;
        }

        var k = s;
        while (k < e && !IsSplitSpace(_t[k]))
        {
            k++;
        }

        var keyword = Token(SyntaxKind.KeywordToken, s, k);
        var kind = InstructionKinds.FromKeyword(_t.Slice(s, k - s));
        if (kind == InstructionKind.Unknown)
        {
            _parser.Report(SyntaxDiagnostics.UnknownInstruction, keyword.Span, keyword.Value);
        }

        var args = _parser.RentArguments();
        try
        {
            return Parse(s, e, k, keyword, kind, args, depth);
        }
        finally
        {
            _parser.ReturnArguments(args);
        }
    }

    private InstructionSyntax Parse(int s, int e, int k, SyntaxToken keyword, InstructionKind kind, ArgumentsBuilder args, int depth)
    {
        var argsStart = k;
        while (argsStart < e && IsSplitSpace(_t[argsStart]))
        {
            argsStart++;
        }

        var flags = args.Flags;
        SyntaxToken? terminator = null;
        var restStart = argsStart < e ? ReadFlags(argsStart, e, args, ref terminator) : e;
        restStart = SkipSpace(restStart, e);

        var form = InstructionKinds.ArgumentFormOf(kind);
        InstructionSyntax? trigger = null;
        var rest = restStart < e ? Value(restStart, e) : null;

        switch (form)
        {
            case ArgumentForm.SubInstruction:
                if (restStart < e)
                {
                    if (depth >= MaxTriggerDepth)
                    {
                        _parser.Report(SyntaxDiagnostics.InvalidArguments, _line.ToSourceSpan(restStart, e - restStart), "ONBUILD triggers nest too deeply");
                        AddWordTokens(args, restStart, e);
                    }
                    else
                    {
                        trigger = Parse(restStart, e, depth + 1);
                    }
                }

                break;
            case ArgumentForm.String:
                if (rest is not null)
                {
                    args.Values.Add(rest);
                }

                AddWordTokens(args, restStart, e);
                break;
            case ArgumentForm.WhitespaceList:
                AddWhitespaceList(args, restStart, e);
                break;
            case ArgumentForm.MaybeJson:
                ReadMaybeJson(args, restStart, e, list: false, rest);
                break;
            case ArgumentForm.MaybeJsonList:
                ReadMaybeJson(args, restStart, e, list: true, rest);
                break;
            case ArgumentForm.NamesOrNameValues:
                foreach (var word in ReadWords(args, restStart, e))
                {
                    args.Tokens.Add(Token(SyntaxKind.WordToken, word.Start, word.End));
                    if (word.Counted)
                    {
                        args.Values.Add(WordValue(word));
                    }
                }

                break;
            case ArgumentForm.NameValues:
                ReadNameValues(args, kind, restStart, e);
                break;
            case ArgumentForm.HealthCheck:
                ReadHealthCheck(args, restStart, e);
                break;
            default:
                AddWordTokens(args, restStart, e);
                break;
        }

        return new InstructionSyntax(
            kind,
            keyword,
            flags.ToImmutable(),
            terminator,
            args.Tokens.ToImmutable(),
            rest,
            args.Values.ToImmutable(),
            args.Pairs.ToImmutable(),
            args.IsExecForm,
            trigger,
            _line);
    }

    /// <summary>BuildKit's flag reader: leading words that start with <c>--</c>, quotes and escapes processed.</summary>
    private int ReadFlags(int pos, int end, ArgumentsBuilder args, ref SyntaxToken? terminator)
    {
        var word = args.Word;
        while (true)
        {
            pos = SkipSpace(pos, end);
            if (pos >= end)
            {
                return end;
            }

            if (_t[pos] != '-' || pos + 1 >= end || _t[pos + 1] != '-')
            {
                return pos;
            }

            var wordStart = pos;
            word.Clear();
            pos = ScanWord(pos, end, processQuotes: true, word, out var blankOk, out _);

            var text = word.ToString();
            if (text == "--")
            {
                terminator = Token(SyntaxKind.FlagTerminatorToken, wordStart, pos);
                return pos;
            }

            if (blankOk || text.Length > 0)
            {
                args.Flags.Add(MakeFlag(text, wordStart, pos));
            }
        }
    }

    private FlagSyntax MakeFlag(string processed, int start, int end)
    {
        var token = Token(SyntaxKind.FlagToken, start, end);
        var body = processed.StartsWith("--", StringComparison.Ordinal) ? processed[2..] : processed;
        var eq = body.IndexOf('=');
        var rawEq = _t[start..end].IndexOf('=');
        rawEq = rawEq < 0 ? -1 : start + rawEq;
        var nameEnd = rawEq < 0 ? end : rawEq;
        var nameSpan = _line.ToSourceSpan(Math.Min(start + 2, nameEnd), Math.Max(0, nameEnd - start - 2));
        if (eq < 0)
        {
            if (body.Length == 0)
            {
                _parser.Report(SyntaxDiagnostics.InvalidFlag, token.Span, $"Flag '{token.Value}' has no name");
            }

            return new FlagSyntax(token, body, null, nameSpan, new TextSpan(token.Span.End, 0));
        }

        var name = body[..eq];
        if (name.Length == 0)
        {
            _parser.Report(SyntaxDiagnostics.InvalidFlag, token.Span, $"Flag '{token.Value}' has no name");
        }

        var valueSpan = rawEq < 0 ? new TextSpan(token.Span.End, 0) : _line.ToSourceSpan(rawEq + 1, end - rawEq - 1);
        return new FlagSyntax(token, name, body[(eq + 1)..], nameSpan, valueSpan);
    }

    /// <param name="whole">The value of exactly <c>start..end</c> when the caller already made it (the shell form reuses it instead of copying the command again).</param>
    private void ReadMaybeJson(ArgumentsBuilder args, int start, int end, bool list, SyntaxValue? whole = null)
    {
        if (start < end && _t[start] == '[')
        {
            var json = JsonArrayParser.Parse(_t, start, end - start);
            if (json.Kind == JsonArrayKind.StringArray)
            {
                args.IsExecForm = true;
                AddJsonTokens(args, json);
                return;
            }

            if (json.Kind == JsonArrayKind.NonStringArray)
            {
                _parser.Report(SyntaxDiagnostics.InvalidExecForm, _line.ToSourceSpan(start, end - start));
                AddWordTokens(args, start, end);
                return;
            }
        }

        if (list)
        {
            AddWhitespaceList(args, start, end);
            return;
        }

        if (start < end)
        {
            args.Values.Add(whole ?? Value(start, end));
        }

        AddWordTokens(args, start, end);
    }

    private void AddJsonTokens(ArgumentsBuilder args, JsonArrayParseResult json)
    {
        args.Tokens.Add(Token(SyntaxKind.OpenBracketToken, json.OpenBracketOffset, json.OpenBracketOffset + 1));
        var commas = json.CommaOffsets;
        var c = 0;
        foreach (var element in json.Elements)
        {
            while (c < commas.Count && commas[c] < element.Start)
            {
                args.Tokens.Add(Token(SyntaxKind.CommaToken, commas[c], commas[c] + 1));
                c++;
            }

            var token = Token(SyntaxKind.JsonStringToken, element.Start, element.Start + element.Length);
            args.Tokens.Add(token);
            args.Values.Add(new SyntaxValue(element.Value, token.Span));
        }

        while (c < commas.Count)
        {
            args.Tokens.Add(Token(SyntaxKind.CommaToken, commas[c], commas[c] + 1));
            c++;
        }

        args.Tokens.Add(Token(SyntaxKind.CloseBracketToken, json.CloseBracketOffset, json.CloseBracketOffset + 1));
    }

    private void ReadNameValues(ArgumentsBuilder args, InstructionKind kind, int start, int end)
    {
        var words = ReadWords(args, start, end);
        var firstCounted = -1;
        for (var i = 0; i < words.Count; i++)
        {
            args.Tokens.Add(Token(SyntaxKind.WordToken, words[i].Start, words[i].End));
            if (firstCounted < 0 && words[i].Counted)
            {
                firstCounted = i;
            }
        }

        if (firstCounted < 0)
        {
            return;
        }

        var keyword = kind.ToKeyword();
        if (!WordText(words[firstCounted]).Contains('='))
        {
            // Legacy form: KEY name value — the value is everything after the first blank run.
            var k = start;
            while (k < end && !IsSplitSpace(_t[k]))
            {
                k++;
            }

            var v = k;
            while (v < end && IsSplitSpace(_t[v]))
            {
                v++;
            }

            if (v >= end)
            {
                _parser.Report(SyntaxDiagnostics.InvalidKeyValue, _line.ToSourceSpan(start, end - start), $"{keyword} must have two arguments: a name and a value (or name=value)");
                return;
            }

            args.Pairs.Add(new KeyValueSyntax(Value(start, k), Value(v, end), hasEquals: false, _line.ToSourceSpan(start, end - start)));
            return;
        }

        foreach (var word in words)
        {
            if (!word.Counted)
            {
                continue;
            }

            var text = WordText(word);
            var eq = text.IndexOf('=');
            if (eq < 0)
            {
                _parser.Report(SyntaxDiagnostics.InvalidKeyValue, _line.ToSourceSpan(word.Start, word.End - word.Start),
                    $"Syntax error - can't find = in \"{text}\". Must be of the form: name=value");
                continue;
            }

            var key = Value(word.Start, word.Start + eq);
            var valueStart = word.Start + eq + 1;
            var value = word.ValueEnd == word.End
                ? Value(valueStart, word.End)
                : new SyntaxValue(text[(eq + 1)..].ToString(), _line.ToSourceSpan(valueStart, word.End - valueStart));
            args.Pairs.Add(new KeyValueSyntax(key, value, hasEquals: true, _line.ToSourceSpan(word.Start, word.End - word.Start)));
        }
    }

    private void ReadHealthCheck(ArgumentsBuilder args, int start, int end)
    {
        if (start >= end)
        {
            return;
        }

        var sep = start;
        while (sep < end && !char.IsWhiteSpace(_t[sep]))
        {
            sep++;
        }

        args.Tokens.Add(Token(SyntaxKind.WordToken, start, sep));
        args.Values.Add(Value(start, sep));
        ReadMaybeJson(args, SkipSpace(sep, end), end, list: false);
    }

    private void AddWhitespaceList(ArgumentsBuilder args, int start, int end)
    {
        var p = start;
        while (p < end)
        {
            while (p < end && IsSplitSpace(_t[p]))
            {
                p++;
            }

            if (p >= end)
            {
                break;
            }

            var wordStart = p;
            while (p < end && !IsSplitSpace(_t[p]))
            {
                p++;
            }

            var token = Token(SyntaxKind.WordToken, wordStart, p);
            args.Tokens.Add(token);
            args.Values.Add(Value(wordStart, p));
        }
    }

    /// <summary>Adds a word token for every word <see cref="ReadWords"/> would return, without building their values.</summary>
    private void AddWordTokens(ArgumentsBuilder args, int start, int end)
    {
        for (var p = SkipBlanks(start, end); p < end; p = SkipBlanks(p, end))
        {
            var wordStart = p;
            p = ScanWord(p, end, processQuotes: false, sb: null, out _, out _);
            args.Tokens.Add(Token(SyntaxKind.WordToken, wordStart, p));
        }
    }

    /// <summary>The first position from <paramref name="p"/> that is not white space (or <paramref name="end"/>).</summary>
    private int SkipBlanks(int p, int end)
    {
        while (p < end && char.IsWhiteSpace(_t[p]))
        {
            p++;
        }

        return p;
    }

    /// <summary>A word of <c>Start..End</c> whose value (BuildKit's) is <c>Start..ValueEnd</c>: the raw text, less an escape character at the very end.</summary>
    internal readonly record struct Word(int Start, int End, int ValueEnd, bool Counted);

    private ReadOnlySpan<char> WordText(Word word) => _t.Slice(word.Start, word.ValueEnd - word.Start);

    /// <summary>
    /// BuildKit's word splitter for ENV/LABEL/ARG: splits on white space outside quotes, keeps the
    /// quotes, lets the escape character protect the next character. Every run of non-blank text is
    /// returned (so tokens cover it); <see cref="Word.Counted"/> says whether BuildKit keeps the word.
    /// </summary>
    private List<Word> ReadWords(ArgumentsBuilder args, int start, int end)
    {
        var words = args.Words;
        words.Clear();
        for (var p = SkipBlanks(start, end); p < end; p = SkipBlanks(p, end))
        {
            var wordStart = p;
            // Without quote processing the value is the raw text, less an escape character at the very end.
            p = ScanWord(p, end, processQuotes: false, sb: null, out var blankOk, out var droppedEscape);
            var valueEnd = droppedEscape ? p - 1 : p;
            words.Add(new Word(wordStart, p, valueEnd, blankOk || valueEnd > wordStart));
        }

        return words;
    }

    /// <summary>
    /// Reads one word from <paramref name="p"/> up to white space outside quotes. With
    /// <paramref name="processQuotes"/> (BuildKit's flag reader) quotes and escape characters are
    /// dropped; without it (BuildKit's word splitter) they are kept, and single quotes do not
    /// honour the escape character. An escape character at the very end is skipped either way.
    /// </summary>
    private int ScanWord(int p, int end, bool processQuotes, StringBuilder? sb, out bool blankOk, out bool droppedEscape)
    {
        if (sb is null && !processQuotes)
        {
            return SkipWord(p, end, out blankOk, out droppedEscape);
        }

        blankOk = false;
        droppedEscape = false;
        var inQuote = false;
        var quote = '\0';
        while (p < end)
        {
            var ch = _t[p];
            if (!inQuote)
            {
                if (char.IsWhiteSpace(ch))
                {
                    break;
                }

                if (ch is '\'' or '"')
                {
                    quote = ch;
                    inQuote = true;
                    blankOk = true;
                    if (!processQuotes)
                    {
                        sb?.Append(ch);
                    }

                    p++;
                    continue;
                }
            }
            else if (ch == quote)
            {
                inQuote = false;
                if (!processQuotes)
                {
                    sb?.Append(ch);
                }

                p++;
                continue;
            }

            if (ch == _escape && (processQuotes || !inQuote || quote != '\''))
            {
                if (p + 1 >= end)
                {
                    inQuote = false;
                    droppedEscape = true;
                    p++;
                    continue;
                }

                if (!processQuotes)
                {
                    sb?.Append(ch);
                }

                p++;
                ch = _t[p];
            }

            sb?.Append(ch);
            p++;
        }

        return p;
    }

    /// <summary>
    /// <see cref="ScanWord"/> without quote processing and without a value: jumps from one character that
    /// matters (white space, quote, escape) to the next instead of looking at every character.
    /// </summary>
    private int SkipWord(int p, int end, out bool blankOk, out bool droppedEscape)
    {
        blankOk = false;
        droppedEscape = false;
        var stops = _escape == '`' ? s_backtickWordStops : s_backslashWordStops;
        while (true)
        {
            var i = _t.Slice(p, end - p).IndexOfAny(stops);
            if (i < 0)
            {
                return end;
            }

            p += i;
            var ch = _t[p];
            if (ch == _escape)
            {
                if (p + 1 >= end)
                {
                    droppedEscape = true;
                    return end;
                }

                p += 2;
                continue;
            }

            if (ch is not ('\'' or '"'))
            {
                return p; // white space outside quotes ends the word
            }

            blankOk = true;
            p = SkipQuoted(p + 1, end, ch, ref droppedEscape);
        }
    }

    /// <summary>From just inside a quote to just past its closing quote (or <paramref name="end"/>); single quotes ignore the escape character.</summary>
    private int SkipQuoted(int p, int end, char quote, ref bool droppedEscape)
    {
        while (p < end)
        {
            var rest = _t.Slice(p, end - p);
            var i = quote == '\'' ? rest.IndexOf(quote) : rest.IndexOfAny(quote, _escape);
            if (i < 0)
            {
                return end;
            }

            p += i;
            if (_t[p] == quote)
            {
                return p + 1;
            }

            if (p + 1 >= end)
            {
                droppedEscape = true;
                return end;
            }

            p += 2;
        }

        return end;
    }

    /// <summary>The characters <see cref="SkipWord"/> stops at: every character <see cref="char.IsWhiteSpace(char)"/> accepts, the quotes, the escape character.</summary>
    private static readonly SearchValues<char> s_backslashWordStops = WordStops('\\');
    private static readonly SearchValues<char> s_backtickWordStops = WordStops('`');

    private static SearchValues<char> WordStops(char escape)
    {
        var stops = new List<char> { '\'', '"', escape };
        for (var c = 0; c <= char.MaxValue; c++)
        {
            if (char.IsWhiteSpace((char)c))
            {
                stops.Add((char)c);
            }
        }

        return SearchValues.Create([.. stops]);
    }

    private SyntaxValue WordValue(Word word)
        => word.ValueEnd == word.End
            ? Value(word.Start, word.End)
            : new SyntaxValue(WordText(word).ToString(), _line.ToSourceSpan(word.Start, word.End - word.Start));

    /// <summary>Finds the heredoc markers among a RUN/COPY/ADD's words (BuildKit: <c>^(\d*)&lt;&lt;(-?)\s*([^&lt;]*)$</c>).</summary>
    /// <returns>Null when there is none (most instructions).</returns>
    internal static List<HeredocMarker>? FindHeredocMarkers(InstructionSyntax instruction)
    {
        List<HeredocMarker>? markers = null;
        if (instruction.Kind is not (InstructionKind.Run or InstructionKind.Copy or InstructionKind.Add) || instruction.IsExecForm)
        {
            return markers;
        }

        foreach (var token in instruction.ArgumentTokens)
        {
            if (token.Kind == SyntaxKind.WordToken && TryParseHeredocMarker(token.ValueSpan, out var fd, out var chomp, out var name, out var expand))
            {
                (markers ??= []).Add(new HeredocMarker(token, name, chomp, expand, fd));
            }
        }

        return markers;
    }

    internal static bool TryParseHeredocMarker(ReadOnlySpan<char> word, out int fileDescriptor, out bool chomp, out string name, out bool expand)
    {
        fileDescriptor = 0;
        chomp = false;
        name = "";
        expand = true;
        var p = 0;
        while (p < word.Length && char.IsAsciiDigit(word[p]))
        {
            p++;
        }

        if (!word[p..].StartsWith("<<"))
        {
            return false;
        }

        if (p > 0 && (!int.TryParse(word[..p], out fileDescriptor) || fileDescriptor < 0))
        {
            fileDescriptor = 0;
        }

        p += 2;
        if (p < word.Length && word[p] == '-')
        {
            chomp = true;
            p++;
        }

        while (p < word.Length && word[p] is ' ' or '\t' or '\n' or '\f' or '\r')
        {
            p++;
        }

        var rest = word[p..];
        if (rest.IsEmpty || rest.Contains('<'))
        {
            return false;
        }

        // Quote removal on the delimiter; a quoted delimiter turns expansion off.
        var sb = new StringBuilder(rest.Length);
        var quoted = false;
        for (var i = 0; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c == '\\' && i + 1 < rest.Length)
            {
                sb.Append(rest[++i]);
                continue;
            }

            if (c is '\'' or '"')
            {
                var close = rest[(i + 1)..].IndexOf(c);
                if (close < 0)
                {
                    return false;
                }

                quoted = true;
                sb.Append(rest.Slice(i + 1, close));
                i += close + 1;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                return false;
            }

            sb.Append(c);
        }

        if (sb.Length == 0)
        {
            return false;
        }

        name = sb.ToString();
        expand = !quoted;
        return true;
    }

    private SyntaxToken Token(SyntaxKind kind, int start, int end)
    {
        var span = _line.ToSourceSpan(start, end, out var contiguous);
        return new SyntaxToken(kind, _file, span, contiguous ? null : _t[start..end].ToString());
    }

    private SyntaxValue Value(int start, int end)
        => new(_line, start, end - start, _line.ToSourceSpan(start, end, out _));

    private int SkipSpace(int p, int end)
    {
        while (p < end && char.IsWhiteSpace(_t[p]))
        {
            p++;
        }

        return p;
    }

    /// <summary>BuildKit's <c>[\t\v\f\r ]</c>.</summary>
    private static bool IsSplitSpace(char c) => c is ' ' or '\t' or '\v' or '\f' or '\r';

    /// <summary>The per-instruction lists, reused from one instruction to the next (see <see cref="DockerfileParser.RentArguments"/>).</summary>
    internal sealed class ArgumentsBuilder
    {
        public ImmutableArray<FlagSyntax>.Builder Flags { get; } = ImmutableArray.CreateBuilder<FlagSyntax>();

        public StringBuilder Word { get; } = new();

        public List<Word> Words { get; } = [];

        public ImmutableArray<SyntaxToken>.Builder Tokens { get; } = ImmutableArray.CreateBuilder<SyntaxToken>();

        public ImmutableArray<SyntaxValue>.Builder Values { get; } = ImmutableArray.CreateBuilder<SyntaxValue>();

        public ImmutableArray<KeyValueSyntax>.Builder Pairs { get; } = ImmutableArray.CreateBuilder<KeyValueSyntax>();

        public bool IsExecForm { get; set; }

        public void Clear()
        {
            Flags.Clear();
            Word.Clear();
            Words.Clear();
            Tokens.Clear();
            Values.Clear();
            Pairs.Clear();
            IsExecForm = false;
        }
    }
}

/// <summary>A heredoc opener found among an instruction's words.</summary>
internal sealed record HeredocMarker(SyntaxToken Token, string Name, bool Chomp, bool Expand, int FileDescriptor);
