namespace DockerLint.Rules.Tests.Dockerfile.Correctness;

public sealed class DF2007MissingFromTests
{
    private const string Id = "DF2007";

    [TestCase("{|#0:ARG|} X=1\n", TestName = "one ARG")]
    [TestCase("# syntax=docker/dockerfile:1\n# a comment\n{|#0:ARG|} X=1\nARG Y\n", TestName = "ARGs after a directive and a comment: on the first")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("ARG X=1\nFROM alpine:3.20\n", TestName = "with a FROM")]
    [TestCase("RUN echo hi\n", TestName = "another instruction is DF0011's")]
    [TestCase("ARG X\nRUN echo hi\n", TestName = "ARG then another instruction is DF0011's")]
    [TestCase("# only a comment\n", TestName = "no instructions is DF0008's")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
