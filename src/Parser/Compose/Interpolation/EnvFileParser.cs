using System.Collections.Immutable;
using System.Text;
using DockerLint.Parser.Shell;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Compose.Interpolation;

/// <summary>
/// Reads env files the way docker compose does (compose-go's <c>dotenv</c> package). Never throws: a line
/// compose would reject becomes a DC0022 diagnostic and parsing goes on with the next line.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>A leading byte order mark is skipped. Blank lines and lines starting with <c>#</c> (after blanks) are ignored.</item>
/// <item><c>KEY=value</c>, <c>KEY: value</c> (YAML style, accepted by compose), optionally preceded by
/// <c>export</c> and blanks. Blanks around the key and after the separator are ignored. A key is made of
/// letters, digits, <c>_ . - [ ]</c>; any other character, or a space inside the key, is an error.</item>
/// <item><c>KEY</c> alone on its line takes its value from the environment (or an earlier line) when set there,
/// and defines nothing otherwise.</item>
/// <item>Unquoted values run to the end of the line, are cut at the first <c> #</c> (a space then <c>#</c>) and
/// trimmed; <c>$</c> expressions in them are interpolated (<see cref="ComposeInterpolator"/>).</item>
/// <item>Single-quoted values are literal and may span lines; <c>\'</c> is a quote, any other backslash stays.</item>
/// <item>Double-quoted values may span lines; <c>\"</c> is a quote, then <c>\a \b \f \n \r \t \v \\ \"</c> and
/// octal <c>\0NNN</c> are unescaped (a <c>\0</c> not followed by three octal digits up to 377 loses its
/// <c>0</c>, as in compose), <c>\$</c> becomes a literal <c>$</c>, other backslashes stay; then the value
/// is interpolated.</item>
/// <item>Interpolation looks a name up in the environment first, then in the keys already defined (earlier
/// lines, and earlier files when built by <see cref="ComposeEnvironmentBuilder"/>): compose's precedence.</item>
/// <item>Compose quirks kept: text after a closing quote on the same line is read as the next definition
/// (<c>A="x" B=1</c> defines both); a last line without <c>=</c> nor line break defines the empty key.</item>
/// </list>
/// </remarks>
public static class EnvFileParser
{
    /// <summary>Parses env-file text.</summary>
    /// <param name="text">The content of the file; null is treated as empty.</param>
    /// <param name="path">The path reported in diagnostics.</param>
    /// <param name="environment">The variables interpolation sees before the file's own keys; null means an
    /// empty, incomplete environment.</param>
    public static EnvFile Parse(string text, string path, IComposeVariables? environment = null)
        => Parse(SourceText.From(text ?? string.Empty), path, environment);

    /// <summary>Parses an env file's source text.</summary>
    /// <param name="text">The content of the file.</param>
    /// <param name="path">The path reported in diagnostics.</param>
    /// <param name="environment">The variables interpolation sees before the file's own keys; null means an
    /// empty, incomplete environment.</param>
    public static EnvFile Parse(SourceText text, string path, IComposeVariables? environment = null)
        => Parse(text, path, environment ?? new ComposeVariableMap(), new Dictionary<string, ShellVariableLookup>(StringComparer.Ordinal));

    /// <summary>Parses with <paramref name="defined"/> holding the keys defined so far; the file's keys are added to it.</summary>
    internal static EnvFile Parse(SourceText text, string path, IComposeVariables environment, Dictionary<string, ShellVariableLookup> defined)
        => new Reader(text ?? SourceText.From(string.Empty), path ?? string.Empty, environment, defined).Run();

    /// <summary>The environment first, then the keys defined so far.</summary>
    private sealed class Scope(IComposeVariables environment, Dictionary<string, ShellVariableLookup> defined) : IComposeVariables
    {
        public bool IsComplete => environment.IsComplete;

        public ShellVariableLookup Lookup(string name)
        {
            var lookup = environment.Lookup(name);
            return lookup.State == ShellVariableState.NotSet && defined.TryGetValue(name, out var local) ? local : lookup;
        }
    }

    private sealed class Reader(SourceText source, string path, IComposeVariables environment, Dictionary<string, ShellVariableLookup> defined)
    {
        private readonly string _text = source.ToString();
        private readonly Scope _scope = new(environment, defined);
        private readonly List<EnvFileEntry> _entries = [];
        private readonly ImmutableArray<Diagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();

        public EnvFile Run()
        {
            var position = _text.StartsWith('\uFEFF') ? 1 : 0;
            while (position < _text.Length)
            {
                position = Statement(position);
            }

            return new EnvFile(path, source, _entries, _diagnostics.ToImmutable());
        }

        /// <summary>compose-go's blanks inside a line: not line breaks.</summary>
        private static bool IsBlank(char c) => c is '\t' or '\v' or '\f' or '\r' or ' ' or '\u0085' or '\u00A0';

        private int LineEnd(int from)
        {
            var newline = _text.IndexOf('\n', from);
            return newline < 0 ? _text.Length : newline;
        }

        private int NextLine(int from) => Math.Min(LineEnd(from) + 1, _text.Length);

        /// <summary>Reads one statement (or skips blanks and a comment); returns where the next one may start.</summary>
        private int Statement(int position)
        {
            while (position < _text.Length && char.IsWhiteSpace(_text[position]))
            {
                position++;
            }

            if (position >= _text.Length)
            {
                return position;
            }

            if (_text[position] == '#')
            {
                return LineEnd(position);
            }

            var start = position;
            var exported = false;
            if (string.CompareOrdinal(_text, position, "export", 0, 6) == 0
                && position + 6 < _text.Length
                && _text[position + 6] is '\t' or '\n' or '\f' or '\r' or ' ')
            {
                exported = true;
                position += 6;
                while (position < _text.Length && IsBlank(_text[position]))
                {
                    position++;
                }

                if (position >= _text.Length)
                {
                    Report(ComposeDiagnostics.InvalidEnvFile, TextSpan.FromBounds(start, position), "Missing variable name after 'export'");
                    return position;
                }
            }

            var keyStart = position;
            var index = keyStart;
            while (index < _text.Length)
            {
                var c = _text[index];
                if (c is '=' or ':' or '\n')
                {
                    break;
                }

                if (IsBlank(c) || c is '_' or '.' or '-' or '[' or ']')
                {
                    index++;
                    continue;
                }

                if (Rune.DecodeFromUtf16(_text.AsSpan(index), out var rune, out var length) == System.Buffers.OperationStatus.Done
                    && (Rune.IsLetter(rune) || Rune.IsNumber(rune)))
                {
                    index += length;
                    continue;
                }

                var width = char.IsHighSurrogate(c) && index + 1 < _text.Length && char.IsLowSurrogate(_text[index + 1]) ? 2 : 1;
                var line = _text[keyStart..LineEnd(keyStart)].TrimEnd('\r');
                Report(
                    ComposeDiagnostics.InvalidEnvFile,
                    new TextSpan(index, width),
                    $"Unexpected character '{Printable(_text.Substring(index, width))}' in variable name \"{line}\"");
                return NextLine(index);
            }

            if (index >= _text.Length)
            {
                // No '=', ':' or line break before the end: compose reads the text as the value of an empty key.
                return Value(start, exported, string.Empty, new TextSpan(keyStart, 0), keyStart);
            }

            var keyEnd = index;
            while (keyEnd > keyStart && char.IsWhiteSpace(_text[keyEnd - 1]))
            {
                keyEnd--;
            }

            var keySpan = TextSpan.FromBounds(keyStart, keyEnd);
            var key = _text.Substring(keyStart, keyEnd - keyStart);
            if (key.Contains(' ', StringComparison.Ordinal))
            {
                Report(ComposeDiagnostics.InvalidEnvFile, keySpan, $"Variable name \"{key}\" cannot contain a space");
                return NextLine(index);
            }

            if (_text[index] == '\n')
            {
                Inherited(start, exported, key, keySpan);
                return index + 1;
            }

            var valueStart = index + 1;
            while (valueStart < _text.Length && IsBlank(_text[valueStart]))
            {
                valueStart++;
            }

            return Value(start, exported, key, keySpan, valueStart);
        }

        private void Inherited(int start, bool exported, string key, TextSpan keySpan)
        {
            var lookup = _scope.Lookup(key);
            if (lookup.State == ShellVariableState.NotSet && !_scope.IsComplete)
            {
                lookup = ShellVariableLookup.Unknown;
            }

            if (lookup.State != ShellVariableState.NotSet)
            {
                defined[key] = lookup;
            }

            var valueSpan = new TextSpan(keySpan.End, 0);
            _entries.Add(new EnvFileEntry(key, keySpan, TextSpan.FromBounds(start, keySpan.End), exported, EnvFileValueStyle.Inherited, valueSpan, string.Empty, null, lookup));
        }

        private int Value(int start, bool exported, string key, TextSpan keySpan, int valueStart)
        {
            if (valueStart < _text.Length && _text[valueStart] is '\'' or '"')
            {
                return Quoted(start, exported, key, keySpan, valueStart);
            }

            var lineEnd = LineEnd(valueStart);
            var valueEnd = lineEnd;
            var comment = _text.IndexOf(" #", valueStart, lineEnd - valueStart, StringComparison.Ordinal);
            if (comment >= 0)
            {
                valueEnd = comment;
            }

            while (valueEnd > valueStart && char.IsWhiteSpace(_text[valueEnd - 1]))
            {
                valueEnd--;
            }

            var valueSpan = TextSpan.FromBounds(valueStart, valueEnd);
            var raw = _text.Substring(valueStart, valueEnd - valueStart);
            var interpolation = ComposeInterpolator.Interpolate(raw, _scope);
            Define(start, exported, key, keySpan, EnvFileValueStyle.Unquoted, valueSpan, valueSpan.End, raw, interpolation, mapsDirectly: true);
            return Math.Min(lineEnd + 1, _text.Length);
        }

        private int Quoted(int start, bool exported, string key, TextSpan keySpan, int open)
        {
            var quote = _text[open];
            var builder = new StringBuilder();
            var escaped = false;
            for (var i = open + 1; i < _text.Length; i++)
            {
                var c = _text[i];
                if (c != quote)
                {
                    if (!escaped && c == '\\')
                    {
                        escaped = true;
                        continue;
                    }

                    if (escaped)
                    {
                        escaped = false;
                        builder.Append('\\');
                    }

                    builder.Append(c);
                    continue;
                }

                if (escaped)
                {
                    escaped = false;
                    builder.Append(c);
                    continue;
                }

                var valueSpan = TextSpan.FromBounds(open + 1, i);
                var raw = _text.Substring(open + 1, i - open - 1);
                if (quote == '\'')
                {
                    Define(start, exported, key, keySpan, EnvFileValueStyle.SingleQuoted, valueSpan, i + 1, raw, null, mapsDirectly: false, literal: builder.ToString());
                }
                else
                {
                    var unescaped = Unescape(builder.ToString());
                    var interpolation = ComposeInterpolator.Interpolate(unescaped, _scope);
                    Define(start, exported, key, keySpan, EnvFileValueStyle.DoubleQuoted, valueSpan, i + 1, raw, interpolation, mapsDirectly: string.Equals(unescaped, raw, StringComparison.Ordinal));
                }

                return i + 1;
            }

            var lineEnd = LineEnd(open);
            var end = lineEnd;
            while (end > open + 1 && _text[end - 1] == '\r')
            {
                end--;
            }

            Report(ComposeDiagnostics.InvalidEnvFile, TextSpan.FromBounds(open, end), $"Unterminated quoted value {_text[open..end]}");
            return Math.Min(lineEnd + 1, _text.Length);
        }

        private void Define(
            int start,
            bool exported,
            string key,
            TextSpan keySpan,
            EnvFileValueStyle style,
            TextSpan valueSpan,
            int end,
            string raw,
            ComposeInterpolation? interpolation,
            bool mapsDirectly,
            string? literal = null)
        {
            ShellVariableLookup value;
            if (interpolation is null)
            {
                value = ShellVariableLookup.Known(literal ?? raw);
            }
            else if (interpolation.Error is { } error)
            {
                value = ShellVariableLookup.Unknown;
                var span = mapsDirectly && error.Span.End <= valueSpan.Length
                    ? new TextSpan(valueSpan.Start + error.Span.Start, error.Span.Length)
                    : valueSpan;
                var descriptor = error.Kind == ComposeInterpolationErrorKind.RequiredVariableMissing
                    ? ComposeDiagnostics.RequiredVariableMissing
                    : ComposeDiagnostics.InvalidInterpolation;
                Report(descriptor, span, error.Message);
            }
            else
            {
                value = interpolation.Value is { } known ? ShellVariableLookup.Known(known) : ShellVariableLookup.Unknown;
            }

            defined[key] = value;
            _entries.Add(new EnvFileEntry(key, keySpan, TextSpan.FromBounds(start, end), exported, style, valueSpan, raw, interpolation, value));
        }

        private void Report(DiagnosticDescriptor descriptor, TextSpan span, string message)
        {
            var location = Location.Create(path, span, source.Lines.GetLinePositionSpan(span));
            _diagnostics.Add(Diagnostic.Create(descriptor, location, message));
        }

        private static string Printable(string text) => text switch
        {
            "\t" => "\\t",
            "\0" => "\\0",
            _ => text,
        };

        /// <summary>The escapes compose applies inside double quotes (after <c>\"</c> was already read as a quote).</summary>
        private static string Unescape(string value)
        {
            if (!value.Contains('\\', StringComparison.Ordinal))
            {
                return value;
            }

            var builder = new StringBuilder(value.Length);
            var i = 0;
            while (i < value.Length)
            {
                var c = value[i];
                if (c != '\\' || i + 1 >= value.Length)
                {
                    builder.Append(c);
                    i++;
                    continue;
                }

                var next = value[i + 1];
                switch (next)
                {
                    case 'a': builder.Append('\a'); i += 2; continue;
                    case 'b': builder.Append('\b'); i += 2; continue;
                    case 'f': builder.Append('\f'); i += 2; continue;
                    case 'n': builder.Append('\n'); i += 2; continue;
                    case 'r': builder.Append('\r'); i += 2; continue;
                    case 't': builder.Append('\t'); i += 2; continue;
                    case 'v': builder.Append('\v'); i += 2; continue;
                    case '\\': builder.Append('\\'); i += 2; continue;
                    case '"': builder.Append('"'); i += 2; continue;
                    case '$': builder.Append("$$"); i += 2; continue;
                    case 'c': builder.Append("\\c"); i += 2; continue;
                    case '0':
                        var digits = 0;
                        while (digits < 3 && i + 2 + digits < value.Length && value[i + 2 + digits] is >= '0' and <= '9')
                        {
                            digits++;
                        }

                        var octal = value.AsSpan(i + 2, digits);
                        if (digits == 3 && IsOctal(octal, out var code) && code <= 0xFF)
                        {
                            builder.Append((char)code);
                        }
                        else
                        {
                            // compose rewrites \0 to \ before trying, and keeps the rewritten text when it fails.
                            builder.Append('\\').Append(octal);
                        }

                        i += 2 + digits;
                        continue;
                    default:
                        builder.Append(c);
                        i++;
                        continue;
                }
            }

            return builder.ToString();
        }

        private static bool IsOctal(ReadOnlySpan<char> digits, out int code)
        {
            code = 0;
            foreach (var digit in digits)
            {
                if (digit is < '0' or > '7')
                {
                    return false;
                }

                code = (code * 8) + (digit - '0');
            }

            return true;
        }
    }
}
