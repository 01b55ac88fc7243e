namespace DockerLint.Rules.Tests.Dockerfile.Correctness;

public sealed class DF2036InvalidAddChecksumTests
{
    private const string Id = "DF2036";
    private const string Sha = "24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d";

    [TestCase("FROM x\nADD --checksum={|#0:sha256:abc|} https://example.com/a /a\n", TestName = "digest too short")]
    [TestCase("FROM x\nADD --checksum={|#0:" + Sha + "|} https://example.com/a /a\n", TestName = "no algorithm")]
    [TestCase("FROM x\nADD --checksum={|#0:md5:0123456789abcdef0123456789abcdef|} https://example.com/a /a\n", TestName = "unsupported algorithm")]
    [TestCase("FROM x\nADD {|#0:--checksum=sha256:" + Sha + "|} app.tar.gz /a\n", TestName = "local source")]
    [TestCase("FROM x\nADD {|#0:--checksum=sha256:" + Sha + "|} https://example.com/a https://example.com/b /a/\n", TestName = "several sources")]
    [TestCase("FROM x\nARG SUM=sha256:123\nADD --checksum={|#0:$SUM|} https://example.com/a /a\n", TestName = "known variable")]
    [TestCase("FROM x\nONBUILD ADD --checksum={|#0:sha256:xyz|} https://example.com/a /a\n", TestName = "ONBUILD trigger")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM x\nADD --checksum=sha256:" + Sha + " https://example.com/a /a\n", TestName = "sha256 digest")]
    [TestCase("FROM x\nADD --checksum=abc123def https://github.com/a/b.git#v1 /src\n", TestName = "git commit")]
    [TestCase("FROM x\nARG SUM\nADD --checksum=$SUM https://example.com/a /a\n", TestName = "unknown digest")]
    [TestCase("FROM x\nARG URL\nADD --checksum=sha256:" + Sha + " $URL /a\n", TestName = "unknown source")]
    [TestCase("FROM x\nADD https://example.com/a /a\n", TestName = "no checksum")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
