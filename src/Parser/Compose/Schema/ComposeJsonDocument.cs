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

    private readonly Dictionary<JToken, JsonOrigin> _origins = new(ReferenceEqualityComparer.Instance);

    private ComposeJsonDocument(YamlNode root)
    {
        YamlRoot = root;
        Root = Convert(root, key: null);
    }

    /// <summary>The YAML document.</summary>
    public YamlNode YamlRoot { get; }

    /// <summary>The JSON value.</summary>
    public JToken Root { get; }

    /// <summary>Converts a YAML document.</summary>
    public static ComposeJsonDocument Create(YamlNode root) => new(root);

    /// <summary>Where a token (a value or a <see cref="JProperty"/>) was written; null for a token not of this document.</summary>
    public JsonOrigin? OriginOf(JToken? token) => token is not null && _origins.TryGetValue(token, out var origin) ? origin : null;

    private JToken Convert(YamlNode node, YamlScalar? key)
    {
        JToken token;
        switch (node)
        {
            case YamlMapping mapping:
                var obj = new JObject();
                foreach (var entry in mapping.Entries)
                {
                    if (entry.Value.Tag == ResetTag)
                    {
                        continue;
                    }

                    var property = new JProperty(entry.Key.Value, Convert(entry.Value, entry.Key));
                    _origins[property] = new JsonOrigin(entry.Value, entry.Key);
                    obj.Add(property);
                }

                token = obj;
                break;
            case YamlSequence sequence:
                var array = new JArray();
                foreach (var item in sequence.Items)
                {
                    if (item.Tag != ResetTag)
                    {
                        array.Add(Convert(item, key: null));
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

        _origins[token] = new JsonOrigin(node, key);
        return token;
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
