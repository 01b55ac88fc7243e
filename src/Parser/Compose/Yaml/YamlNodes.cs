using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Compose.Yaml;

/// <summary>A YAML file's text and path: where every node of it points.</summary>
public sealed class YamlSource
{
    /// <summary>Creates a source from text.</summary>
    public YamlSource(string path, SourceText text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>The path as given.</summary>
    public string Path { get; }

    /// <summary>The text.</summary>
    public SourceText Text { get; }

    /// <summary>A Roslyn location in this file.</summary>
    public Location GetLocation(TextSpan span) => Location.Create(Path, span, Text.Lines.GetLinePositionSpan(span));

    /// <summary>The 0-based line and column span.</summary>
    public FileLinePositionSpan GetLineSpan(TextSpan span) => new(Path, Text.Lines.GetLinePositionSpan(span));
}

/// <summary>The style a scalar was written in.</summary>
public enum YamlScalarStyle
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// <summary>
/// A YAML node with the file and span it was written at. Nodes reached through an alias are the
/// anchored node itself, so they point at the place the value was written.
/// </summary>
public abstract class YamlNode
{
    private protected YamlNode(YamlSource source, TextSpan span, string? tag, string? anchor)
    {
        Source = source;
        Span = span;
        Tag = tag;
        Anchor = anchor;
    }

    /// <summary>The file the node was written in.</summary>
    public YamlSource Source { get; }

    /// <summary>Where the node is written (for a mapping or sequence, from its first to its last character).</summary>
    public TextSpan Span { get; }

    /// <summary>An explicit tag such as <c>!reset</c>, <c>!override</c> or <c>!!str</c>; null when none.</summary>
    public string? Tag { get; }

    /// <summary>The anchor defined on the node (<c>&amp;name</c>), if any.</summary>
    public string? Anchor { get; }

    /// <summary>A location for diagnostics.</summary>
    public Location Location => Source.GetLocation(Span);

    /// <summary>The 0-based line/column span.</summary>
    public FileLinePositionSpan LineSpan => Source.GetLineSpan(Span);

    /// <summary>Copies the node with a different tag (used when merging strips <c>!override</c>).</summary>
    internal abstract YamlNode WithTag(string? tag);

    /// <summary>
    /// True when a value inside this mapping or sequence, at any depth, is tagged <c>!reset</c> or
    /// <c>!override</c> (what merging removes); false for a scalar. Without such a tag below it, a node
    /// is its own merge-cleaned form.
    /// </summary>
    internal virtual bool HasMergeTagInside => false;

    /// <summary>Whether merging would change a child: it has a merge tag or one inside it.</summary>
    private protected static bool ChangedByMerge(YamlNode child)
        => child.Tag is "!reset" or "!override" || child.HasMergeTagInside;
}

/// <summary>A scalar: its text and how it was written.</summary>
public sealed class YamlScalar : YamlNode
{
    /// <summary>Creates a scalar.</summary>
    public YamlScalar(YamlSource source, TextSpan span, string value, YamlScalarStyle style, string? tag = null, string? anchor = null)
        : base(source, span, tag, anchor)
    {
        Value = value;
        Style = style;
    }

    /// <summary>The text after YAML unquoting and folding.</summary>
    public string Value { get; }

    /// <summary>How the scalar was written.</summary>
    public YamlScalarStyle Style { get; }

    /// <summary>True for a plain (unquoted) scalar.</summary>
    public bool IsPlain => Style == YamlScalarStyle.Plain;

    /// <summary>True when YAML reads the scalar as null: empty, <c>~</c> or <c>null</c> written plain.</summary>
    public bool IsNull => Tag is null or "tag:yaml.org,2002:null" && IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    internal override YamlNode WithTag(string? tag) => new YamlScalar(Source, Span, Value, Style, tag, Anchor);

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>A key and its value in a mapping.</summary>
/// <param name="Key">The key node (keys are scalars; a complex key is kept as the scalar text of its span).</param>
/// <param name="Value">The value node.</param>
/// <param name="FromMerge">True when the entry came from a merge key (<c>&lt;&lt;: *base</c>).</param>
public sealed record YamlEntry(YamlScalar Key, YamlNode Value, bool FromMerge = false);

/// <summary>A mapping: its entries in order, keys unique.</summary>
public sealed class YamlMapping : YamlNode
{
    /// <summary>
    /// Up to this many entries a key is found by comparing the keys in order (<see cref="FindByComparing"/>),
    /// which is faster than hashing it and needs no table; most Compose mappings are that small.
    /// </summary>
    internal const int MaxEntriesWithoutTable = 8;

    private readonly Dictionary<string, YamlEntry>? _byKey;
    private readonly bool _hasMergeTagInside;

    /// <summary>Creates a mapping; later entries with a key already present are ignored.</summary>
    public YamlMapping(YamlSource source, TextSpan span, IEnumerable<YamlEntry> entries, string? tag = null, string? anchor = null)
        : base(source, span, tag, anchor)
    {
        var count = entries.TryGetNonEnumeratedCount(out var n) ? n : 8;
        var list = ImmutableArray.CreateBuilder<YamlEntry>(count);
        Dictionary<string, YamlEntry>? byKey = null;
        foreach (var entry in entries)
        {
            if (byKey is null)
            {
                if (FindByComparing(list, entry.Key.Value) is not null)
                {
                    continue;
                }

                if (list.Count < MaxEntriesWithoutTable)
                {
                    list.Add(entry);
                    continue;
                }

                byKey = new Dictionary<string, YamlEntry>(count, StringComparer.Ordinal);
                foreach (var earlier in list)
                {
                    byKey.Add(earlier.Key.Value, earlier);
                }
            }

            if (byKey.TryAdd(entry.Key.Value, entry))
            {
                list.Add(entry);
            }
        }

        Entries = list.Count == list.Capacity ? list.MoveToImmutable() : list.ToImmutable();
        _byKey = byKey;
        _hasMergeTagInside = AnyChangedByMerge(Entries);
    }

    // Entries whose keys are known to be unique, taken as they are (no entry is dropped).
    private YamlMapping(YamlSource source, TextSpan span, string? tag, string? anchor, ImmutableArray<YamlEntry> uniqueEntries)
        : base(source, span, tag, anchor)
    {
        Entries = uniqueEntries;
        _hasMergeTagInside = AnyChangedByMerge(uniqueEntries);
        if (uniqueEntries.Length > MaxEntriesWithoutTable)
        {
            _byKey = new Dictionary<string, YamlEntry>(uniqueEntries.Length, StringComparer.Ordinal);
            foreach (var entry in uniqueEntries)
            {
                _byKey.Add(entry.Key.Value, entry);
            }
        }
    }

    /// <summary>The entries in the order written (merged entries after explicit ones).</summary>
    public ImmutableArray<YamlEntry> Entries { get; }

    /// <summary>The value of a key, or null.</summary>
    public YamlNode? this[string key] => GetEntry(key)?.Value;

    /// <summary>The entry of a key, or null.</summary>
    public YamlEntry? GetEntry(string key)
        => _byKey is not null ? _byKey.GetValueOrDefault(key) : FindByComparing(Entries, key);

    /// <summary>True when the key is present.</summary>
    public bool ContainsKey(string key) => GetEntry(key) is not null;

    internal override YamlNode WithTag(string? tag) => new YamlMapping(Source, Span, tag, Anchor, Entries);

    /// <inheritdoc />
    internal override bool HasMergeTagInside => _hasMergeTagInside;

    private static bool AnyChangedByMerge(ImmutableArray<YamlEntry> entries)
    {
        foreach (var entry in entries)
        {
            if (ChangedByMerge(entry.Value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Creates a mapping of entries whose keys are known to be unique (no entry is dropped).</summary>
    internal static YamlMapping WithUniqueKeys(YamlSource source, TextSpan span, ImmutableArray<YamlEntry> entries, string? tag, string? anchor)
        => new(source, span, tag, anchor, entries);

    /// <summary>The first of <paramref name="entries"/> with the key <paramref name="key"/>, found by comparing the keys in order; null when none has it.</summary>
    internal static YamlEntry? FindByComparing<TEntries>(TEntries entries, string key)
        where TEntries : IReadOnlyList<YamlEntry>
    {
        for (var i = 0; i < entries.Count; i++)
        {
            if (string.Equals(entries[i].Key.Value, key, StringComparison.Ordinal))
            {
                return entries[i];
            }
        }

        return null;
    }
}

/// <summary>A sequence: its items in order.</summary>
public sealed class YamlSequence : YamlNode
{
    /// <summary>Creates a sequence.</summary>
    public YamlSequence(YamlSource source, TextSpan span, IEnumerable<YamlNode> items, string? tag = null, string? anchor = null)
        : this(source, span, [.. items], tag, anchor)
    {
    }

    /// <summary>Creates a sequence of these items.</summary>
    internal YamlSequence(YamlSource source, TextSpan span, ImmutableArray<YamlNode> items, string? tag, string? anchor)
        : base(source, span, tag, anchor)
    {
        Items = items;
        foreach (var item in items)
        {
            if (ChangedByMerge(item))
            {
                _hasMergeTagInside = true;
                break;
            }
        }
    }

    private readonly bool _hasMergeTagInside;

    /// <inheritdoc />
    internal override bool HasMergeTagInside => _hasMergeTagInside;

    /// <summary>The items.</summary>
    public ImmutableArray<YamlNode> Items { get; }

    internal override YamlNode WithTag(string? tag) => new YamlSequence(Source, Span, Items, tag, Anchor);
}

/// <summary>A comment in a YAML file (for suppressions).</summary>
/// <param name="Text">The text after <c>#</c>.</param>
/// <param name="Span">Where the comment is, <c>#</c> included.</param>
/// <param name="IsInline">True when code precedes it on its line.</param>
public sealed record YamlComment(string Text, TextSpan Span, bool IsInline);

/// <summary>A loaded YAML file: its documents' roots, its comments and the problems found.</summary>
public sealed class YamlFile
{
    internal YamlFile(YamlSource source, ImmutableArray<YamlNode> documents, ImmutableArray<YamlComment> comments, ImmutableArray<Diagnostic> diagnostics)
    {
        Source = source;
        Documents = documents;
        Comments = comments;
        Diagnostics = diagnostics;
    }

    /// <summary>The file.</summary>
    public YamlSource Source { get; }

    /// <summary>The root node of each document, in order.</summary>
    public ImmutableArray<YamlNode> Documents { get; }

    /// <summary>Every comment, in order.</summary>
    public ImmutableArray<YamlComment> Comments { get; }

    /// <summary>YAML problems (DC0001–DC0004).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>The first document's root, or null for an empty file.</summary>
    public YamlNode? Root => Documents.IsEmpty ? null : Documents[0];
}
