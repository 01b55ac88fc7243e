namespace DockerLint.Rules.Tests.Dockerfile.Correctness;

public sealed class DF2032MalformedExecFormTests
{
    private const string Id = "DF2032";

    [TestCase("FROM node:22\nCMD {|#0:['node', 'server.js']|}\n", TestName = "CMD in single quotes")]
    [TestCase("FROM node:22\nENTRYPOINT {|#0:[\"node\", \"server.js\",]|}\n", TestName = "trailing comma")]
    [TestCase("FROM node:22\nRUN {|#0:['npm', 'ci']|}\n", TestName = "RUN")]
    [TestCase("FROM node:22\nHEALTHCHECK CMD {|#0:['curl', '-f', 'http://localhost']|}\n", TestName = "HEALTHCHECK CMD")]
    [TestCase("FROM node:22\nVOLUME {|#0:['/data']|}\n", TestName = "VOLUME with one element")]
    [TestCase("FROM node:22\nONBUILD CMD {|#0:['node', 'x']|}\n", TestName = "ONBUILD trigger")]
    [TestCase("FROM node:22\nCMD {|#0:[\"node\", 'server.js']|}\n", TestName = "mixed quotes")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_and_says_why()
    {
        Assert.That(Lint.Catches(Id, "FROM x\nCMD ['a']\n").Single().GetMessage(), Does.Contain("single-quoted"));
        Assert.That(Lint.Catches(Id, "FROM x\nCMD [\"a\",]\n").Single().GetMessage(), Does.Contain("comma after the last element"));
    }

    [TestCase("FROM node:22\nCMD [\"node\", \"server.js\"]\n", TestName = "valid exec form")]
    [TestCase("FROM node:22\nCMD node server.js\n", TestName = "plain shell form")]
    [TestCase("FROM node:22\nRUN [ -f /etc/os-release ]\n", TestName = "test command")]
    [TestCase("FROM node:22\nRUN [ \"$A\" = \"b\" ]\n", TestName = "test command with quotes")]
    [TestCase("FROM node:22\nRUN [ '$A' = 'b' ] || exit 1\n", TestName = "test command with single quotes")]
    [TestCase("FROM node:22\nCMD echo ['a', 'b']\n", TestName = "brackets inside a command")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
