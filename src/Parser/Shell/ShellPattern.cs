using System.Text;

namespace DockerLint.Parser.Shell;

/// <summary>
/// The shell patterns of <c>${VAR#p}</c>, <c>${VAR%p}</c> and <c>${VAR/p/r}</c>, evaluated with the
/// semantics BuildKit gets from Go regular expressions: <c>*</c> is any run and <c>?</c> any single
/// character (neither matches a newline), <c>\</c> escapes <c>*</c>, <c>?</c> and <c>\</c> and is dropped
/// before <c>}</c> and <c>/</c>; any other escape is an error. Matching is leftmost-first (the first
/// wildcard's preference wins), implemented as a Pike VM so the time is O(text × pattern) and bounded by
/// a work budget.
/// </summary>
internal sealed class ShellPattern
{
    private const int AnyToken = -1;
    private const int StarToken = -2;
    private const int EndOfText = -1;

    private readonly int[] _tokens;
    private ThreadList? _current;
    private ThreadList? _next;
    private int[]? _stack;

    private ShellPattern(int[] tokens)
    {
        _tokens = tokens;
    }

    /// <summary>The outcome of a search.</summary>
    public enum SearchResult
    {
        NoMatch,
        Match,
        BudgetExhausted,
    }

    /// <summary>Parses a pattern; on failure returns null and sets <paramref name="error"/>.</summary>
    public static ShellPattern? TryParse(string pattern, out string? error)
    {
        error = null;
        var tokens = new List<int>(pattern.Length);
        var i = 0;

        // Go's text/scanner ignores a byte order mark at the very start of its input.
        if (pattern.Length > 0 && pattern[0] == '\uFEFF')
        {
            i = 1;
        }

        while (i < pattern.Length)
        {
            var (ch, width) = CodePointAt(pattern, i);
            i += width;
            switch (ch)
            {
                case '*':
                    tokens.Add(StarToken);
                    break;
                case '?':
                    tokens.Add(AnyToken);
                    break;
                case '\\':
                    if (i < pattern.Length && (pattern[i] == '}' || pattern[i] == '/'))
                    {
                        // "\}" and "\/" protect the delimiters of ${...}; the backslash is not part of the pattern.
                        break;
                    }

                    if (i >= pattern.Length)
                    {
                        error = "invalid escape at end of pattern";
                        return null;
                    }

                    var (escaped, escapedWidth) = CodePointAt(pattern, i);
                    i += escapedWidth;
                    if (escaped != '*' && escaped != '?' && escaped != '\\')
                    {
                        error = $"invalid escape '\\{pattern.Substring(i - escapedWidth, escapedWidth)}'";
                        return null;
                    }

                    tokens.Add(escaped);
                    break;
                default:
                    tokens.Add(ch);
                    break;
            }
        }

        return new ShellPattern([.. tokens]);
    }

    /// <summary>
    /// Reverses a pattern by code point while keeping each <c>\x</c> escape pair in order
    /// (<c>a\*c</c> becomes <c>c\*a</c>), so a suffix match can run as a prefix match on reversed text.
    /// </summary>
    public static string ReversePattern(string pattern)
    {
        var units = new List<(int Start, int Length)>(pattern.Length);
        for (var i = 0; i < pattern.Length;)
        {
            var width = CodePointAt(pattern, i).Width;
            units.Add((i, width));
            i += width;
        }

        var builder = new StringBuilder(pattern.Length);
        var last = units.Count - 1;
        var output = new (int Start, int Length)[units.Count];
        for (var i = 0; i <= last;)
        {
            var unit = units[i];
            var target = last - i;
            if (pattern[unit.Start] == '\\' && i != last)
            {
                output[target - 1] = unit;
                output[target] = units[i + 1];
                i += 2;
            }
            else
            {
                output[target] = unit;
                i++;
            }
        }

        foreach (var (start, length) in output)
        {
            builder.Append(pattern, start, length);
        }

        return builder.ToString();
    }

    /// <summary>Reverses a string by code point (surrogate pairs stay intact).</summary>
    public static string ReverseText(string text)
    {
        if (text.Length < 2)
        {
            return text;
        }

        return string.Create(text.Length, text, static (destination, source) =>
        {
            var write = destination.Length;
            for (var i = 0; i < source.Length;)
            {
                var width = CodePointAt(source, i).Width;
                write -= width;
                source.AsSpan(i, width).CopyTo(destination[write..]);
                i += width;
            }
        });
    }

    /// <summary>
    /// Finds the leftmost-first match at or after <paramref name="from"/> (only at <paramref name="from"/>
    /// when <paramref name="anchored"/>). Wildcards prefer the longest run when <paramref name="greedy"/>,
    /// the shortest otherwise.
    /// </summary>
    public SearchResult Find(string text, int from, bool anchored, bool greedy, ref long budget, out int start, out int end)
    {
        start = -1;
        end = -1;
        var tokens = _tokens;
        var matchState = tokens.Length;
        var stateCount = matchState + 1;

        var current = _current ??= new ThreadList(stateCount);
        var next = _next ??= new ThreadList(stateCount);
        var stack = _stack ??= new int[(2 * stateCount) + 2];
        current.Clear();
        next.Clear();
        var matched = false;
        var pos = from;

        while (true)
        {
            if (current.Count == 0)
            {
                if (anchored && pos != from)
                {
                    break;
                }

                if (matched)
                {
                    break;
                }
            }

            if (!matched && (!anchored || pos == from))
            {
                AddThread(current, 0, pos, greedy, stack);
            }

            int ch;
            int width;
            if (pos < text.Length)
            {
                (ch, width) = CodePointAt(text, pos);
            }
            else
            {
                ch = EndOfText;
                width = 0;
            }

            budget -= current.Count + 1;
            for (var j = 0; j < current.Count; j++)
            {
                var state = current.States[j];
                var threadStart = current.Starts[j];
                if (state == matchState)
                {
                    // Leftmost-first: this thread beats every lower-priority one still in the list.
                    start = threadStart;
                    end = pos;
                    matched = true;
                    break;
                }

                var token = tokens[state];
                bool accepts = token switch
                {
                    StarToken or AnyToken => ch != EndOfText && ch != '\n',
                    _ => ch == token,
                };

                if (accepts)
                {
                    AddThread(next, token == StarToken ? state : state + 1, threadStart, greedy, stack);
                }
            }

            if (width == 0)
            {
                break;
            }

            if (budget < 0)
            {
                return SearchResult.BudgetExhausted;
            }

            pos += width;
            (current, next) = (next, current);
            next.Clear();
        }

        return matched ? SearchResult.Match : SearchResult.NoMatch;
    }

    /// <summary>
    /// Replaces every non-overlapping match like Go's <c>ReplaceAllString</c>: in the replacement
    /// <c>$0</c>/<c>${0}</c> insert the match, <c>$$</c> a dollar, and any other <c>$name</c> nothing.
    /// Returns <see cref="SearchResult.NoMatch"/> (and the text unchanged) when nothing matched.
    /// </summary>
    public SearchResult ReplaceAll(string text, string replacement, ref long budget, out string result)
    {
        result = text;
        StringBuilder? builder = null;
        var lastMatchEnd = 0;
        var searchPos = 0;
        while (searchPos <= text.Length)
        {
            var found = Find(text, searchPos, anchored: false, greedy: true, ref budget, out var start, out var end);
            if (found == SearchResult.BudgetExhausted)
            {
                return found;
            }

            if (found == SearchResult.NoMatch)
            {
                break;
            }

            builder ??= new StringBuilder(text.Length + replacement.Length);
            builder.Append(text, lastMatchEnd, start - lastMatchEnd);

            // An empty match right after the previous match is not replaced again.
            if (end > lastMatchEnd || start == 0)
            {
                ExpandTemplate(builder, replacement, text, start, end);
            }

            lastMatchEnd = end;
            var width = searchPos < text.Length ? CodePointAt(text, searchPos).Width : 0;
            if (searchPos + width > end)
            {
                searchPos += width;
            }
            else if (searchPos + 1 > end)
            {
                searchPos++;
            }
            else
            {
                searchPos = end;
            }
        }

        if (builder is null)
        {
            return SearchResult.NoMatch;
        }

        builder.Append(text, lastMatchEnd, text.Length - lastMatchEnd);
        result = builder.ToString();
        return SearchResult.Match;
    }

    private void AddThread(ThreadList list, int initial, int threadStart, bool greedy, int[] stack)
    {
        // Depth-first closure over the wildcard splits, in priority order, without recursion.
        // Stack entries: state * 2 (visit) or state * 2 + 1 (emit a star's consuming thread).
        var tokens = _tokens;
        var top = 0;
        stack[top++] = initial * 2;
        while (top > 0)
        {
            var entry = stack[--top];
            var state = entry >> 1;
            if ((entry & 1) == 1)
            {
                list.Add(state, threadStart);
                continue;
            }

            if (!list.Mark(state))
            {
                continue;
            }

            if (state < tokens.Length && tokens[state] == StarToken)
            {
                if (greedy)
                {
                    stack[top++] = (state + 1) * 2;
                    stack[top++] = (state * 2) + 1;
                }
                else
                {
                    stack[top++] = (state * 2) + 1;
                    stack[top++] = (state + 1) * 2;
                }
            }
            else
            {
                list.Add(state, threadStart);
            }
        }
    }

    private static (int CodePoint, int Width) CodePointAt(string text, int index)
    {
        var ch = text[index];
        if (char.IsHighSurrogate(ch) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            return (char.ConvertToUtf32(ch, text[index + 1]), 2);
        }

        return (ch, 1);
    }

    private static void ExpandTemplate(StringBuilder builder, string template, string text, int matchStart, int matchEnd)
    {
        var i = 0;
        while (i < template.Length)
        {
            var dollar = template.IndexOf('$', i);
            if (dollar < 0)
            {
                break;
            }

            builder.Append(template, i, dollar - i);
            i = dollar + 1;
            if (i < template.Length && template[i] == '$')
            {
                builder.Append('$');
                i++;
                continue;
            }

            if (!TryReadTemplateReference(template, i, out var isWholeMatch, out var next))
            {
                builder.Append('$');
                continue;
            }

            i = next;
            if (isWholeMatch)
            {
                builder.Append(text, matchStart, matchEnd - matchStart);
            }
        }

        builder.Append(template, i, template.Length - i);
    }

    /// <summary>
    /// Reads <c>name</c> or <c>{name}</c> at <paramref name="index"/>. The pattern has no capture groups,
    /// so the only reference with a value is group 0 (the whole match).
    /// </summary>
    private static bool TryReadTemplateReference(string template, int index, out bool isWholeMatch, out int next)
    {
        isWholeMatch = false;
        next = index;
        var braced = index < template.Length && template[index] == '{';
        var nameStart = braced ? index + 1 : index;
        var i = nameStart;
        while (i < template.Length)
        {
            var status = Rune.DecodeFromUtf16(template.AsSpan(i), out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done || !(Rune.IsLetter(rune) || Rune.IsDigit(rune) || rune.Value == '_'))
            {
                break;
            }

            i += consumed;
        }

        if (i == nameStart)
        {
            return false;
        }

        var nameEnd = i;
        if (braced)
        {
            if (i >= template.Length || template[i] != '}')
            {
                return false;
            }

            i++;
        }

        isWholeMatch = nameEnd - nameStart == 1 && template[nameStart] == '0';
        next = i;
        return true;
    }

    /// <summary>An ordered list of threads (state, start) with a membership mark per state.</summary>
    private sealed class ThreadList
    {
        private readonly int[] _marks;
        private int _generation = 1;

        public ThreadList(int stateCount)
        {
            _marks = new int[stateCount];
            States = new int[stateCount];
            Starts = new int[stateCount];
        }

        public int[] States { get; }

        public int[] Starts { get; }

        public int Count { get; private set; }

        /// <summary>Marks a state as visited; false when it already was.</summary>
        public bool Mark(int state)
        {
            if (_marks[state] == _generation)
            {
                return false;
            }

            _marks[state] = _generation;
            return true;
        }

        public void Add(int state, int start)
        {
            States[Count] = state;
            Starts[Count] = start;
            Count++;
        }

        public void Clear()
        {
            Count = 0;
            _generation++;
        }
    }
}
