namespace DockerLint.Rules.Tests.Suppressions;

public sealed class DC2091UnknownSuppressionIdTests
{
    private const string Id = "DC2091";

    [TestCase("services:\n  web:\n    # dockerlint ignore={|#0:DC30001|}\n    image: nginx\n")]
    [TestCase("services:\n  web:\n    image: nginx  {|#0:# dockerlint ignroe=DC3001|}\n")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup);

    [TestCase("services:\n  web:\n    # dockerlint ignore=dclint:service-image-require-explicit-tag\n    image: nginx\n")]
    [TestCase("services:\n  web:\n    # dockerlint ignore=DC3001\n    image: nginx\n")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
