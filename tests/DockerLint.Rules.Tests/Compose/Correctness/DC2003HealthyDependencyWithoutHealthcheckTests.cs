namespace DockerLint.Rules.Tests.Compose.Correctness;

public sealed class DC2003HealthyDependencyWithoutHealthcheckTests
{
    private const string Id = "DC2003";

    private const string Web = "services:\n  web:\n    image: a:1\n    depends_on:\n      {|#0:api|}:\n        condition: service_healthy\n";

    [Test]
    public void Fires_when_the_Dockerfile_has_no_HEALTHCHECK()
        => ComposeLint.Catches(Id, ("compose.yaml", Web + "  api:\n    build: ./api\n"), ("api/Dockerfile", "FROM alpine:3.20\nCMD [\"api\"]\n"));

    [Test]
    public void Fires_when_the_target_stage_has_none()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", Web + "  api:\n    build:\n      context: api\n      target: dev\n"),
            ("api/Dockerfile", "FROM alpine:3.20 AS dev\nCMD [\"dev\"]\nFROM alpine:3.20\nHEALTHCHECK CMD true\n"));

    [Test]
    public void Fires_on_HEALTHCHECK_NONE()
        => ComposeLint.Catches(Id, ("compose.yaml", Web + "  api:\n    build: ./api\n"), ("api/Dockerfile", "FROM example/base:1\nHEALTHCHECK NONE\n"));

    [TestCase("  api:\n    image: b:1\n    healthcheck:\n      disable: true\n", TestName = "Fires on a disabled Compose check")]
    [TestCase("  api:\n    build:\n      dockerfile_inline: |\n        FROM alpine:3.20\n        CMD [\"api\"]\n", TestName = "Fires on an inline Dockerfile")]
    public void Fires(string api) => Lint.ComposeCatches(Id, Web + api);

    [Test]
    public void Fires_through_an_anchor_and_an_override()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", "x-wait: &wait\n  depends_on:\n    {|#0:api|}:\n      condition: service_healthy\nservices:\n  web:\n    <<: *wait\n    image: a:1\n  api:\n    image: b:1\n"),
            ("compose.override.yaml", "services:\n  api:\n    build: ./api\n"),
            ("api/Dockerfile", "FROM alpine:3.20\n"));

    [Test]
    public void Stays_quiet_when_the_Dockerfile_defines_one()
        => ComposeLint.CatchesNot(Id, ("compose.yaml", Web.Replace("{|#0:", "").Replace("|}", "") + "  api:\n    build: ./api\n"), ("api/Dockerfile", "FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nFROM base\n"));

    [TestCase("  api:\n    image: b:1\n", TestName = "an image (its HEALTHCHECK is unknown)")]
    [TestCase("  api:\n    image: b:1\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n", TestName = "a Compose check")]
    [TestCase("  api:\n    build: ./missing\n", TestName = "a Dockerfile that cannot be read")]
    [TestCase("  api:\n    build: https://github.com/example/api.git\n", TestName = "a remote context")]
    public void Stays_quiet(string api) => Lint.ComposeCatchesNot(Id, Web.Replace("{|#0:", "").Replace("|}", "") + api);
}
