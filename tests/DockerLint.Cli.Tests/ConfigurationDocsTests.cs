using System.Text.RegularExpressions;
using DockerLint.Parser.Compose.Schema;
using DockerLint.Parser.Compose.Yaml;
using DockerLint.Rules.Configuration;
using DockerLint.Rules.Engine;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace DockerLint.Cli.Tests;

/// <summary>
/// docs/configuration.md and the README show configuration that works: every <c>.dockerlint.yaml</c>
/// example is valid against docs/dockerlint-config.schema.json and reads without a problem, and the
/// schema and the reader agree on the option names.
/// </summary>
public sealed partial class ConfigurationDocsTests
{
    private static readonly Lazy<JsonSchema> s_schema = new(() =>
        JsonSchema.FromFileAsync(Path.Combine(RepositoryRoot.Path, "docs", "dockerlint-config.schema.json")).GetAwaiter().GetResult());

    public static IEnumerable<TestCaseData> Examples()
    {
        foreach (var file in new[] { "docs/configuration.md", "README.md" })
        {
            var text = File.ReadAllText(Path.Combine(RepositoryRoot.Path, file));
            var index = 0;
            foreach (Match block in YamlBlock().Matches(text))
            {
                if (block.Groups[1].Value.StartsWith("# .dockerlint.yaml", StringComparison.Ordinal))
                {
                    yield return new TestCaseData(block.Groups[1].Value).SetName($"{file} example {++index} is a valid .dockerlint.yaml");
                }
            }
        }
    }

    [TestCaseSource(nameof(Examples))]
    public void Example_is_valid(string yaml)
    {
        Assert.That(SchemaErrors(yaml), Is.Empty, "valid against the schema");
        var ids = new RuleIds(AnalyzerEngine.DiscoverRules().Concat(AnalyzerEngine.SyntaxRules));
        var file = DockerLintConfigFile.Parse(yaml, "/repo/.dockerlint.yaml", ids);
        Assert.That(file.Diagnostics.Select(d => d.GetMessage()), Is.Empty, "read without a problem");
    }

    [Test]
    public void Docs_have_examples()
        => Assert.That(Examples().Count(), Is.GreaterThanOrEqualTo(2));

    [TestCase("sevrity: { DF3001: error }\n")]
    [TestCase("severity: { DF3001: loud }\n")]
    [TestCase("options:\n  allowed-port: [80]\n")]
    [TestCase("options:\n  allowed-ports: [\"http\"]\n")]
    [TestCase("overrides:\n  - disable: [DF3001]\n")]
    [TestCase("limits: { max-file-size: lots }\n")]
    [TestCase("fail-level: fatal\n")]
    public void Schema_rejects_what_the_reader_rejects(string yaml)
    {
        Assert.That(SchemaErrors(yaml), Is.Not.Empty, "the schema rejects it");
        var ids = new RuleIds(AnalyzerEngine.DiscoverRules().Concat(AnalyzerEngine.SyntaxRules));
        Assert.That(DockerLintConfigFile.Parse(yaml, "/repo/.dockerlint.yaml", ids).Diagnostics, Is.Not.Empty, "the reader rejects it");
    }

    [Test]
    public void Schema_lists_every_option_the_reader_knows()
    {
        var options = s_schema.Value.Definitions["options"].Properties.Keys.Order(StringComparer.Ordinal);
        Assert.That(options, Is.EqualTo(ConfigurationOptions.Names));
    }

    private static List<string> SchemaErrors(string yaml)
    {
        var json = ToJson(YamlLoader.Load(yaml, "/repo/.dockerlint.yaml").Root!);
        return [.. s_schema.Value.Validate(json).Select(e => e.ToString())];
    }

    /// <summary>The YAML as JSON, scalars typed by the YAML 1.2 core schema.</summary>
    private static JToken ToJson(YamlNode node) => node switch
    {
        YamlMapping mapping => new JObject(mapping.Entries.Select(e => new JProperty(e.Key.Value, ToJson(e.Value)))),
        YamlSequence sequence => new JArray(sequence.Items.Select(ToJson)),
        YamlScalar scalar => YamlCoreSchema.Resolve(scalar) switch
        {
            { Type: YamlValueType.Null } => JValue.CreateNull(),
            { Type: YamlValueType.Boolean, Value: bool b } => new JValue(b),
            { Type: YamlValueType.Integer, Value: var i } => new JValue(Convert.ToInt64(i, System.Globalization.CultureInfo.InvariantCulture)),
            { Type: YamlValueType.Float, Value: var f } => new JValue(Convert.ToDouble(f, System.Globalization.CultureInfo.InvariantCulture)),
            _ => new JValue(scalar.Value),
        },
        _ => JValue.CreateNull(),
    };

    [GeneratedRegex(@"```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
