namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1005PrivilegedServiceTests
{
    private const string Id = "DC1005";

    [TestCase("services:\n  a:\n    image: a:1\n    privileged: {|#0:true|}\n", TestName = "true")]
    [TestCase("services:\n  a:\n    image: a:1\n    privileged: {|#0:\"true\"|}\n", TestName = "quoted")]
    [TestCase("services:\n  a:\n    image: a:1\n    privileged: {|#0:\"${PRIV:-true}\"|}\n", TestName = "default")]
    [TestCase("services:\n  a:\n    image: a:1\n    privileged: {|#0:${FROM_ENV}|}\n", TestName = "from .env")]
    public void Fires(string yaml) => Lint.ComposeCatches(Id, yaml, "FROM_ENV=true\n");

    [Test]
    public void Fires_once_on_an_anchor_naming_every_service()
    {
        var diagnostics = Lint.ComposeCatches(Id, "x-base: &base\n  privileged: {|#0:true|}\nservices:\n  a:\n    <<: *base\n    image: a:1\n  b:\n    <<: *base\n    image: b:1\n");
        Assert.That(diagnostics.Single().GetMessage(), Does.Contain("services 'a' and 'b'"));
    }

    [Test]
    public void Fires_in_the_file_extended()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", "services:\n  web:\n    extends:\n      file: base.yaml\n      service: base\n    image: a:1\n"),
            ("base.yaml", "services:\n  base:\n    privileged: {|#0:true|}\n"));

    [TestCase("services:\n  a:\n    image: a:1\n    privileged: false\n", TestName = "false")]
    [TestCase("services:\n  a:\n    image: a:1\n    privileged: ${PRIV}\n", TestName = "unknown")]
    [TestCase("services:\n  a:\n    image: a:1\n", TestName = "absent")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
