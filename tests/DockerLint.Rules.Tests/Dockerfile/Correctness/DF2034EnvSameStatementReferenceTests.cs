namespace DockerLint.Rules.Tests.Dockerfile.Correctness;

public sealed class DF2034EnvSameStatementReferenceTests
{
    private const string Id = "DF2034";

    [TestCase("FROM x\nENV A=/opt B={|#0:$A|}/bin\n", TestName = "plain reference")]
    [TestCase("FROM x\nENV A=/opt B={|#0:${A}|}/bin\n", TestName = "braced reference")]
    [TestCase("FROM x\nENV A=/opt \\\n    B=x \\\n    C={|#0:${A:-/usr}|}\n", TestName = "modifier, over continuations")]
    [TestCase("FROM x\nONBUILD ENV A=1 B={|#0:$A|}\n", TestName = "ONBUILD trigger")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_and_tells_which_value_it_gets()
    {
        var message = Lint.Catches(Id, "FROM x\nENV A=old\nENV A=new B=$A\n").Single().GetMessage();
        Assert.That(message, Does.Contain("'old', its value before this ENV"));
    }

    [TestCase("FROM x\nENV A=/opt\nENV B=$A/bin\n", TestName = "separate ENV")]
    [TestCase("FROM x\nENV PATH=/opt/bin:$PATH\n", TestName = "extends itself")]
    [TestCase("FROM x\nENV B=$A A=1\n", TestName = "reference before the definition")]
    [TestCase("FROM x\nENV A=1 B=\\$A\n", TestName = "escaped dollar")]
    [TestCase("FROM x\nENV A=1 B='$A'\n", TestName = "single quotes")]
    [TestCase("FROM x\nENV AB=1 B=$ABC\n", TestName = "longer name")]
    [TestCase("FROM x\nARG V=1\nENV V=$V URL=https://x/$V\n", TestName = "passed on unchanged")]
    [TestCase("FROM x\nARG V=1\nENV V=1 URL=https://x/$V\n", TestName = "same value as before")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
