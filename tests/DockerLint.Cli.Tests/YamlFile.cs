using YamlDotNet.RepresentationModel;

namespace DockerLint.Cli.Tests;

/// <summary>Reads the repository's own YAML files (hooks, action, workflows) for the tests that check them.</summary>
internal static class YamlFile
{
    /// <summary>The root node of the one document in the file at <paramref name="relativePath"/> under the repository root.</summary>
    public static YamlNode Load(string relativePath)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Path, relativePath));
        stream.Load(reader);
        Assert.That(stream.Documents, Has.Count.EqualTo(1), relativePath);
        return stream.Documents[0].RootNode;
    }

    /// <summary>The value at <paramref name="key"/> of a mapping, or null.</summary>
    public static YamlNode? Get(this YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>The scalar text at <paramref name="key"/> of a mapping, or null.</summary>
    public static string? Text(this YamlNode node, string key) => (node.Get(key) as YamlScalarNode)?.Value;

    /// <summary>The keys of a mapping.</summary>
    public static IEnumerable<string> Keys(this YamlNode node) =>
        node is YamlMappingNode map ? map.Children.Keys.Select(k => ((YamlScalarNode)k).Value!) : [];

    /// <summary>The items of a sequence.</summary>
    public static IEnumerable<YamlNode> Items(this YamlNode? node) => node is YamlSequenceNode sequence ? sequence.Children : [];
}
