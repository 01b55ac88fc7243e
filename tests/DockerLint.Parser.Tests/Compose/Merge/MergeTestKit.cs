using System.Globalization;
using DockerLint.Parser.Compose.Merge;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;

namespace DockerLint.Parser.Tests.Compose.Merge;

/// <summary>In-memory Compose files for the loader callback; counts how often each is read.</summary>
internal sealed class MemoryFiles
{
    private readonly Dictionary<string, string> _texts = new(StringComparer.Ordinal);

    public Dictionary<string, int> Reads { get; } = new(StringComparer.Ordinal);

    public static string Full(string path) => Path.GetFullPath(path);

    public MemoryFiles Add(string path, string text)
    {
        _texts[Full(path)] = text;
        return this;
    }

    public YamlFile? Read(string path)
    {
        Reads[path] = Reads.GetValueOrDefault(path) + 1;
        return _texts.TryGetValue(path, out var text) ? YamlLoader.Load(text, path) : null;
    }

    public ComposeMergeResult Load(params string[] paths) => ComposeFileSet.Load(paths, Read);

    public ComposeMergeResult Load(ComposeMergeOptions options, params string[] paths) => ComposeFileSet.Load(paths, Read, null, options);

    /// <summary>The text a diagnostic points at.</summary>
    public string Spanned(Diagnostic diagnostic)
    {
        Assert.That(diagnostic.Location.Kind, Is.Not.EqualTo(LocationKind.None), "diagnostic has a location");
        var span = diagnostic.Location.SourceSpan;
        return _texts[diagnostic.Location.GetLineSpan().Path].Substring(span.Start, span.Length);
    }
}

/// <summary>The result of merging two in-memory documents.</summary>
internal sealed record MergeRun(YamlMapping Root, List<Diagnostic> Diagnostics, YamlFile Base, YamlFile Override);

/// <summary>Helpers to reach merged values and check where they were written.</summary>
internal static class MergeTestKit
{
    /// <summary>Merges two documents given as text (files /p/base.yaml and /p/override.yaml).</summary>
    public static MergeRun MergeTexts(string baseText, string overrideText)
    {
        var diagnostics = new List<Diagnostic>();
        var baseFile = YamlLoader.Load(baseText, "/p/base.yaml");
        var overrideFile = YamlLoader.Load(overrideText, "/p/override.yaml");
        Assert.That(baseFile.Diagnostics, Is.Empty, "base YAML");
        Assert.That(overrideFile.Diagnostics, Is.Empty, "override YAML");
        var merged = ComposeMerger.Merge(baseFile.Root, overrideFile.Root, diagnostics);
        Assert.That(merged, Is.InstanceOf<YamlMapping>());
        return new MergeRun((YamlMapping)merged!, diagnostics, baseFile, overrideFile);
    }

    /// <summary>The node at a dotted path; <c>[i]</c> indexes a sequence (<c>services.web.ports[1]</c>).</summary>
    public static YamlNode At(YamlNode root, string path)
    {
        var node = root;
        foreach (var part in path.Split('.'))
        {
            var name = part;
            var bracket = name.IndexOf('[', StringComparison.Ordinal);
            var index = -1;
            if (bracket >= 0)
            {
                index = int.Parse(name[(bracket + 1)..^1], CultureInfo.InvariantCulture);
                name = name[..bracket];
            }

            if (name.Length > 0)
            {
                Assert.That(node, Is.InstanceOf<YamlMapping>(), $"'{name}' of {path}: not a mapping");
                var next = ((YamlMapping)node)[name];
                Assert.That(next, Is.Not.Null, $"'{name}' of {path} is missing");
                node = next!;
            }

            if (index >= 0)
            {
                Assert.That(node, Is.InstanceOf<YamlSequence>(), $"{part} of {path}: not a sequence");
                var items = ((YamlSequence)node).Items;
                Assert.That(index, Is.LessThan(items.Length), $"{part} of {path}: only {items.Length} items");
                node = items[index];
            }
        }

        return node;
    }

    /// <summary>The node at a dotted path of mapping keys, or null.</summary>
    public static YamlNode? Find(YamlNode root, string path)
    {
        YamlNode? node = root;
        foreach (var part in path.Split('.'))
        {
            node = (node as YamlMapping)?[part];
        }

        return node;
    }

    /// <summary>The scalar value at a path.</summary>
    public static string Value(YamlNode root, string path)
    {
        var node = At(root, path);
        Assert.That(node, Is.InstanceOf<YamlScalar>(), $"{path} is not a scalar");
        return ((YamlScalar)node).Value;
    }

    /// <summary>The scalar values of a sequence at a path.</summary>
    public static string[] Values(YamlNode root, string path)
    {
        var node = At(root, path);
        Assert.That(node, Is.InstanceOf<YamlSequence>(), $"{path} is not a sequence");
        return [.. ((YamlSequence)node).Items.Select(item => item is YamlScalar s ? s.Value : $"<{item.GetType().Name}>")];
    }

    /// <summary>The keys of a mapping at a path.</summary>
    public static string[] Keys(YamlNode root, string path)
    {
        var node = path.Length == 0 ? root : At(root, path);
        Assert.That(node, Is.InstanceOf<YamlMapping>(), $"{path} is not a mapping");
        return [.. ((YamlMapping)node).Entries.Select(e => e.Key.Value)];
    }

    /// <summary>The text a node's span covers in its own file.</summary>
    public static string Written(YamlNode node) => node.Source.Text.ToString(node.Span);

    /// <summary>Asserts that a node was written in <paramref name="file"/> as <paramref name="text"/>, on the 1-based line.</summary>
    public static void AssertWritten(YamlNode node, string file, string text, int? line = null)
    {
        Assert.That(node.Source.Path, Does.EndWith(file), "file of the node");
        Assert.That(Written(node), Is.EqualTo(text), "text at the node's span");
        if (line is { } l)
        {
            Assert.That(node.LineSpan.StartLinePosition.Line + 1, Is.EqualTo(l), "line of the node");
        }
    }

    /// <summary>Asserts that no node of the tree carries !reset or !override.</summary>
    public static void AssertNoMergeTags(YamlNode node)
    {
        Assert.That(node.Tag, Is.Not.EqualTo("!reset").And.Not.EqualTo("!override"), $"tag at {node.Source.Path} {node.Span}");
        switch (node)
        {
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries)
                {
                    AssertNoMergeTags(entry.Value);
                }

                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    AssertNoMergeTags(item);
                }

                break;
        }
    }

    /// <summary>The messages of DC0030 diagnostics.</summary>
    public static string[] Dc0030(IEnumerable<Diagnostic> diagnostics)
        => [.. diagnostics.Where(d => d.Id == "DC0030").Select(d => d.GetMessage(CultureInfo.InvariantCulture))];

    /// <summary>The text a diagnostic points at, read from the file it names.</summary>
    public static string Spanned(Diagnostic diagnostic, params YamlFile[] files)
    {
        Assert.That(diagnostic.Location.Kind, Is.Not.EqualTo(LocationKind.None), "diagnostic has a location");
        var path = diagnostic.Location.GetLineSpan().Path;
        var file = files.FirstOrDefault(f => f.Source.Path == path);
        Assert.That(file, Is.Not.Null, $"diagnostic in an unknown file {path}");
        return file!.Source.Text.ToString(diagnostic.Location.SourceSpan);
    }
}
