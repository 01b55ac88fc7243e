namespace DockerLint.Rules.Tests.Compose.BestPractice;

public sealed class DC3022MissingProjectNameTests
{
    private const string Id = "DC3022";

    [TestCase("# comment\n{|#0:services|}:\n  web:\n    image: nginx:1.27\n", TestName = "no name")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup);

    [TestCase("name: shop\nservices:\n  web:\n    image: nginx:1.27\n", TestName = "a name")]
    [TestCase("name: ${PROJECT}\nservices:\n  web:\n    image: nginx:1.27\n", TestName = "an unknown name")]
    [TestCase("networks:\n  shared:\n", TestName = "no services")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);

    [Test]
    public void Stays_quiet_when_the_override_names_the_project()
        => ComposeLint.CatchesNot(Id, ("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n"), ("compose.override.yaml", "name: shop\n"));
}
