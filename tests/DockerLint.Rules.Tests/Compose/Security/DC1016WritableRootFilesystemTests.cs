namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1016WritableRootFilesystemTests
{
    private const string Id = "DC1016";

    [TestCase("services:\n  {|#0:a|}:\n    image: a:1\n", TestName = "missing")]
    [TestCase("services:\n  a:\n    image: a:1\n    read_only: {|#0:false|}\n", TestName = "false")]
    [TestCase("services:\n  a:\n    image: a:1\n    read_only: {|#0:\"${RO:-false}\"|}\n", TestName = "false by default")]
    public void Fires(string yaml) => Lint.ComposeCatches(Id, yaml);

    [TestCase("services:\n  a:\n    image: a:1\n    read_only: true\n", TestName = "true")]
    [TestCase("services:\n  a:\n    image: a:1\n    read_only: ${RO}\n", TestName = "unknown")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);

    [Test]
    public void Stays_quiet_when_an_anchor_sets_it()
        => Lint.ComposeCatchesNot(Id, "x-h: &h\n  read_only: true\nservices:\n  a:\n    <<: *h\n    image: a:1\n");
}
