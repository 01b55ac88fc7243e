namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3097ArchiveCopiedThenExtractedTests
{
    private const string Id = "DF3097";

    [TestCase("FROM debian:12\nCOPY {|#0:app.tar.gz|} /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n", TestName = "tar -xzf")]
    [TestCase("FROM debian:12\nCOPY {|#0:dist/app.tgz|} /tmp/app.tgz\nRUN mkdir /opt/app && tar xf /tmp/app.tgz -C /opt/app && rm /tmp/app.tgz\n", TestName = "old-style tar options")]
    [TestCase("FROM debian:12\nARG V=1.2\nCOPY {|#0:app-$V.tar.xz|} /tmp/\nRUN tar --extract -f /tmp/app-1.2.tar.xz\n", TestName = "through an ARG")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM debian:12\nADD app.tar.gz /opt/\n", TestName = "ADD")]
    [TestCase("FROM debian:12\nCOPY app.tar.gz /srv/downloads/\n", TestName = "copied, not extracted")]
    [TestCase("FROM debian:12 AS b\nRUN tar czf /out.tgz /x\nFROM debian:12\nCOPY --from=b /out.tgz /tmp/\nRUN tar xzf /tmp/out.tgz\n", TestName = "from another stage")]
    [TestCase("FROM debian:12\nCOPY app.zip /tmp/\nRUN unzip /tmp/app.zip\n", TestName = "zip")]
    [TestCase("FROM debian:12\nCOPY app.tar.gz /tmp/\nRUN tar -tzf /tmp/app.tar.gz\n", TestName = "listing only")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
