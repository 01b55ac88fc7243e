namespace DockerLint.Rules.Tests.Compose.Style;

public sealed class DC5006UnquotedPortTests
{
    private const string Id = "DC5006";

    [TestCase("services:\n  web:\n    image: a:1\n    ports:\n      - {|#0:8080:80|}\n    expose:\n      - {|#1:9000|}\n", TestName = "ports and expose")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup);

    [Test]
    public void Fires_on_the_other_quote_style_when_one_is_configured()
        => Lint.ComposeCatches(Id, "services:\n  web:\n    image: a:1\n    ports:\n      - {|#0:\"8080:80\"|}\n      - '8443:443'\n", options: Lint.Options(("quote-style", ["single"])));

    [TestCase("services:\n  web:\n    image: a:1\n    ports:\n      - \"8080:80\"\n      - '8443:443'\n      - target: 80\n        published: 8081\n", TestName = "quoted and long syntax")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
