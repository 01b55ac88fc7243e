using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Syntax;

/// <summary>
/// An instruction as BuildKit sees it: its physical lines joined, with line continuations, comment
/// lines and blank lines inside it removed. Every character keeps its source offset, so any range
/// of the logical text maps back to a source span.
/// </summary>
internal sealed class LogicalLine
{
    private readonly int[] _map;
    private readonly int _sourceEnd;

    private LogicalLine(string text, int[] map, int sourceStart, int sourceEnd, SyntaxTrivia[] removed)
    {
        Text = text;
        _map = map;
        SourceStart = sourceStart;
        _sourceEnd = sourceEnd;
        Removed = removed;
    }

    /// <summary>The joined text.</summary>
    public string Text { get; }

    /// <summary>Source offset of the first character of the instruction's first line (after indentation).</summary>
    public int SourceStart { get; }

    /// <summary>The source regions left out of <see cref="Text"/>, in order, with their trivia kind.</summary>
    public SyntaxTrivia[] Removed { get; }

    /// <summary>The source offset of logical position <paramref name="index"/> (the end maps after the last character).</summary>
    public int ToSource(int index)
    {
        if (index < _map.Length)
        {
            return _map[index];
        }

        return _map.Length == 0 ? SourceStart : _map[^1] + 1;
    }

    /// <summary>The source span of a logical range; an empty range maps to an empty span.</summary>
    public TextSpan ToSourceSpan(int start, int length)
    {
        if (length <= 0)
        {
            var at = ToSource(start);
            return new TextSpan(at, 0);
        }

        return TextSpan.FromBounds(_map[start], _map[start + length - 1] + 1);
    }

    /// <summary>True when the logical range is contiguous in the source (no continuation inside).</summary>
    public bool IsContiguous(int start, int length)
        => length <= 1 || _map[start + length - 1] - _map[start] == length - 1;

    /// <summary>Removed regions that lie inside <paramref name="span"/>.</summary>
    public IEnumerable<SyntaxTrivia> RemovedWithin(TextSpan span)
    {
        foreach (var r in Removed)
        {
            if (r.Span.Start >= span.Start && r.Span.End <= span.End && !r.Span.IsEmpty)
            {
                yield return r;
            }
        }
    }

    /// <summary>The source offset just past the instruction's last line (terminator included).</summary>
    public int SourceEnd => _sourceEnd;

    /// <summary>Accumulates a logical line.</summary>
    internal sealed class Builder
    {
        private readonly string _source;
        private readonly StringBuilder _text = new();
        private readonly List<int> _map = [];
        private readonly List<SyntaxTrivia> _removed = [];
        private readonly int _start;

        public Builder(string source, int start)
        {
            _source = source;
            _start = start;
        }

        public void Append(int start, int end)
        {
            _text.Append(_source, start, end - start);
            for (var i = start; i < end; i++)
            {
                _map.Add(i);
            }
        }

        public void Remove(SyntaxKind kind, int start, int end)
        {
            if (end > start)
            {
                _removed.Add(new SyntaxTrivia(kind, TextSpan.FromBounds(start, end)));
            }
        }

        public LogicalLine ToLine(int sourceEnd)
            => new(_text.ToString(), [.. _map], _start, sourceEnd, [.. _removed]);
    }
}
