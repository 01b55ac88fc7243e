namespace DockerLint.Rules.Tests.Compose.Style;

public sealed class DC5003ServicesNotSortedTests
{
    private const string Id = "DC5003";

    [TestCase("services:\n  web:\n    image: a:1\n  {|#0:api|}:\n    image: a:1\n  db:\n    image: a:1\n  {|#1:cache|}:\n    image: a:1\n", TestName = "each inversion once")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup);

    [TestCase("services:\n  API:\n    image: a:1\n  db:\n    image: a:1\n  Web:\n    image: a:1\n", TestName = "sorted ignoring case")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);

    [Test]
    public void Stays_quiet_when_each_file_is_sorted()
        => ComposeLint.CatchesNot(Id, ("compose.yaml", "services:\n  web:\n    image: a:1\n"), ("compose.override.yaml", "services:\n  api:\n    image: a:1\n"));
}
