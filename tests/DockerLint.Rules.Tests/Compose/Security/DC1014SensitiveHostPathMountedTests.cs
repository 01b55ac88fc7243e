namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1014SensitiveHostPathMountedTests
{
    private const string Id = "DC1014";

    private static string Volumes(string items) => "services:\n  a:\n    image: a:1\n    volumes:\n" + items;

    [TestCase("      - {|#0:/:/host|}\n", TestName = "root")]
    [TestCase("      - {|#0:/etc:/host/etc|}\n", TestName = "etc")]
    [TestCase("      - {|#0:/etc/ssh:/etc/ssh:ro|}\n", TestName = "host SSH keys, read-only")]
    [TestCase("      - {|#0:/proc:/host/proc:ro|}\n", TestName = "proc")]
    [TestCase("      - {|#0:/sys/fs/cgroup:/sys/fs/cgroup|}\n", TestName = "sys")]
    [TestCase("      - {|#0:/dev:/dev|}\n", TestName = "dev")]
    [TestCase("      - {|#0:/boot:/boot|}\n", TestName = "boot")]
    [TestCase("      - {|#0:/root:/root|}\n", TestName = "root's home")]
    [TestCase("      - {|#0:/home/alice:/home|}\n", TestName = "a whole home")]
    [TestCase("      - {|#0:/var/lib/docker:/var/lib/docker|}\n", TestName = "docker data")]
    [TestCase("      - {|#0:/var/run:/var/run|}\n", TestName = "var run")]
    [TestCase("      - {|#0:/usr/bin:/usr/bin|}\n", TestName = "usr")]
    [TestCase("      - {|#0:/etc/:/host/etc/|}\n", TestName = "trailing slash")]
    [TestCase("      - {|#0:~/.ssh:/root/.ssh:ro|}\n", TestName = "ssh keys")]
    [TestCase("      - {|#0:${HOME}/.aws:/root/.aws|}\n", TestName = "aws through an unknown HOME")]
    [TestCase("      - {|#0:/home/alice/.kube/config:/kube/config|}\n", TestName = "kube config in a home")]
    [TestCase("      - {|#0:/etc/passwd:/etc/passwd|}\n", TestName = "accounts")]
    [TestCase("      - {|#0:\"${HOST_ROOT:-/}:/host\"|}\n", TestName = "default")]
    [TestCase("      - type: bind\n        source: {|#0:/etc|}\n        target: /host/etc\n", TestName = "long syntax")]
    public void Fires(string items) => Lint.ComposeCatches(Id, Volumes(items));

    [Test]
    public void Fires_saying_whether_writable()
    {
        var diagnostics = Lint.ComposeCatches(Id, Volumes("      - /etc:/a\n      - /proc:/b:ro\n"));
        Assert.That(diagnostics.Select(d => d.GetMessage()), Has.One.Contains("configuration writable (").And.One.Contains("(/proc) read-only ("));
    }

    [Test]
    public void Fires_on_a_named_volume_that_binds_a_host_directory()
        => Lint.ComposeCatches(Id, "services:\n  a:\n    image: a:1\n    volumes:\n      - etc:/host/etc\nvolumes:\n  etc:\n    driver_opts:\n      type: none\n      o: bind\n      device: {|#0:/etc|}\n");

    [TestCase("      - /etc/localtime:/etc/localtime:ro\n      - /etc/timezone:/etc/timezone\n      - /usr/share/zoneinfo:/usr/share/zoneinfo:ro\n", TestName = "time zone")]
    [TestCase("      - /etc/ssl/certs:/etc/ssl/certs:ro\n      - /etc/hosts:/etc/hosts:ro\n", TestName = "read-only certificates and hosts")]
    [TestCase("      - /dev/shm:/dev/shm\n      - /dev/dri:/dev/dri\n      - /dev/ttyUSB0:/dev/ttyUSB0\n", TestName = "harmless devices")]
    [TestCase("      - ./data:/data\n      - data:/var/lib/data\n      - /srv/app:/app\n      - /home/alice/app/data:/data\n      - /etcetera:/x\n      - /etc/pihole/:/etc/pihole/\n      - /var/run/mysqld/mysqld.sock:/var/run/mysqld/mysqld.sock\n      - /usr/share/appdata/x:/config\n", TestName = "project, application and data folders")]
    [TestCase("      - ${DATA}:/etc\n", TestName = "unknown source")]
    [TestCase("      - /var/run/docker.sock:/var/run/docker.sock\n", TestName = "the Docker socket is DC1013's")]
    [TestCase("      - /etc\n", TestName = "anonymous volume")]
    public void Stays_quiet(string items) => Lint.ComposeCatchesNot(Id, Volumes(items));

    [Test]
    public void Stays_quiet_on_a_network_volume()
        => Lint.ComposeCatchesNot(Id, "services:\n  a:\n    image: a:1\n    volumes:\n      - nfs:/data\nvolumes:\n  nfs:\n    driver_opts:\n      type: nfs\n      o: addr=10.0.0.1\n      device: \":/etc\"\n");
}
