namespace DockerLint.Rules.Tests.Compose.BestPractice;

public sealed class DC3004CpuLimitMissingTests
{
    private const string Id = "DC3004";

    [TestCase("services:\n  {|#0:a|}:\n    image: a:1\n", TestName = "no limit")]
    [TestCase("services:\n  {|#0:a|}:\n    image: a:1\n    cpu_shares: 512\n", TestName = "shares are a weight")]
    [TestCase("services:\n  a:\n    image: a:1\n    cpus: {|#0:0|}\n", TestName = "zero")]
    public void Fires(string yaml) => Lint.ComposeCatches(Id, yaml);

    [TestCase("services:\n  a:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          cpus: \"0.5\"\n", TestName = "deploy limit")]
    [TestCase("services:\n  a:\n    image: a:1\n    cpus: 1.5\n", TestName = "cpus")]
    [TestCase("services:\n  a:\n    image: a:1\n    cpu_quota: 50000\n", TestName = "cpu_quota")]
    [TestCase("services:\n  a:\n    image: a:1\n    cpus: ${CPUS:-}\n", TestName = "empty default")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
