namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1013DockerSocketMountedTests
{
    private const string Id = "DC1013";

    private static string Volumes(string items) => "services:\n  a:\n    image: a:1\n    volumes:\n" + items;

    [TestCase("      - {|#0:/var/run/docker.sock:/var/run/docker.sock|}\n", TestName = "short syntax")]
    [TestCase("      - {|#0:\"/var/run/docker.sock:/var/run/docker.sock:ro\"|}\n", TestName = "read-only")]
    [TestCase("      - {|#0:/run/docker.sock:/var/run/docker.sock|}\n", TestName = "/run")]
    [TestCase("      - {|#0://var/run//docker.sock:/var/run/docker.sock|}\n", TestName = "repeated slashes")]
    [TestCase("      - {|#0:${XDG_RUNTIME_DIR}/docker.sock:/var/run/docker.sock|}\n", TestName = "rootless, unknown directory")]
    [TestCase("      - {|#0:\"${DOCKER_SOCK:-/var/run/docker.sock}:/var/run/docker.sock\"|}\n", TestName = "default")]
    [TestCase("      - {|#0:~/.docker/run/docker.sock:/var/run/docker.sock|}\n", TestName = "Docker Desktop")]
    [TestCase("      - {|#0:/run/podman/podman.sock:/var/run/docker.sock|}\n", TestName = "podman")]
    [TestCase("      - {|#0:/run/containerd/containerd.sock:/run/containerd/containerd.sock|}\n", TestName = "containerd")]
    [TestCase("      - {|#0:\\\\.\\pipe\\docker_engine:\\\\.\\pipe\\docker_engine|}\n", TestName = "Windows named pipe")]
    [TestCase("      - type: bind\n        source: {|#0:/var/run/docker.sock|}\n        target: /var/run/docker.sock\n        read_only: true\n", TestName = "long syntax")]
    public void Fires(string items) => Lint.ComposeCatches(Id, Volumes(items));

    [Test]
    public void Fires_saying_read_only_does_not_help()
        => Assert.That(
            Lint.ComposeCatches(Id, Volumes("      - /var/run/docker.sock:/var/run/docker.sock:ro\n")).Single().GetMessage(),
            Does.Contain("read-only, which does not limit the API"));

    [Test]
    public void Fires_on_a_named_volume_that_binds_the_socket()
        => Lint.ComposeCatches(Id, "services:\n  a:\n    image: a:1\n    volumes:\n      - sock:/var/run/docker.sock\nvolumes:\n  sock:\n    driver: local\n    driver_opts:\n      type: none\n      o: bind\n      device: {|#0:/var/run/docker.sock|}\n");

    [Test]
    public void Fires_once_on_an_anchor_naming_every_service()
        => Assert.That(
            Lint.ComposeCatches(Id, "x-v: &v\n  - {|#0:/var/run/docker.sock:/var/run/docker.sock|}\nservices:\n  a:\n    image: a:1\n    volumes: *v\n  b:\n    image: b:1\n    volumes: *v\n").Single().GetMessage(),
            Does.Contain("services 'a' and 'b'"));

    [TestCase("      - ./docker.sock.d:/data\n", TestName = "a name that only starts like it")]
    [TestCase("      - data:/var/run/docker.sock\n", TestName = "named volume at the socket path")]
    [TestCase("      - ${SOCKET}:/var/run/docker.sock\n", TestName = "unknown source")]
    [TestCase("      - /var/run/docker.sock\n", TestName = "anonymous volume at that path")]
    [TestCase("      - ./data:/data\n", TestName = "project folder")]
    public void Stays_quiet(string items) => Lint.ComposeCatchesNot(Id, Volumes(items));
}
