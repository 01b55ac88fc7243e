using System.Text;
using DockerLint.Parser.Shell;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Compose.Interpolation;

/// <summary>
/// Interpolates variables into one string the way docker compose does (compose-go's <c>template</c>
/// package), without ever guessing a value the linter cannot know.
/// </summary>
/// <remarks>
/// <para><b>Grammar.</b> No quote processing: quotes are ordinary characters.</para>
/// <list type="bullet">
/// <item><c>$$</c> is a literal <c>$</c>; a <c>$</c> followed by anything but <c>$</c>, <c>{</c> or a name
/// start (<c>$1</c>, <c>a $ b</c>, a trailing <c>$</c>, <c>$}</c>) is kept literally.</item>
/// <item><c>$NAME</c> and <c>${NAME}</c>, names matching <c>[_a-zA-Z][_a-zA-Z0-9]*</c>
/// (<c>$FOO-bar</c> is <c>$FOO</c> then <c>-bar</c>).</item>
/// <item><c>${NAME:-default}</c> (unset or empty), <c>${NAME-default}</c> (unset), <c>${NAME:+alt}</c> (set and
/// not empty), <c>${NAME+alt}</c> (set), <c>${NAME:?message}</c> (error when unset or empty),
/// <c>${NAME?message}</c> (error when unset). Defaults, alternatives and messages are interpolated in turn
/// (<c>${A:-${B:-x}}</c>), only when they are used. Their extent follows compose-go exactly: the expression
/// must close with a <c>}</c> on the same line, braces are counted from the <c>${</c> (so
/// <c>${A:-{"json":1}}</c> defaults to <c>{"json":1}</c>), and when they never balance the expression runs to
/// the last <c>}</c> of the line.</item>
/// <item>Any other <c>${</c> is malformed (<c>${}</c>, <c>${ A}</c>, <c>${A }</c>, <c>${A!}</c>, <c>${1}</c>,
/// <c>${A:-x</c> with no <c>}</c> on its line): an <see cref="ComposeInterpolationErrorKind.InvalidTemplate"/>
/// error. Scanning goes on after it so <see cref="ComposeInterpolation.Variables"/> stays complete, but the
/// first error decides the result, as in compose.</item>
/// </list>
/// <para><b>Variables the linter knows.</b> A <see cref="ShellVariableState.Known"/> variable behaves exactly as
/// in docker compose (an empty value is set-but-empty). A <see cref="ShellVariableState.Unknown"/> variable
/// makes every expression that reads it unknown, whatever the operator: <c>${U}</c>, <c>${U:-d}</c>,
/// <c>${U:+a}</c> and <c>${U:?m}</c> are all unknown parts (the last one with
/// <see cref="ShellSegment.MayFail"/>, as is a default or alternative that would fail if used).</para>
/// <para><b>Variables that are not set</b> (<see cref="ShellVariableState.NotSet"/>) depend on
/// <see cref="IComposeVariables.IsComplete"/>:</para>
/// <list type="table">
/// <listheader><term>expression</term><description>complete environment / incomplete environment (the default)</description></listheader>
/// <item><term><c>$X</c>, <c>${X}</c></term><description><c>""</c>, and <c>X</c> is listed in
/// <see cref="ComposeInterpolation.UnsetVariables"/> (compose warns) / <b>unknown</b>: the variable may come from
/// the environment at run time.</description></item>
/// <item><term><c>${X:-d}</c>, <c>${X-d}</c></term><description><c>d</c> / <c>d</c>: defaults apply, by our
/// product rule (a file that works without the variable is read as it works without it).</description></item>
/// <item><term><c>${X:+a}</c>, <c>${X+a}</c></term><description><c>""</c> / <c>""</c>, the same reading.</description></item>
/// <item><term><c>${X:?m}</c>, <c>${X?m}</c></term><description>a
/// <see cref="ComposeInterpolationErrorKind.RequiredVariableMissing"/> error carrying <c>m</c> (report DC0020) /
/// <b>unknown</b> with <see cref="ShellSegment.MayFail"/>, never an error: requiring a variable the file
/// expects from the environment is normal.</description></item>
/// </list>
/// <para><b>Limits.</b> Never throws. Runs in time linear in the text times the nesting depth; nesting deeper
/// than <see cref="MaxNestingDepth"/> gives a <see cref="ComposeInterpolationErrorKind.NestingTooDeep"/> error.</para>
/// </remarks>
public static class ComposeInterpolator
{
    /// <summary>How deeply <c>${A:-${B:-...}}</c> may nest before the text is rejected.</summary>
    public const int MaxNestingDepth = 256;

    /// <summary>Interpolates <paramref name="text"/> with <paramref name="variables"/>.</summary>
    /// <param name="text">The text to interpolate (a YAML scalar, an env-file value); null is treated as empty.</param>
    /// <param name="variables">The variables; null means an empty, incomplete environment.</param>
    public static ComposeInterpolation Interpolate(string text, IComposeVariables variables)
    {
        text ??= string.Empty;
        if (!text.Contains('$', StringComparison.Ordinal))
        {
            return ComposeInterpolation.Known(text);
        }

        return new Evaluator(text, variables ?? new ComposeVariableMap()).Run();
    }

    /// <summary>A rendering of partial results: literal text and unknown parts, an error, unset names.</summary>
    private sealed class Output
    {
        private StringBuilder? _pending;
        private List<ShellSegment>? _segments;

        public ComposeInterpolationError? Error { get; private set; }

        public bool MayFail { get; private set; }

        public List<string>? Unset { get; private set; }

        public bool IsKnown => _segments is null;

        public void AppendLiteral(string text, int start, int length)
        {
            if (length > 0)
            {
                (_pending ??= new StringBuilder()).Append(text, start, length);
            }
        }

        public void AppendLiteral(string text) => AppendLiteral(text, 0, text.Length);

        public void AppendUnknown(ShellSegment segment)
        {
            _segments ??= [];
            FlushPending();
            _segments.Add(segment);
            MayFail |= segment.MayFail;
        }

        public void SetError(ComposeInterpolationError error) => Error ??= error;

        public void AddUnset(string name) => (Unset ??= []).Add(name);

        /// <summary>Appends a nested result that is used: its text, its error and its unset names.</summary>
        public void Append(Output nested)
        {
            if (nested.Error is not null)
            {
                SetError(nested.Error);
            }

            if (nested.Unset is not null)
            {
                (Unset ??= []).AddRange(nested.Unset);
            }

            if (nested._segments is null)
            {
                if (nested._pending is not null)
                {
                    (_pending ??= new StringBuilder()).Append(nested._pending);
                }

                return;
            }

            foreach (var segment in nested.Segments())
            {
                if (segment.IsUnknown)
                {
                    AppendUnknown(segment);
                }
                else
                {
                    AppendLiteral(segment.Text);
                }
            }
        }

        public string KnownText() => _pending?.ToString() ?? string.Empty;

        public List<ShellSegment> Segments()
        {
            _segments ??= [];
            FlushPending();
            return _segments;
        }

        /// <summary>The text with unknown parts as written, for an error message.</summary>
        public string Render()
        {
            if (_segments is null)
            {
                return KnownText();
            }

            var builder = new StringBuilder();
            foreach (var segment in Segments())
            {
                builder.Append(segment.Text);
            }

            return builder.ToString();
        }

        /// <summary>The names that make the unknown parts unknown.</summary>
        public void CollectUnknownVariables(NameList names)
        {
            if (_segments is null)
            {
                return;
            }

            foreach (var segment in _segments)
            {
                foreach (var name in segment.Variables)
                {
                    names.Add(name);
                }
            }
        }

        private void FlushPending()
        {
            if (_pending is { Length: > 0 })
            {
                _segments!.Add(ShellSegment.Literal(_pending.ToString()));
                _pending.Clear();
            }
        }
    }

    private enum Operator
    {
        Default,
        Alternative,
        Required,
    }

    private sealed class Evaluator(string text, IComposeVariables variables)
    {
        private readonly string _text = text;
        private readonly IComposeVariables _variables = variables;
        private readonly bool _complete = variables.IsComplete;
        private readonly NameList _referenced = new();

        // For each index: the next '\n' at or after it (or the length), and the last '}' at or before it on
        // the same line (or -1). Built on first need, they keep finding an expression's extent O(1).
        private int[]? _lineEnds;
        private int[]? _lastBraces;
        private ComposeInterpolationError? _abort;

        private bool Aborted => _abort is not null;

        public ComposeInterpolation Run()
        {
            var output = Evaluate(0, _text.Length, 0);
            var referenced = _referenced.ToArray();
            var unset = Distinct(output.Unset);
            if ((_abort ?? output.Error) is { } error)
            {
                return ComposeInterpolation.FromError(error, referenced, unset);
            }

            return output.IsKnown
                ? ComposeInterpolation.FromKnown(output.KnownText(), referenced, unset)
                : ComposeInterpolation.FromSegments([.. output.Segments()], referenced, unset, output.MayFail);
        }

        private static string[] Distinct(List<string>? names)
        {
            if (names is null)
            {
                return [];
            }

            var list = new NameList();
            foreach (var name in names)
            {
                list.Add(name);
            }

            return list.ToArray();
        }

        private static bool IsNameStart(char c) => c is '_' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

        private static bool IsNameChar(char c) => IsNameStart(c) || c is >= '0' and <= '9';

        private Output Evaluate(int start, int end, int depth)
        {
            var output = new Output();
            if (depth > MaxNestingDepth)
            {
                _abort = new ComposeInterpolationError(
                    ComposeInterpolationErrorKind.NestingTooDeep,
                    $"Interpolation nested more than {MaxNestingDepth} levels deep",
                    TextSpan.FromBounds(start, end));
                return output;
            }

            var position = start;
            var literalStart = start;
            while (!Aborted)
            {
                var dollar = position < end ? _text.IndexOf('$', position, end - position) : -1;
                if (dollar < 0 || dollar + 1 >= end)
                {
                    break;
                }

                var next = _text[dollar + 1];
                if (next == '$')
                {
                    output.AppendLiteral(_text, literalStart, dollar + 1 - literalStart);
                    position = literalStart = dollar + 2;
                }
                else if (IsNameStart(next))
                {
                    output.AppendLiteral(_text, literalStart, dollar - literalStart);
                    var nameEnd = ScanName(dollar + 1, end);
                    Reference(output, dollar, dollar + 1, nameEnd, nameEnd);
                    position = literalStart = nameEnd;
                }
                else if (next == '{')
                {
                    output.AppendLiteral(_text, literalStart, dollar - literalStart);
                    position = literalStart = Braced(output, dollar, end, depth);
                }
                else
                {
                    position = dollar + 1;
                }
            }

            output.AppendLiteral(_text, literalStart, end - literalStart);
            return output;
        }

        private int ScanName(int start, int end)
        {
            var index = start;
            while (index < end && IsNameChar(_text[index]))
            {
                index++;
            }

            return index;
        }

        /// <summary>Handles <c>${...}</c> at <paramref name="dollar"/>; returns where scanning resumes.</summary>
        private int Braced(Output output, int dollar, int end, int depth)
        {
            var nameStart = dollar + 2;
            if (nameStart < end && IsNameStart(_text[nameStart]))
            {
                var nameEnd = ScanName(nameStart, end);
                if (nameEnd < end && _text[nameEnd] == '}')
                {
                    Reference(output, dollar, nameStart, nameEnd, nameEnd + 1);
                    return nameEnd + 1;
                }

                if (TryOperator(nameEnd, end, out var op, out var colon, out var valueStart))
                {
                    var lastBrace = LastBraceOnLine(valueStart, end);
                    if (lastBrace >= 0)
                    {
                        var close = MatchingBrace(dollar, lastBrace);
                        Operation(output, dollar, _text[nameStart..nameEnd], op, colon, valueStart, close, depth);
                        return close + 1;
                    }
                }
            }

            // Only the first error of a part counts; building the message scans ahead, so build it once.
            if (output.Error is null)
            {
                output.SetError(Invalid(dollar, end));
            }

            return dollar + 2;
        }

        private bool TryOperator(int index, int end, out Operator op, out bool colon, out int valueStart)
        {
            op = Operator.Default;
            colon = index < end && _text[index] == ':';
            var at = colon ? index + 1 : index;
            valueStart = at + 1;
            if (at >= end)
            {
                return false;
            }

            switch (_text[at])
            {
                case '-':
                    op = Operator.Default;
                    return true;
                case '+':
                    op = Operator.Alternative;
                    return true;
                case '?':
                    op = Operator.Required;
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>compose-go's brace counting from the <c>${</c>: the character after each <c>{</c> is skipped.</summary>
        private int MatchingBrace(int dollar, int lastBrace)
        {
            var open = 0;
            for (var i = dollar; i <= lastBrace; i++)
            {
                var c = _text[i];
                if (c == '}' && --open == 0)
                {
                    return i;
                }

                if (c == '{')
                {
                    open++;
                    i++;
                }
            }

            return lastBrace;
        }

        private int LastBraceOnLine(int start, int end)
        {
            if (_lineEnds is null || _lastBraces is null)
            {
                var length = _text.Length;
                _lineEnds = new int[length];
                _lastBraces = new int[length];
                var lineEnd = length;
                for (var i = length - 1; i >= 0; i--)
                {
                    if (_text[i] == '\n')
                    {
                        lineEnd = i;
                    }

                    _lineEnds[i] = lineEnd;
                }

                var last = -1;
                for (var i = 0; i < length; i++)
                {
                    var c = _text[i];
                    last = c == '}' ? i : c == '\n' ? -1 : last;
                    _lastBraces[i] = last;
                }
            }

            if (start >= end)
            {
                return -1;
            }

            var stop = Math.Min(_lineEnds[start], end);
            if (stop <= start)
            {
                return -1;
            }

            var candidate = _lastBraces[stop - 1];
            return candidate >= start ? candidate : -1;
        }

        private ComposeInterpolationError Invalid(int dollar, int end)
        {
            var stop = dollar + 2;
            while (stop < end && _text[stop] is not '\n' and not '}')
            {
                stop++;
            }

            if (stop < end && _text[stop] == '}')
            {
                stop++;
            }

            var expression = _text[dollar..stop];
            string reason;
            if (dollar + 2 >= end || !IsNameStart(_text[dollar + 2]))
            {
                reason = "a variable name starts with a letter or '_'";
            }
            else if (!expression.EndsWith('}'))
            {
                reason = "no closing '}' on the same line";
            }
            else
            {
                reason = "expected '}' or one of :- - :+ + :? ? after the name";
            }

            return new ComposeInterpolationError(
                ComposeInterpolationErrorKind.InvalidTemplate,
                $"Invalid interpolation '{expression}': {reason}; write $$ for a literal dollar sign",
                TextSpan.FromBounds(dollar, stop));
        }

        /// <summary><c>$NAME</c> or <c>${NAME}</c>.</summary>
        private void Reference(Output output, int expressionStart, int nameStart, int nameEnd, int expressionEnd)
        {
            var name = _text[nameStart..nameEnd];
            _referenced.Add(name);
            var lookup = _variables.Lookup(name);
            switch (lookup.State)
            {
                case ShellVariableState.Known:
                    output.AppendLiteral(lookup.Value!);
                    break;
                case ShellVariableState.NotSet when _complete:
                    output.AddUnset(name);
                    break;
                default:
                    output.AppendUnknown(ShellSegment.Unknown(_text[expressionStart..expressionEnd], [name], false));
                    break;
            }
        }

        /// <summary><c>${NAME op value}</c>, the value running from <paramref name="valueStart"/> to <paramref name="close"/>.</summary>
        private void Operation(Output output, int dollar, string name, Operator op, bool colon, int valueStart, int close, int depth)
        {
            _referenced.Add(name);
            var lookup = _variables.Lookup(name);

            // The value is always scanned, so Variables lists names in unused branches too; its text, error
            // and unset names only count when docker compose would use it.
            var value = Evaluate(valueStart, close, depth + 1);
            if (Aborted)
            {
                return;
            }

            var expression = TextSpan.FromBounds(dollar, close + 1);
            if (lookup.State == ShellVariableState.Unknown)
            {
                var names = new NameList();
                names.Add(name);
                if (op != Operator.Required)
                {
                    value.CollectUnknownVariables(names);
                }

                var mayFail = op == Operator.Required || value.Error is not null || value.MayFail;
                output.AppendUnknown(ShellSegment.Unknown(_text.Substring(dollar, expression.Length), names.ToArray(), mayFail));
                return;
            }

            var isSet = lookup.State == ShellVariableState.Known;
            var current = lookup.Value ?? string.Empty;
            switch (op)
            {
                case Operator.Default:
                    if (!isSet || (colon && current.Length == 0))
                    {
                        output.Append(value);
                    }
                    else
                    {
                        output.AppendLiteral(current);
                    }

                    break;

                case Operator.Alternative:
                    if (isSet && (!colon || current.Length > 0))
                    {
                        output.Append(value);
                    }

                    break;

                default:
                    if (isSet && (!colon || current.Length > 0))
                    {
                        output.AppendLiteral(current);
                    }
                    else if (!isSet && !_complete)
                    {
                        output.AppendUnknown(ShellSegment.Unknown(_text.Substring(dollar, expression.Length), [name], true));
                    }
                    else if (value.Error is not null)
                    {
                        output.SetError(value.Error);
                    }
                    else
                    {
                        var reason = value.Render();
                        var message = reason.Length == 0
                            ? $"required variable {name} is missing a value"
                            : $"required variable {name} is missing a value: {reason}";
                        output.SetError(new ComposeInterpolationError(ComposeInterpolationErrorKind.RequiredVariableMissing, message, expression, name, reason));
                    }

                    break;
            }
        }
    }
}
