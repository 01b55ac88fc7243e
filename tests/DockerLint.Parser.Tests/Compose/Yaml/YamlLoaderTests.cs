using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Tests.Compose.Yaml;

public sealed class YamlLoaderTests
{
    private static (YamlFile File, IReadOnlyDictionary<int, TextSpan> Spans) Load(string markup)
    {
        var (text, spans) = Markup.Parse(markup);
        return (YamlLoader.Load(text, "compose.yaml"), spans);
    }

    private static YamlMapping Root(YamlFile file) => (YamlMapping)file.Root!;

    [Test]
    public void Every_key_and_value_keeps_its_span()
    {
        var (file, spans) = Load("{|#0:services|}:\n  {|#1:web|}:\n    image: {|#2:nginx:1.27|}\n    ports: {|#3:[{|#4:\"80:80\"|}, {|#5:443|}]|}\n");
        var root = Root(file);
        Assert.That(root.Entries[0].Key.Span, Is.EqualTo(spans[0]));
        var web = (YamlMapping)((YamlMapping)root["services"]!)["web"]!;
        Assert.That(((YamlMapping)root["services"]!).Entries[0].Key.Span, Is.EqualTo(spans[1]));
        Assert.That(web["image"]!.Span, Is.EqualTo(spans[2]));
        var ports = (YamlSequence)web["ports"]!;
        Assert.That(ports.Span, Is.EqualTo(spans[3]));
        Assert.That(ports.Items.Select(i => i.Span), Is.EqualTo(new[] { spans[4], spans[5] }));
        Assert.That(((YamlScalar)ports.Items[0]).Style, Is.EqualTo(YamlScalarStyle.DoubleQuoted));
        Assert.That(((YamlScalar)ports.Items[0]).Value, Is.EqualTo("80:80"));
        Assert.That(file.Diagnostics, Is.Empty);
    }

    [Test]
    public void Alias_is_the_anchored_node_and_points_where_it_was_written()
    {
        var (file, spans) = Load("x-image: &img {|#0:nginx:1.27|}\nservices:\n  a:\n    image: *img\n");
        var a = (YamlMapping)((YamlMapping)Root(file)["services"]!)["a"]!;
        Assert.That(a["image"]!.Span, Is.EqualTo(spans[0]));
        Assert.That(((YamlScalar)a["image"]!).Value, Is.EqualTo("nginx:1.27"));
    }

    [Test]
    public void Merge_keys_add_entries_that_are_not_written_explicitly()
    {
        var (file, spans) = Load("x-base: &base\n  restart: {|#0:always|}\n  image: old\nx-more: &more\n  user: {|#1:app|}\nservices:\n  web:\n    <<: [*base, *more]\n    image: {|#2:new|}\n");
        var web = (YamlMapping)((YamlMapping)Root(file)["services"]!)["web"]!;
        Assert.That(web.Entries.Select(e => e.Key.Value), Is.EqualTo(new[] { "image", "restart", "user" }));
        Assert.That(web["image"]!.Span, Is.EqualTo(spans[2]), "an explicit key wins over a merged one");
        Assert.That(web["restart"]!.Span, Is.EqualTo(spans[0]));
        Assert.That(web["user"]!.Span, Is.EqualTo(spans[1]));
        Assert.That(web.GetEntry("restart")!.FromMerge, Is.True);
        Assert.That(web.GetEntry("image")!.FromMerge, Is.False);
    }

    [Test]
    public void Duplicate_key_is_reported_on_the_second_key()
    {
        var (file, spans) = Load("services:\n  web: {}\n  {|#0:web|}: {}\n");
        var diagnostic = file.Diagnostics.Single();
        Assert.That(diagnostic.Id, Is.EqualTo("DC0002"));
        Assert.That(diagnostic.Location.SourceSpan, Is.EqualTo(spans[0]));
        Assert.That(diagnostic.GetMessage(), Does.Contain("line 2"));
    }

    [Test]
    public void Invalid_yaml_is_a_diagnostic_with_a_position()
    {
        var file = YamlLoader.Load("services:\n  web:\n    image: a: b: c\n", "compose.yaml");
        var diagnostic = file.Diagnostics.Single();
        Assert.That(diagnostic.Id, Is.EqualTo("DC0001"));
        Assert.That(diagnostic.Location.GetLineSpan().StartLinePosition.Line, Is.EqualTo(2));
    }

    [Test]
    public void Billion_laughs_is_refused_without_running_out_of_memory()
    {
        var lines = new List<string> { "a: &a [x, x, x, x, x, x, x, x, x, x]" };
        for (var c = 'b'; c <= 'j'; c++)
        {
            var previous = (char)(c - 1);
            lines.Add($"{c}: &{c} [{string.Join(", ", Enumerable.Repeat("*" + previous, 10))}]");
        }

        var file = YamlLoader.Load(string.Join('\n', lines), "bomb.yaml");
        Assert.That(file.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "DC0003" }));
        Assert.That(file.Root, Is.InstanceOf<YamlMapping>());
    }

    [Test]
    public void Deep_nesting_is_cut_with_a_diagnostic()
    {
        var text = new string('[', 10_000) + new string(']', 10_000);
        var file = YamlLoader.Load(text, "deep.yaml", new YamlLimits { MaxDepth = 100 });
        Assert.That(file.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "DC0003" }));
        Assert.That(file.Root, Is.InstanceOf<YamlSequence>());
    }

    [Test]
    public void Alias_to_an_undefined_anchor_is_an_error()
    {
        var file = YamlLoader.Load("a: *nothing\n", "compose.yaml");
        Assert.That(file.Diagnostics.Select(d => d.Id), Does.Contain("DC0001"));
    }

    [Test]
    public void Comments_are_kept_with_their_spans()
    {
        var (file, spans) = Load("{|#0:# dockerlint ignore=DC1001|}\nservices:\n  web:\n    privileged: true {|#1:# needed for docker-in-docker|}\n");
        Assert.That(file.Comments.Select(c => c.Span), Is.EqualTo(new[] { spans[0], spans[1] }));
        Assert.That(file.Comments[0].Text, Is.EqualTo("dockerlint ignore=DC1001"));
        Assert.That(file.Comments[0].IsInline, Is.False);
        Assert.That(file.Comments[1].IsInline, Is.True);
    }

    [Test]
    public void Comment_after_a_flow_sequence_is_not_an_error()
    {
        var file = YamlLoader.Load("a:\n  b: [1]  # c\n  d: 2\n", "compose.yaml");
        Assert.That(file.Diagnostics, Is.Empty);
        Assert.That(file.Comments.Single().Text, Is.EqualTo("c"));
        Assert.That(((YamlMapping)((YamlMapping)file.Root!)["a"]!).Entries.Select(e => e.Key.Value), Is.EqualTo(new[] { "b", "d" }));
    }

    [Test]
    public void Comments_in_flow_collections_and_after_anchors_and_document_markers_are_all_kept()
    {
        var file = YamlLoader.Load("--- # doc\na: &x # anchor\n  b: [1, # in flow\n    2]\nc: *x # alias\n... # end\n", "compose.yaml");
        Assert.That(file.Diagnostics, Is.Empty);
        Assert.That(file.Comments.Select(c => c.Text), Is.EqualTo(new[] { "doc", "anchor", "in flow", "alias", "end" }));
        Assert.That(((YamlSequence)((YamlMapping)((YamlMapping)file.Root!)["a"]!)["b"]!).Items.Select(i => ((YamlScalar)i).Value), Is.EqualTo(new[] { "1", "2" }));
    }

    [Test]
    public void Comments_after_a_structural_error_are_still_found()
    {
        // The parser stops at the list item on line 3 (the scanner reads on): the comment on line 4 is
        // read by a scanner pass of its own.
        var file = YamlLoader.Load("# before\na: 1\n- b\n# after\n", "compose.yaml");
        Assert.That(file.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "DC0001" }));
        Assert.That(file.Comments.Select(c => c.Text), Is.EqualTo(new[] { "before", "after" }));
    }

    [Test]
    public void Byte_order_mark_is_skipped_and_spans_stay_exact()
    {
        var (file, spans) = Load("\uFEFF{|#0:services|}: {}\n");
        Assert.That(Root(file).Entries.Single().Key.Value, Is.EqualTo("services"));
        Assert.That(Root(file).Entries.Single().Key.Span, Is.EqualTo(spans[0]));
    }

    [Test]
    public void Tags_are_kept()
    {
        var file = YamlLoader.Load("services:\n  web:\n    ports: !reset []\n    image: !!str 1.0\n    labels: !override {a: b}\n", "compose.yaml");
        var web = (YamlMapping)((YamlMapping)Root(file)["services"]!)["web"]!;
        Assert.That(web["ports"]!.Tag, Is.EqualTo("!reset"));
        Assert.That(web["labels"]!.Tag, Is.EqualTo("!override"));
        Assert.That(web["image"]!.Tag, Is.EqualTo("tag:yaml.org,2002:str"));
    }

    [Test]
    public void Unknown_tag_is_a_warning_on_the_node()
    {
        var (file, spans) = Load("services:\n  web:\n    image: !vault {|#0:secret/path|}\n    ports: !reset []\n    user: !!str app\n");
        var warning = file.Diagnostics.Single();
        Assert.That(warning.Id, Is.EqualTo("DC0004"));
        Assert.That(warning.Severity, Is.EqualTo(Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
        Assert.That(warning.Location.SourceSpan, Is.EqualTo(spans[0]));
        Assert.That(warning.GetMessage(), Does.Contain("!vault"));
    }

    [Test]
    public void Several_documents()
    {
        var file = YamlLoader.Load("services: {a: {}}\n---\nservices: {b: {}}\n", "compose.yaml");
        Assert.That(file.Documents, Has.Length.EqualTo(2));
    }

    [TestCase("", TestName = "empty file")]
    [TestCase("# only a comment\n", TestName = "only a comment")]
    public void Empty_files_have_no_document_and_no_error(string text)
    {
        var file = YamlLoader.Load(text, "compose.yaml");
        Assert.That(file.Root, Is.Null);
        Assert.That(file.Diagnostics, Is.Empty);
    }

    [TestCase("null", true)]
    [TestCase("~", true)]
    [TestCase("", true)]
    [TestCase("'null'", false)]
    [TestCase("nil", false)]
    public void Null_scalars(string value, bool isNull)
    {
        var file = YamlLoader.Load($"a: {value}\n", "compose.yaml");
        Assert.That(((YamlScalar)Root(file)["a"]!).IsNull, Is.EqualTo(isNull));
    }

    [Test]
    public void Never_throws_on_random_input()
    {
        var random = new Random(7);
        const string alphabet = "ab:-[]{}&*!|>'\"#\n  \t,?%@`<<\uFEFF";
        for (var i = 0; i < 2000; i++)
        {
            var chars = new char[random.Next(0, 80)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var file = YamlLoader.Load(new string(chars), "junk.yaml");
            Assert.That(file.Diagnostics.All(d => d.Location.SourceSpan.End <= chars.Length), Is.True);
        }
    }
}
