namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1003SensitivePortPublishedTests
{
    private const string Id = "DC1003";

    private static string Ports(string items) => "services:\n  box:\n    image: a:1\n    ports:\n" + items;

    [TestCase("      - {|#0:\"22:22\"|}\n", TestName = "SSH")]
    [TestCase("      - {|#0:\"2222:22\"|}\n", TestName = "SSH on another host port")]
    [TestCase("      - {|#0:\"22\"|}\n", TestName = "bare container port: random host port")]
    [TestCase("      - {|#0:\"22:8080\"|}\n", TestName = "host port 22")]
    [TestCase("      - {|#0:\"23:23\"|}\n", TestName = "Telnet")]
    [TestCase("      - {|#0:\"0.0.0.0:3389:3389\"|}\n", TestName = "RDP on 0.0.0.0")]
    [TestCase("      - {|#0:\"3389:3389/udp\"|}\n", TestName = "RDP over UDP")]
    [TestCase("      - {|#0:\"5901:5901\"|}\n", TestName = "VNC display 1")]
    [TestCase("      - {|#0:\"5800-5905:5800-5905\"|}\n", TestName = "a range that covers VNC")]
    [TestCase("      - {|#0:\"2376:2376\"|}\n", TestName = "Docker API with TLS")]
    [TestCase("      - {|#0:\"127.0.0.1:2375:2375\"|}\n", TestName = "Docker API without TLS, even on loopback")]
    [TestCase("      - {|#0:\"${DOCKER_BIND}:2375:2375\"|}\n", TestName = "Docker API without TLS, unknown address")]
    [TestCase("      - {|#0:{target: 22, published: 2222}|}\n", TestName = "long syntax")]
    [TestCase("      - {|#0:{target: 22}|}\n", TestName = "long syntax, no published port")]
    [TestCase("      - {|#0:\"${SSH_PORT:-2222}:22\"|}\n", TestName = "published port from a default")]
    [TestCase("      - {|#0:\"${SSH_PORT}:22\"|}\n", TestName = "published port from .env")]
    [TestCase("      - \"8080:80\"\n      - {|#0:\"2222:22\"|}\n", TestName = "only the sensitive entry")]
    public void Fires(string items) => Lint.ComposeCatches(Id, Ports(items), "SSH_PORT=2222\n");

    [Test]
    public void Fires_on_the_long_syntax_in_block_style()
        => Assert.That(Lint.ComposeCatches(Id, Ports("      - target: 3389\n        published: \"13389\"\n        protocol: tcp\n")).Single().GetMessage(), Does.Contain("RDP (container port 3389)"));

    [Test]
    public void Fires_once_for_ports_shared_through_an_anchor()
        => Lint.ComposeCatches(Id, "x-ports: &ports\n  - {|#0:\"2222:22\"|}\nservices:\n  a:\n    image: a:1\n    ports: *ports\n  b:\n    image: b:1\n    ports: *ports\n");

    [Test]
    public void Fires_in_the_override_file_that_publishes_the_port()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", "services:\n  box:\n    image: a:1\n"),
            ("compose.override.yaml", "services:\n  box:\n    ports:\n      - {|#0:\"5900:5900\"|}\n"));

    [TestCase("      - \"8080:80\"\n      - \"5984:5984\"\n      - \"2377:2377\"\n", TestName = "other ports")]
    [TestCase("      - \"127.0.0.1:2222:22\"\n      - \"[::1]:5900:5900\"\n", TestName = "loopback")]
    [TestCase("      - {target: 22, published: 2222, host_ip: 127.0.0.1}\n", TestName = "loopback, long syntax")]
    [TestCase("      - \"22:22/udp\"\n      - \"5900:5900/sctp\"\n", TestName = "other protocols")]
    [TestCase("      - \"${SSH_PORT}:22\"\n", TestName = "unknown host part may hold a loopback address")]
    [TestCase("      - \"${BIND_IP}:2222:22\"\n", TestName = "unknown host address")]
    [TestCase("      - \"${PORT}\"\n", TestName = "unknown port")]
    public void Stays_quiet(string items) => Lint.ComposeCatchesNot(Id, Ports(items));

    [Test]
    public void Stays_quiet_on_expose()
        => Lint.ComposeCatchesNot(Id, "services:\n  box:\n    image: a:1\n    expose:\n      - \"22\"\n      - \"2375\"\n");
}
