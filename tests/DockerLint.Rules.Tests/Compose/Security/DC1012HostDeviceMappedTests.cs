namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1012HostDeviceMappedTests
{
    private const string Id = "DC1012";

    private static string Devices(string items) => "services:\n  a:\n    image: a:1\n    devices:\n" + items;

    [TestCase("      - {|#0:/dev/sda:/dev/sda|}\n", TestName = "disk")]
    [TestCase("      - {|#0:/dev/sdb1|}\n", TestName = "partition, source only")]
    [TestCase("      - {|#0:/dev/nvme0n1:/dev/nvme0n1:rwm|}\n", TestName = "nvme with permissions")]
    [TestCase("      - {|#0:/dev/mem|}\n", TestName = "memory")]
    [TestCase("      - {|#0:/dev/mapper/vg-data:/dev/data|}\n", TestName = "device mapper")]
    [TestCase("      - {|#0:{source: /dev/sda, target: /dev/xvda, permissions: r}|}\n", TestName = "long syntax")]
    [TestCase("      - {|#0:\"${DISK:-/dev/sdc}:/dev/sdc\"|}\n", TestName = "default")]
    public void Fires(string items) => Lint.ComposeCatches(Id, Devices(items));

    [TestCase("device_cgroup_rules:\n      - {|#0:'a *:* rwm'|}\n", TestName = "all devices")]
    [TestCase("device_cgroup_rules:\n      - {|#0:'c *:* rmw'|}\n", TestName = "all character devices")]
    public void Fires_on_device_cgroup_rules(string yaml) => Lint.ComposeCatches(Id, "services:\n  a:\n    image: a:1\n    " + yaml);

    [TestCase("      - /dev/ttyUSB0:/dev/ttyUSB0\n      - /dev/dri:/dev/dri\n      - /dev/net/tun\n      - /dev/fuse\n      - /dev/snd\n", TestName = "devices a service drives")]
    [TestCase("      - ${DEVICE}:/dev/sda\n", TestName = "unknown")]
    public void Stays_quiet(string items) => Lint.ComposeCatchesNot(Id, Devices(items));

    [Test]
    public void Stays_quiet_on_narrow_cgroup_rules() => Lint.ComposeCatchesNot(Id, "services:\n  a:\n    image: a:1\n    device_cgroup_rules:\n      - 'c 188:* rmw'\n");
}
