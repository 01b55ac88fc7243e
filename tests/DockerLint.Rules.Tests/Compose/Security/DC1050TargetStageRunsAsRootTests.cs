namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1050TargetStageRunsAsRootTests
{
    private const string Id = "DC1050";

    private const string Dockerfile = "FROM node:22 AS base\nWORKDIR /app\nFROM base AS dev\nCMD [\"npm\", \"run\", \"dev\"]\nFROM base AS debug\nUSER root\nFROM base\nUSER node\n";

    [TestCase("dev", TestName = "a stage with no USER")]
    [TestCase("debug", TestName = "a stage that ends with USER root")]
    [TestCase("DEV", TestName = "a stage named in other case")]
    public void Fires(string target)
        => ComposeLint.Catches(Id, ("compose.yaml", $"services:\n  api:\n    build:\n      context: api\n      target: {{|#0:{target}|}}\n"), ("api/Dockerfile", Dockerfile));

    [Test]
    public void Fires_on_a_target_from_the_override_and_env()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", "services:\n  api:\n    build: api\n"),
            ("compose.override.yaml", "services:\n  api:\n    build:\n      target: {|#0:${API_TARGET}|}\n"),
            (".env", "API_TARGET=dev\n"),
            ("api/Dockerfile", Dockerfile));

    [TestCase("services:\n  api:\n    build:\n      context: api\n      target: dev\n    user: \"1000\"\n", TestName = "the service sets a user")]
    [TestCase("services:\n  api:\n    build:\n      context: api\n      target: dev\n    user: root\n", TestName = "user: root is DC1001's")]
    [TestCase("services:\n  api:\n    build: api\n", TestName = "no target: the final stage is DF1001's")]
    [TestCase("services:\n  api:\n    build:\n      context: api\n      target: final\n", TestName = "the final stage named")]
    [TestCase("services:\n  api:\n    build:\n      context: api\n      target: ${UNKNOWN_TARGET}\n", TestName = "an unknown target")]
    public void Stays_quiet(string yaml)
        => ComposeLint.CatchesNot(Id, ("compose.yaml", yaml), ("api/Dockerfile", Dockerfile.Replace("FROM base\nUSER node", "FROM base AS final\nUSER node")));

    [Test]
    public void Stays_quiet_on_a_target_that_switches_user_in_its_base()
        => Lint.ComposeCatchesNot(Id, "services:\n  api:\n    build:\n      target: dev\n      dockerfile_inline: |\n        FROM node:22 AS base\n        USER node\n        FROM base AS dev\n        FROM base\n");
}
