namespace DockerLint.Rules.Tests.Compose.BestPractice;

public sealed class DC3024TargetStageWithoutHealthcheckTests
{
    private const string Id = "DC3024";

    private const string Dockerfile = "FROM alpine:3.20 AS base\nFROM base AS dev\nFROM base AS quiet\nHEALTHCHECK NONE\nFROM base AS checked\nHEALTHCHECK CMD true\nFROM checked AS child\nFROM base AS final\nHEALTHCHECK CMD true\n";

    [Test]
    public void Fires()
        => ComposeLint.Catches(Id, ("compose.yaml", "services:\n  api:\n    build:\n      context: api\n      target: {|#0:dev|}\n"), ("api/Dockerfile", Dockerfile));

    [Test]
    public void Fires_with_a_target_from_an_anchor()
        => ComposeLint.Catches(Id, ("compose.yaml", "x-dev: &dev\n  context: api\n  target: {|#0:dev|}\nservices:\n  a:\n    build: *dev\n  b:\n    build: *dev\n"), ("api/Dockerfile", Dockerfile));

    [TestCase("      target: child\n", TestName = "inherited from the stage it is built on")]
    [TestCase("      target: quiet\n", TestName = "HEALTHCHECK NONE is a decision")]
    [TestCase("      target: final\n", TestName = "the last stage is DF3002's")]
    [TestCase("      target: dev\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n", TestName = "a Compose health check")]
    [TestCase("      target: dev\n    healthcheck:\n      disable: true\n", TestName = "a disabled Compose check is DC3002's")]
    public void Stays_quiet(string tail)
        => ComposeLint.CatchesNot(Id, ("compose.yaml", "services:\n  api:\n    build:\n      context: api\n" + tail), ("api/Dockerfile", Dockerfile));
}
