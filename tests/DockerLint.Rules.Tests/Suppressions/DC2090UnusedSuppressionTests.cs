namespace DockerLint.Rules.Tests.Suppressions;

public sealed class DC2090UnusedSuppressionTests
{
    private const string Id = "DC2090";

    [TestCase("services:\n  web:\n    # dockerlint ignore={|#0:DC1001|}\n    image: nginx:1.27\n")]
    [TestCase("# dockerlint global ignore={|#0:DC3001|}\nservices:\n  web:\n    image: nginx:1.27\n")]
    [TestCase("services:\n  web:\n    image: nginx:1.27\n    ports:\n      # dockerlint ignore={|#0:DC1004|}\n      - \"127.0.0.1:8080:80\"\n")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup);

    [TestCase("services:\n  web:\n    # dockerlint ignore=DC3001\n    image: nginx\n")]
    [TestCase("services:\n  web:\n    image: nginx:1.27\n    # a note about user: root\n    user: \"1000\"\n")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
