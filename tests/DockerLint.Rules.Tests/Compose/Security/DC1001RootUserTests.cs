namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1001RootUserTests
{
    private const string Id = "DC1001";

    [TestCase("services:\n  app:\n    image: a:1\n    user: {|#0:root|}\n", TestName = "user: root")]
    [TestCase("services:\n  app:\n    image: a:1\n    user: {|#0:0|}\n", TestName = "user: 0 (a YAML integer)")]
    [TestCase("services:\n  app:\n    image: a:1\n    user: {|#0:\"0:0\"|}\n", TestName = "user: 0:0")]
    [TestCase("services:\n  app:\n    image: a:1\n    user: {|#0:root:root|}\n", TestName = "user: root:root")]
    [TestCase("services:\n  app:\n    image: a:1\n    user: {|#0:${RUNAS}|}\n", TestName = "through .env")]
    [TestCase("x-root: &root\n  user: {|#0:root|}\nservices:\n  a:\n    <<: *root\n    image: a:1\n", TestName = "through an anchor, reported where written")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup, "RUNAS=root\n");

    [TestCase("services:\n  app:\n    image: a:1\n    user: \"10001:10001\"\n", TestName = "numeric user")]
    [TestCase("services:\n  app:\n    image: a:1\n    user: node\n", TestName = "named user")]
    [TestCase("services:\n  app:\n    image: a:1\n", TestName = "no user")]
    [TestCase("services:\n  app:\n    image: a:1\n    user: ${APP_USER}\n", TestName = "unknown user")]
    [TestCase("services:\n  app:\n    image: a:1\n    user: rootless\n", TestName = "a name that starts with root")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
