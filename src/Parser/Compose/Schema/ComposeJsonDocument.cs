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
    private const string ResetTag = ComposeValueShapes.ResetTag;

    // Built on the first question (only files with schema errors ask): most files never need it.
    private Dictionary<JToken, JsonOrigin>? _origins;

    private readonly ComposeSchemaMemo _memo;
    private readonly Dictionary<JToken, int> _shapes = new(ReferenceEqualityComparer.Instance);
    private readonly IReadOnlyList<int> _postOrder;
    private int _next;

    private ComposeJsonDocument(YamlNode root, ComposeSchemaMemo memo, ComposeValueShapes shapes)
    {
        _memo = memo;
        _postOrder = shapes.InPostOrder;
        YamlRoot = root;
        Root = Convert(root);
        _postOrder = [];
    }

    /// <summary>The YAML document.</summary>
    public YamlNode YamlRoot { get; }

    /// <summary>The JSON value.</summary>
    public JToken Root { get; }

    /// <summary>The memo the shapes of this document's values are numbered in.</summary>
    public ComposeSchemaMemo Memo => _memo;

    /// <summary>Converts a YAML document, numbering its values' shapes in a memo of its own.</summary>
    public static ComposeJsonDocument Create(YamlNode root) => Create(root, new ComposeSchemaMemo());

    /// <summary>Converts a YAML document, numbering its values' shapes in <paramref name="memo"/>.</summary>
    public static ComposeJsonDocument Create(YamlNode root, ComposeSchemaMemo memo)
    {
        var shapes = ComposeValueShapes.Number(root, memo);
        try
        {
            return new(root, memo, shapes);
        }
        finally
        {
            shapes.Return();
        }
    }

    /// <summary>Converts a YAML document whose values' shapes <paramref name="shapes"/> has numbered in <paramref name="memo"/>.</summary>
    public static ComposeJsonDocument Create(YamlNode root, ComposeSchemaMemo memo, ComposeValueShapes shapes) => new(root, memo, shapes);

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

    // Values are made in the order ComposeValueShapes numbered them (children before their parent),
    // so each takes the next number.
    private JToken Convert(YamlNode node)
    {
        JToken token;
        switch (node)
        {
            case YamlMapping mapping:
                var obj = new JObject();
                foreach (var entry in mapping.Entries)
                {
                    if (entry.Value.Tag != ResetTag)
                    {
                        obj.Add(new JProperty(entry.Key.Value, Convert(entry.Value)));
                    }
                }

                token = obj;
                break;
            case YamlSequence sequence:
                var array = new JArray();
                foreach (var item in sequence.Items)
                {
                    if (item.Tag != ResetTag)
                    {
                        array.Add(Convert(item));
                    }
                }

                token = array;
                break;
            case YamlScalar scalar:
                token = ToJValue(YamlCoreSchema.Resolve(scalar));
                break;
            default:
                token = JValue.CreateNull();
                break;
        }

        _shapes[token] = _postOrder[_next++];
        return token;
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
