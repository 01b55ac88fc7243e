namespace DockerLint.Rules.Tests.Dockerfile.Style;

public sealed class DF5012DirectiveCasingTests
{
    private const string Id = "DF5012";

    [TestCase("# {|#0:Syntax|}=docker/dockerfile:1\nFROM x\n", TestName = "syntax")]
    [TestCase("# {|#0:ESCAPE|}=`\nFROM x\n", TestName = "escape")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("# syntax=docker/dockerfile:1\n# escape=\\\nFROM x\n", TestName = "lower case")]
    [TestCase("FROM x\n# Syntax=docker/dockerfile:1\n", TestName = "a comment later is not a directive")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
