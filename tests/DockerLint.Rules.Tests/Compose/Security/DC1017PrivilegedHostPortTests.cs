namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1017PrivilegedHostPortTests
{
    private const string Id = "DC1017";

    private static string Ports(string items) => "services:\n  web:\n    image: a:1\n    ports:\n" + items;

    [TestCase("      - {|#0:\"80:8080\"|}\n", TestName = "80")]
    [TestCase("      - {|#0:\"127.0.0.1:443:8443\"|}\n", TestName = "with an address")]
    [TestCase("      - {|#0:\"1000-1100:1000-1100\"|}\n", TestName = "range starting below 1024")]
    [TestCase("      - {|#0:{target: 8080, published: 80}|}\n", TestName = "long syntax")]
    [TestCase("      - {|#0:\"${HTTP_PORT:-80}:8080\"|}\n", TestName = "default")]
    public void Fires(string items) => Lint.ComposeCatches(Id, Ports(items));

    [TestCase("      - \"8080:80\"\n", TestName = "high host port, low container port")]
    [TestCase("      - \"80\"\n", TestName = "bare container port")]
    [TestCase("      - \"${HTTP_PORT}:80\"\n", TestName = "unknown")]
    public void Stays_quiet(string items) => Lint.ComposeCatchesNot(Id, Ports(items));

    [Test]
    public void Stays_quiet_on_the_host_network()
        => Lint.ComposeCatchesNot(Id, "services:\n  web:\n    image: a:1\n    network_mode: host\n    ports:\n      - \"80:80\"\n");
}
