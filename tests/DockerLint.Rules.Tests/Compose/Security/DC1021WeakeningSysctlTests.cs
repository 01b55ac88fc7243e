namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1021WeakeningSysctlTests
{
    private const string Id = "DC1021";

    [TestCase("services:\n  vpn:\n    image: x:1\n    sysctls:\n      {|#0:net.ipv4.ip_forward: 1|}\n", TestName = "forwarding, mapping")]
    [TestCase("services:\n  vpn:\n    image: x:1\n    sysctls:\n      - {|#0:net.ipv6.conf.all.forwarding=1|}\n", TestName = "IPv6 forwarding, list")]
    [TestCase("services:\n  api:\n    image: x:1\n    sysctls:\n      {|#0:net.ipv4.conf.eth0.route_localnet: \"1\"|}\n", TestName = "route_localnet on an interface")]
    [TestCase("services:\n  api:\n    image: x:1\n    sysctls:\n      {|#0:net.ipv4.conf.all.rp_filter: 0|}\n", TestName = "rp_filter off")]
    [TestCase("services:\n  api:\n    image: x:1\n    sysctls:\n      - {|#0:net.ipv4.conf.default.accept_redirects=1|}\n", TestName = "redirects")]
    [TestCase("x-net: &net\n  sysctls:\n    {|#0:net.ipv4.ip_forward: 1|}\nservices:\n  a:\n    image: x:1\n    <<: *net\n  b:\n    image: y:1\n    <<: *net\n", TestName = "through an anchor, once")]
    [TestCase("services:\n  api:\n    image: x:1\n    sysctls:\n      {|#0:net.ipv4.ip_forward: ${FWD:-1}|}\n", TestName = "interpolated default")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup);

    [TestCase("services:\n  api:\n    image: x:1\n    sysctls:\n      net.core.somaxconn: 1024\n      net.ipv4.tcp_syncookies: 0\n      kernel.shmmax: 68719476736\n", TestName = "tuning")]
    [TestCase("services:\n  api:\n    image: x:1\n    sysctls:\n      - net.ipv4.ip_unprivileged_port_start=0\n", TestName = "unprivileged ports")]
    [TestCase("services:\n  api:\n    image: x:1\n    sysctls:\n      net.ipv4.ip_forward: 0\n      net.ipv4.conf.all.rp_filter: 1\n", TestName = "protections kept")]
    [TestCase("services:\n  api:\n    image: x:1\n    sysctls:\n      net.ipv4.ip_forward: ${FWD}\n", TestName = "unknown variable")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
