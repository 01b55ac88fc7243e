namespace DockerLint.Rules.Tests.Compose.Style;

public sealed class DC5004PortsNotSortedTests
{
    private const string Id = "DC5004";

    [TestCase("services:\n  web:\n    image: a:1\n    ports:\n      - \"8443:443\"\n      - {|#0:\"8080:80\"|}\n", TestName = "short syntax")]
    [TestCase("services:\n  web:\n    image: a:1\n    ports:\n      - \"9000\"\n      - {|#0:target: 80\n        published: \"8080\"|}\n", TestName = "long syntax")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup);

    [TestCase("services:\n  web:\n    image: a:1\n    ports:\n      - \"127.0.0.1:80:8080\"\n      - \"${PORT}:1\"\n      - \"443:443\"\n", TestName = "sorted by published port, unknown skipped")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
