namespace DockerLint.Rules.Tests.Compose.Style;

public sealed class DC5005DependenciesNotSortedTests
{
    private const string Id = "DC5005";

    [TestCase("services:\n  api:\n    image: a:1\n    depends_on: [redis, {|#0:db|}]\n", TestName = "list")]
    [TestCase("services:\n  api:\n    image: a:1\n    depends_on:\n      redis:\n        condition: service_started\n      {|#0:db|}:\n        condition: service_healthy\n", TestName = "mapping")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup);

    [TestCase("services:\n  api:\n    image: a:1\n    depends_on: [Cache, db]\n", TestName = "sorted ignoring case")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
