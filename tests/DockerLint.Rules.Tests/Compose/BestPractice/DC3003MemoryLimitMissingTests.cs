namespace DockerLint.Rules.Tests.Compose.BestPractice;

public sealed class DC3003MemoryLimitMissingTests
{
    private const string Id = "DC3003";

    [TestCase("services:\n  {|#0:a|}:\n    image: a:1\n", TestName = "no limit")]
    [TestCase("services:\n  {|#0:a|}:\n    image: a:1\n    deploy:\n      resources:\n        reservations:\n          memory: 1G\n", TestName = "a reservation is not a limit")]
    [TestCase("services:\n  a:\n    image: a:1\n    mem_limit: {|#0:-1|}\n", TestName = "unlimited")]
    [TestCase("services:\n  a:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          memory: {|#0:\"0\"|}\n", TestName = "zero")]
    public void Fires(string yaml) => Lint.ComposeCatches(Id, yaml);

    [TestCase("services:\n  a:\n    image: a:1\n    deploy:\n      resources:\n        limits:\n          memory: 512M\n", TestName = "deploy limit")]
    [TestCase("services:\n  a:\n    image: a:1\n    mem_limit: 1g\n", TestName = "mem_limit without version")]
    [TestCase("version: \"3.8\"\nservices:\n  a:\n    image: a:1\n    mem_limit: 1g\n", TestName = "mem_limit with version 3")]
    [TestCase("services:\n  a:\n    image: a:1\n    mem_limit: ${MEM}\n", TestName = "unknown")]
    [TestCase("x-l: &l\n  mem_limit: 1g\nservices:\n  a:\n    <<: *l\n    image: a:1\n", TestName = "from an anchor")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
