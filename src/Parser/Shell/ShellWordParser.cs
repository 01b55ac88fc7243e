using System.Runtime.CompilerServices;
using System.Text;

namespace DockerLint.Parser.Shell;

/// <summary>
/// One run of the lexer over one word. Recursive descent over the grammar of lex.go; errors are
/// recorded in <see cref="_error"/> (the first one wins) and make every caller unwind.
/// </summary>
internal sealed class ShellWordParser
{
    private const int EndOfInput = -1;

    /// <summary>Work allowed to pattern matching per word (roughly one unit per thread step).</summary>
    private const long PatternBudget = 8_000_000;

    private const int MaxPooledBuilders = 16;
    private const int MaxPooledBuilderCapacity = 4096;

    /// <summary>Builders kept per thread between calls (taken while a call runs, so re-entrant calls get their own).</summary>
    [ThreadStatic]
    private static Stack<PieceBuilder>? s_spareBuilders;

    private readonly ShellLexer _lexer;
    private readonly ShellLexerOptions _options;
    private readonly string _input;
    private readonly IShellVariables _variables;
    private readonly char _escape;
    private readonly WordSplitter? _splitter;
    private readonly NameList _referenced = new();
    private readonly NameList _unset = new();
    private readonly Stack<PieceBuilder> _spareBuilders;
    private int _pos;
    private int _depth;
    private bool _rawEscapes;
    private string? _error;
    private bool _errorIsFinal;
    private long _budget = PatternBudget;

    private ShellWordParser(ShellLexer lexer, string input, IShellVariables variables, bool splitWords)
    {
        _lexer = lexer;
        _options = lexer.Options;
        _input = input;
        _variables = variables;
        _escape = lexer.Options.EscapeToken;
        _rawEscapes = lexer.Options.RawEscapes;
        _splitter = splitWords ? new WordSplitter() : null;
        _spareBuilders = s_spareBuilders ?? new Stack<PieceBuilder>();
        s_spareBuilders = null;
    }

    public static ShellExpansion ExpandWord(ShellLexer lexer, string word, IShellVariables variables)
    {
        var parser = new ShellWordParser(lexer, word, variables, splitWords: false);
        var piece = parser.Run();
        var referenced = parser._referenced.ToArray();
        var unset = parser._unset.ToArray();
        if (parser._error is { } error)
        {
            return ShellExpansion.FromError(error, referenced, unset);
        }

        return piece.Segments is null
            ? ShellExpansion.FromKnown(piece.Text, referenced, unset)
            : ShellExpansion.FromSegments(piece.Segments, referenced, unset);
    }

    public static ShellWords ExpandWords(ShellLexer lexer, string text, IShellVariables variables)
    {
        var parser = new ShellWordParser(lexer, text, variables, splitWords: true);
        parser.Run();
        var referenced = parser._referenced.ToArray();
        var unset = parser._unset.ToArray();
        if (parser._error is { } error)
        {
            return ShellWords.FromError(error, referenced, unset);
        }

        var splitter = parser._splitter!;
        var words = splitter.Finish();
        return ShellWords.FromWords(words, !splitter.BoundariesUncertain, splitter.DiscardedMayFail, referenced, unset);
    }

    private Piece Run()
    {
        // Go's text/scanner skips a byte order mark at the very start of the input.
        if (_input.Length > 0 && _input[0] == '\uFEFF')
        {
            _pos = 1;
        }

        var result = ParseUntil(EndOfInput, _options.RawEscapes, nested: false);
        ReleaseBuilders();
        return result;
    }

    /// <summary>
    /// Reads until <paramref name="stop"/> (consumed) or the end of input (only allowed when
    /// <paramref name="stop"/> is <see cref="EndOfInput"/>), handling quotes, escapes and expansions.
    /// </summary>
    private Piece ParseUntil(int stop, bool rawEscapes, bool nested)
    {
        var savedRawEscapes = _rawEscapes;
        _rawEscapes = rawEscapes;

        var words = _splitter;
        if (nested)
        {
            words?.DiscardPending();
            words = null;
        }

        var stops = stop switch
        {
            '}' => _lexer.BraceStops,
            '/' => _lexer.SlashStops,
            _ => _lexer.WordStops,
        };

        var input = _input;
        var builder = RentBuilder();
        var stopped = false;
        while (_pos < input.Length && _error is null)
        {
            var rest = input.AsSpan(_pos);
            var run = rest.IndexOfAny(stops);
            if (run != 0)
            {
                var text = run < 0 ? rest : rest[..run];
                builder.Append(text);
                words?.AddText(text);
                _pos += text.Length;
                continue;
            }

            var ch = rest[0];
            if (ch == stop)
            {
                _pos++;
                stopped = true;
                break;
            }

            if (ch == '$')
            {
                var piece = ExpandDollar();
                if (_error is null)
                {
                    builder.Append(piece);
                    words?.AddExpansion(piece);
                }

                continue;
            }

            if (ch == '<')
            {
                var marker = ReadPossibleHeredocMarker();
                builder.Append(marker);
                words?.AddRaw(marker);
                continue;
            }

            if (!_options.SkipProcessQuotes)
            {
                if (ch == '\'')
                {
                    var quoted = ReadSingleQuoted();
                    if (_error is null)
                    {
                        builder.Append(quoted);
                        words?.AddRaw(quoted);
                    }

                    continue;
                }

                if (ch == '"')
                {
                    var quoted = ReadDoubleQuoted();
                    if (_error is null)
                    {
                        builder.Append(quoted);
                        words?.AddQuoted(quoted);
                    }

                    continue;
                }
            }

            _pos++;
            if (ch == _escape)
            {
                if (_rawEscapes)
                {
                    builder.Append(ch);
                    words?.AddRawChar(ch);
                }

                if (_pos >= input.Length)
                {
                    // A trailing escape is dropped.
                    break;
                }

                ch = input[_pos++];
                builder.Append(ch);
                words?.AddRawChar(ch);
                continue;
            }

            // A character in the stop set that has no special meaning here.
            builder.Append(ch);
            words?.AddChar(ch);
        }

        var result = Piece.Empty;
        if (_error is null)
        {
            if (stopped || stop == EndOfInput)
            {
                result = builder.Build();
            }
            else
            {
                Fail($"unexpected end of input while looking for matching '{(char)stop}'");
            }
        }

        ReturnBuilder(builder);
        _rawEscapes = savedRawEscapes;
        return result;
    }

    /// <summary>Reads <c>&lt;</c>, or <c>&lt;&lt;</c> plus the blanks after it (kept verbatim, never split).</summary>
    private ReadOnlySpan<char> ReadPossibleHeredocMarker()
    {
        var start = _pos++;
        if (_pos < _input.Length && _input[_pos] == '<')
        {
            _pos++;
            while (_pos < _input.Length && _input[_pos] is ' ' or '\t' or '\r')
            {
                _pos++;
            }
        }

        return _input.AsSpan(start, _pos - start);
    }

    private ReadOnlySpan<char> ReadSingleQuoted()
    {
        var open = _pos;
        var close = _input.IndexOf('\'', open + 1);
        if (close < 0)
        {
            _pos = _input.Length;
            Fail("unexpected end of input: missing closing single quote");
            return default;
        }

        _pos = close + 1;
        return _options.RawQuotes
            ? _input.AsSpan(open, close - open + 1)
            : _input.AsSpan(open + 1, close - open - 1);
    }

    /// <summary>
    /// Double quotes: everything is literal except <c>$</c> expansions and the escape token, which only
    /// escapes <c>"</c>, <c>$</c> and itself (before anything else it stays literal).
    /// </summary>
    private Piece ReadDoubleQuoted()
    {
        var input = _input;
        var builder = RentBuilder();
        if (_options.RawQuotes)
        {
            builder.Append('"');
        }

        _pos++;
        var result = Piece.Empty;
        while (_error is null)
        {
            if (_pos >= input.Length)
            {
                Fail("unexpected end of input: missing closing double quote");
                break;
            }

            var rest = input.AsSpan(_pos);
            var run = rest.IndexOfAny(_lexer.QuoteStops);
            if (run != 0)
            {
                var text = run < 0 ? rest : rest[..run];
                builder.Append(text);
                _pos += text.Length;
                continue;
            }

            var ch = rest[0];
            if (ch == '"')
            {
                _pos++;
                if (_options.RawQuotes)
                {
                    builder.Append('"');
                }

                result = builder.Build();
                break;
            }

            if (ch == '$')
            {
                var piece = ExpandDollar();
                if (_error is null)
                {
                    builder.Append(piece);
                }

                continue;
            }

            // The escape token.
            _pos++;
            if (_rawEscapes)
            {
                builder.Append(ch);
            }

            if (_pos >= input.Length)
            {
                continue;
            }

            var next = input[_pos];
            if (next == '"' || next == '$' || next == _escape)
            {
                _pos++;
                builder.Append(next);
            }
            else
            {
                builder.Append(ch);
            }
        }

        ReturnBuilder(builder);
        return result;
    }

    /// <summary>Expands <c>$NAME</c>, <c>${NAME}</c> or <c>${NAME op word}</c>; the input is at the <c>$</c>.</summary>
    private Piece ExpandDollar()
    {
        var start = _pos++;
        if (_pos >= _input.Length || _input[_pos] != '{')
        {
            var bareName = ReadName();
            if (bareName.Length == 0)
            {
                return Piece.Known("$");
            }

            _referenced.Add(bareName);
            var bare = Lookup(bareName);
            return bare.State switch
            {
                ShellVariableState.Known => Piece.Known(bare.Value!),
                ShellVariableState.Unknown => UnknownPiece(start, [bareName], mayFail: false),
                _ => _options.SkipUnsetEnv ? Piece.Known(_input.Substring(start, _pos - start)) : Piece.Empty,
            };
        }

        _pos++;
        if (_pos >= _input.Length)
        {
            return Fail("syntax error: missing '}'");
        }

        if (_input[_pos] is '{' or '}' or ':')
        {
            return Fail("syntax error: bad substitution");
        }

        var name = ReadName();
        _referenced.Add(name);
        var op = Next();
        switch (op)
        {
            case '}':
                var lookup = Lookup(name);
                return lookup.State switch
                {
                    ShellVariableState.Known => Piece.Known(lookup.Value!),
                    ShellVariableState.Unknown => UnknownPiece(start, [name], mayFail: false),
                    _ => _options.SkipUnsetEnv ? Piece.Known(_input.Substring(start, _pos - start)) : Piece.Empty,
                };
            case ':':
                return ExpandModifier(start, name, Next(), colon: true);
            case '+' or '-' or '?' or '#' or '%':
                return ExpandModifier(start, name, op, colon: false);
            case '/':
                return ExpandReplace(start, name);
            case EndOfInput:
                return Fail("syntax error: missing '}'");
            default:
                return Fail($"unsupported modifier ({(char)op}) in substitution");
        }
    }

    /// <summary><c>${NAME op word}</c> for every operator except <c>/</c>; <paramref name="op"/> may be any character after <c>:</c>.</summary>
    private Piece ExpandModifier(int start, string name, int op, bool colon)
    {
        var opText = (colon ? ":" : string.Empty) + (op == EndOfInput ? string.Empty : ((char)op).ToString());
        var patternOp = op is '#' or '%';
        if (colon && patternOp)
        {
            return Fail($"unsupported modifier ({opText}) in substitution");
        }

        if (!EnterNested())
        {
            return Piece.Empty;
        }

        var word = ParseUntil('}', patternOp, nested: true);
        _depth--;
        if (_error is not null)
        {
            if (!_errorIsFinal && _pos >= _input.Length)
            {
                _error = "syntax error: missing '}'";
            }

            return Piece.Empty;
        }

        var lookup = Lookup(name);
        var state = lookup.State;
        if (state == ShellVariableState.NotSet && _options.SkipUnsetEnv)
        {
            return Verbatim(name, opText, word, null, null);
        }

        var value = lookup.Value ?? string.Empty;
        var treatAsUnset = state == ShellVariableState.NotSet || (colon && state == ShellVariableState.Known && value.Length == 0);
        switch (op)
        {
            case '-':
                if (state == ShellVariableState.Unknown)
                {
                    return UnknownPiece(start, Responsible(name, word), word.MayFail);
                }

                return treatAsUnset ? word : Discarding(start, word, Piece.Known(value));

            case '+':
                if (state == ShellVariableState.Unknown)
                {
                    // Either empty or the word, so certain when the word is empty; but with SkipUnsetEnv an
                    // unset variable would leave the expansion as written.
                    return word.IsKnownEmpty && !_options.SkipUnsetEnv
                        ? Piece.Empty
                        : UnknownPiece(start, Responsible(name, word), word.MayFail);
                }

                return treatAsUnset ? Discarding(start, word, Piece.Empty) : word;

            case '?':
                if (state == ShellVariableState.Unknown)
                {
                    return UnknownPiece(start, [name], mayFail: true);
                }

                if (treatAsUnset)
                {
                    var message = !word.IsKnownEmpty
                        ? word.Render()
                        : state == ShellVariableState.NotSet ? "is not allowed to be unset" : "is not allowed to be empty";
                    return Fail($"{name}: {message}");
                }

                return Discarding(start, word, Piece.Known(value));

            case '#' or '%':
                return ExpandTrim(start, name, (char)op, word, lookup);

            default:
                if (state == ShellVariableState.Unknown && _options.SkipUnsetEnv)
                {
                    // Verbatim when unset, an error when set: cannot tell which.
                    return UnknownPiece(start, [name], mayFail: true);
                }

                return Fail($"unsupported modifier ({opText}) in substitution");
        }
    }

    /// <summary><c>${NAME#p}</c>, <c>${NAME##p}</c>, <c>${NAME%p}</c>, <c>${NAME%%p}</c>.</summary>
    private Piece ExpandTrim(int start, string name, char op, Piece word, ShellVariableLookup lookup)
    {
        var unknownName = lookup.State == ShellVariableState.Unknown;
        if (!word.IsKnown)
        {
            // An unknown pattern may even be invalid.
            return UnknownPiece(start, Responsible(unknownName ? name : null, word), mayFail: true);
        }

        var pattern = word.Text;
        var greedy = pattern.Length > 0 && pattern[0] == op;
        if (greedy)
        {
            pattern = pattern[1..];
        }

        var compiled = ShellPattern.TryParse(op == '%' ? ShellPattern.ReversePattern(pattern) : pattern, out var error);
        if (compiled is null)
        {
            return unknownName && _options.SkipUnsetEnv
                ? UnknownPiece(start, [name], mayFail: true)
                : Fail($"invalid pattern ({pattern}) in substitution: {error}");
        }

        if (unknownName)
        {
            return UnknownPiece(start, [name], mayFail: false);
        }

        var value = lookup.Value ?? string.Empty;
        var subject = op == '%' ? ShellPattern.ReverseText(value) : value;
        var found = compiled.Find(subject, 0, anchored: true, greedy, ref _budget, out _, out var end);
        return found switch
        {
            ShellPattern.SearchResult.BudgetExhausted => UnknownPiece(start, [name], mayFail: false),
            ShellPattern.SearchResult.NoMatch => Piece.Known(value),
            _ => Piece.Known(op == '%' ? value[..(value.Length - end)] : value[end..]),
        };
    }

    /// <summary><c>${NAME/pattern/replacement}</c> and <c>${NAME//pattern/replacement}</c>.</summary>
    private Piece ExpandReplace(int start, string name)
    {
        var all = _pos < _input.Length && _input[_pos] == '/';
        if (all)
        {
            _pos++;
        }

        if (!EnterNested())
        {
            return Piece.Empty;
        }

        var pattern = ParseUntil('/', rawEscapes: true, nested: true);
        if (_error is not null)
        {
            _depth--;
            if (!_errorIsFinal && _pos >= _input.Length)
            {
                _error = "syntax error: missing '/' in ${}";
            }

            return Piece.Empty;
        }

        var replacement = ParseUntil('}', rawEscapes: true, nested: true);
        _depth--;
        if (_error is not null)
        {
            if (!_errorIsFinal && _pos >= _input.Length)
            {
                _error = "syntax error: missing '}'";
            }

            return Piece.Empty;
        }

        var lookup = Lookup(name);
        var unknownName = lookup.State == ShellVariableState.Unknown;
        if (lookup.State == ShellVariableState.NotSet && _options.SkipUnsetEnv)
        {
            // BuildKit writes a single slash back even for "//".
            return Verbatim(name, "/", pattern, "/", replacement);
        }

        if (!pattern.IsKnown)
        {
            var names = new List<string>(2);
            if (unknownName)
            {
                names.Add(name);
            }

            pattern.CollectUnknownVariables(names);
            replacement.CollectUnknownVariables(names);
            return UnknownPiece(start, [.. names], mayFail: true);
        }

        var compiled = ShellPattern.TryParse(pattern.Text, out var error);
        if (compiled is null)
        {
            return unknownName && _options.SkipUnsetEnv
                ? UnknownPiece(start, [name], mayFail: true)
                : Fail($"invalid pattern ({pattern.Text}) in substitution: {error}");
        }

        if (unknownName)
        {
            return UnknownPiece(start, Responsible(name, replacement), replacement.MayFail);
        }

        var value = lookup.Value ?? string.Empty;
        if (!all || !replacement.IsKnown)
        {
            var found = compiled.Find(value, 0, anchored: false, greedy: true, ref _budget, out var matchStart, out var matchEnd);
            if (found == ShellPattern.SearchResult.BudgetExhausted)
            {
                return UnknownPiece(start, Responsible(name, replacement), replacement.MayFail);
            }

            if (found == ShellPattern.SearchResult.NoMatch)
            {
                return Discarding(start, replacement, Piece.Known(value));
            }

            if (all)
            {
                // Replace-all expands "$0" and "$$" in the replacement, so an unknown replacement leaves nothing certain.
                return UnknownPiece(start, Responsible(null, replacement), replacement.MayFail);
            }

            if (replacement.IsKnown)
            {
                return Piece.Known(string.Concat(value.AsSpan(0, matchStart), replacement.Text, value.AsSpan(matchEnd)));
            }

            var builder = RentBuilder();
            builder.Append(value.AsSpan(0, matchStart));
            builder.Append(replacement);
            builder.Append(value.AsSpan(matchEnd));
            var mixed = builder.Build();
            ReturnBuilder(builder);
            return mixed;
        }

        var replaced = compiled.ReplaceAll(value, replacement.Text, ref _budget, out var result);
        return replaced == ShellPattern.SearchResult.BudgetExhausted
            ? UnknownPiece(start, [name], mayFail: false)
            : Piece.Known(result);
    }

    /// <summary>
    /// Reads a name: a run of digits (positional parameter), one special parameter character
    /// (<c>@ * # ? - $ !</c>), or letters, digits and underscores. May be empty.
    /// </summary>
    private string ReadName()
    {
        var input = _input;
        var begin = _pos;
        if (_pos >= input.Length)
        {
            return string.Empty;
        }

        var (rune, width) = RuneAt(_pos);
        if (Rune.IsDigit(rune))
        {
            do
            {
                _pos += width;
                if (_pos >= input.Length)
                {
                    break;
                }

                (rune, width) = RuneAt(_pos);
            }
            while (Rune.IsDigit(rune));

            return input.Substring(begin, _pos - begin);
        }

        if (rune.Value is '@' or '*' or '#' or '?' or '-' or '$' or '!')
        {
            _pos += width;
            return input.Substring(begin, width);
        }

        while (Rune.IsLetter(rune) || Rune.IsDigit(rune) || rune.Value == '_')
        {
            _pos += width;
            if (_pos >= input.Length)
            {
                break;
            }

            (rune, width) = RuneAt(_pos);
        }

        return _pos == begin ? string.Empty : input.Substring(begin, _pos - begin);
    }

    private (Rune Rune, int Width) RuneAt(int index)
    {
        var ch = _input[index];
        if (char.IsAscii(ch))
        {
            return (new Rune(ch), 1);
        }

        Rune.DecodeFromUtf16(_input.AsSpan(index), out var rune, out var consumed);
        return (rune, Math.Max(consumed, 1));
    }

    private int Next() => _pos < _input.Length ? _input[_pos++] : EndOfInput;

    private ShellVariableLookup Lookup(string name)
    {
        var lookup = _variables.Lookup(name);
        if (lookup.State == ShellVariableState.NotSet)
        {
            _unset.Add(name);
        }

        return lookup;
    }

    private bool EnterNested()
    {
        if (_depth >= _lexer.MaxNestingDepth)
        {
            FailFinal($"expansions nested too deeply (more than {_lexer.MaxNestingDepth} levels)");
            return false;
        }

        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            FailFinal("expansions nested too deeply for the available stack");
            return false;
        }

        _depth++;
        return true;
    }

    /// <summary>
    /// The result of an operator that ignores <paramref name="discarded"/>; BuildKit still evaluated it
    /// (and would fail if it failed), so a word that may fail leaves the result unknown.
    /// </summary>
    private Piece Discarding(int start, Piece discarded, Piece result)
    {
        if (!discarded.MayFail)
        {
            return result;
        }

        var names = new List<string>();
        foreach (var segment in discarded.Segments!)
        {
            if (segment.MayFail)
            {
                foreach (var variable in segment.Variables)
                {
                    if (!names.Contains(variable))
                    {
                        names.Add(variable);
                    }
                }
            }
        }

        return UnknownPiece(start, [.. names], mayFail: true);
    }

    /// <summary>The <c>${...}</c> text written back for an unset variable with <see cref="ShellLexerOptions.SkipUnsetEnv"/>.</summary>
    private Piece Verbatim(string name, string op, in Piece first, string? separator, in Piece? second)
    {
        var builder = RentBuilder();
        builder.Append("${");
        builder.Append(name);
        builder.Append(op);
        builder.Append(first);
        if (separator is not null && second is { } secondPiece)
        {
            builder.Append(separator);
            builder.Append(secondPiece);
        }

        builder.Append('}');
        var result = builder.Build();
        ReturnBuilder(builder);
        return result;
    }

    /// <summary>The variables that make a result unknown: <paramref name="name"/> (when given) and those of the word's unknown parts.</summary>
    private static string[] Responsible(string? name, in Piece word)
    {
        var names = new List<string>(2);
        if (name is not null)
        {
            names.Add(name);
        }

        word.CollectUnknownVariables(names);
        return [.. names];
    }

    private Piece UnknownPiece(int start, string[] variables, bool mayFail) =>
        Piece.Unknown(ShellSegment.Unknown(_input.Substring(start, _pos - start), variables, mayFail));

    private Piece Fail(string message)
    {
        _error ??= message;
        return Piece.Empty;
    }

    private void FailFinal(string message)
    {
        if (_error is null)
        {
            _error = message;
            _errorIsFinal = true;
        }
    }

    private PieceBuilder RentBuilder() => _spareBuilders.Count > 0 ? _spareBuilders.Pop() : new PieceBuilder();

    private void ReturnBuilder(PieceBuilder builder)
    {
        if (builder.Capacity <= MaxPooledBuilderCapacity)
        {
            builder.Clear();
            _spareBuilders.Push(builder);
        }
    }

    private void ReleaseBuilders()
    {
        if (_spareBuilders.Count <= MaxPooledBuilders)
        {
            s_spareBuilders = _spareBuilders;
        }
    }
}
