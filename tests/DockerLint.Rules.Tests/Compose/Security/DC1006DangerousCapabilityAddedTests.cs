namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1006DangerousCapabilityAddedTests
{
    private const string Id = "DC1006";

    private static string Caps(string items) => "services:\n  a:\n    image: a:1\n    cap_add:\n" + items;

    [TestCase("      - {|#0:ALL|}\n", TestName = "ALL")]
    [TestCase("      - {|#0:SYS_ADMIN|}\n", TestName = "SYS_ADMIN")]
    [TestCase("      - {|#0:CAP_SYS_ADMIN|}\n", TestName = "CAP_ prefix")]
    [TestCase("      - {|#0:net_admin|}\n", TestName = "lower case")]
    [TestCase("      - NET_BIND_SERVICE\n      - {|#0:SYS_PTRACE|}\n      - {|#1:DAC_READ_SEARCH|}\n", TestName = "only the dangerous ones")]
    [TestCase("      - {|#0:\"${CAP:-SYS_MODULE}\"|}\n", TestName = "default")]
    public void Fires(string items) => Lint.ComposeCatches(Id, Caps(items));

    [Test]
    public void Fires_on_flow_lists() => Lint.ComposeCatches(Id, "services:\n  a:\n    image: a:1\n    cap_add: [CHOWN, {|#0:SYS_ADMIN|}]\n");

    [Test]
    public void Fires_saying_what_the_capability_allows()
        => Assert.That(Lint.ComposeCatches(Id, Caps("      - SYS_MODULE\n")).Single().GetMessage(), Does.Contain("loading kernel modules"));

    [TestCase("      - NET_BIND_SERVICE\n      - CHOWN\n      - SETUID\n", TestName = "narrow capabilities")]
    [TestCase("      - ${CAP}\n", TestName = "unknown")]
    public void Stays_quiet(string items) => Lint.ComposeCatchesNot(Id, Caps(items));

    [Test]
    public void Stays_quiet_on_cap_drop() => Lint.ComposeCatchesNot(Id, "services:\n  a:\n    image: a:1\n    cap_drop:\n      - ALL\n");
}
