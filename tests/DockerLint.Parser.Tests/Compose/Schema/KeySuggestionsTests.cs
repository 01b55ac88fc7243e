using DockerLint.Parser.Compose.Schema;

namespace DockerLint.Parser.Tests.Compose.Schema;

/// <summary>The closest valid key for a misspelt one.</summary>
public sealed class KeySuggestionsTests
{
    private static readonly string[] s_keys = ["image", "environment", "env_file", "restart", "ports", "expose", "volumes", "container_name"];

    [TestCase("enviroment", "environment")]
    [TestCase("enviornment", "environment")]
    [TestCase("Image", "image")]
    [TestCase("imge", "image")]
    [TestCase("port", "ports")]
    [TestCase("env-file", "env_file")]
    [TestCase("container-name", "container_name")]
    [TestCase("restrat", "restart")]
    public void Suggests(string key, string expected) => Assert.That(KeySuggestions.Closest(key, s_keys), Is.EqualTo(expected));

    [TestCase("wrongField")]
    [TestCase("cmd")]
    [TestCase("x")]
    [TestCase("img")]
    public void Suggests_nothing_far_away(string key) => Assert.That(KeySuggestions.Closest(key, s_keys), Is.Null);

    [TestCase("abc", "abc", 0)]
    [TestCase("abc", "acb", 1)]
    [TestCase("kitten", "sitting", 3)]
    [TestCase("", "abc", 3)]
    public void Distance(string a, string b, int expected) => Assert.That(KeySuggestions.Distance(a, b), Is.EqualTo(expected));
}
