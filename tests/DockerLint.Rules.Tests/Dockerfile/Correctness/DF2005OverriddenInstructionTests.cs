namespace DockerLint.Rules.Tests.Dockerfile.Correctness;

public sealed class DF2005OverriddenInstructionTests
{
    private const string Id = "DF2005";

    [TestCase("FROM node:22\n{|#0:CMD|} [\"node\", \"a.js\"]\nCMD [\"npm\", \"start\"]\n", TestName = "two CMD")]
    [TestCase("FROM node:22\n{|#0:ENTRYPOINT|} a\n{|#1:ENTRYPOINT|} b\nENTRYPOINT c\n", TestName = "three ENTRYPOINT: every one but the last")]
    [TestCase("FROM node:22\n{|#0:HEALTHCHECK|} NONE\nHEALTHCHECK CMD curl -f http://localhost/\n", TestName = "HEALTHCHECK NONE then CMD")]
    [TestCase("FROM node:22\n{|#0:cmd|} a\nRUN x\ncmd b\n", TestName = "lower case, apart")]
    [TestCase("FROM node:22 AS build\n{|#0:CMD|} a\nCMD b\nFROM node:22\nCMD c\n", TestName = "a stage that is not the last")]
    [TestCase("FROM node:22\nONBUILD {|#0:CMD|} a\nONBUILD CMD b\n", TestName = "ONBUILD triggers among themselves")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_with_the_line_that_wins()
    {
        var diagnostic = Lint.Catches(Id, "FROM node:22\n{|#0:CMD|} a\nRUN x\nCMD b\n").Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("line 4"));
    }

    [TestCase("FROM node:22\nENTRYPOINT [\"node\"]\nCMD [\"a.js\"]\nHEALTHCHECK CMD true\n", TestName = "one of each")]
    [TestCase("FROM node:22 AS a\nCMD a\nFROM a\nCMD b\n", TestName = "one per stage")]
    [TestCase("FROM node:22\nONBUILD CMD a\nCMD b\n", TestName = "a trigger and an instruction")]
    [TestCase("FROM node:22\nRUN a\nRUN b\n", TestName = "RUN may repeat")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
