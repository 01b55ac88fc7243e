namespace DockerLint.Rules.Tests.Suppressions;

public sealed class DC5090InlineSuppressionTests
{
    private const string Id = "DC5090";

    [TestCase("services:\n  web:\n    {|#0:# dockerlint ignore=DC3001|}\n    image: nginx\n")]
    [TestCase("{|#0:# dockerlint global ignore=DC3001|}\nservices:\n  web:\n    image: nginx\n")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup);

    [TestCase("# the web stack\nservices:\n  web:\n    image: nginx:1.27\n")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
