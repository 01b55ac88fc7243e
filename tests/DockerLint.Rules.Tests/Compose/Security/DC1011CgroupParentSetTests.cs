namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1011CgroupParentSetTests
{
    private const string Id = "DC1011";

    [TestCase("cgroup_parent: {|#0:system.slice|}", TestName = "slice")]
    [TestCase("cgroup_parent: {|#0:\"${PARENT:-/custom}\"|}", TestName = "default")]
    public void Fires(string line) => Lint.ComposeCatches(Id, $"services:\n  a:\n    image: a:1\n    {line}\n");

    [TestCase("cgroup_parent: \"\"", TestName = "empty")]
    [TestCase("cgroup_parent: ${PARENT}", TestName = "unknown")]
    [TestCase("cgroup: private", TestName = "cgroup namespace is another key")]
    public void Stays_quiet(string line) => Lint.ComposeCatchesNot(Id, $"services:\n  a:\n    image: a:1\n    {line}\n");
}
