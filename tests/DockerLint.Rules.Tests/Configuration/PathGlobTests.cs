using DockerLint.Rules.Configuration;

namespace DockerLint.Rules.Tests.Configuration;

public sealed class PathGlobTests
{
    [TestCase("legacy/**", "legacy/a/Dockerfile", true)]
    [TestCase("legacy/**", "src/legacy/Dockerfile", false)]
    [TestCase("legacy", "legacy/Dockerfile", true)]
    [TestCase("legacy/", "src/legacy/Dockerfile", true)]
    [TestCase("/legacy", "src/legacy/Dockerfile", false)]
    [TestCase("legacy", "src/legacy/Dockerfile", true)]
    [TestCase("*.dev.Dockerfile", "a/b/app.dev.Dockerfile", true)]
    [TestCase("*.dev.Dockerfile", "a/b/app.Dockerfile", false)]
    [TestCase("**/compose*.yaml", "compose.yaml", true)]
    [TestCase("deploy/*/compose.yaml", "deploy/a/b/compose.yaml", false)]
    [TestCase("deploy/**/compose.{yaml,yml}", "deploy/a/b/compose.yml", true)]
    [TestCase("/Dockerfile", "Dockerfile", true)]
    [TestCase("/Dockerfile", "sub/Dockerfile", false)]
    [TestCase("Dockerfile.[ab]", "Dockerfile.b", true)]
    [TestCase("Dockerfile.[!ab]", "Dockerfile.b", false)]
    [TestCase("Dockerfile.?", "Dockerfile.c", true)]
    public void Matches_like_editorconfig_and_gitignore(string pattern, string path, bool expected)
    {
        var glob = PathGlob.Create(pattern, "/repo", out var error);
        Assert.That(error, Is.Null);
        Assert.That(glob!.IsMatch("/repo/" + path), Is.EqualTo(expected));
    }

    [Test]
    public void Never_matches_outside_its_folder()
        => Assert.That(PathGlob.Create("**", "/repo/sub", out _)!.IsMatch("/repo/Dockerfile"), Is.False);

    [TestCase("Dockerfile.[ab", "never closed")]
    [TestCase("{a,b", "never closed")]
    [TestCase(" ", "empty")]
    public void A_malformed_pattern_is_an_error(string pattern, string error)
    {
        Assert.That(PathGlob.Create(pattern, "/repo", out var message), Is.Null);
        Assert.That(message, Does.Contain(error));
    }
}
