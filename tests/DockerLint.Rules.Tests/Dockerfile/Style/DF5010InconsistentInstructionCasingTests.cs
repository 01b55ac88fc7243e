namespace DockerLint.Rules.Tests.Dockerfile.Style;

public sealed class DF5010InconsistentInstructionCasingTests
{
    private const string Id = "DF5010";

    [TestCase("FROM x\n{|#0:run|} a\nCMD [\"a\"]\n", TestName = "lower case among upper case")]
    [TestCase("from x\nrun a\n{|#0:CMD|} [\"a\"]\n", TestName = "upper case among lower case")]
    [TestCase("FROM x\n{|#0:Run|} a\n", TestName = "mixed case")]
    [TestCase("{|#0:from|} x\nRUN a\n", TestName = "tie goes to upper case")]
    [TestCase("FROM x\nONBUILD {|#0:run|} a\nRUN b\n", TestName = "ONBUILD trigger")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM x\nRUN a\nCMD [\"a\"]\n", TestName = "all upper case")]
    [TestCase("from x\nrun a\ncmd [\"a\"]\n", TestName = "all lower case")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
