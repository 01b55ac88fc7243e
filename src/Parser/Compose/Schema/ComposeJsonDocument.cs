using System.Globalization;
using DockerLint.Parser.Compose.Yaml;
using Newtonsoft.Json.Linq;

namespace DockerLint.Parser.Compose.Schema;

/// <summary>Where a JSON token of a <see cref="ComposeJsonDocument"/> was written.</summary>
/// <param name="Node">The YAML node of the value.</param>
/// <param name="Key">The key the value was written under, when it is a mapping value.</param>
internal sealed record JsonOrigin(YamlNode Node, YamlScalar? Key);

/// <summary>
/// A YAML document as the JSON value docker compose validates: scalars typed by
/// <see cref="YamlCoreSchema"/>, keys as strings, merge keys applied, entries tagged <c>!reset</c>
/// dropped (compose-go removes them before validating). Every token, and every
/// <see cref="JProperty"/>, maps back to the YAML it came from.
/// </summary>
internal sealed class ComposeJsonDocument
{
    private const string ResetTag = "!reset";

    // Built on the first question (only files with schema errors ask): most files never need it.
    private Dictionary<JToken, JsonOrigin>? _origins;

    private readonly ComposeSchemaMemo _memo;
    private readonly Dictionary<JToken, int> _shapes = new(ReferenceEqualityComparer.Instance);
    private readonly List<(string? Key, int Shape)> _childShapes = [];
    private char[] _key = new char[256];
    private int _keyLength;

    private ComposeJsonDocument(YamlNode root, ComposeSchemaMemo memo)
    {
        _memo = memo;
        YamlRoot = root;
        Root = Convert(root, out _);
    }

    /// <summary>The YAML document.</summary>
    public YamlNode YamlRoot { get; }

    /// <summary>The JSON value.</summary>
    public JToken Root { get; }

    /// <summary>The memo the shapes of this document's values are numbered in.</summary>
    public ComposeSchemaMemo Memo => _memo;

    /// <summary>Converts a YAML document, numbering its values' shapes in a memo of its own.</summary>
    public static ComposeJsonDocument Create(YamlNode root) => new(root, new ComposeSchemaMemo());

    /// <summary>Converts a YAML document, numbering its values' shapes in <paramref name="memo"/>.</summary>
    public static ComposeJsonDocument Create(YamlNode root, ComposeSchemaMemo memo) => new(root, memo);

    /// <summary>The shape number of a token of this document (see <see cref="ComposeSchemaMemo"/>); false for a token not made by the conversion.</summary>
    public bool TryGetShape(JToken token, out int shape) => _shapes.TryGetValue(token, out shape);

    /// <summary>Where a token (a value or a <see cref="JProperty"/>) was written; null for a token not of this document.</summary>
    public JsonOrigin? OriginOf(JToken? token)
    {
        if (token is null)
        {
            return null;
        }

        if (_origins is null)
        {
            _origins = new(ReferenceEqualityComparer.Instance);
            IndexOrigins(YamlRoot, key: null, Root);
        }

        return _origins.TryGetValue(token, out var origin) ? origin : null;
    }

    private JToken Convert(YamlNode node, out int shape)
    {
        JToken token;
        switch (node)
        {
            case YamlMapping mapping:
                var obj = new JObject();
                var firstChild = _childShapes.Count;
                foreach (var entry in mapping.Entries)
                {
                    if (entry.Value.Tag == ResetTag)
                    {
                        continue;
                    }

                    obj.Add(new JProperty(entry.Key.Value, Convert(entry.Value, out var valueShape)));
                    _childShapes.Add((entry.Key.Value, valueShape));
                }

                token = obj;
                shape = CompositeShape('{', firstChild);
                break;
            case YamlSequence sequence:
                var array = new JArray();
                var firstItem = _childShapes.Count;
                foreach (var item in sequence.Items)
                {
                    if (item.Tag != ResetTag)
                    {
                        array.Add(Convert(item, out var itemShape));
                        _childShapes.Add((null, itemShape));
                    }
                }

                token = array;
                shape = CompositeShape('[', firstItem);
                break;
            case YamlScalar scalar:
                var value = ToJValue(YamlCoreSchema.Resolve(scalar));
                token = value;
                shape = ScalarShape(value);
                break;
            default:
                var empty = JValue.CreateNull();
                token = empty;
                shape = ScalarShape(empty);
                break;
        }

        _shapes[token] = shape;
        return token;
    }

    // ---- shapes (see ComposeSchemaMemo): a key that spells the value, then its number ------------

    private int ScalarShape(JValue value)
    {
        _keyLength = 0;
        switch (value.Value)
        {
            case null:
                Append('n');
                break;
            case bool b:
                Append(b ? 't' : 'f');
                break;
            case long l:
                Append('i');
                AppendFormatted(l);
                break;
            case ulong u:
                Append('u');
                AppendFormatted(u);
                break;
            case double d:
                Append('d');
                AppendFormatted(d);
                break;
            case string text:
                Append('s');
                Append(text);
                break;
            default:
                Append('?');
                Append(value.ToString(Newtonsoft.Json.Formatting.None));
                break;
        }

        return _memo.Intern(_key.AsSpan(0, _keyLength));
    }

    /// <summary>The shape of a mapping (its keys and its values' shapes) or a list (its items' shapes): the children's shapes from <paramref name="first"/> on, which it takes off the stack.</summary>
    private int CompositeShape(char kind, int first)
    {
        _keyLength = 0;
        Append(kind);
        var shape = 0;
        for (var i = first; i < _childShapes.Count && shape != ComposeSchemaMemo.NoShape; i++)
        {
            var (key, child) = _childShapes[i];
            if (child == ComposeSchemaMemo.NoShape)
            {
                shape = ComposeSchemaMemo.NoShape;
                break;
            }

            if (key is not null)
            {
                AppendFormatted(key.Length);
                Append(':');
                Append(key);
            }

            AppendFormatted(child);
            Append(',');
        }

        _childShapes.RemoveRange(first, _childShapes.Count - first);
        return shape == ComposeSchemaMemo.NoShape ? shape : _memo.Intern(_key.AsSpan(0, _keyLength));
    }

    private void Append(char c)
    {
        Reserve(1);
        _key[_keyLength++] = c;
    }

    private void Append(string text)
    {
        Reserve(text.Length);
        text.CopyTo(_key.AsSpan(_keyLength));
        _keyLength += text.Length;
    }

    private void AppendFormatted<T>(T value)
        where T : ISpanFormattable
    {
        Reserve(32);
        value.TryFormat(_key.AsSpan(_keyLength), out var written, value is double ? "R" : default, CultureInfo.InvariantCulture);
        _keyLength += written;
    }

    private void Reserve(int length)
    {
        if (_keyLength + length > _key.Length)
        {
            Array.Resize(ref _key, Math.Max(_key.Length * 2, _keyLength + length));
        }
    }

    /// <summary>Walks the YAML tree and the JSON made from it side by side (the same shape, <see cref="ResetTag"/> nodes left out) and records where each token came from.</summary>
    private void IndexOrigins(YamlNode node, YamlScalar? key, JToken token)
    {
        switch (node)
        {
            case YamlMapping mapping when token is JObject obj:
                using (var properties = obj.Properties().GetEnumerator())
                {
                    foreach (var entry in mapping.Entries)
                    {
                        if (entry.Value.Tag == ResetTag || !properties.MoveNext())
                        {
                            continue;
                        }

                        var property = properties.Current;
                        IndexOrigins(entry.Value, entry.Key, property.Value);
                        _origins![property] = new JsonOrigin(entry.Value, entry.Key);
                    }
                }

                break;
            case YamlSequence sequence when token is JArray array:
                var i = 0;
                foreach (var item in sequence.Items)
                {
                    if (item.Tag != ResetTag && i < array.Count)
                    {
                        IndexOrigins(item, key: null, array[i++]);
                    }
                }

                break;
        }

        _origins![token] = new JsonOrigin(node, key);
    }

    private static JValue ToJValue(YamlValue value) => value.Value switch
    {
        null => JValue.CreateNull(),
        bool b => new JValue(b),
        long l => new JValue(l),
        ulong u => new JValue(u),
        double d => new JValue(d),
        string s => JValue.CreateString(s),
        var other => JValue.CreateString(other.ToString()),
    };
}
