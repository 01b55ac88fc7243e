namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3030AddForLocalFilesTests
{
    private const string Id = "DF3030";

    [TestCase("FROM x\n{|#0:ADD|} nginx.conf /etc/nginx/\n", TestName = "local file")]
    [TestCase("FROM x\n{|#0:add|} src/ /app/\n", TestName = "folder, lower case")]
    [TestCase("FROM x\n{|#0:ADD|} app.zip /app/\n", TestName = "zip is not unpacked")]
    [TestCase("FROM x\n{|#0:ADD|} rootfs.tar.gz config.yml /\n", TestName = "archive and a plain file")]
    [TestCase("FROM x\nARG F=app.conf\n{|#0:ADD|} $F /etc/\n", TestName = "known variable")]
    [TestCase("FROM x\nONBUILD {|#0:ADD|} . /app\n", TestName = "ONBUILD trigger")]
    [TestCase("FROM x\n{|#0:ADD|} scripts/*.sh /opt/\n", TestName = "wildcard with a plain extension")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM x\nADD rootfs.tar.xz /\n", TestName = "archive")]
    [TestCase("FROM x\nADD vendor.TGZ /opt/\n", TestName = "archive, upper-case suffix")]
    [TestCase("FROM x\nADD https://example.com/file /opt/\n", TestName = "URL")]
    [TestCase("FROM x\nADD https://github.com/a/b.git#v1 /src\n", TestName = "git")]
    [TestCase("FROM x\nARG F\nADD $F /opt/\n", TestName = "unknown source")]
    [TestCase("FROM x\nADD <<EOF /x\nhi\nEOF\n", TestName = "heredoc")]
    [TestCase("FROM x\nADD dist/app-* /opt/\n", TestName = "wildcard that may match archives")]
    [TestCase("FROM x\nCOPY nginx.conf /etc/nginx/\n", TestName = "COPY")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
