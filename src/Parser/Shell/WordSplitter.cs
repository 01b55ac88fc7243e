using System.Buffers;

namespace DockerLint.Parser.Shell;

/// <summary>
/// Splits the top-level expansion into words the way BuildKit's <c>ProcessWords</c> does: whitespace from
/// literal text and from unquoted <c>$</c> expansions separates words, quoted and escaped text never does,
/// and an empty word (e.g. <c>""</c>) is dropped.
/// </summary>
internal sealed class WordSplitter
{
    /// <summary>Every UTF-16 code unit that is white space (the same set as Go's unicode.IsSpace).</summary>
    internal static readonly SearchValues<char> Whitespace = SearchValues.Create(
        Enumerable.Range(0, char.MaxValue + 1).Select(code => (char)code).Where(char.IsWhiteSpace).ToArray());

    private readonly List<ShellWord> _words = [];
    private readonly PieceBuilder _current = new();
    private bool _inWord;

    /// <summary>True once an unknown part could have changed the word boundaries.</summary>
    public bool BoundariesUncertain { get; private set; }

    /// <summary>True once a discarded unknown part could have made BuildKit fail.</summary>
    public bool DiscardedMayFail { get; private set; }

    /// <summary>Adds unquoted text: whitespace ends the current word.</summary>
    public void AddText(ReadOnlySpan<char> text)
    {
        while (!text.IsEmpty)
        {
            var space = text.IndexOfAny(Whitespace);
            if (space == 0)
            {
                AddChar(text[0]);
                text = text[1..];
                continue;
            }

            var run = space < 0 ? text : text[..space];
            _current.Append(run);
            _inWord = true;
            text = text[run.Length..];
        }
    }

    public void AddChar(char ch)
    {
        if (char.IsWhiteSpace(ch))
        {
            if (_inWord && !_current.IsEmpty)
            {
                Emit();
                _inWord = false;
            }

            return;
        }

        AddRawChar(ch);
    }

    /// <summary>Adds a character that never splits (an escaped character).</summary>
    public void AddRawChar(char ch)
    {
        _current.Append(ch);
        _inWord = true;
    }

    /// <summary>Adds text that never splits (quoted text, heredoc markers).</summary>
    public void AddRaw(ReadOnlySpan<char> text)
    {
        _current.Append(text);
        _inWord = true;
    }

    /// <summary>Adds the result of a double-quoted string: never split.</summary>
    public void AddQuoted(in Piece piece)
    {
        _current.Append(piece);
        _inWord = true;
    }

    /// <summary>Adds the result of an unquoted <c>$</c> expansion: its known text is split on whitespace.</summary>
    public void AddExpansion(in Piece piece)
    {
        if (piece.Segments is null)
        {
            AddText(piece.Text);
            return;
        }

        foreach (var segment in piece.Segments)
        {
            if (segment.IsUnknown)
            {
                _current.AppendUnknown(segment);
                _inWord = true;
                BoundariesUncertain = true;
            }
            else
            {
                AddText(segment.Text);
            }
        }
    }

    /// <summary>
    /// Drops the word being built. BuildKit shares one word buffer between the top level and the nested
    /// word of a <c>${VAR op word}</c> expansion and resets it when the nested word starts, so text
    /// gathered for the current word before such an expansion is lost (e.g. <c>a${X:-b}</c> gives <c>b</c>).
    /// </summary>
    public void DiscardPending()
    {
        DiscardedMayFail |= _current.MayFail;
        _current.Clear();
    }

    public ShellWord[] Finish()
    {
        if (!_current.IsEmpty)
        {
            Emit();
        }

        return [.. _words];
    }

    private void Emit()
    {
        if (!_current.HasLiteral)
        {
            // Made only of unknown parts: the real word may be empty, and BuildKit then drops it.
            BoundariesUncertain = true;
        }

        _words.Add(ToWord(_current.Build()));
        _current.Clear();
    }

    private static ShellWord ToWord(in Piece piece) =>
        piece.Segments is null ? new ShellWord(piece.Text) : new ShellWord(piece.Segments);
}
