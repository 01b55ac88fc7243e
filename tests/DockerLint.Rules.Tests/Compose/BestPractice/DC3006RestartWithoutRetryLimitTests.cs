namespace DockerLint.Rules.Tests.Compose.BestPractice;

public sealed class DC3006RestartWithoutRetryLimitTests
{
    private const string Id = "DC3006";

    [TestCase("services:\n  a:\n    image: a:1\n    restart: {|#0:on-failure|}\n", TestName = "on-failure")]
    [TestCase("services:\n  a:\n    image: a:1\n    restart: {|#0:\"${RESTART:-on-failure}\"|}\n", TestName = "default")]
    [TestCase("services:\n  a:\n    image: a:1\n    deploy:\n      restart_policy:\n        condition: {|#0:on-failure|}\n", TestName = "deploy on-failure")]
    public void Fires(string yaml) => Lint.ComposeCatches(Id, yaml);

    [TestCase("restart: on-failure:5", TestName = "with a count")]
    [TestCase("restart: always", TestName = "always")]
    [TestCase("restart: unless-stopped", TestName = "unless-stopped")]
    [TestCase("restart: \"no\"", TestName = "no")]
    [TestCase("restart: ${RESTART}", TestName = "unknown")]
    [TestCase("deploy:\n      restart_policy:\n        condition: on-failure\n        max_attempts: 3", TestName = "deploy with max_attempts")]
    [TestCase("deploy:\n      restart_policy:\n        condition: none", TestName = "deploy none")]
    [TestCase("deploy:\n      restart_policy:\n        condition: any", TestName = "deploy any is always")]
    [TestCase("deploy:\n      restart_policy:\n        delay: 5s", TestName = "deploy without condition")]
    public void Stays_quiet(string lines) => Lint.ComposeCatchesNot(Id, $"services:\n  a:\n    image: a:1\n    {lines}\n");
}
