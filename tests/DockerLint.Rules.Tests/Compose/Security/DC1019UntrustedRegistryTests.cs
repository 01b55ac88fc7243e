using DockerLint.Rules.Engine;

namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1019UntrustedRegistryTests
{
    private const string Id = "DC1019";

    private static RuleOptions Trusted(params string[] registries) => Lint.Options(("trusted-registries", registries));

    [TestCase("image: {|#0:quay.io|}/example/app:1.2", TestName = "another registry, on the registry")]
    [TestCase("image: {|#0:postgres:17|}", TestName = "Docker Hub without a registry")]
    [TestCase("image: {|#0:bitnami/redis:7.4|}", TestName = "Docker Hub user image")]
    [TestCase("image: \"{|#0:ghcr.io|}/a/b:1\"", TestName = "quoted")]
    [TestCase("image: {|#0:\"${REGISTRY:-quay.io}/app:1\"|}", TestName = "registry from a default")]
    [TestCase("image: {|#0:registry.example.com:5001|}/app:1", TestName = "another port of a host with a port entry")]
    public void Fires(string line) => Lint.ComposeCatches(Id, $"services:\n  a:\n    {line}\n", options: Trusted("registry.example.com:5000", "*.corp.example"));

    [Test]
    public void Fires_saying_where_the_image_comes_from()
        => Assert.That(
            Lint.ComposeCatches(Id, "services:\n  a:\n    image: postgres:17\n", options: Trusted("ghcr.io")).Single().GetMessage(),
            Does.Contain("comes from Docker Hub (docker.io), which is not in trusted-registries (ghcr.io)"));

    [TestCase("image: registry.example.com:5000/app:1", TestName = "trusted host and port")]
    [TestCase("image: mirror.corp.example/app:1", TestName = "wildcard")]
    [TestCase("image: ${REGISTRY}/app:1", TestName = "unknown registry")]
    [TestCase("build: .\n    image: quay.io/team/app:1", TestName = "built image")]
    public void Stays_quiet(string line) => Lint.ComposeCatchesNot(Id, $"services:\n  a:\n    {line}\n", options: Trusted("registry.example.com:5000", "*.corp.example"));

    [Test]
    public void Stays_quiet_without_the_option() => Lint.ComposeCatchesNot(Id, "services:\n  a:\n    image: quay.io/x/y:1\n");

    [Test]
    public void Stays_quiet_on_Docker_Hub_when_trusted()
        => Lint.ComposeCatchesNot(Id, "services:\n  a:\n    image: postgres:17\n  b:\n    image: docker.io/library/redis:7\n", options: Trusted("docker.io"));
}
