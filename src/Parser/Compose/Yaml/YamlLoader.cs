using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace DockerLint.Parser.Compose.Yaml;

/// <summary>Safety limits of the YAML loader.</summary>
public sealed record YamlLimits
{
    /// <summary>The defaults: one million expanded nodes, nesting 512 deep.</summary>
    public static YamlLimits Default { get; } = new();

    /// <summary>How many nodes a document may expand to, counting every alias as a copy of its anchor.</summary>
    public long MaxExpandedNodes { get; init; } = 1_000_000;

    /// <summary>How deeply mappings and sequences may nest.</summary>
    public int MaxDepth { get; init; } = 512;
}

/// <summary>
/// Reads YAML with YamlDotNet's event parser into <see cref="YamlNode"/>s that keep their spans.
/// Resolves aliases (to the anchored node) and merge keys; refuses alias bombs and deep nesting
/// with a diagnostic; turns YAML errors into diagnostics. Never throws.
/// </summary>
public static class YamlLoader
{
    private const string MergeTag = "tag:yaml.org,2002:merge";

    /// <summary>Loads YAML text.</summary>
    public static YamlFile Load(string text, string path, YamlLimits? limits = null)
        => Load(new YamlSource(path, SourceText.From(text)), limits);

    /// <summary>Loads a source.</summary>
    public static YamlFile Load(YamlSource source, YamlLimits? limits = null)
        => new Builder(source, limits ?? YamlLimits.Default).Run();

    // One open mapping or sequence. Frames are reused from one collection to the next (a file's
    // builder keeps those it has made), and so are their lists: a node copies what it keeps.
    private sealed class Frame
    {
        public bool IsMapping;
        public int Start;
        public bool IsFlow;
        public string? Tag;
        public string? Anchor;
        public bool Skipped;
        public int End;
        public bool HasMergeSources;
        public YamlScalar? PendingKey;
        public long Weight;

        private Dictionary<string, YamlEntry>? _keys;
        private bool _keysInTable;

        public List<YamlEntry> Entries { get; } = [];

        public List<YamlNode> Items { get; } = [];

        public List<YamlNode> MergeSources { get; } = [];

        public void Open(bool isMapping, int start, bool isFlow, string? tag, string? anchor, bool skipped)
        {
            IsMapping = isMapping;
            Start = start;
            End = start;
            IsFlow = isFlow;
            Tag = tag;
            Anchor = anchor;
            Skipped = skipped;
            HasMergeSources = false;
            PendingKey = null;
            Weight = 1;
            Entries.Clear();
            Items.Clear();
            MergeSources.Clear();
            if (_keysInTable)
            {
                _keys!.Clear();
                _keysInTable = false;
            }
        }

        /// <summary>The entry already written with this key, if any.</summary>
        public YamlEntry? Find(string key)
            => _keysInTable ? _keys!.GetValueOrDefault(key) : YamlMapping.FindByComparing(Entries, key);

        public void Add(YamlEntry entry)
        {
            Entries.Add(entry);
            if (_keysInTable)
            {
                _keys!.Add(entry.Key.Value, entry);
            }
            else if (Entries.Count > YamlMapping.MaxEntriesWithoutTable)
            {
                _keys ??= new(StringComparer.Ordinal);
                foreach (var earlier in Entries)
                {
                    _keys.Add(earlier.Key.Value, earlier);
                }

                _keysInTable = true;
            }
        }
    }

    private sealed class Builder(YamlSource source, YamlLimits limits)
    {
        private readonly List<YamlNode> _documents = [];
        private readonly List<YamlComment> _comments = [];
        private readonly List<Diagnostic> _diagnostics = [];
        private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
        private readonly Dictionary<YamlNode, long> _weights = new(ReferenceEqualityComparer.Instance);
        private readonly Stack<Frame> _frames = new();
        private readonly Stack<Frame> _freeFrames = new();

        // Empty scalars standing for aliases that were reported and dropped: a merge key does not report them again.
        private readonly HashSet<YamlNode> _dropped = new(ReferenceEqualityComparer.Instance);
        private readonly string _text = source.Text.ToString();
        private YamlNode? _root;

        // YamlDotNet does not skip a byte order mark: the parser reads the text after it, and
        // every index it reports is shifted back by this much.
        private int _offset;
        private long _documentWeight;
        private bool _limitReported;

        public YamlFile Run()
        {
            var complete = false;
            try
            {
                _offset = _text.StartsWith('\uFEFF') ? 1 : 0;

                // YamlDotNet's parser rejects valid YAML when it is fed comment tokens in some places
                // (a comment after a flow sequence in a block mapping), so the parser never sees them:
                // when the text has a '#', the scanner reports comments and CommentCollector takes
                // them out of the token stream on the way to the parser. Text without '#' has none.
                var scanner = new Scanner(new StringReader(_text[_offset..]), skipComments: !_text.Contains('#', StringComparison.Ordinal));
                var parser = new YamlDotNet.Core.Parser(new CommentCollector(scanner, this));
                while (parser.MoveNext())
                {
                    Handle(parser.Current!);
                }

                complete = true;
            }
            catch (YamlException e)
            {
                var start = Index(e.Start);
                var end = Math.Max(start, Index(e.End));
                Report(ComposeDiagnostics.InvalidYaml, TextSpan.FromBounds(start, end), Describe(e));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
            {
                Report(ComposeDiagnostics.InvalidYaml, new TextSpan(0, 0), e.Message);
            }

            if (!complete)
            {
                // The parse stopped at an error, maybe before the scanner reached later comments: a
                // scanner pass of its own reads them all, as far as the scanner gets.
                _comments.Clear();
                try
                {
                    ReadComments();
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
                {
                    // The scanner itself fails on this text: that failure is the file's one problem.
                    _documents.Clear();
                    _diagnostics.Clear();
                    Report(ComposeDiagnostics.InvalidYaml, new TextSpan(0, 0), e.Message);
                }
            }

            return new YamlFile(source, [.. _documents], [.. _comments], [.. _diagnostics]);
        }

        private void AddComment(YamlDotNet.Core.Tokens.Comment comment)
        {
            var start = Index(comment.Start);
            _comments.Add(new YamlComment(comment.Value, TextSpan.FromBounds(start, Math.Max(start, Index(comment.End))), comment.IsInline));
        }

        /// <summary>Hands the parser every token but comments, which go to the builder.</summary>
        private sealed class CommentCollector(Scanner scanner, Builder builder) : IScanner
        {
            public Mark CurrentPosition => scanner.CurrentPosition;

            public YamlDotNet.Core.Tokens.Token? Current => scanner.Current;

            public bool MoveNext()
            {
                while (scanner.MoveNext())
                {
                    if (scanner.Current is not YamlDotNet.Core.Tokens.Comment comment)
                    {
                        return true;
                    }

                    builder.AddComment(comment);
                }

                return false;
            }

            public bool MoveNextWithoutConsuming()
            {
                while (scanner.MoveNextWithoutConsuming())
                {
                    if (scanner.Current is not YamlDotNet.Core.Tokens.Comment comment)
                    {
                        return true;
                    }

                    builder.AddComment(comment);
                    scanner.ConsumeCurrent();
                }

                return false;
            }

            public void ConsumeCurrent() => scanner.ConsumeCurrent();
        }

        private void ReadComments()
        {
            // Every comment starts with '#': without one there is nothing to find.
            if (_text.IndexOf('#', _offset) < 0)
            {
                return;
            }

            try
            {
                var scanner = new Scanner(new StringReader(_text[_offset..]), skipComments: false);

                // On bad input the scanner repeats an Error token forever: stop there, and never read
                // more tokens than the text could hold.
                var budget = (_text.Length * 2) + 64;
                while (scanner.MoveNext() && budget-- > 0 && scanner.Current is not YamlDotNet.Core.Tokens.Error)
                {
                    if (scanner.Current is YamlDotNet.Core.Tokens.Comment comment)
                    {
                        AddComment(comment);
                    }
                }
            }
            catch (YamlException)
            {
                // The structural pass reports the error; the comments read so far are kept.
            }
        }

        private static string Describe(YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            var paren = message.IndexOf("): ", StringComparison.Ordinal);
            return message.StartsWith("(Line:", StringComparison.Ordinal) && paren >= 0 ? message[(paren + 3)..] : message;
        }

        private void Handle(ParsingEvent e)
        {
            switch (e)
            {
                case DocumentStart:
                    _anchors.Clear();
                    _documentWeight = 0;
                    _root = null;
                    break;
                case DocumentEnd:
                    if (_root is not null)
                    {
                        _documents.Add(_root);
                    }

                    break;
                case MappingStart mapping:
                    Push(true, mapping.Start, mapping.Style == MappingStyle.Flow, Tag(mapping.Tag), Anchor(mapping.Anchor));
                    break;
                case SequenceStart sequence:
                    Push(false, sequence.Start, sequence.Style == SequenceStyle.Flow, Tag(sequence.Tag), Anchor(sequence.Anchor));
                    break;
                case MappingEnd or SequenceEnd:
                    Pop(Index(e.End));
                    break;
                case Scalar scalar:
                    var scalarStart = SkipProperties(Index(scalar.Start), scalar.Anchor.IsEmpty && scalar.Tag.IsEmpty);
                    var scalarEnd = Math.Max(scalarStart, Index(scalar.End));
                    var node = new YamlScalar(source, TextSpan.FromBounds(scalarStart, scalarEnd), scalar.Value, Style(scalar.Style), Tag(scalar.Tag), Anchor(scalar.Anchor));
                    Register(node, 1);
                    AddWithWeight(node, 1);
                    break;
                case AnchorAlias alias:
                    AddAlias(alias);
                    break;
            }
        }

        private void Push(bool isMapping, Mark start, bool isFlow, string? tag, string? anchor)
        {
            var skipped = _frames.Count >= limits.MaxDepth || (_frames.Count > 0 && _frames.Peek().Skipped);
            if (skipped && !_limitReported && _frames.Count >= limits.MaxDepth)
            {
                ReportLimit(Index(start), $"YAML nested more than {limits.MaxDepth} levels deep; the deeper content is ignored");
            }

            var at = SkipProperties(Index(start), anchor is null && tag is null);
            var frame = _freeFrames.Count > 0 ? _freeFrames.Pop() : new Frame();
            frame.Open(isMapping, at, isFlow, tag, anchor, skipped);
            _frames.Push(frame);
        }

        private void Pop(int endIndex)
        {
            var frame = _frames.Pop();
            _freeFrames.Push(frame);
            if (frame.Skipped)
            {
                var placeholder = new YamlScalar(source, new TextSpan(frame.Start, 0), "", YamlScalarStyle.Plain);
                Register(placeholder, 1);
                AddWithWeight(placeholder, 1);
                return;
            }

            if (frame.IsFlow && endIndex < _text.Length && _text[endIndex] is ']' or '}')
            {
                endIndex++;
            }

            var end = frame.IsFlow ? Math.Max(frame.End, endIndex) : frame.End;
            var span = TextSpan.FromBounds(frame.Start, Math.Max(frame.Start, end));
            YamlNode node;
            if (frame.IsMapping)
            {
                var entries = frame.Entries;
                if (frame.HasMergeSources)
                {
                    foreach (var mergeSource in frame.MergeSources)
                    {
                        foreach (var mapping in MergeMappings(mergeSource))
                        {
                            entries.AddRange(mapping.Entries.Select(en => en with { FromMerge = true }));
                        }
                    }

                    // Merged keys may repeat written ones (the written entry wins): the mapping drops them.
                    node = new YamlMapping(source, span, entries, frame.Tag, frame.Anchor);
                }
                else
                {
                    node = YamlMapping.WithUniqueKeys(source, span, [.. entries], frame.Tag, frame.Anchor);
                }
            }
            else
            {
                node = new YamlSequence(source, span, [.. frame.Items], frame.Tag, frame.Anchor);
            }

            Register(node, frame.Weight);
            AddWithWeight(node, frame.Weight);
        }

        private IEnumerable<YamlMapping> MergeMappings(YamlNode value)
        {
            switch (value)
            {
                case YamlMapping mapping:
                    yield return mapping;
                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        if (item is YamlMapping m)
                        {
                            yield return m;
                        }
                        else if (!_dropped.Contains(item))
                        {
                            Report(ComposeDiagnostics.InvalidYaml, item.Span, "a merge key (<<) takes a mapping or a list of mappings");
                        }
                    }

                    break;
                case var dropped when _dropped.Contains(dropped):
                    break;
                default:
                    Report(ComposeDiagnostics.InvalidYaml, value.Span, "a merge key (<<) takes a mapping or a list of mappings");
                    break;
            }
        }

        private void AddAlias(AnchorAlias alias)
        {
            var span = Span(alias.Start, alias.End);
            if (_frames.Any(f => f.Anchor == alias.Value.Value))
            {
                // YAML would make the node contain itself (an endless structure); docker compose rejects it too.
                Report(ComposeDiagnostics.InvalidYaml, span, $"the alias *{alias.Value.Value} is inside the node anchored &{alias.Value.Value} it refers to: a node cannot contain itself; the alias is ignored");
                AddDropped(span);
                return;
            }

            if (!_anchors.TryGetValue(alias.Value.Value, out var target))
            {
                Report(ComposeDiagnostics.InvalidYaml, span, $"the alias *{alias.Value.Value} refers to no anchor defined before it");
                AddDropped(span);
                return;
            }

            var weight = _weights.GetValueOrDefault(target, 1);
            if (_documentWeight + weight > limits.MaxExpandedNodes)
            {
                ReportLimit(span.Start, $"Aliases expand this document beyond {limits.MaxExpandedNodes:N0} nodes (an alias bomb?); the alias *{alias.Value.Value} and what follows it are ignored");
                AddDropped(span);
                return;
            }

            _documentWeight += weight;
            AddWithWeight(target, weight);
        }

        private void AddDropped(TextSpan span)
        {
            var placeholder = new YamlScalar(source, span, "", YamlScalarStyle.Plain);
            _dropped.Add(placeholder);
            AddWithWeight(placeholder, 1);
        }

        private void Register(YamlNode node, long weight)
        {
            if (node.Tag is { } tag && !tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) && tag is not ("!reset" or "!override"))
            {
                Report(ComposeDiagnostics.UnknownTag, node.Span, tag);
            }

            // Only an anchored node can be met again (through an alias), so only its weight is kept.
            if (node.Anchor is { } anchor)
            {
                _anchors[anchor] = node;
                _weights[node] = weight;
            }
        }

        private void AddWithWeight(YamlNode node, long weight)
        {
            if (_frames.Count == 0)
            {
                _root = node;
                return;
            }

            var frame = _frames.Peek();
            if (frame.Skipped)
            {
                return;
            }

            frame.End = Math.Max(frame.End, node.Span.End);
            frame.Weight += weight;
            if (!frame.IsMapping)
            {
                frame.Items.Add(node);
                return;
            }

            if (frame.PendingKey is null)
            {
                frame.PendingKey = node as YamlScalar
                    ?? new YamlScalar(source, node.Span, _text.Substring(node.Span.Start, node.Span.Length), YamlScalarStyle.Plain);
                return;
            }

            var key = frame.PendingKey;
            frame.PendingKey = null;
            if (key.Value == "<<" && (key.IsPlain || key.Tag == MergeTag))
            {
                frame.MergeSources.Add(node);
                frame.HasMergeSources = true;
                return;
            }

            if (frame.Find(key.Value) is { } existing)
            {
                var line = existing.Key.LineSpan.StartLinePosition.Line + 1;
                Report(ComposeDiagnostics.DuplicateKey, key.Span, key.Value, line);
                return;
            }

            frame.Add(new YamlEntry(key, node));
        }

        /// <summary>Moves past an anchor (<c>&amp;a</c>) and a tag (<c>!t</c>) written before a node, so its span is the node itself.</summary>
        private int SkipProperties(int at, bool none)
        {
            if (none)
            {
                return at;
            }

            var p = at;
            while (p < _text.Length && _text[p] is '&' or '!')
            {
                while (p < _text.Length && !char.IsWhiteSpace(_text[p]))
                {
                    p++;
                }

                while (p < _text.Length && char.IsWhiteSpace(_text[p]))
                {
                    p++;
                }
            }

            return p;
        }

        private void ReportLimit(int at, string message)
        {
            if (_limitReported)
            {
                return;
            }

            _limitReported = true;
            Report(ComposeDiagnostics.YamlLimitExceeded, new TextSpan(Math.Min(at, _text.Length), 0), message);
        }

        private void Report(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args)
            => _diagnostics.Add(Diagnostic.Create(descriptor, source.GetLocation(span), args));

        private int Index(Mark mark) => (int)Math.Clamp(mark.Index + _offset, 0, _text.Length);

        private TextSpan Span(Mark start, Mark end)
        {
            var s = Index(start);
            return TextSpan.FromBounds(s, Math.Max(s, Index(end)));
        }

        private static string? Tag(TagName tag) => tag.IsEmpty || tag.IsNonSpecific ? null : tag.Value;

        private static string? Anchor(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

        private static YamlScalarStyle Style(ScalarStyle style) => style switch
        {
            ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
            ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
            ScalarStyle.Literal => YamlScalarStyle.Literal,
            ScalarStyle.Folded => YamlScalarStyle.Folded,
            _ => YamlScalarStyle.Plain,
        };
    }
}
