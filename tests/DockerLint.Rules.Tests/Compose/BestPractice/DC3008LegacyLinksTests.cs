namespace DockerLint.Rules.Tests.Compose.BestPractice;

public sealed class DC3008LegacyLinksTests
{
    private const string Id = "DC3008";

    [TestCase("services:\n  a:\n    image: a:1\n    {|#0:links|}:\n      - db\n  db:\n    image: b:1\n", TestName = "list")]
    [TestCase("services:\n  a:\n    image: a:1\n    {|#0:links|}: [\"db:database\"]\n  db:\n    image: b:1\n", TestName = "alias")]
    public void Fires(string yaml) => Lint.ComposeCatches(Id, yaml);

    [TestCase("services:\n  a:\n    image: a:1\n    external_links:\n      - redis\n", TestName = "external links")]
    [TestCase("services:\n  a:\n    image: a:1\n    depends_on: [db]\n  db:\n    image: b:1\n", TestName = "depends_on")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
