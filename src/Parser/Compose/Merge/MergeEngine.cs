using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;

namespace DockerLint.Parser.Compose.Merge;

/// <summary>
/// Merges YAML nodes with the Compose rules (see <see cref="ComposeMerger"/>). Values in the result
/// are the nodes of the files they were written in; only the containers that a merge builds are new.
/// </summary>
internal sealed class MergeEngine
{
    /// <summary>The tag that removes a value.</summary>
    public const string ResetTag = "!reset";

    /// <summary>The tag that replaces a value instead of merging it.</summary>
    public const string OverrideTag = "!override";

    private const int MaxDepth = 1000;

    private readonly ICollection<Diagnostic>? _diagnostics;
    private readonly Dictionary<YamlNode, YamlNode?> _cleaned = new(ReferenceEqualityComparer.Instance);
    private bool _depthReported;

    public MergeEngine(ICollection<Diagnostic>? diagnostics)
    {
        _diagnostics = diagnostics;
    }

    private sealed record KeyedItem(string? Key, YamlNode Node, YamlEntry? Entry);

    /// <summary>
    /// Merges <paramref name="overrideNode"/> onto <paramref name="baseNode"/> at a place (see
    /// <see cref="MergeRules"/>). Null means the value is removed (<c>!reset</c>). The base is
    /// expected to be free of <c>!reset</c>/<c>!override</c> (a merge result or a cleaned node).
    /// </summary>
    public YamlNode? Merge(YamlNode? baseNode, YamlNode? overrideNode, string place) => Merge(baseNode, overrideNode, place, 0);

    /// <summary>Removes <c>!reset</c> values and <c>!override</c> tags; null when the node itself is reset.</summary>
    public YamlNode? Clean(YamlNode node) => Clean(node, 0);

    private YamlNode? Merge(YamlNode? b, YamlNode? o, string place, int depth)
    {
        if (o is null)
        {
            return b;
        }

        if (o.Tag == ResetTag)
        {
            return null;
        }

        if (o.Tag == OverrideTag)
        {
            return Clean(o.WithTag(null), depth);
        }

        if (b is null || IsNull(b))
        {
            return Clean(o, depth);
        }

        var rule = MergeRules.For(place);
        if (IsNull(o))
        {
            // A null override keeps the base, as docker compose does, except where it replaces.
            return rule == MergeRule.Replace ? o : b;
        }

        if (depth > MaxDepth)
        {
            if (!_depthReported)
            {
                _depthReported = true;
                Report(o, $"Values nested more than {MaxDepth} levels deep are not merged; the overriding value is kept as written");
            }

            return o;
        }

        return rule switch
        {
            MergeRule.Replace => Clean(o, depth),
            MergeRule.KeyValue => KeyValue(b, o, depth),
            MergeRule.ExtraHosts => ExtraHosts(b, o, depth),
            MergeRule.StringOrUniqueList => Keyed(b, o, place, depth, MergeKeys.BeforeEquals, stringIsList: true),
            MergeRule.EnvFile => Keyed(b, o, place, depth, MergeKeys.EnvFilePath, stringIsList: true),
            MergeRule.StringOrList => Append(b, o, place, depth, stringIsList: true),
            MergeRule.UniqueValues => Keyed(b, o, place, depth, MergeKeys.Value),
            MergeRule.Ports => Keyed(b, o, place, depth, MergeKeys.Port),
            MergeRule.Volumes => Keyed(b, o, place, depth, MergeKeys.VolumeTarget),
            MergeRule.Devices => Keyed(b, o, place, depth, MergeKeys.DeviceTarget),
            MergeRule.Secrets => Keyed(b, o, place, depth, MergeKeys.SecretTarget),
            MergeRule.Configs => Keyed(b, o, place, depth, MergeKeys.ConfigTarget),
            MergeRule.BlkioDevices => Keyed(b, o, place, depth, MergeKeys.DevicePath),
            MergeRule.IpamConfig => Keyed(b, o, place, depth, MergeKeys.Subnet, (bi, oi) => Merge(bi, oi, place + ".*", depth + 1)),
            MergeRule.Build => Build(b, o, place, depth),
            MergeRule.DependsOn => Names(b, o, place, depth, dependsOn: true),
            MergeRule.NameMap => Names(b, o, place, depth, dependsOn: false),
            MergeRule.Logging => Logging(b, o, place, depth),
            _ => Default(b, o, place, depth),
        };
    }

    private YamlNode? Default(YamlNode b, YamlNode o, string place, int depth) => (b, o) switch
    {
        (YamlMapping bm, YamlMapping om) => MergeMappings(bm, om, place, depth),
        (YamlSequence, YamlSequence) => Append(b, o, place, depth, stringIsList: false),
        (YamlScalar, _) => Clean(o, depth),
        _ => Mismatch(b, o, depth),
    };

    private YamlMapping MergeMappings(YamlMapping b, YamlMapping o, string place, int depth)
    {
        var entries = new List<YamlEntry>(b.Entries.Length + o.Entries.Length);
        foreach (var entry in b.Entries)
        {
            var over = o.GetEntry(entry.Key.Value);
            if (over is null)
            {
                entries.Add(entry);
                continue;
            }

            var merged = Merge(entry.Value, over.Value, MergeRules.Child(place, entry.Key.Value), depth + 1);
            if (merged is not null)
            {
                entries.Add(ReferenceEquals(merged, entry.Value) ? entry : over with { Value = merged });
            }
        }

        foreach (var entry in o.Entries)
        {
            if (b.ContainsKey(entry.Key.Value))
            {
                continue;
            }

            var value = Clean(entry.Value, depth + 1);
            if (value is not null)
            {
                entries.Add(ReferenceEquals(value, entry.Value) ? entry : entry with { Value = value });
            }
        }

        return new YamlMapping(o.Source, o.Span, entries);
    }

    private YamlNode? Append(YamlNode b, YamlNode o, string place, int depth, bool stringIsList)
    {
        if (Items(b, stringIsList) is not { } baseItems || Items(o, stringIsList) is not { } overItems)
        {
            return Default(b, o, place, depth);
        }

        var items = new List<YamlNode>(baseItems);
        foreach (var item in overItems)
        {
            if (Clean(item, depth + 1) is { } cleaned)
            {
                items.Add(cleaned);
            }
        }

        return new YamlSequence(o.Source, o.Span, items);
    }

    private YamlNode? Keyed(
        YamlNode b,
        YamlNode o,
        string place,
        int depth,
        Func<YamlNode, string?> key,
        Func<YamlNode, YamlNode, YamlNode?>? combine = null,
        bool stringIsList = false)
    {
        if (Items(b, stringIsList) is not { } baseItems || Items(o, stringIsList) is not { } overItems)
        {
            return Default(b, o, place, depth);
        }

        var items = MergeBy(
            baseItems,
            overItems,
            key,
            item => Clean(item, depth + 1),
            combine);
        return new YamlSequence(o.Source, o.Span, items);
    }

    /// <summary>
    /// Merges two lists by key. An overriding item takes the place of the first base item with its
    /// key (later base items with that key go); a <c>!reset</c> item removes them. Items without a
    /// key, and duplicates within one side, are kept, so rules can still see them.
    /// </summary>
    private static List<T> MergeBy<T>(
        IReadOnlyList<T> baseItems,
        IReadOnlyList<T> overItems,
        Func<T, string?> key,
        Func<T, T?> clean,
        Func<T, T, T?>? combine)
        where T : class
    {
        var slots = new List<T?>(baseItems.Count + overItems.Count);
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var item in baseItems)
        {
            if (key(item) is { } k)
            {
                if (!positions.TryGetValue(k, out var list))
                {
                    positions[k] = list = [];
                }

                list.Add(slots.Count);
            }

            slots.Add(item);
        }

        foreach (var item in overItems)
        {
            var cleaned = clean(item);
            if (key(item) is { } k && positions.Remove(k, out var at))
            {
                slots[at[0]] = cleaned is null ? null : combine is null ? cleaned : combine(slots[at[0]]!, item);
                for (var i = 1; i < at.Count; i++)
                {
                    slots[at[i]] = null;
                }

                continue;
            }

            if (cleaned is not null)
            {
                slots.Add(cleaned);
            }
        }

        var result = new List<T>(slots.Count);
        foreach (var slot in slots)
        {
            if (slot is not null)
            {
                result.Add(slot);
            }
        }

        return result;
    }

    private YamlNode KeyValue(YamlNode b, YamlNode o, int depth)
    {
        var items = MergeBy(
            KeyedItems(b),
            KeyedItems(o),
            item => item.Key,
            item => Clean(item.Node, depth + 1) is { } node ? item with { Node = node, Entry = item.Entry is null ? null : item.Entry with { Value = node } } : null,
            null);
        if (b is not YamlMapping && o is not YamlMapping)
        {
            return new YamlSequence(o.Source, o.Span, items.Select(item => item.Node));
        }

        return new YamlMapping(o.Source, o.Span, items.Select(item => item.Entry ?? ToEntry(item.Node)));
    }

    private static List<KeyedItem> KeyedItems(YamlNode node) => node switch
    {
        YamlMapping mapping => [.. mapping.Entries.Select(entry => new KeyedItem(entry.Key.Value, entry.Value, entry))],
        YamlSequence sequence => [.. sequence.Items.Select(item => new KeyedItem(MergeKeys.BeforeEquals(item), item, null))],
        _ => [new KeyedItem(MergeKeys.BeforeEquals(node), node, null)],
    };

    private static YamlEntry ToEntry(YamlNode item) => item is YamlScalar scalar
        ? ScalarParts.SplitAtEquals(scalar)
        : new YamlEntry(ScalarParts.Synthetic(item, item.Source.Text.ToString(item.Span)), item);

    private YamlNode ExtraHosts(YamlNode b, YamlNode o, int depth)
    {
        if (b is not YamlMapping && o is not YamlMapping)
        {
            // Lists: exact duplicates (host and address) go, as docker compose does.
            var items = MergeBy(AsList(b), AsList(o), HostKey, item => Clean(item, depth + 1), null);
            return new YamlSequence(o.Source, o.Span, items);
        }

        // A mapping on either side: merge by host; a host may end up with several addresses.
        var hosts = new List<(YamlScalar Key, List<YamlNode> Addresses)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, addresses, _) in Hosts(b))
        {
            Add(key, addresses, replace: false);
        }

        foreach (var (key, addresses, tag) in Hosts(o))
        {
            if (tag == ResetTag)
            {
                if (index.Remove(key.Value, out var at))
                {
                    hosts[at] = (hosts[at].Key, []);
                }

                continue;
            }

            Add(key, [.. addresses.Select(a => Clean(a, depth + 1)).OfType<YamlNode>()], replace: tag == OverrideTag);
        }

        var entries = new List<YamlEntry>(hosts.Count);
        foreach (var (key, addresses) in hosts)
        {
            if (addresses.Count == 0)
            {
                continue;
            }

            entries.Add(new YamlEntry(key, addresses.Count == 1 ? addresses[0] : new YamlSequence(o.Source, o.Span, addresses)));
        }

        return new YamlMapping(o.Source, o.Span, entries);

        void Add(YamlScalar key, List<YamlNode> addresses, bool replace)
        {
            if (!index.TryGetValue(key.Value, out var at))
            {
                index[key.Value] = hosts.Count;
                hosts.Add((key, addresses));
                return;
            }

            var list = replace ? new List<YamlNode>() : hosts[at].Addresses;
            foreach (var address in addresses)
            {
                if (!list.Any(a => a is YamlScalar s && address is YamlScalar t && Address(s.Value) == Address(t.Value)))
                {
                    list.Add(address);
                }
            }

            hosts[at] = (hosts[at].Key, list);
        }
    }

    private static IEnumerable<(YamlScalar Key, List<YamlNode> Addresses, string? Tag)> Hosts(YamlNode node)
    {
        if (node is YamlMapping mapping)
        {
            foreach (var entry in mapping.Entries)
            {
                var addresses = entry.Value is YamlSequence sequence ? [.. sequence.Items] : new List<YamlNode> { entry.Value };
                yield return (entry.Key, addresses, entry.Value.Tag);
            }

            yield break;
        }

        foreach (var item in AsList(node))
        {
            if (item is YamlScalar scalar)
            {
                var entry = ScalarParts.Split(scalar, HostSeparator(scalar.Value));
                yield return (entry.Key, [entry.Value], scalar.Tag);
            }
        }
    }

    private static int HostSeparator(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals >= 0 ? equals : text.IndexOf(':', StringComparison.Ordinal);
    }

    private static string? HostKey(YamlNode item)
    {
        if (item is not YamlScalar scalar)
        {
            return null;
        }

        var at = HostSeparator(scalar.Value);
        return at < 0 ? scalar.Value : scalar.Value[..at] + "=" + Address(scalar.Value[(at + 1)..]);
    }

    private static string Address(string text) => text.Trim().Trim('[', ']');

    private YamlNode? Build(YamlNode b, YamlNode o, string place, int depth)
    {
        if (b is YamlScalar && o is YamlScalar)
        {
            return Clean(o, depth);
        }

        var bm = b as YamlMapping ?? (b is YamlScalar bs ? Context(bs) : null);
        var om = o as YamlMapping ?? (o is YamlScalar os ? Context(os) : null);
        return bm is null || om is null ? Mismatch(b, o, depth) : MergeMappings(bm, om, place, depth);

        static YamlMapping Context(YamlScalar context)
            => new(context.Source, context.Span, [new YamlEntry(ScalarParts.Synthetic(context, "context"), context)]);
    }

    private YamlNode? Names(YamlNode b, YamlNode o, string place, int depth, bool dependsOn)
    {
        if (b is YamlSequence && o is YamlSequence)
        {
            return Keyed(b, o, place, depth, MergeKeys.Value);
        }

        var bm = b as YamlMapping ?? (b is YamlSequence bs ? NameMapping(bs, dependsOn) : null);
        var om = o as YamlMapping ?? (o is YamlSequence os ? NameMapping(os, dependsOn) : null);
        return bm is null || om is null ? Mismatch(b, o, depth) : MergeMappings(bm, om, place, depth);
    }

    // A list of names as the mapping docker compose reads it: depends_on items get the default
    // condition (service_started, required), network and model items no options.
    private static YamlMapping NameMapping(YamlSequence list, bool dependsOn)
    {
        var entries = new List<YamlEntry>(list.Items.Length);
        foreach (var item in list.Items)
        {
            if (item is not YamlScalar name)
            {
                continue;
            }

            var key = name.Tag is null ? name : (YamlScalar)name.WithTag(null);
            YamlNode value = name.Tag == ResetTag
                ? new YamlScalar(name.Source, new(name.Span.End, 0), "", YamlScalarStyle.Plain, ResetTag)
                : dependsOn
                    ? new YamlMapping(name.Source, name.Span,
                    [
                        new YamlEntry(ScalarParts.Synthetic(name, "condition"), ScalarParts.Synthetic(name, "service_started")),
                        new YamlEntry(ScalarParts.Synthetic(name, "required"), ScalarParts.Synthetic(name, "true")),
                    ])
                    : ScalarParts.Null(name.Source, name.Span.End);
            entries.Add(new YamlEntry(key, value));
        }

        return new YamlMapping(list.Source, list.Span, entries);
    }

    private YamlNode? Logging(YamlNode b, YamlNode o, string place, int depth)
    {
        if (b is YamlMapping bm && o is YamlMapping om
            && bm["driver"] is YamlScalar { IsNull: false } baseDriver
            && om["driver"] is YamlScalar { IsNull: false } overDriver
            && baseDriver.Value != overDriver.Value)
        {
            // Another driver: its options would not apply, so the whole logging block is replaced.
            return Clean(o, depth);
        }

        return Default(b, o, place, depth);
    }

    private YamlNode? Mismatch(YamlNode b, YamlNode o, int depth)
    {
        var line = b.LineSpan.StartLinePosition.Line + 1;
        Report(o, $"This {Kind(o)} cannot override the {Kind(b)} written at {b.Source.Path}:{line}; docker compose rejects the merge. The overriding value is used");
        return Clean(o, depth);
    }

    private static string Kind(YamlNode node) => node switch
    {
        YamlMapping => "mapping",
        YamlSequence => "sequence",
        _ => "scalar",
    };

    private static IReadOnlyList<YamlNode>? Items(YamlNode node, bool stringIsList) => node switch
    {
        YamlSequence sequence => sequence.Items,
        YamlScalar scalar when stringIsList => [scalar],
        _ => null,
    };

    private static IReadOnlyList<YamlNode> AsList(YamlNode node) => node is YamlSequence sequence ? sequence.Items : [node];

    private static bool IsNull(YamlNode node) => node is YamlScalar { IsNull: true };

    private YamlNode? Clean(YamlNode node, int depth)
    {
        if (node.Tag == ResetTag)
        {
            return null;
        }

        if (node.Tag == OverrideTag)
        {
            node = node.WithTag(null);
        }

        // Nothing below to remove or untag: the node is its own cleaned form.
        if (node is YamlScalar || depth > MaxDepth || !node.HasMergeTagInside)
        {
            return node;
        }

        if (_cleaned.TryGetValue(node, out var done))
        {
            return done;
        }

        YamlNode result;
        if (node is YamlMapping mapping)
        {
            List<YamlEntry>? entries = null;
            for (var i = 0; i < mapping.Entries.Length; i++)
            {
                var entry = mapping.Entries[i];
                var value = Clean(entry.Value, depth + 1);
                if (entries is null && ReferenceEquals(value, entry.Value))
                {
                    continue;
                }

                entries ??= [.. mapping.Entries[..i]];
                if (value is not null)
                {
                    entries.Add(ReferenceEquals(value, entry.Value) ? entry : entry with { Value = value });
                }
            }

            result = entries is null ? mapping : new YamlMapping(mapping.Source, mapping.Span, entries, mapping.Tag, mapping.Anchor);
        }
        else
        {
            var sequence = (YamlSequence)node;
            List<YamlNode>? items = null;
            for (var i = 0; i < sequence.Items.Length; i++)
            {
                var item = sequence.Items[i];
                var value = Clean(item, depth + 1);
                if (items is null && ReferenceEquals(value, item))
                {
                    continue;
                }

                items ??= [.. sequence.Items[..i]];
                if (value is not null)
                {
                    items.Add(value);
                }
            }

            result = items is null ? sequence : new YamlSequence(sequence.Source, sequence.Span, items, sequence.Tag, sequence.Anchor);
        }

        _cleaned[node] = result;
        return result;
    }

    private void Report(YamlNode at, string message)
        => _diagnostics?.Add(Diagnostic.Create(ComposeDiagnostics.InvalidReference, at.Location, message));
}
