namespace DockerLint.Rules.Tests.Compose.Correctness;

public sealed class DC2004DuplicateContainerNameTests
{
    private const string Id = "DC2004";

    [TestCase("services:\n  a:\n    image: a:1\n    container_name: db\n  b:\n    image: a:1\n    container_name: {|#0:db|}\n", TestName = "same literal")]
    [TestCase("services:\n  a:\n    image: a:1\n    container_name: app-db\n  b:\n    image: a:1\n    container_name: {|#0:${PREFIX}-db|}\n", TestName = "same after interpolation")]
    [TestCase("services:\n  a:\n    image: a:1\n    container_name: db\n    profiles: [prod, dev]\n  b:\n    image: a:1\n    container_name: {|#0:db|}\n    profiles: [dev]\n", TestName = "profiles that overlap")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup, "PREFIX=app\n");

    [TestCase("services:\n  a:\n    image: a:1\n    container_name: db\n  b:\n    image: a:1\n    container_name: db2\n", TestName = "different names")]
    [TestCase("services:\n  a:\n    image: a:1\n    container_name: db\n    profiles: [prod]\n  b:\n    image: a:1\n    container_name: db\n    profiles: [dev]\n", TestName = "alternatives in different profiles")]
    [TestCase("services:\n  a:\n    image: a:1\n    container_name: ${X}\n  b:\n    image: a:1\n    container_name: ${X}\n", TestName = "unknown values")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);

    [Test]
    public void Fires_when_an_override_copies_the_name()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", "services:\n  a:\n    image: a:1\n    container_name: db\n"),
            ("compose.override.yaml", "services:\n  b:\n    image: a:1\n    container_name: {|#0:db|}\n"));
}
