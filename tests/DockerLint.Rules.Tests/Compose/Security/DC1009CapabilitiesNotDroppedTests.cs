namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1009CapabilitiesNotDroppedTests
{
    private const string Id = "DC1009";

    [TestCase("services:\n  {|#0:a|}:\n    image: a:1\n", TestName = "no cap_drop")]
    [TestCase("services:\n  a:\n    image: a:1\n    {|#0:cap_drop|}:\n      - NET_RAW\n", TestName = "some dropped")]
    public void Fires(string yaml) => Lint.ComposeCatches(Id, yaml);

    [TestCase("      - ALL\n", TestName = "ALL")]
    [TestCase("      - cap_all\n", TestName = "CAP_ALL lower case")]
    [TestCase("      - ${DROP}\n", TestName = "unknown")]
    public void Stays_quiet(string items) => Lint.ComposeCatchesNot(Id, "services:\n  a:\n    image: a:1\n    cap_drop:\n" + items);
}
