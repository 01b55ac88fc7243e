namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1015SharedBindPropagationTests
{
    private const string Id = "DC1015";

    private static string Volumes(string items) => "services:\n  a:\n    image: a:1\n    volumes:\n" + items;

    [TestCase("      - {|#0:/mnt:/mnt:rshared|}\n", TestName = "rshared")]
    [TestCase("      - {|#0:/mnt:/mnt:ro,slave|}\n", TestName = "slave with ro")]
    [TestCase("      - {|#0:{type: bind, source: /mnt, target: /mnt, bind: {propagation: shared}}|}\n", TestName = "long syntax")]
    public void Fires(string items) => Lint.ComposeCatches(Id, Volumes(items));

    [TestCase("      - /mnt:/mnt:rprivate\n      - /a:/a:private\n      - /b:/b\n", TestName = "private")]
    public void Stays_quiet(string items) => Lint.ComposeCatchesNot(Id, Volumes(items));
}
