namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1007SecurityProfileDisabledTests
{
    private const string Id = "DC1007";

    private static string Opts(string items) => "services:\n  a:\n    image: a:1\n    security_opt:\n" + items;

    [TestCase("      - {|#0:seccomp:unconfined|}\n", TestName = "seccomp:")]
    [TestCase("      - {|#0:seccomp=unconfined|}\n", TestName = "seccomp=")]
    [TestCase("      - {|#0:apparmor:unconfined|}\n", TestName = "apparmor:")]
    [TestCase("      - {|#0:\"apparmor=unconfined\"|}\n", TestName = "apparmor=")]
    [TestCase("      - {|#0:label:disable|}\n", TestName = "label:disable")]
    [TestCase("      - {|#0:label=disable|}\n", TestName = "label=disable")]
    [TestCase("      - {|#0:label:type:spc_t|}\n", TestName = "spc_t")]
    [TestCase("      - {|#0:systempaths=unconfined|}\n", TestName = "systempaths")]
    [TestCase("      - {|#0:no-new-privileges:false|}\n", TestName = "no-new-privileges false")]
    [TestCase("      - {|#0:SECCOMP:UNCONFINED|}\n", TestName = "upper case")]
    [TestCase("      - {|#0:\"seccomp:${PROFILE:-unconfined}\"|}\n", TestName = "default")]
    public void Fires(string items) => Lint.ComposeCatches(Id, Opts(items));

    [TestCase("      - no-new-privileges:true\n      - seccomp:./profile.json\n      - apparmor:docker-default\n      - label:type:container_t\n", TestName = "custom profiles")]
    [TestCase("      - seccomp:${PROFILE}\n", TestName = "unknown")]
    public void Stays_quiet(string items) => Lint.ComposeCatchesNot(Id, Opts(items));
}
