namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1008NoNewPrivilegesNotSetTests
{
    private const string Id = "DC1008";

    [TestCase("services:\n  {|#0:a|}:\n    image: a:1\n", TestName = "no security_opt")]
    [TestCase("services:\n  a:\n    image: a:1\n    {|#0:security_opt|}:\n      - seccomp:./p.json\n", TestName = "other options only")]
    public void Fires(string yaml) => Lint.ComposeCatches(Id, yaml);

    [Test]
    public void Fires_once_on_an_anchor()
        => Assert.That(
            Lint.ComposeCatches(Id, "x-b: &b\n  {|#0:security_opt|}: [apparmor:x]\nservices:\n  a:\n    <<: *b\n    image: a:1\n  b:\n    <<: *b\n    image: b:1\n").Single().GetMessage(),
            Does.Contain("services 'a' and 'b'"));

    [TestCase("      - no-new-privileges:true\n", TestName = ":true")]
    [TestCase("      - no-new-privileges=true\n", TestName = "=true")]
    [TestCase("      - no-new-privileges\n", TestName = "bare")]
    [TestCase("      - ${SEC_OPT}\n", TestName = "unknown")]
    public void Stays_quiet(string items) => Lint.ComposeCatchesNot(Id, "services:\n  a:\n    image: a:1\n    security_opt:\n" + items);

    [Test]
    public void Stays_quiet_on_a_project_without_services() => Lint.ComposeCatchesNot(Id, "volumes:\n  data:\n");
}
