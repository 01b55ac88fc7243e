using System.Globalization;
using DockerLint.Parser.Compose.Schema;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;

namespace DockerLint.Parser.Tests.Compose.Schema;

/// <summary>YAML 1.1 traps: booleans in string maps (DC0040) and base-60 ports (DC0041).</summary>
public sealed class YamlTrapsTests
{
    private static IReadOnlyList<Diagnostic> Find(string text)
    {
        var file = YamlLoader.Load(text, "compose.yaml");
        Assert.That(file.Diagnostics, Is.Empty, "the test input is valid YAML");
        return YamlTraps.Find(file.Root!);
    }

    /// <summary>Asserts exactly the marked spans are reported, each with <paramref name="id"/>.</summary>
    private static void Catches(string id, string markup)
    {
        var (text, spans) = Markup.Parse(markup);
        var diagnostics = Find(text);
        Assert.That(diagnostics.Select(d => d.Id), Is.All.EqualTo(id));
        Assert.That(diagnostics.Select(d => d.Location.SourceSpan), Is.EqualTo(spans.OrderBy(s => s.Key).Select(s => s.Value)));
        Assert.That(diagnostics.Select(d => d.Severity), Is.All.EqualTo(DiagnosticSeverity.Warning));
    }

    private static void CatchesNot(string text) => Assert.That(Find(text), Is.Empty);

    // ---- DC0040 -----------------------------------------------------------------------------

    [Test]
    public void Boolean_words_in_the_environment_mapping()
        => Catches("DC0040", "services:\n  web:\n    environment:\n      A: {|#0:yes|}\n      B: {|#1:Off|}\n      C: {|#2:TRUE|}\n      D: {|#3:n|}\n      E: {|#4:oN|}\n      F: yesterday\n      G: 1\n");

    [Test]
    public void Boolean_words_in_labels_and_build_args()
        => Catches("DC0040", "services:\n  web:\n    labels:\n      traefik.enable: {|#0:true|}\n    build:\n      args:\n        DEBUG: {|#1:no|}\n      labels: { a: {|#2:on|} }\n    deploy:\n      labels:\n        b: {|#3:false|}\nnetworks:\n  front:\n    labels:\n      c: {|#4:y|}\n");

    [Test]
    public void The_message_names_the_value()
    {
        var diagnostic = Find("services:\n  web:\n    environment:\n      DEBUG: yes\n").Single();
        Assert.That(diagnostic.GetMessage(CultureInfo.InvariantCulture), Is.EqualTo("'yes' is read as a boolean by YAML 1.1 parsers; quote it to keep the text"));
    }

    [TestCase("services:\n  web:\n    environment:\n      A: \"yes\"\n      B: 'off'\n      C: !!str on\n", TestName = "DC0040 quiet: quoted or tagged values")]
    [TestCase("services:\n  web:\n    environment:\n      - DEBUG=yes\n      - VERBOSE=true\n", TestName = "DC0040 quiet: the list form is one string")]
    [TestCase("services:\n  web:\n    privileged: yes\n    tty: true\n", TestName = "DC0040 quiet: keys that are not string maps")]
    [TestCase("x-env:\n  A: yes\nservices:\n  web:\n    image: nginx\n", TestName = "DC0040 quiet: extension fields")]
    public void Boolean_trap_stays_quiet(string text) => CatchesNot(text);

    [Test]
    public void A_value_merged_into_two_services_is_reported_once_where_it_is_written()
        => Catches("DC0040", "x-env: &env\n  DEBUG: {|#0:on|}\nservices:\n  a:\n    environment: *env\n  b:\n    environment:\n      <<: *env\n");

    // ---- DC0041 -----------------------------------------------------------------------------

    [Test]
    public void Ports_that_yaml_1_1_reads_as_base_60()
        => Catches("DC0041", "services:\n  ssh:\n    ports:\n      - {|#0:22:22|}\n      - {|#1:5:30|}\n      - {|#2:2222:22|}\n      - 8080:80\n      - \"21:21\"\n    expose:\n      - {|#3:10:20|}\n");

    [Test]
    public void The_sexagesimal_message_names_the_port()
    {
        var diagnostic = Find("services:\n  ssh:\n    ports: [22:22]\n").Single();
        Assert.That(diagnostic.GetMessage(CultureInfo.InvariantCulture), Is.EqualTo("'22:22' is a base-60 number for YAML 1.1 parsers; quote ports written as HOST:CONTAINER"));
    }

    [TestCase("8080:80")]
    [TestCase("\"22:22\"")]
    [TestCase("'5:30'")]
    [TestCase("127.0.0.1:22:22")]
    [TestCase("22")]
    [TestCase("0:22")]
    [TestCase("22:22/udp")]
    [TestCase("${SSH_PORT}:22")]
    [TestCase("9000-9010:9000-9010")]
    public void Port_trap_stays_quiet(string port) => CatchesNot($"services:\n  web:\n    ports:\n      - {port}\n");

    [TestCase("22:22", true)]
    [TestCase("1:2:3", true)]
    [TestCase("190:20:30", true)]
    [TestCase("1_000:59", true)]
    [TestCase("22:60", false)]
    [TestCase("022:22", false)]
    [TestCase("22:", false)]
    public void Yaml11_sexagesimal(string text, bool expected) => Assert.That(YamlTraps.IsYaml11Sexagesimal(text), Is.EqualTo(expected));

    [TestCase("yes", true)]
    [TestCase("NO", true)]
    [TestCase("Y", true)]
    [TestCase("oFF", true)]
    [TestCase("yess", false)]
    [TestCase("1", false)]
    [TestCase("", false)]
    public void Yaml11_boolean(string text, bool expected) => Assert.That(YamlTraps.IsYaml11Boolean(text), Is.EqualTo(expected));

    [Test]
    public void A_document_that_is_not_a_mapping_has_no_traps()
        => CatchesNot("- a\n- b\n");
}
