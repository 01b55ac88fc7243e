using DockerLint.Parser.Compose.Schema;
using DockerLint.Parser.Compose.Yaml;

namespace DockerLint.Parser.Tests.Compose.Schema;

/// <summary>Scalars are typed as go-yaml (YAML 1.2 core schema) types them for docker compose.</summary>
public sealed class YamlCoreSchemaTests
{
    private static YamlValue Resolve(string yamlValue)
    {
        var file = YamlLoader.Load("v: " + yamlValue + "\n", "t.yaml");
        Assert.That(file.Diagnostics, Is.Empty);
        return YamlCoreSchema.Resolve((YamlScalar)((YamlMapping)file.Root!)["v"]!);
    }

    [TestCase("true", true)]
    [TestCase("True", true)]
    [TestCase("TRUE", true)]
    [TestCase("false", false)]
    [TestCase("FALSE", false)]
    [TestCase("!!bool true", true)]
    public void Booleans(string yaml, bool expected)
        => Assert.That(Resolve(yaml), Is.EqualTo(new YamlValue(YamlValueType.Boolean, expected)));

    [TestCase("")]
    [TestCase("~")]
    [TestCase("null")]
    [TestCase("Null")]
    [TestCase("NULL")]
    public void Nulls(string yaml)
        => Assert.That(Resolve(yaml), Is.EqualTo(new YamlValue(YamlValueType.Null, null)));

    [TestCase("0", 0L)]
    [TestCase("42", 42L)]
    [TestCase("-7", -7L)]
    [TestCase("+7", 7L)]
    [TestCase("0x1F", 31L)]
    [TestCase("0o17", 15L)]
    [TestCase("017", 15L)]
    [TestCase("0b101", 5L)]
    [TestCase("1_000", 1000L)]
    [TestCase("9223372036854775807", long.MaxValue)]
    [TestCase("!!int \"12\"", 12L)]
    public void Integers(string yaml, long expected)
        => Assert.That(Resolve(yaml), Is.EqualTo(new YamlValue(YamlValueType.Integer, expected)));

    [Test]
    public void Integers_beyond_long_are_unsigned_then_floats()
    {
        Assert.That(Resolve("18446744073709551615"), Is.EqualTo(new YamlValue(YamlValueType.Integer, ulong.MaxValue)));
        Assert.That(Resolve("18446744073709551616"), Is.EqualTo(new YamlValue(YamlValueType.Float, 18446744073709551616d)));
    }

    [TestCase("1.5", 1.5)]
    [TestCase(".5", 0.5)]
    [TestCase("-.5", -0.5)]
    [TestCase("1e3", 1000d)]
    [TestCase("1.", 1d)]
    [TestCase("08", 8d)]
    [TestCase("-0", -0d)]
    [TestCase(".inf", double.PositiveInfinity)]
    [TestCase("-.Inf", double.NegativeInfinity)]
    [TestCase("!!float 3", 3d)]
    public void Floats(string yaml, double expected)
    {
        var value = Resolve(yaml);
        Assert.That(value.Type, Is.EqualTo(YamlValueType.Float));
        Assert.That(value.Value, Is.EqualTo(expected));
    }

    [Test]
    public void Not_a_number_is_a_float()
        => Assert.That(Resolve(".NaN").Value, Is.NaN);

    [TestCase("yes")]
    [TestCase("on")]
    [TestCase("tRUE")]
    [TestCase("22:22")]
    [TestCase("2001-12-14")]
    [TestCase("1.2.3")]
    [TestCase("0x")]
    [TestCase("1e400")]
    [TestCase("${PORT}")]
    [TestCase("\"true\"")]
    [TestCase("'42'")]
    [TestCase("!!str 42")]
    [TestCase("!override 42")]
    [TestCase("!!int abc")]
    [TestCase("|\n  42")]
    public void Strings(string yaml)
        => Assert.That(Resolve(yaml).Type, Is.EqualTo(YamlValueType.String));

    [Test]
    public void A_quoted_value_keeps_its_text()
        => Assert.That(Resolve("\"true\""), Is.EqualTo(new YamlValue(YamlValueType.String, "true")));
}
