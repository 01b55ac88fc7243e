using System.Collections;

namespace DockerLint.Parser.Syntax;

/// <summary>
/// A run of trivia: a token's leading, inner or trailing trivia, or every trivia of a file. The trivia
/// of a file is stored once, in source order; a list is a window on it, so reading it allocates nothing.
/// </summary>
public readonly struct SyntaxTriviaList : IReadOnlyList<SyntaxTrivia>
{
    private readonly SyntaxTrivia[]? _items;
    private readonly int _start;

    internal SyntaxTriviaList(SyntaxTrivia[] items, int start, int count)
    {
        _items = count == 0 ? null : items;
        _start = start;
        Count = count;
    }

    /// <summary>How many trivia the list holds.</summary>
    public int Count { get; }

    /// <summary>How many trivia the list holds (the same as <see cref="Count"/>).</summary>
    public int Length => Count;

    /// <summary>True when the list holds no trivia.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The trivia at <paramref name="index"/>.</summary>
    public SyntaxTrivia this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return _items![_start + index];
        }
    }

    /// <summary>The trivia as a span.</summary>
    public ReadOnlySpan<SyntaxTrivia> AsSpan() => _items is null ? default : _items.AsSpan(_start, Count);

    /// <summary>Enumerates the trivia without allocating.</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<SyntaxTrivia> IEnumerable<SyntaxTrivia>.GetEnumerator() => GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Enumerates a <see cref="SyntaxTriviaList"/>.</summary>
    public struct Enumerator : IEnumerator<SyntaxTrivia>
    {
        private readonly SyntaxTriviaList _list;
        private int _index;

        internal Enumerator(SyntaxTriviaList list)
        {
            _list = list;
            _index = -1;
        }

        /// <inheritdoc />
        public readonly SyntaxTrivia Current => _list._items![_list._start + _index];

        readonly object IEnumerator.Current => Current;

        /// <inheritdoc />
        public bool MoveNext() => ++_index < _list.Count;

        /// <inheritdoc />
        public void Reset() => _index = -1;

        /// <inheritdoc />
        public readonly void Dispose()
        {
        }
    }
}
