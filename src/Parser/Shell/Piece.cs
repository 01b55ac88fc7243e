using System.Text;

namespace DockerLint.Parser.Shell;

/// <summary>
/// An intermediate expansion result: known text, or segments containing at least one unknown part.
/// </summary>
internal readonly struct Piece
{
    private readonly string? _text;

    private Piece(string? text, ShellSegment[]? segments)
    {
        _text = text;
        Segments = segments;
    }

    public static Piece Empty => default;

    /// <summary>Null when the piece is known.</summary>
    public ShellSegment[]? Segments { get; }

    public bool IsKnown => Segments is null;

    /// <summary>The known text (empty for unknown pieces).</summary>
    public string Text => _text ?? string.Empty;

    public bool IsKnownEmpty => Segments is null && string.IsNullOrEmpty(_text);

    public bool MayFail
    {
        get
        {
            if (Segments is null)
            {
                return false;
            }

            foreach (var segment in Segments)
            {
                if (segment.MayFail)
                {
                    return true;
                }
            }

            return false;
        }
    }

    public static Piece Known(string text) => new(text, null);

    public static Piece Unknown(ShellSegment segment) => new(null, [segment]);

    public static Piece FromSegments(ShellSegment[] segments) => new(null, segments);

    /// <summary>The text with unknown parts shown as written.</summary>
    public string Render()
    {
        if (Segments is null)
        {
            return Text;
        }

        var builder = new StringBuilder();
        foreach (var segment in Segments)
        {
            builder.Append(segment.Text);
        }

        return builder.ToString();
    }

    /// <summary>Adds the variables of this piece's unknown parts to <paramref name="names"/> (distinct).</summary>
    public void CollectUnknownVariables(List<string> names)
    {
        if (Segments is null)
        {
            return;
        }

        foreach (var segment in Segments)
        {
            foreach (var name in segment.Variables)
            {
                if (!names.Contains(name))
                {
                    names.Add(name);
                }
            }
        }
    }
}

/// <summary>Accumulates literal text and unknown segments into a <see cref="Piece"/>.</summary>
internal sealed class PieceBuilder
{
    private readonly StringBuilder _text = new();
    private List<ShellSegment>? _segments;
    private bool _hasLiteral;

    /// <summary>The capacity of the text buffer (large buffers are not kept for reuse).</summary>
    public int Capacity => _text.Capacity;

    /// <summary>True when nothing (no text, no unknown part) has been added.</summary>
    public bool IsEmpty => _text.Length == 0 && (_segments is null || _segments.Count == 0);

    /// <summary>True when some non-empty literal text has been added.</summary>
    public bool HasLiteral => _hasLiteral || _text.Length > 0;

    /// <summary>True when an unknown segment that may fail has been added.</summary>
    public bool MayFail { get; private set; }

    public void Append(char ch) => _text.Append(ch);

    public void Append(ReadOnlySpan<char> text) => _text.Append(text);

    public void Append(string text) => _text.Append(text);

    public void Append(in Piece piece)
    {
        if (piece.Segments is null)
        {
            _text.Append(piece.Text);
            return;
        }

        foreach (var segment in piece.Segments)
        {
            if (segment.IsUnknown)
            {
                AppendUnknown(segment);
            }
            else
            {
                _text.Append(segment.Text);
            }
        }
    }

    public void AppendUnknown(ShellSegment segment)
    {
        _segments ??= [];
        FlushText();
        _segments.Add(segment);
        MayFail |= segment.MayFail;
    }

    public Piece Build()
    {
        if (_segments is null || _segments.Count == 0)
        {
            return Piece.Known(_text.ToString());
        }

        FlushText();
        return Piece.FromSegments([.. _segments]);
    }

    public void Clear()
    {
        _text.Clear();
        _segments?.Clear();
        _hasLiteral = false;
        MayFail = false;
    }

    private void FlushText()
    {
        if (_text.Length > 0)
        {
            _segments!.Add(ShellSegment.Literal(_text.ToString()));
            _text.Clear();
            _hasLiteral = true;
        }
    }
}
