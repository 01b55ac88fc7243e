namespace DockerLint.Rules.Tests.Compose.BestPractice;

public sealed class DC3021ObsoleteVersionTests
{
    private const string Id = "DC3021";

    [TestCase("{|#0:version|}: \"3.8\"\nservices:\n  web:\n    image: nginx:1.27\n", TestName = "quoted")]
    [TestCase("{|#0:version|}: '2.4'\nservices: {}\n", TestName = "2.x")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup);

    [Test]
    public void Fires_in_each_file_that_has_it()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", "{|#0:version|}: \"3\"\nservices:\n  web:\n    image: nginx:1.27\n"),
            ("compose.override.yaml", "{|#1:version|}: \"3\"\nservices:\n  web:\n    restart: always\n"));

    [TestCase("services:\n  web:\n    image: nginx:1.27\n    labels:\n      version: \"1\"\n", TestName = "a label named version")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
