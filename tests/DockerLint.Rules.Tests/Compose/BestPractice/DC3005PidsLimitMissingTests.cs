namespace DockerLint.Rules.Tests.Compose.BestPractice;

public sealed class DC3005PidsLimitMissingTests
{
    private const string Id = "DC3005";

    [TestCase("services:\n  {|#0:a|}:\n    image: a:1\n", TestName = "no limit")]
    [TestCase("services:\n  a:\n    image: a:1\n    pids_limit: {|#0:-1|}\n", TestName = "unlimited")]
    [TestCase("services:\n  a:\n    image: a:1\n    pids_limit: {|#0:\"${PIDS:--1}\"|}\n", TestName = "unlimited by default")]
    public void Fires(string yaml) => Lint.ComposeCatches(Id, yaml);

    [TestCase("services:\n  a:\n    image: a:1\n    pids_limit: 100\n", TestName = "pids_limit")]
    [TestCase("services:\n  a:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          pids: 200\n", TestName = "deploy limit")]
    [TestCase("services:\n  a:\n    image: a:1\n    pids_limit: ${PIDS}\n", TestName = "unknown")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
