using System.Text;
using DockerLint.Parser.Compose.Merge;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Tests.Compose.Yaml;

/// <summary>
/// Mappings find keys by comparing them up to a few entries and through a table beyond; both ways
/// give the same answers, keep the first of repeated keys, and report duplicates the same way. A
/// node knows whether merging would change anything inside it.
/// </summary>
public sealed class YamlNodeTests
{
    private static readonly YamlSource s_source = new("compose.yaml", SourceText.From(""));

    private static YamlScalar Scalar(string value) => new(s_source, default, value, YamlScalarStyle.Plain);

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(7)]
    [TestCase(8)]
    [TestCase(9)]
    [TestCase(40)]
    public void Keys_are_found_and_repeated_keys_keep_the_first_entry_at_any_size(int count)
    {
        var entries = new List<YamlEntry>();
        for (var i = 0; i < count; i++)
        {
            entries.Add(new YamlEntry(Scalar("k" + i), Scalar("v" + i)));
            entries.Add(new YamlEntry(Scalar("k" + (i / 2)), Scalar("again" + i)));
        }

        var mapping = new YamlMapping(s_source, default, entries);

        Assert.That(mapping.Entries.Select(e => e.Key.Value), Is.EqualTo(Enumerable.Range(0, count).Select(i => "k" + i)));
        for (var i = 0; i < count; i++)
        {
            Assert.That(((YamlScalar)mapping["k" + i]!).Value, Is.EqualTo("v" + i));
            Assert.That(mapping.GetEntry("k" + i)!.Key.Value, Is.EqualTo("k" + i));
            Assert.That(mapping.ContainsKey("k" + i), Is.True);
        }

        Assert.That(mapping["k" + count], Is.Null);
        Assert.That(mapping.ContainsKey("K0"), Is.False, "keys are compared ordinally");
        Assert.That(mapping.GetEntry(""), Is.Null);
    }

    [TestCase(3)]
    [TestCase(8)]
    [TestCase(9)]
    [TestCase(30)]
    public void A_loaded_mapping_reports_each_duplicate_key_and_keeps_the_first_at_any_size(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append("k").Append(i).Append(": v").Append(i).Append('\n');
        }

        text.Append("k0: late\nk").Append(count - 1).Append(": late\n");
        var file = YamlLoader.Load(text.ToString(), "compose.yaml");
        var root = (YamlMapping)file.Root!;

        Assert.That(root.Entries, Has.Length.EqualTo(count));
        Assert.That(((YamlScalar)root["k0"]!).Value, Is.EqualTo("v0"));
        Assert.That(((YamlScalar)root["k" + (count - 1)]!).Value, Is.EqualTo("v" + (count - 1)));
        Assert.That(file.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "DC0002", "DC0002" }));
    }

    [Test]
    public void A_merge_key_adds_only_keys_the_mapping_does_not_write_at_any_size()
    {
        var keys = string.Join(", ", Enumerable.Range(0, 12).Select(i => $"k{i}: base{i}"));
        var file = YamlLoader.Load($"base: &b {{{keys}}}\nsmall: {{<<: *b, k1: own}}\n", "compose.yaml");
        var small = (YamlMapping)((YamlMapping)file.Root!)["small"]!;

        Assert.That(small.Entries, Has.Length.EqualTo(12));
        Assert.That(small.Entries[0].Key.Value, Is.EqualTo("k1"));
        Assert.That(((YamlScalar)small["k1"]!).Value, Is.EqualTo("own"));
        Assert.That(((YamlScalar)small["k11"]!).Value, Is.EqualTo("base11"));
        Assert.That(small.Entries.Skip(1).All(e => e.FromMerge), Is.True);
    }

    [TestCase("a: {b: [1, {c: 2}]}", false)]
    [TestCase("a: !reset {b: 1}", true)]
    [TestCase("a: {b: [1, {c: !override [2]}]}", true)]
    [TestCase("a: {b: [1, !reset 2]}", true)]
    [TestCase("a: !custom {b: 1}", false)]
    [TestCase("a: &x {b: !reset 1}\nc: *x", true)]
    public void A_node_knows_whether_merging_changes_anything_inside_it(string text, bool changed)
    {
        var root = YamlLoader.Load(text, "compose.yaml").Root!;

        Assert.That(root.HasMergeTagInside, Is.EqualTo(changed));
        var cleaned = ComposeMerger.RemoveMergeTags(root);
        Assert.That(ReferenceEquals(cleaned, root), Is.EqualTo(!changed), "a node with nothing to remove is its own cleaned form");
    }
}
