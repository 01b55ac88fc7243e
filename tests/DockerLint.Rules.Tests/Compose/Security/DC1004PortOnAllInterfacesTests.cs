namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1004PortOnAllInterfacesTests
{
    private const string Id = "DC1004";

    private static string Ports(string items) => "services:\n  web:\n    image: a:1\n    ports:\n" + items;

    [TestCase("      - {|#0:\"8080:80\"|}\n", TestName = "no host address")]
    [TestCase("      - {|#0:8080:80|}\n", TestName = "unquoted")]
    [TestCase("      - {|#0:\"0.0.0.0:8080:80\"|}\n", TestName = "0.0.0.0")]
    [TestCase("      - {|#0:\"[::]:8080:80\"|}\n", TestName = "[::]")]
    [TestCase("      - {|#0:\"8000-8010:8000-8010\"|}\n", TestName = "range")]
    [TestCase("      - {|#0:\"0.0.0.0:8000-8010:80\"|}\n", TestName = "range on 0.0.0.0")]
    [TestCase("      - {|#0:{target: 80, published: \"8000-8010\", host_ip: \"::\"}|}\n", TestName = "long syntax, ::")]
    [TestCase("      - {|#0:\"8080:80/udp\"|}\n", TestName = "udp")]
    [TestCase("      - {|#0:\"3000\"|}\n", TestName = "bare container port: random host port")]
    [TestCase("      - {|#0:{target: 80, published: 8080}|}\n", TestName = "long syntax")]
    [TestCase("      - {|#0:{target: 80, published: 8080, host_ip: 0.0.0.0}|}\n", TestName = "long syntax, 0.0.0.0")]
    [TestCase("      - {|#0:{target: 80}|}\n", TestName = "long syntax, no published port")]
    [TestCase("      - {|#0:{target: 80, published: \"${WEB_PORT}\"}|}\n", TestName = "long syntax, unknown published port")]
    [TestCase("      - {|#0:\"${WEB_PORT:-8080}:80\"|}\n", TestName = "published port from a default")]
    [TestCase("      - {|#0:\"${FROM_ENV}:80\"|}\n", TestName = "published port from .env")]
    [TestCase("      - {|#0:\"${BIND_IP:-0.0.0.0}:8080:80\"|}\n", TestName = "0.0.0.0 from a default")]
    [TestCase("      - \"127.0.0.1:8443:443\"\n      - {|#0:\"8080:80\"|}\n", TestName = "only the unbound entry")]
    public void Fires(string items) => Lint.ComposeCatches(Id, Ports(items), "FROM_ENV=8080\n");

    [Test]
    public void Fires_saying_the_host_port_is_random()
        => Assert.That(Lint.ComposeCatches(Id, Ports("      - \"3000\"\n")).Single().GetMessage(), Does.Contain("'3000' is published on a random host port on all interfaces (service 'web')"));

    [Test]
    public void Fires_on_the_long_syntax_in_block_style()
        => Lint.ComposeCatches(Id, Ports("      - target: 80\n        published: \"8080\"\n"));

    [Test]
    public void Fires_once_for_ports_shared_through_an_anchor()
    {
        var diagnostics = Lint.ComposeCatches(Id, "x-ports: &ports\n  - {|#0:\"8080:80\"|}\nservices:\n  a:\n    image: a:1\n    ports: *ports\n  b:\n    image: b:1\n    ports: *ports\n");
        Assert.That(diagnostics.Single().GetMessage(), Does.Contain("services 'a' and 'b'"));
    }

    [Test]
    public void Fires_in_the_override_file_that_publishes_the_port()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", "services:\n  web:\n    image: a:1\n    ports:\n      - \"127.0.0.1:8080:80\"\n"),
            ("compose.override.yaml", "services:\n  web:\n    ports:\n      - {|#0:\"9090:90\"|}\n"));

    [TestCase("      - \"127.0.0.1:8080:80\"\n      - \"[::1]:8081:80\"\n      - \"10.0.0.5:8082:80\"\n", TestName = "bound to an address")]
    [TestCase("      - {target: 80, published: 8080, host_ip: 127.0.0.1}\n      - {target: 81, host_ip: 127.0.0.1}\n", TestName = "long syntax with host_ip")]
    [TestCase("      - \"${BIND_IP}:8080:80\"\n", TestName = "unknown host address")]
    [TestCase("      - \"${WEB_PORT}:80\"\n      - \"${WEB_PORT}\"\n", TestName = "unknown start may hold an address")]
    [TestCase("      - \"${BIND_IP:-127.0.0.1}:8080:80\"\n", TestName = "loopback from a default")]
    [TestCase("      - {target: 80, published: 8080, host_ip: \"${BIND_IP}\"}\n", TestName = "long syntax, unknown host_ip")]
    public void Stays_quiet(string items) => Lint.ComposeCatchesNot(Id, Ports(items));

    [TestCase("services:\n  web:\n    image: a:1\n    expose:\n      - \"80\"\n", TestName = "expose publishes nothing")]
    [TestCase("services:\n  web:\n    image: a:1\n    network_mode: host\n    ports:\n      - \"8080:80\"\n", TestName = "host network: ports are ignored")]
    [TestCase("services:\n  web:\n    image: a:1\n", TestName = "no ports")]
    public void Stays_quiet_without_published_ports(string yaml) => Lint.ComposeCatchesNot(Id, yaml);

    [Test]
    public void Stays_quiet_when_bound_through_env()
        => Lint.ComposeCatchesNot(Id, Ports("      - \"${BIND_IP}:8080:80\"\n"), "BIND_IP=127.0.0.1\n");
}
