using System.Globalization;
using DockerLint.Parser.Compose.Schema;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;
using Newtonsoft.Json.Linq;

namespace DockerLint.Parser.Tests.Compose.Schema;

/// <summary>
/// The memo in front of NJsonSchema: equal values share a shape, remembered verdicts never change
/// what is reported, and errors always carry the path and span of the value they are about.
/// </summary>
public sealed class ComposeSchemaMemoTests
{
    private const string TwoIdenticalInvalidServices = """
        services:
          web:
            image: nginx
            enviroment: [A=1]
            cpus: true
          api:
            image: nginx
            enviroment: [A=1]
            cpus: true
        """;

    private static YamlNode Document(string text, string path = "compose.yaml")
    {
        var file = YamlLoader.Load(text, path);
        Assert.That(file.Diagnostics, Is.Empty, "the test input is valid YAML");
        return file.Documents.Single();
    }

    private static List<string> Validate(string text, ComposeSchemaMemo memo, string path = "compose.yaml")
        => [.. ComposeSchemaValidator.Validate(Document(text, path), memo).Select(Describe)];

    private static string Describe(Diagnostic d)
        => $"{d.Location.GetLineSpan().Path}:{d.Location.SourceSpan} {d.Id} {d.GetMessage(CultureInfo.InvariantCulture)}";

    [Test]
    public void Identical_invalid_services_are_each_reported_at_their_own_path_and_span()
    {
        var memo = new ComposeSchemaMemo();
        var diagnostics = ComposeSchemaValidator.Validate(Document(TwoIdenticalInvalidServices), memo);

        Assert.That(diagnostics.Select(d => d.GetMessage(CultureInfo.InvariantCulture)), Is.EqualTo(new[]
        {
            "Unknown key 'enviroment' in service 'web'; did you mean 'environment'?",
            "services.web.cpus: expected a string or a number, found the boolean true",
            "Unknown key 'enviroment' in service 'api'; did you mean 'environment'?",
            "services.api.cpus: expected a string or a number, found the boolean true",
        }));
        var lines = diagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line).ToList();
        Assert.That(lines, Is.EqualTo(new[] { 3, 4, 7, 8 }));
        Assert.That(memo.Hits, Is.GreaterThan(0), "the second service's valid parts (image, the list) come from the memo");
    }

    [Test]
    public void An_invalid_document_validated_again_with_the_same_memo_gets_the_same_errors()
    {
        var memo = new ComposeSchemaMemo();
        var first = Validate(TwoIdenticalInvalidServices, memo);
        var hits = memo.Hits;
        var second = Validate(TwoIdenticalInvalidServices, memo);

        Assert.That(second, Is.EqualTo(first));
        Assert.That(first, Has.Count.EqualTo(4));
        Assert.That(memo.Hits, Is.GreaterThan(hits), "the second time, the verdict came from the memo");
    }

    [Test]
    public void A_value_found_valid_in_one_file_and_invalid_context_in_another_is_judged_by_its_own_schema()
    {
        // The same value (a mapping with 'image') is valid as a service and an unknown key at the top level.
        var memo = new ComposeSchemaMemo();
        Assert.That(Validate("services:\n  web:\n    image: nginx\n", memo, "a/compose.yaml"), Is.Empty);
        var errors = Validate("web:\n  image: nginx\n", memo, "b/compose.yaml");
        var fresh = Validate("web:\n  image: nginx\n", new ComposeSchemaMemo(), "b/compose.yaml");

        Assert.That(errors, Is.EqualTo(fresh));
        Assert.That(errors.Single(), Does.Contain("DC0011 Unknown top-level key 'web'"));
    }

    [Test]
    public void A_file_validated_after_others_gets_what_it_gets_on_its_own()
    {
        var shared = new ComposeSchemaMemo();
        string[] files =
        [
            "services:\n  web:\n    image: nginx\n    ports: ['80:80', 443]\n    restart: always\n",
            "services:\n  web:\n    image: nginx\n    ports: ['80:80', [443]]\n    restart: always\n",
            "services:\n  db:\n    image: postgres\n    restart: always\n    ports: ['80:80']\n    healthcheck: {test: 5}\n",
            "services:\n  web:\n    image: nginx\n    ports: ['80:80', 443]\n    restart: always\n",
        ];

        foreach (var text in files)
        {
            Assert.That(Validate(text, shared), Is.EqualTo(Validate(text, new ComposeSchemaMemo())), text);
        }

        Assert.That(shared.Hits, Is.GreaterThan(0));
    }

    [Test]
    public void A_full_memo_changes_nothing_but_what_it_remembers()
    {
        var tiny = new ComposeSchemaMemo(maxShapes: 8, maxKeyChars: 64, maxVerdicts: 4);
        var expected = Validate(TwoIdenticalInvalidServices, new ComposeSchemaMemo());

        Assert.That(Validate(TwoIdenticalInvalidServices, tiny), Is.EqualTo(expected));
        Assert.That(Validate(TwoIdenticalInvalidServices, tiny), Is.EqualTo(expected));
        Assert.That(tiny.ShapeCount, Is.LessThanOrEqualTo(8));
    }

    [Test]
    public void Equal_values_share_a_shape_and_values_of_other_types_or_text_do_not()
    {
        var document = ComposeJsonDocument.Create(Document("""
            a: {x: [1, "1", 1.0, true, "true", null, ""]}
            b: {x: [1, "1", 1.0, true, "true", null, ""]}
            c: {x: [1, "1", 1.0, true, "true", null]}
            d: {y: [1, "1", 1.0, true, "true", null, ""]}
            """));
        var root = (JObject)document.Root;
        int Shape(JToken token) => document.TryGetShape(token, out var shape) ? shape : throw new AssertionException("no shape");

        Assert.That(Shape(root["a"]!), Is.EqualTo(Shape(root["b"]!)));
        Assert.That(Shape(root["a"]!), Is.Not.EqualTo(Shape(root["c"]!)), "one item fewer");
        Assert.That(Shape(root["a"]!), Is.Not.EqualTo(Shape(root["d"]!)), "another key");
        var items = ((JArray)root["a"]!["x"]!).Select(Shape).ToList();
        Assert.That(items, Is.Unique, "1, '1', 1.0, true, 'true', null and '' are different values");
    }

    [Test]
    public void A_document_known_valid_is_answered_by_one_question_to_the_memo()
    {
        var memo = new ComposeSchemaMemo();
        const string text = "services:\n  web:\n    image: nginx\n    ports: ['80:80']\n";
        Assert.That(Validate(text, memo), Is.Empty);
        var hits = memo.Hits;

        Assert.That(Validate(text, memo, "other/compose.yaml"), Is.Empty);
        Assert.That(memo.Hits, Is.EqualTo(hits + 1), "the whole document's verdict, nothing below it");
    }

    [TestCase("a: {x: [1, \"1\", 1.0, true, \"true\", null, \"\", ~, .inf, -.nan, 0x1F, 0o17, 1e3, 18446744073709551615, 99999999999999999999]}")]
    [TestCase("a: &a {b: !reset [1], c: [!reset 2, 3], d: !!str 1, e: !!int x, f: !!float 1, g: !custom 1}\nh: *a\ni: {<<: *a, j: 2}")]
    [TestCase("? [complex, key]\n: 1\n'': 2\n\"\\u00e9\": |\n  text\n")]
    [TestCase("- 1\n- [ ]\n- { }\n- - - deep\n")]
    public void Shapes_numbered_from_yaml_nodes_equal_shapes_spelled_from_the_json_value(string text)
        => AssertShapesAsFromJson(YamlLoader.Load(text, "compose.yaml").Documents, new ComposeSchemaMemo());

    [Test]
    public void Shapes_numbered_from_yaml_nodes_equal_shapes_spelled_from_the_json_value_on_the_corpus()
    {
        var (_, files) = SharedCorpus.RequireComposeFiles();
        var memo = new ComposeSchemaMemo();
        foreach (var path in files)
        {
            AssertShapesAsFromJson(YamlLoader.Load(File.ReadAllText(path), path).Documents, memo);
        }
    }

    [Test]
    public void Shapes_numbered_from_yaml_nodes_equal_shapes_spelled_from_the_json_value_in_a_full_memo()
        => AssertShapesAsFromJson(YamlLoader.Load(TwoIdenticalInvalidServices, "compose.yaml").Documents, new ComposeSchemaMemo(maxShapes: 8, maxKeyChars: 64, maxVerdicts: 4));

    // The shapes as they were first defined, spelled from the JSON value (type and text of a scalar, keys and
    // children's shapes of an object, items' shapes of an array), must be the numbers the conversion gave each token.
    private static void AssertShapesAsFromJson(IEnumerable<YamlNode> documents, ComposeSchemaMemo memo)
    {
        foreach (var yaml in documents)
        {
            var document = ComposeJsonDocument.Create(yaml, memo);
            var checkedTokens = 0;
            Spell(document.Root);
            Assert.That(checkedTokens, Is.GreaterThan(0));

            int Spell(JToken token)
            {
                string? key = null;
                switch (token)
                {
                    case JObject obj:
                        key = Composite("{", obj.Properties().Select(p => ($"{p.Name.Length}:{p.Name}", p.Value)));
                        break;
                    case JArray array:
                        key = Composite("[", array.Select(item => ("", item)));
                        break;
                    case JValue value:
                        key = value.Value switch
                        {
                            null => "n",
                            bool b => b ? "t" : "f",
                            long l => "i" + l.ToString(CultureInfo.InvariantCulture),
                            ulong u => "u" + u.ToString(CultureInfo.InvariantCulture),
                            double d => "d" + d.ToString("R", CultureInfo.InvariantCulture),
                            string t => "s" + t,
                            var other => throw new AssertionException($"unexpected JSON value {other.GetType()}"),
                        };
                        break;
                }

                Assert.That(document.TryGetShape(token, out var shape), Is.True, token.Path);
                if (key is null)
                {
                    Assert.That(shape, Is.EqualTo(ComposeSchemaMemo.NoShape), token.Path);
                }
                else if (shape != ComposeSchemaMemo.NoShape)
                {
                    Assert.That(memo.Intern(key), Is.EqualTo(shape), token.Path);
                }

                checkedTokens++;
                return shape;
            }

            // An object's or array's key: each child's label and shape in turn; none once a child has no shape.
            string? Composite(string kind, IEnumerable<(string Label, JToken Value)> children)
            {
                var parts = new System.Text.StringBuilder(kind);
                foreach (var (label, value) in children)
                {
                    var child = Spell(value);
                    if (child == ComposeSchemaMemo.NoShape)
                    {
                        return null;
                    }

                    parts.Append(CultureInfo.InvariantCulture, $"{label}{child},");
                }

                return parts.ToString();
            }
        }
    }
}
