namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1010HostNamespaceSharedTests
{
    private const string Id = "DC1010";

    [TestCase("network_mode: {|#0:host|}", TestName = "network")]
    [TestCase("network_mode: {|#0:\"host\"|}", TestName = "quoted")]
    [TestCase("pid: {|#0:host|}", TestName = "pid")]
    [TestCase("ipc: {|#0:host|}", TestName = "ipc")]
    [TestCase("uts: {|#0:host|}", TestName = "uts")]
    [TestCase("userns_mode: {|#0:host|}", TestName = "userns")]
    [TestCase("cgroup: {|#0:host|}", TestName = "cgroup")]
    [TestCase("network_mode: {|#0:\"${NET:-host}\"|}", TestName = "default")]
    public void Fires(string line) => Lint.ComposeCatches(Id, $"services:\n  a:\n    image: a:1\n    {line}\n");

    [Test]
    public void Fires_on_each_namespace()
        => Assert.That(Lint.ComposeCatches(Id, "services:\n  a:\n    image: a:1\n    network_mode: {|#0:host|}\n    pid: {|#1:host|}\n").Length, Is.EqualTo(2));

    [Test]
    public void Fires_in_the_override_file()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", "services:\n  a:\n    image: a:1\n"),
            ("compose.override.yaml", "services:\n  a:\n    pid: {|#0:host|}\n"));

    [TestCase("network_mode: \"service:vpn\"", TestName = "another service")]
    [TestCase("network_mode: \"container:abc\"", TestName = "a container")]
    [TestCase("network_mode: bridge", TestName = "bridge")]
    [TestCase("network_mode: none", TestName = "none")]
    [TestCase("ipc: shareable", TestName = "shareable ipc")]
    [TestCase("pid: \"service:app\"", TestName = "pid of a service")]
    [TestCase("cgroup: private", TestName = "private cgroup")]
    [TestCase("network_mode: ${NET}", TestName = "unknown")]
    public void Stays_quiet(string line) => Lint.ComposeCatchesNot(Id, $"services:\n  a:\n    image: a:1\n    {line}\n");
}
