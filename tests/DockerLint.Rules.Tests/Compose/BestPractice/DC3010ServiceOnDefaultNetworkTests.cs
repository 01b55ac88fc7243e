namespace DockerLint.Rules.Tests.Compose.BestPractice;

public sealed class DC3010ServiceOnDefaultNetworkTests
{
    private const string Id = "DC3010";

    [Test]
    public void Fires_on_the_service_without_networks()
    {
        var diagnostics = Lint.ComposeCatches(Id, "services:\n  web:\n    image: a:1\n    networks: [front, back]\n  db:\n    image: b:1\n    networks:\n      back: {}\n  {|#0:adminer|}:\n    image: c:1\nnetworks:\n  front: {}\n  back: {}\n");
        Assert.That(diagnostics.Single().GetMessage(), Does.Contain("The service 'adminer' joins no network, so it lands on 'default', while services 'web' and 'db' choose their networks"));
    }

    [Test]
    public void Fires_when_an_override_segments_the_other_services()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", "services:\n  web:\n    image: a:1\n  {|#0:worker|}:\n    image: b:1\n"),
            ("compose.override.yaml", "services:\n  web:\n    networks: [front]\nnetworks:\n  front: {}\n"));

    [TestCase("services:\n  a:\n    image: a:1\n  b:\n    image: b:1\n", TestName = "nobody chooses networks")]
    [TestCase("services:\n  a:\n    image: a:1\n    networks: [default]\n  b:\n    image: b:1\n", TestName = "only default chosen")]
    [TestCase("services:\n  a:\n    image: a:1\n    networks: [x]\n  b:\n    image: b:1\nnetworks:\n  x: {}\n  default:\n    name: shared\n", TestName = "default network configured")]
    [TestCase("services:\n  a:\n    image: a:1\n    networks: [x]\n  b:\n    image: b:1\n    network_mode: \"service:a\"\nnetworks:\n  x: {}\n", TestName = "network_mode")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
