namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3031RelativeDestinationWithoutWorkdirTests
{
    private const string Id = "DF3031";

    [TestCase("FROM python:3.12\nCOPY requirements.txt {|#0:.|}\n", TestName = "dot")]
    [TestCase("FROM python:3.12\nCOPY src {|#0:app/|}\n", TestName = "relative folder")]
    [TestCase("FROM python:3.12\nADD a.tar.gz {|#0:opt|}\n", TestName = "ADD")]
    [TestCase("FROM python:3.12\nCOPY a {|#0:app/|}\nWORKDIR /app\nCOPY b .\n", TestName = "before the WORKDIR only")]
    [TestCase("FROM python:3.12 AS a\nWORKDIR /app\nFROM python:3.12\nCOPY x {|#0:.|}\n", TestName = "WORKDIR of an unrelated stage")]
    [TestCase("FROM python:3.12\nARG D=app\nCOPY x {|#0:$D|}\n", TestName = "known relative variable")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt .\n", TestName = "after WORKDIR")]
    [TestCase("FROM python:3.12\nCOPY requirements.txt /app/\n", TestName = "absolute destination")]
    [TestCase("FROM python:3.12 AS base\nWORKDIR /app\nFROM base\nCOPY x .\n", TestName = "WORKDIR of the parent stage")]
    [TestCase("FROM python:3.12\nARG D\nCOPY x $D\n", TestName = "unknown variable")]
    [TestCase("FROM python:3.12\nONBUILD COPY x .\n", TestName = "ONBUILD trigger")]
    [TestCase("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY app C:\\app\\\n", TestName = "Windows absolute path")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
