namespace DockerLint.Rules.Tests.Dockerfile.Security;

public sealed class DF1020RemoteAddWithoutChecksumTests
{
    private const string Id = "DF1020";

    [TestCase("FROM alpine:3.20\nADD {|#0:https://example.com/tool.tar.gz|} /opt/\n", TestName = "https URL")]
    [TestCase("FROM alpine:3.20\nADD {|#0:http://example.com/a|} {|#1:HTTPS://example.com/b|} /opt/\n", TestName = "each URL of the instruction, any case")]
    [TestCase("FROM alpine:3.20\nARG V=1.2\nADD {|#0:https://example.com/tool-${V}.tgz|} /opt/\n", TestName = "URL with a known variable")]
    [TestCase("FROM alpine:3.20\nARG FILE\nADD {|#0:https://example.com/${FILE}|} /opt/\n", TestName = "URL with an unknown variable")]
    [TestCase("FROM alpine:3.20\nONBUILD ADD {|#0:https://example.com/x|} /x\n", TestName = "ONBUILD trigger")]
    [TestCase("FROM alpine:3.20\nADD --chmod=755 \\\n    {|#0:https://example.com/x|} \\\n    /usr/local/bin/x\n", TestName = "over continuations with another flag")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_and_asks_for_a_checksum()
        => Assert.That(Lint.Catches(Id, "FROM alpine:3.20\nADD https://example.com/x /x\n").Single().GetMessage(), Does.Contain("--checksum=sha256:"));

    [TestCase("FROM alpine:3.20\nADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://example.com/x /x\n", TestName = "with --checksum")]
    [TestCase("FROM alpine:3.20\nADD https://github.com/moby/buildkit.git#v0.14.0 /src\n", TestName = "git repository")]
    [TestCase("FROM alpine:3.20\nADD git@github.com:moby/buildkit.git /src\n", TestName = "git over ssh")]
    [TestCase("FROM alpine:3.20\nADD https://github.com/go-delve/delve.git?ref=v1.23.0&keep-git-dir=1 /src\n", TestName = "git with query parameters")]
    [TestCase("FROM alpine:3.20\nADD rootfs.tar.gz /\n", TestName = "local archive")]
    [TestCase("FROM alpine:3.20\nCOPY https.txt /x\n", TestName = "COPY of a local file")]
    [TestCase("FROM alpine:3.20\nADD <<EOF /x\nhttps://example.com\nEOF\n", TestName = "heredoc")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
