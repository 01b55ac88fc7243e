using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Syntax;

/// <summary>
/// An instruction as BuildKit sees it: its physical lines joined, with line continuations, comment
/// lines and blank lines inside it removed. Every character keeps its source offset, so any range
/// of the logical text maps back to a source span.
/// </summary>
internal sealed class LogicalLine
{
    // The logical text is a few runs of source characters (usually one: most instructions fit on a
    // line). Run i starts at logical offset _logicalStarts[i] and source offset _sourceStarts[i]; a
    // per-character map would cost four bytes per character of every instruction.
    private readonly int[] _logicalStarts;
    private readonly int[] _sourceStarts;
    private readonly int _sourceEnd;
    private readonly string _source;
    private string? _joined;
    private int _hint;

    // One run whose logical positions are source offsets: logical 0 is source 0 (shared by every such line).
    private static readonly int[] s_identity = [0];

    private LogicalLine(string source, int start, int end, int[] logicalStarts, int[] sourceStarts, int sourceStart, int sourceEnd)
    {
        _source = source;
        Start = start;
        End = end;
        _logicalStarts = logicalStarts;
        _sourceStarts = sourceStarts;
        SourceStart = sourceStart;
        _sourceEnd = sourceEnd;
    }

    /// <summary>
    /// The string that holds the joined text, from <see cref="Start"/> to <see cref="End"/>. For an
    /// instruction on one run of source characters (most of them) it is the source itself and logical
    /// positions are source offsets: no copy of the line is made. Otherwise the runs are joined into
    /// a new string on first use (the parser reads them from a reused buffer, see <see cref="CopyTo"/>).
    /// </summary>
    public string Text => IsSourceRun ? _source : _joined ??= Substring(Start, End - Start);

    /// <summary>True when logical positions are source offsets (<see cref="Text"/> is the source).</summary>
    public bool IsSourceRun => ReferenceEquals(_logicalStarts, s_identity);

    /// <summary>
    /// <paramref name="length"/> characters of the logical text from <paramref name="start"/>, copied
    /// straight from the source runs (without joining the whole line first).
    /// </summary>
    public string Substring(int start, int length)
    {
        if (length == 0)
        {
            return "";
        }

        if (IsSourceRun || _joined is not null)
        {
            return Text.Substring(start, length);
        }

        return string.Create(length, (Line: this, Start: start), static (chars, s) => s.Line.CopyRange(s.Start, chars));
    }

    /// <summary>Copies the logical text (<see cref="Start"/>..<see cref="End"/>) to <paramref name="destination"/>.</summary>
    public void CopyTo(Span<char> destination) => CopyRange(Start, destination[..(End - Start)]);

    /// <summary>Fills <paramref name="destination"/> with the logical characters from <paramref name="start"/>.</summary>
    private void CopyRange(int start, Span<char> destination)
    {
        if (destination.IsEmpty)
        {
            return;
        }

        var logical = _logicalStarts;
        var run = FindRun(logical, start);
        var pos = start;
        var written = 0;
        while (written < destination.Length)
        {
            var runEnd = run + 1 < logical.Length ? logical[run + 1] : End;
            var take = Math.Min(runEnd - pos, destination.Length - written);
            _source.AsSpan(_sourceStarts[run] + (pos - logical[run]), take).CopyTo(destination[written..]);
            written += take;
            pos += take;
            run++;
        }
    }

    /// <summary>The logical position of the first character (an index into <see cref="Text"/>).</summary>
    public int Start { get; }

    /// <summary>The logical position just past the last character.</summary>
    public int End { get; }

    /// <summary>Source offset of the first character of the instruction's first line (after indentation).</summary>
    public int SourceStart { get; }

    /// <summary>The source offset of logical position <paramref name="index"/> (the end maps after the last character).</summary>
    public int ToSource(int index)
    {
        if (index < End)
        {
            return Map(index);
        }

        return End == Start ? SourceStart : Map(End - 1) + 1;
    }

    /// <summary>The source span of a logical range; an empty range maps to an empty span.</summary>
    public TextSpan ToSourceSpan(int start, int length)
    {
        if (length <= 0)
        {
            var at = ToSource(start);
            return new TextSpan(at, 0);
        }

        return TextSpan.FromBounds(Map(start), Map(start + length - 1) + 1);
    }

    /// <summary>True when the logical range is contiguous in the source (no continuation inside).</summary>
    public bool IsContiguous(int start, int length)
        => length <= 1 || Map(start + length - 1) - Map(start) == length - 1;

    /// <summary>The joined text (a copy).</summary>
    public override string ToString() => Text.Substring(Start, End - Start);

    /// <summary>The source offset just past the instruction's last line (terminator included).</summary>
    public int SourceEnd => _sourceEnd;

    /// <summary>The source offset of a logical character (0 ≤ index &lt; length).</summary>
    private int Map(int index)
    {
        if (index < Start || index >= End)
        {
            throw new ArgumentOutOfRangeException(nameof(index));
        }

        var logical = _logicalStarts;
        if (logical.Length == 1)
        {
            return _sourceStarts[0] + (index - logical[0]);
        }

        // The parser maps positions mostly in increasing order: start from the run used last.
        // _hint is only a starting point (any value in range is correct), so a race on it is harmless.
        var run = _hint;
        if ((uint)run >= (uint)logical.Length || logical[run] > index)
        {
            run = FindRun(logical, index);
        }
        else
        {
            while (run + 1 < logical.Length && logical[run + 1] <= index)
            {
                run++;
            }
        }

        _hint = run;
        return _sourceStarts[run] + (index - logical[run]);
    }

    /// <summary>The last run starting at or before <paramref name="index"/>.</summary>
    private static int FindRun(int[] logical, int index)
    {
        var lo = 0;
        var hi = logical.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (logical[mid] <= index)
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return lo;
    }

    /// <summary>
    /// The source span of the logical range <paramref name="start"/>..<paramref name="end"/> (not empty),
    /// and whether it is contiguous in the source, with two lookups.
    /// </summary>
    public TextSpan ToSourceSpan(int start, int end, out bool contiguous)
    {
        if (end <= start)
        {
            contiguous = true;
            return new TextSpan(ToSource(start), 0);
        }

        if (ReferenceEquals(_logicalStarts, s_identity) && start >= Start && end <= End)
        {
            contiguous = true;
            return TextSpan.FromBounds(start, end);
        }

        var first = Map(start);
        var last = Map(end - 1);
        contiguous = last - first == end - start - 1;
        return TextSpan.FromBounds(first, last + 1);
    }

    /// <summary>Accumulates a logical line.</summary>
    internal sealed class Builder
    {
        private readonly List<int> _logicalStarts = [];
        private readonly List<int> _sourceStarts = [];
        /// <summary>The source regions left out of the logical text, in order, with their trivia kind (until the next <see cref="Reset"/>).</summary>
        public List<SyntaxTrivia> Removed { get; } = [];
        private int _start;
        private int _length;

        /// <summary>The text of the file being read (set for each file; the builder is reused).</summary>
        public string Source { get; set; } = "";

        /// <summary>Empties the builder for a logical line starting at <paramref name="start"/> (the builder is reused line after line).</summary>
        public void Reset(int start)
        {
            _logicalStarts.Clear();
            _sourceStarts.Clear();
            Removed.Clear();
            _start = start;
            _length = 0;
        }

        public void Append(int start, int end)
        {
            if (end <= start)
            {
                return;
            }

            if (_sourceStarts.Count > 0 && _sourceStarts[^1] + (_length - _logicalStarts[^1]) == start)
            {
                // Continues the previous run in the source (nothing was removed in between).
                _length += end - start;
                return;
            }

            _logicalStarts.Add(_length);
            _sourceStarts.Add(start);
            _length += end - start;
        }

        public void Remove(SyntaxKind kind, int start, int end)
        {
            if (end > start)
            {
                Removed.Add(new SyntaxTrivia(kind, TextSpan.FromBounds(start, end)));
            }
        }

        public LogicalLine ToLine(int sourceEnd)
        {
            if (_sourceStarts.Count == 1)
            {
                // One run: logical positions are source offsets.
                var at = _sourceStarts[0];
                return new(Source, at, at + _length, s_identity, s_identity, _start, sourceEnd);
            }

            // No run (an instruction of only a continuation) or several: logical positions from 0.
            return new(Source, 0, _length, [.. _logicalStarts], [.. _sourceStarts], _start, sourceEnd);
        }
    }
}
