using System.Globalization;
using DockerLint.Parser.Compose;
using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;

namespace DockerLint.Parser.Tests.Compose.Yaml;

/// <summary>
/// An alias inside the node it refers to would make the node contain itself: endless for anything that
/// walks it. The loader reports it (DC0001, on the alias) and drops the alias, without hanging or
/// overflowing the stack; docker compose refuses such files too.
/// </summary>
public sealed class RecursiveAliasTests
{
    private static string Message(Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    [TestCase("a: &x [{|#0:*x|}]\n")]
    [TestCase("a: &x {k: {|#0:*x|}}\n")]
    [TestCase("a: &x\n  k: {|#0:*x|}\n")]
    [TestCase("a: &x\n  <<: {|#0:*x|}\n  k: 1\n")]
    [TestCase("a: &x\n  <<: [{|#0:*x|}]\n")]
    [TestCase("a: &x\n  b:\n    c: [1, {|#0:*x|}]\n")]
    [TestCase("a: &x 1\nb: &x [{|#0:*x|}]\n")]
    [TestCase("&x [{|#0:*x|}]\n")]
    public void An_alias_inside_its_own_anchor_is_an_error_on_the_alias(string markup)
    {
        var (text, spans) = Markup.Parse(markup);
        var file = YamlLoader.Load(text, "compose.yaml");
        var diagnostic = file.Diagnostics.Single();
        Assert.That(diagnostic.Id, Is.EqualTo("DC0001"));
        Assert.That(diagnostic.Location.SourceSpan, Is.EqualTo(spans[0]));
        Assert.That(Message(diagnostic), Does.Contain("the alias *x is inside the node anchored &x it refers to: a node cannot contain itself"));
    }

    [Test]
    public void A_merge_of_an_undefined_alias_is_reported_once()
    {
        var file = YamlLoader.Load("a:\n  <<: *nothing\n  k: 1\n", "compose.yaml");
        Assert.That(file.Diagnostics.Select(Message), Is.EqualTo(new[] { "Invalid YAML: the alias *nothing refers to no anchor defined before it" }));
    }

    [Test]
    public void The_alias_is_dropped_and_the_rest_of_the_node_is_kept()
    {
        var file = YamlLoader.Load("a: &x\n  <<: *x\n  k: 1\nb: *x\n", "compose.yaml");
        var root = (YamlMapping)file.Root!;
        var a = (YamlMapping)root["a"]!;
        Assert.That(a.Entries.Select(e => e.Key.Value), Is.EqualTo(new[] { "k" }));

        // A later alias to the finished node is an ordinary alias.
        Assert.That(root["b"], Is.SameAs(a));
    }

    [Test]
    public void An_alias_to_an_earlier_node_of_the_same_name_outside_it_is_fine()
    {
        var file = YamlLoader.Load("a: &x [1]\nb: [*x, &x [2]]\nc: *x\n", "compose.yaml");
        Assert.That(file.Diagnostics, Is.Empty);
        var root = (YamlMapping)file.Root!;
        Assert.That(((YamlSequence)root["b"]!).Items[0], Is.SameAs(root["a"]));
        Assert.That(root["c"], Is.SameAs(((YamlSequence)root["b"]!).Items[1]));
    }

    [Test]
    public void A_service_merged_into_itself_loads_with_the_diagnostic_and_the_model_is_usable()
    {
        const string Path = "/project/compose.yaml";
        var text = "services:\n  web: &web\n    image: nginx:1.27\n    <<: *web\n    environment: &env\n      A: *env\n";
        var project = ComposeLoader.Load([Path], readFile: p => p == Path ? text : null);
        Assert.That(project.Diagnostics.Where(d => d.Id == "DC0001").Select(Message), Has.Exactly(2).Contains("a node cannot contain itself"));
        var web = project.Services.Single();
        Assert.That(web.Image?.Value, Is.EqualTo("nginx:1.27"));
    }
}
