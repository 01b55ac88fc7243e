namespace DockerLint.Rules.Tests.Compose.Correctness;

public sealed class DC2002UndefinedResourceTests
{
    private const string Id = "DC2002";

    [TestCase("services:\n  api:\n    image: a:1\n    networks: [{|#0:backend|}]\n", TestName = "network, list form")]
    [TestCase("services:\n  api:\n    image: a:1\n    networks:\n      {|#0:backend|}:\n        aliases: [api]\nnetworks:\n  front:\n", TestName = "network, mapping form")]
    [TestCase("services:\n  api:\n    image: a:1\n    volumes:\n      - {|#0:data:/var/lib/api|}\n", TestName = "named volume, short syntax")]
    [TestCase("services:\n  api:\n    image: a:1\n    volumes:\n      - type: volume\n        source: {|#0:data|}\n        target: /data\n", TestName = "named volume, long syntax")]
    [TestCase("services:\n  api:\n    image: a:1\n    secrets: [{|#0:db_password|}]\n", TestName = "secret, short syntax")]
    [TestCase("services:\n  api:\n    image: a:1\n    secrets:\n      - source: {|#0:db_password|}\n        target: pw\n", TestName = "secret, long syntax")]
    [TestCase("services:\n  api:\n    image: a:1\n    configs: [{|#0:nginx_conf|}]\nsecrets:\n  nginx_conf:\n    file: ./x\n", TestName = "config declared as a secret only")]
    [TestCase("services:\n  api:\n    build:\n      context: .\n      secrets: [{|#0:npmrc|}]\n", TestName = "build secret")]
    [TestCase("services:\n  api:\n    image: a:1\n    volumes:\n      - {|#0:${VOL}:/data|}\n", TestName = "volume name from .env")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup, "VOL=cache\n");

    [TestCase("services:\n  api:\n    image: a:1\n    networks: [default, backend]\n    volumes:\n      - data:/data\n      - ./src:/src\n      - /var/run/x.sock:/x.sock\n      - /anonymous\n    secrets: [pw]\n    configs: [conf]\nnetworks:\n  backend:\nvolumes:\n  data:\nsecrets:\n  pw:\n    file: ./pw\nconfigs:\n  conf:\n    file: ./c\n", TestName = "everything declared")]
    [TestCase("services:\n  api:\n    image: a:1\n    volumes:\n      - ${DATA_DIR}:/data\n", TestName = "unknown source")]
    [TestCase("services:\n  api:\n    image: a:1\n    volumes:\n      - type: bind\n        source: ./x\n        target: /x\n      - type: tmpfs\n        target: /tmp\n", TestName = "bind and tmpfs, long syntax")]
    [TestCase("services:\n  api:\n    image: a:1\n    network_mode: host\n", TestName = "network_mode")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);

    [Test]
    public void Stays_quiet_in_a_fragment_that_declares_no_networks()
        => ComposeLint.CatchesNot(Id, ("compose_components.yaml", "services:\n  api:\n    image: a:1\n    networks: [backend]\n"));

    [Test]
    public void Stays_quiet_when_the_override_declares_the_network()
        => ComposeLint.CatchesNot(
            Id,
            ("compose.yaml", "services:\n  api:\n    image: a:1\n    networks: [backend]\n"),
            ("compose.override.yaml", "networks:\n  backend:\n    external: true\n"));
}
