using DockerLint.Parser.Context;

namespace DockerLint.Parser.Tests.Context;

/// <summary>The .dockerignore matcher against the behaviour of moby's dockerignore reader and patternmatcher.</summary>
public sealed class DockerIgnoreTests
{
    [TestCase("node_modules", "node_modules", true, TestName = "exact name")]
    [TestCase("node_modules", "node_modules/a/b.js", true, TestName = "everything below an excluded folder")]
    [TestCase("node_modules", "src/node_modules", false, TestName = "patterns are anchored at the root")]
    [TestCase("*.md", "README.md", true, TestName = "star")]
    [TestCase("*.md", "docs/README.md", false, TestName = "star does not cross a slash")]
    [TestCase("*/*.md", "docs/README.md", true, TestName = "one folder deep")]
    [TestCase("**/*.md", "docs/a/README.md", true, TestName = "double star crosses folders")]
    [TestCase("**/*.md", "README.md", true, TestName = "double star matches no folder too")]
    [TestCase("docs/**", "docs/a/b", true, TestName = "trailing double star")]
    [TestCase("**", "anything/at/all", true, TestName = "double star alone")]
    [TestCase("a?c", "abc", true, TestName = "question mark")]
    [TestCase("a?c", "a/c", false, TestName = "question mark is not a slash")]
    [TestCase("[a-c]x", "bx", true, TestName = "character class")]
    [TestCase("[a-c]x", "dx", false, TestName = "character class miss")]
    [TestCase("/secrets", "secrets/key", true, TestName = "leading slash")]
    [TestCase("./build/../dist", "dist/app.js", true, TestName = "pattern cleaned like a path")]
    [TestCase("  logs  ", "logs/a.log", true, TestName = "trimmed")]
    [TestCase(@"\*.txt", "*.txt", true, TestName = "escaped star is literal")]
    [TestCase(@"\*.txt", "a.txt", false, TestName = "escaped star matches no other name")]
    [TestCase("a.b", "axb", false, TestName = "dot is literal")]
    public void Matches_like_docker(string pattern, string path, bool excluded)
        => Assert.That(DockerIgnore.Parse(pattern).IsExcluded(path), Is.EqualTo(excluded));

    [Test]
    public void The_last_matching_pattern_wins()
    {
        var ignore = DockerIgnore.Parse("*.md\n!README.md\nREADME.md\n!docs\n");
        Assert.That(ignore.IsExcluded("README.md"), Is.True, "excluded again after the exception");
        Assert.That(ignore.IsExcluded("CHANGELOG.md"), Is.True);
        Assert.That(ignore.IsExcluded("docs/a.txt"), Is.False);
        Assert.That(ignore.HasExceptions, Is.True);
    }

    [Test]
    public void An_allow_list_keeps_only_its_exceptions()
    {
        var ignore = DockerIgnore.Parse("*\n!src\n!package.json\n");
        Assert.That(ignore.IsExcluded("package.json"), Is.False);
        Assert.That(ignore.IsExcluded("src/index.js"), Is.False);
        Assert.That(ignore.IsExcluded("README.md"), Is.True);
        Assert.That(ignore.ExcludedBy("README.md")!.Line, Is.EqualTo(1));
    }

    [Test]
    public void Comments_blank_lines_and_byte_order_mark_are_skipped()
    {
        var ignore = DockerIgnore.Parse("\uFEFF# comment\r\n\r\n   \r\n.git\r\n #not a comment\r\n");
        Assert.That(ignore.Patterns.Select(p => p.Text), Is.EqualTo(new[] { ".git", "#not a comment" }));
        Assert.That(ignore.Patterns[0].Line, Is.EqualTo(4));
    }

    [Test]
    public void An_empty_exception_is_ignored_and_a_bad_class_does_not_throw()
    {
        var ignore = DockerIgnore.Parse("!\n[z-a]\n");
        Assert.That(ignore.Patterns, Has.Length.EqualTo(1));
        Assert.That(ignore.IsExcluded("[z-a]"), Is.True, "an uncompilable pattern matches itself");
    }

    [TestCase("a/./b/../c", "a/c")]
    [TestCase("./", ".")]
    [TestCase("/x//y/", "/x/y")]
    [TestCase("../a", "../a")]
    public void Cleans_paths_like_go(string path, string clean) => Assert.That(DockerIgnore.CleanPath(path), Is.EqualTo(clean));

    [Test]
    public void Build_context_prefers_the_dockerfile_specific_ignore_file()
    {
        var files = new Dictionary<string, string>
        {
            [Path.Combine("/ctx", ".dockerignore")] = "root\n",
            [Path.Combine("/ctx", "docker", "app.Dockerfile.dockerignore")] = "specific\n",
        };
        var specific = BuildContext.Load("/ctx", Path.Combine("/ctx", "docker", "app.Dockerfile"), p => files.GetValueOrDefault(p));
        Assert.That(specific.DockerIgnore!.Patterns.Single().Text, Is.EqualTo("specific"));
        Assert.That(specific.DockerIgnorePath, Is.EqualTo(Path.Combine("/ctx", "docker", "app.Dockerfile.dockerignore")));

        var root = BuildContext.Load("/ctx", Path.Combine("/ctx", "Dockerfile"), p => files.GetValueOrDefault(p));
        Assert.That(root.DockerIgnore!.Patterns.Single().Text, Is.EqualTo("root"));

        var none = BuildContext.Load("/other", null, p => files.GetValueOrDefault(p));
        Assert.That(none.DockerIgnore, Is.Null);
        Assert.That(none.DockerIgnorePath, Is.Null);
    }
}
