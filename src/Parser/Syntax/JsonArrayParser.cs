using System.Globalization;
using System.Text;

namespace DockerLint.Parser.Syntax;

/// <summary>How <see cref="JsonArrayParser"/> classified an instruction's arguments.</summary>
public enum JsonArrayKind
{
    /// <summary>Not a JSON array (does not start with <c>[</c>, or is not valid JSON): BuildKit falls back to shell form.</summary>
    NotJson,

    /// <summary>A valid JSON array of strings only (exec form); <c>[]</c> included.</summary>
    StringArray,

    /// <summary>
    /// Valid JSON array with at least one element that is not a string: BuildKit fails with
    /// <see cref="JsonArrayParser.NonStringArrayMessage"/>.
    /// </summary>
    NonStringArray,
}

/// <summary>One string element of an exec-form JSON array.</summary>
/// <param name="Value">The decoded string.</param>
/// <param name="Start">Offset of the opening quote, relative to the parsed text.</param>
/// <param name="Length">Length of the raw element including both quotes.</param>
public readonly record struct JsonArrayElement(string Value, int Start, int Length)
{
    /// <summary>Offset just past the closing quote.</summary>
    public int End => Start + Length;
}

/// <summary>The result of <see cref="JsonArrayParser.Parse(string, int, int)"/>. All offsets are relative to the parsed text.</summary>
public sealed class JsonArrayParseResult
{
    private static readonly JsonArrayParseResult s_notJson = new(JsonArrayKind.NotJson, -1, -1, [], [], -1, 0);

    private JsonArrayParseResult(
        JsonArrayKind kind,
        int openBracketOffset,
        int closeBracketOffset,
        IReadOnlyList<JsonArrayElement> elements,
        IReadOnlyList<int> commaOffsets,
        int nonStringElementStart,
        int nonStringElementLength)
    {
        Kind = kind;
        OpenBracketOffset = openBracketOffset;
        CloseBracketOffset = closeBracketOffset;
        Elements = elements;
        CommaOffsets = commaOffsets;
        NonStringElementStart = nonStringElementStart;
        NonStringElementLength = nonStringElementLength;
    }

    /// <summary>The classification.</summary>
    public JsonArrayKind Kind { get; }

    /// <summary>Offset of the top-level <c>[</c>; -1 for <see cref="JsonArrayKind.NotJson"/>.</summary>
    public int OpenBracketOffset { get; }

    /// <summary>Offset of the top-level <c>]</c>; -1 for <see cref="JsonArrayKind.NotJson"/>.</summary>
    public int CloseBracketOffset { get; }

    /// <summary>The elements in order; empty unless <see cref="JsonArrayKind.StringArray"/>.</summary>
    public IReadOnlyList<JsonArrayElement> Elements { get; }

    /// <summary>Offsets of the top-level commas in order; empty unless <see cref="JsonArrayKind.StringArray"/>.</summary>
    public IReadOnlyList<int> CommaOffsets { get; }

    /// <summary>Offset of the first non-string element; -1 unless <see cref="JsonArrayKind.NonStringArray"/>.</summary>
    public int NonStringElementStart { get; }

    /// <summary>Length of the first non-string element as written (a whole nested array or object); 0 unless <see cref="JsonArrayKind.NonStringArray"/>.</summary>
    public int NonStringElementLength { get; }

    internal static JsonArrayParseResult NotJson => s_notJson;

    internal static JsonArrayParseResult StringArray(int open, int close, JsonArrayElement[] elements, int[] commas) =>
        new(JsonArrayKind.StringArray, open, close, elements, commas, -1, 0);

    internal static JsonArrayParseResult NonStringArray(int open, int close, int elementStart, int elementLength) =>
        new(JsonArrayKind.NonStringArray, open, close, [], [], elementStart, elementLength);
}

/// <summary>
/// Decides whether Dockerfile instruction arguments are an exec-form JSON string array, reproducing
/// BuildKit (<c>parseJSON</c>: leading <c>unicode.IsSpace</c> trimmed, must start with <c>[</c>,
/// then Go <c>encoding/json</c> <c>Unmarshal</c> into <c>[]any</c>).
/// </summary>
/// <remarks>
/// Go semantics reproduced: only space, tab, CR and LF are JSON whitespace (trailing whitespace is
/// allowed, anything else after the array is not); strings reject raw control characters and accept
/// only the escapes <c>\" \\ \/ \b \f \n \r \t \uXXXX</c>; <c>\u</c> surrogate pairs are combined and
/// unpaired surrogates (escaped or raw) decode to U+FFFD; nesting deeper than 10000 is an error; a
/// number that overflows a float64 anywhere makes <c>Unmarshal</c> fail. Every failure of
/// <c>Unmarshal</c> means shell form (<see cref="JsonArrayKind.NotJson"/>). The scan is iterative and
/// linear in the input; it never throws.
/// </remarks>
public static class JsonArrayParser
{
    /// <summary>BuildKit's error for a JSON array that contains a non-string element.</summary>
    public const string NonStringArrayMessage = "when using JSON array syntax, arrays must be comprised of strings only";

    /// <summary>Go <c>encoding/json</c>'s maximum nesting depth; one level deeper is a syntax error.</summary>
    public const int MaxNestingDepth = 10000;

    /// <summary>Parses the whole of <paramref name="text"/>; see <see cref="Parse(string, int, int)"/>.</summary>
    public static JsonArrayParseResult Parse(string text) => Parse(text, 0, text?.Length ?? 0);

    /// <summary>
    /// Classifies <c>text[start..start+length)</c> — the arguments after the instruction keyword —
    /// as an exec-form string array, a non-string JSON array, or not JSON. Offsets in the result are
    /// relative to <paramref name="text"/>. An out-of-range region or null text yields
    /// <see cref="JsonArrayKind.NotJson"/>.
    /// </summary>
    public static JsonArrayParseResult Parse(string text, int start, int length)
    {
        if (text is null)
        {
            return JsonArrayParseResult.NotJson;
        }

        return Parse(text.AsSpan(), start, length);
    }

    /// <summary><see cref="Parse(string, int, int)"/> over characters that need not be a string.</summary>
    internal static JsonArrayParseResult Parse(ReadOnlySpan<char> text, int start, int length)
    {
        if (start < 0 || length < 0 || start > text.Length - length)
        {
            return JsonArrayParseResult.NotJson;
        }

        var end = start + length;
        var i = start;
        while (i < end && IsGoUnicodeSpace(text[i]))
        {
            i++;
        }

        if (i >= end || text[i] != '[')
        {
            return JsonArrayParseResult.NotJson;
        }

        return new Scanner(text, i, end).Run();
    }

    /// <summary>Go's <c>unicode.IsSpace</c>, used by BuildKit to trim before looking for <c>[</c>.</summary>
    private static bool IsGoUnicodeSpace(char c) => c switch
    {
        '\t' or '\n' or '\v' or '\f' or '\r' or ' ' or '\u0085' or '\u00A0' => true,
        '\u1680' or (>= '\u2000' and <= '\u200A') or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' => true,
        _ => false,
    };

    private static bool IsJsonSpace(char c) => c is ' ' or '\t' or '\r' or '\n';

    /// <summary>What the scanner expects next.</summary>
    private enum Expect
    {
        ValueOrClose,
        Value,
        KeyOrClose,
        Key,
        Colon,
        CommaOrClose,
        End,
    }

    private ref struct Scanner
    {
        private readonly ReadOnlySpan<char> _text;
        private readonly int _end;
        private int _pos;

        // Container stack: true = object, false = array. Bounded by MaxNestingDepth.
        private bool[] _stack;
        private int _depth;

        private readonly List<JsonArrayElement> _elements;
        private readonly List<int> _commas;
        private int _openBracket;
        private int _closeBracket;
        private int _elementStart;
        private int _firstNonStringStart;
        private int _firstNonStringLength;

        public Scanner(ReadOnlySpan<char> text, int start, int end)
        {
            _text = text;
            _pos = start;
            _end = end;
            _stack = new bool[16];
            _elements = [];
            _commas = [];
            _openBracket = -1;
            _closeBracket = -1;
            _elementStart = -1;
            _firstNonStringStart = -1;
            _firstNonStringLength = 0;
        }

        public JsonArrayParseResult Run()
        {
            var expect = Expect.Value;
            while (true)
            {
                while (_pos < _end && IsJsonSpace(_text[_pos]))
                {
                    _pos++;
                }

                if (_pos >= _end)
                {
                    return expect == Expect.End ? BuildResult() : JsonArrayParseResult.NotJson;
                }

                var c = _text[_pos];
                switch (expect)
                {
                    case Expect.ValueOrClose when c == ']':
                    case Expect.CommaOrClose when c == ']' && !_stack[_depth - 1]:
                    case Expect.KeyOrClose when c == '}':
                    case Expect.CommaOrClose when c == '}' && _stack[_depth - 1]:
                        _pos++;
                        expect = CloseContainer();
                        break;

                    case Expect.ValueOrClose:
                    case Expect.Value:
                        if (!BeginValue(c, ref expect))
                        {
                            return JsonArrayParseResult.NotJson;
                        }

                        break;

                    case Expect.KeyOrClose:
                    case Expect.Key:
                        if (c != '"' || !SkipString())
                        {
                            return JsonArrayParseResult.NotJson;
                        }

                        expect = Expect.Colon;
                        break;

                    case Expect.Colon:
                        if (c != ':')
                        {
                            return JsonArrayParseResult.NotJson;
                        }

                        _pos++;
                        expect = Expect.Value;
                        break;

                    case Expect.CommaOrClose when c == ',':
                        if (_depth == 1)
                        {
                            _commas.Add(_pos);
                        }

                        _pos++;
                        expect = _stack[_depth - 1] ? Expect.Key : Expect.Value;
                        break;

                    default:
                        // Unexpected character, including anything after the top-level array.
                        return JsonArrayParseResult.NotJson;
                }
            }
        }

        /// <summary>Starts a value at <c>_pos</c>; scalars are consumed whole, containers are pushed.</summary>
        private bool BeginValue(char c, ref Expect expect)
        {
            var start = _pos;
            if (_depth == 1)
            {
                _elementStart = start;
            }

            switch (c)
            {
                case '[':
                case '{':
                    if (_depth == MaxNestingDepth)
                    {
                        return false;
                    }

                    if (_depth == _stack.Length)
                    {
                        Array.Resize(ref _stack, Math.Min(_stack.Length * 2, MaxNestingDepth));
                    }

                    if (_depth == 0)
                    {
                        _openBracket = start;
                    }

                    _stack[_depth++] = c == '{';
                    _pos++;
                    expect = c == '{' ? Expect.KeyOrClose : Expect.ValueOrClose;
                    return true;

                case '"':
                    if (!SkipString())
                    {
                        return false;
                    }

                    if (_depth == 1 && _firstNonStringStart < 0)
                    {
                        _elements.Add(new JsonArrayElement(Decode(start + 1, _pos - 1), start, _pos - start));
                    }

                    expect = Expect.CommaOrClose;
                    return true;

                case 't':
                    return Literal("true", ref expect);
                case 'f':
                    return Literal("false", ref expect);
                case 'n':
                    return Literal("null", ref expect);

                default:
                    if (c != '-' && !char.IsAsciiDigit(c))
                    {
                        return false;
                    }

                    if (!SkipNumber())
                    {
                        return false;
                    }

                    NonStringValueEnded(start);
                    expect = Expect.CommaOrClose;
                    return true;
            }
        }

        private Expect CloseContainer()
        {
            _depth--;
            if (_depth == 0)
            {
                _closeBracket = _pos - 1;
                return Expect.End;
            }

            if (_depth == 1)
            {
                NonStringValueEnded(_elementStart);
            }

            return Expect.CommaOrClose;
        }

        private void NonStringValueEnded(int start)
        {
            if (_depth == 1 && _firstNonStringStart < 0)
            {
                _firstNonStringStart = start;
                _firstNonStringLength = _pos - start;
            }
        }

        private bool Literal(string word, ref Expect expect)
        {
            var start = _pos;
            if (_end - _pos < word.Length || !_text.Slice(_pos, word.Length).SequenceEqual(word))
            {
                return false;
            }

            _pos += word.Length;
            NonStringValueEnded(start);
            expect = Expect.CommaOrClose;
            return true;
        }

        /// <summary>
        /// Consumes <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>. Fails also when the value
        /// overflows a float64, as Go's decoder into <c>any</c> does.
        /// </summary>
        private bool SkipNumber()
        {
            var start = _pos;
            if (_text[_pos] == '-')
            {
                _pos++;
            }

            if (_pos >= _end || !char.IsAsciiDigit(_text[_pos]))
            {
                return false;
            }

            if (_text[_pos] == '0')
            {
                _pos++;
            }
            else
            {
                SkipDigits();
            }

            if (_pos < _end && _text[_pos] == '.')
            {
                _pos++;
                if (SkipDigits() == 0)
                {
                    return false;
                }
            }

            if (_pos < _end && _text[_pos] is 'e' or 'E')
            {
                _pos++;
                if (_pos < _end && _text[_pos] is '+' or '-')
                {
                    _pos++;
                }

                if (SkipDigits() == 0)
                {
                    return false;
                }
            }

            return double.TryParse(
                    _text.Slice(start, _pos - start),
                    NumberStyles.Float,
                    CultureInfo.InvariantCulture,
                    out var value)
                && double.IsFinite(value);
        }

        private int SkipDigits()
        {
            var start = _pos;
            while (_pos < _end && char.IsAsciiDigit(_text[_pos]))
            {
                _pos++;
            }

            return _pos - start;
        }

        /// <summary>Consumes a string starting at the opening quote at <c>_pos</c>; false when it is not valid JSON.</summary>
        private bool SkipString()
        {
            _pos++;
            while (_pos < _end)
            {
                var c = _text[_pos++];
                if (c == '"')
                {
                    return true;
                }

                if (c < 0x20)
                {
                    return false;
                }

                if (c != '\\')
                {
                    continue;
                }

                if (_pos >= _end)
                {
                    return false;
                }

                switch (_text[_pos++])
                {
                    case '"' or '\\' or '/' or 'b' or 'f' or 'n' or 'r' or 't':
                        break;
                    case 'u':
                        for (var k = 0; k < 4; k++)
                        {
                            if (_pos >= _end || !char.IsAsciiHexDigit(_text[_pos]))
                            {
                                return false;
                            }

                            _pos++;
                        }

                        break;
                    default:
                        return false;
                }
            }

            return false;
        }

        /// <summary>Decodes the already validated string body <c>text[start..end)</c> the way Go's <c>unquote</c> does.</summary>
        private string Decode(int start, int end)
        {
            var body = _text.Slice(start, end - start);
            if (!NeedsUnescaping(body))
            {
                return body.ToString();
            }

            var sb = new StringBuilder(body.Length);
            var i = 0;
            while (i < body.Length)
            {
                var c = body[i];
                if (c == '\\')
                {
                    var e = body[i + 1];
                    i += 2;
                    switch (e)
                    {
                        case 'b': sb.Append('\b'); break;
                        case 'f': sb.Append('\f'); break;
                        case 'n': sb.Append('\n'); break;
                        case 'r': sb.Append('\r'); break;
                        case 't': sb.Append('\t'); break;
                        case 'u':
                            var unit = ParseHex4(body.Slice(i, 4));
                            i += 4;
                            if (!char.IsSurrogate(unit))
                            {
                                sb.Append(unit);
                            }
                            else if (char.IsHighSurrogate(unit)
                                && i + 6 <= body.Length
                                && body[i] == '\\'
                                && body[i + 1] == 'u'
                                && char.IsLowSurrogate(ParseHex4(body.Slice(i + 2, 4))))
                            {
                                sb.Append(unit).Append(ParseHex4(body.Slice(i + 2, 4)));
                                i += 6;
                            }
                            else
                            {
                                // Go: an unpaired surrogate becomes U+FFFD; the next escape is decoded on its own.
                                sb.Append('\uFFFD');
                            }

                            break;
                        default: sb.Append(e); break; // '"', '\\', '/'
                    }
                }
                else if (char.IsHighSurrogate(c) && i + 1 < body.Length && char.IsLowSurrogate(body[i + 1]))
                {
                    sb.Append(c).Append(body[i + 1]);
                    i += 2;
                }
                else
                {
                    // A raw lone surrogate is invalid UTF-16 and would reach Go as U+FFFD.
                    sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                    i++;
                }
            }

            return sb.ToString();
        }

        private static bool NeedsUnescaping(ReadOnlySpan<char> body)
        {
            foreach (var c in body)
            {
                if (c == '\\' || char.IsSurrogate(c))
                {
                    return true;
                }
            }

            return false;
        }

        private static char ParseHex4(ReadOnlySpan<char> hex)
        {
            var value = 0;
            foreach (var c in hex)
            {
                value = (value << 4) | (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
            }

            return (char)value;
        }

        private JsonArrayParseResult BuildResult() =>
            _firstNonStringStart >= 0
                ? JsonArrayParseResult.NonStringArray(_openBracket, _closeBracket, _firstNonStringStart, _firstNonStringLength)
                : JsonArrayParseResult.StringArray(_openBracket, _closeBracket, [.. _elements], [.. _commas]);
    }
}
