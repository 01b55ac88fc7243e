namespace DockerLint.Rules.Tests.Compose.Correctness;

public sealed class DC2001UndefinedServiceTests
{
    private const string Id = "DC2001";

    [TestCase("services:\n  web:\n    image: a:1\n    depends_on:\n      - {|#0:databse|}\n  database:\n    image: b:1\n", TestName = "depends_on list")]
    [TestCase("services:\n  web:\n    image: a:1\n    depends_on:\n      {|#0:db|}:\n        condition: service_started\n", TestName = "depends_on mapping")]
    [TestCase("services:\n  web:\n    image: a:1\n    links:\n      - {|#0:db:database|}\n", TestName = "links with alias")]
    [TestCase("services:\n  web:\n    image: a:1\n    volumes_from:\n      - {|#0:data:ro|}\n", TestName = "volumes_from")]
    [TestCase("services:\n  web:\n    image: a:1\n    network_mode: {|#0:\"service:vpn\"|}\n", TestName = "network_mode service:")]
    [TestCase("services:\n  web:\n    image: a:1\n    pid: {|#0:service:other|}\n", TestName = "pid service:")]
    [TestCase("x-deps: &deps\n  depends_on: [{|#0:cache|}]\nservices:\n  a:\n    <<: *deps\n    image: a:1\n  b:\n    <<: *deps\n    image: b:1\n", TestName = "anchor: reported once where written")]
    [TestCase("services:\n  web:\n    image: a:1\n    depends_on:\n      - {|#0:${DEP}|}\n  db:\n    image: b:1\n", TestName = "interpolated name from .env")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup, "DEP=dbx\n");

    [TestCase("services:\n  web:\n    image: a:1\n    depends_on: [db]\n    links: [\"db:database\"]\n    volumes_from: [\"db:ro\", \"container:legacy\"]\n  db:\n    image: b:1\n", TestName = "every form defined")]
    [TestCase("services:\n  web:\n    image: a:1\n    network_mode: host\n    ipc: shareable\n", TestName = "network_mode host")]
    [TestCase("services:\n  web:\n    image: a:1\n    depends_on:\n      db:\n        condition: service_started\n        required: false\n", TestName = "required: false")]
    [TestCase("services:\n  web:\n    image: a:1\n    depends_on: [\"${UNKNOWN_DEP}\"]\n", TestName = "unknown variable")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);

    [Test]
    public void Stays_quiet_when_the_override_defines_the_service()
        => ComposeLint.CatchesNot(
            Id,
            ("compose.yaml", "services:\n  web:\n    image: a:1\n    depends_on: [db]\n"),
            ("compose.override.yaml", "services:\n  db:\n    image: postgres:16\n"));

    [Test]
    public void Stays_quiet_when_an_include_defines_the_service()
        => ComposeLint.CatchesNot(
            Id,
            ("compose.yaml", "include:\n  - db/compose.yaml\nservices:\n  web:\n    image: a:1\n    depends_on: [db]\n"),
            ("db/compose.yaml", "services:\n  db:\n    image: postgres:16\n"));

    [Test]
    public void Stays_quiet_in_an_overlay_file_linted_alone()
        => ComposeLint.CatchesNot(Id, ("compose.tests.yaml", "services:\n  tests:\n    image: a:1\n    depends_on: [frontend]\n"));

    [Test]
    public void Fires_in_the_file_extends_reads()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", "services:\n  web:\n    extends:\n      file: base.yml\n      service: base\n"),
            ("base.yml", "services:\n  base:\n    image: a:1\n    depends_on: [{|#0:db|}]\n"));
}
