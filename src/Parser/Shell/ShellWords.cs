using System.Text;

namespace DockerLint.Parser.Shell;

/// <summary>One word produced by <see cref="ShellLexer.ProcessWords"/>.</summary>
public sealed class ShellWord
{
    private readonly string? _value;
    private readonly ShellSegment[] _segments;

    internal ShellWord(string value)
    {
        _value = value;
        _segments = value.Length == 0 ? [] : [ShellSegment.Literal(value)];
    }

    internal ShellWord(ShellSegment[] segments)
    {
        _segments = segments;
    }

    /// <summary>True when the word contains no unknown part.</summary>
    public bool IsKnown => _value is not null;

    /// <summary>The word when <see cref="IsKnown"/>; otherwise null.</summary>
    public string? Value => _value;

    /// <summary>The word as consecutive literal and unknown parts.</summary>
    public IReadOnlyList<ShellSegment> Segments => _segments;

    /// <summary>The value, or the segments with unknown parts shown as written.</summary>
    public override string ToString()
    {
        if (_value is not null)
        {
            return _value;
        }

        var builder = new StringBuilder();
        foreach (var segment in _segments)
        {
            builder.Append(segment.Text);
        }

        return builder.ToString();
    }
}

/// <summary>
/// The result of <see cref="ShellLexer.ProcessWords"/>: the expanded text split into words the way
/// BuildKit's <c>ProcessWords</c> does (after expansion, on unquoted whitespace coming from literal text
/// or unquoted variable values; quoted text is never split).
/// </summary>
/// <remarks>
/// Unknown parts cannot be split: an unknown part is kept inside the word being built, as one piece.
/// Because its real value might contain whitespace (splitting the word) or be empty (dropping a word
/// consisting only of unknown parts), <see cref="WordBoundariesKnown"/> is false whenever an unknown
/// part came from an unquoted expansion or a word consists only of unknown parts. Unknown parts inside
/// double quotes next to literal text do not make boundaries uncertain.
/// </remarks>
public sealed class ShellWords
{
    private static readonly string[] s_noNames = [];
    private static readonly ShellWord[] s_noWords = [];

    private ShellWords(ShellWord[] words, bool boundariesKnown, bool mayFail, string[] variables, string[] unsetVariables, string? error)
    {
        Words = words;
        WordBoundariesKnown = boundariesKnown;
        Variables = variables;
        UnsetVariables = unsetVariables;
        Error = error;
        foreach (var word in words)
        {
            foreach (var segment in word.Segments)
            {
                mayFail |= segment.MayFail;
            }
        }

        MayFail = mayFail;
        if (error is null && boundariesKnown && !mayFail)
        {
            var values = new string[words.Length];
            for (var i = 0; i < words.Length; i++)
            {
                if (words[i].Value is not { } value)
                {
                    values = null;
                    break;
                }

                values[i] = value;
            }

            Values = values;
        }
    }

    /// <summary>The words, each possibly containing unknown parts; empty when there is an error.</summary>
    public IReadOnlyList<ShellWord> Words { get; }

    /// <summary>
    /// False when unknown values could change how the text splits into words (see remarks on the type);
    /// the <see cref="Words"/> are then a best structural reading, not a certainty.
    /// </summary>
    public bool WordBoundariesKnown { get; }

    /// <summary>
    /// True when, depending on unknown values, BuildKit could reject the text instead of producing words
    /// (an unknown part that may fail, possibly one that did not end up in any word).
    /// </summary>
    public bool MayFail { get; }

    /// <summary>True when there is no error, the boundaries are known, nothing may fail and every word is known.</summary>
    public bool IsKnown => Values is not null;

    /// <summary>The words as strings when <see cref="IsKnown"/>; otherwise null.</summary>
    public IReadOnlyList<string>? Values { get; }

    /// <summary>The distinct names of every variable referenced, in order of appearance.</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>The distinct names looked up and found <see cref="ShellVariableState.NotSet"/>.</summary>
    public IReadOnlyList<string> UnsetVariables { get; }

    /// <summary>Why the text cannot be expanded; null when there is no error.</summary>
    public string? Error { get; }

    /// <summary>True when <see cref="Error"/> is set.</summary>
    public bool HasError => Error is not null;

    internal static ShellWords FromWords(ShellWord[] words, bool boundariesKnown, bool mayFail, string[] variables, string[] unsetVariables) =>
        new(words, boundariesKnown, mayFail, variables, unsetVariables, null);

    /// <summary>Splits text without quotes, escapes or expansions on white space.</summary>
    internal static ShellWords FromPlainText(string text)
    {
        var words = new List<ShellWord>();
        var rest = text.AsSpan();
        while (true)
        {
            var start = rest.IndexOfAnyExcept(WordSplitter.Whitespace);
            if (start < 0)
            {
                break;
            }

            rest = rest[start..];
            var end = rest.IndexOfAny(WordSplitter.Whitespace);
            var word = end < 0 ? rest : rest[..end];
            words.Add(new ShellWord(word.Length == text.Length ? text : word.ToString()));
            rest = rest[word.Length..];
        }

        return new ShellWords([.. words], true, false, s_noNames, s_noNames, null);
    }

    internal static ShellWords FromError(string error, string[] variables, string[] unsetVariables) =>
        new(s_noWords, false, false, variables ?? s_noNames, unsetVariables ?? s_noNames, error);

    /// <summary>The words joined by commas (unknown parts shown as written), or the error.</summary>
    public override string ToString() => Error is not null ? "error: " + Error : string.Join(",", Words);
}
