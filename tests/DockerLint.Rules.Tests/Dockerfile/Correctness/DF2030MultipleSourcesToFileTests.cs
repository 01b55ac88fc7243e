namespace DockerLint.Rules.Tests.Dockerfile.Correctness;

public sealed class DF2030MultipleSourcesToFileTests
{
    private const string Id = "DF2030";

    [TestCase("FROM node:22\nCOPY package.json package-lock.json {|#0:/app|}\n", TestName = "two files to a path without slash")]
    [TestCase("FROM node:22\nADD a.txt b.txt {|#0:/app|}\n", TestName = "ADD")]
    [TestCase("FROM node:22\nCOPY [\"a b.txt\", \"c.txt\", {|#0:\"/app\"|}]\n", TestName = "exec form")]
    [TestCase("FROM node:22\nARG DEST=/app\nCOPY a b {|#0:$DEST|}\n", TestName = "known variable without slash")]
    [TestCase("FROM node:22\nCOPY a \\\n  b \\\n  {|#0:/app|}\n", TestName = "over continuations")]
    [TestCase("FROM node:22\nCOPY <<one <<two {|#0:/app|}\nx\none\ny\ntwo\n", TestName = "two heredocs")]
    [TestCase("FROM node:22\nONBUILD COPY a b {|#0:/app|}\n", TestName = "ONBUILD trigger")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM node:22\nCOPY a b /app/\n", TestName = "trailing slash")]
    [TestCase("FROM node:22\nCOPY package.json /app\n", TestName = "single source")]
    [TestCase("FROM node:22\nCOPY *.json /app\n", TestName = "single wildcard source")]
    [TestCase("FROM node:22\nWORKDIR /app\nCOPY a b .\n", TestName = "dot is a folder")]
    [TestCase("FROM node:22\nWORKDIR /app\nCOPY a b ./\n", TestName = "dot slash")]
    [TestCase("FROM node:22\nARG DEST\nCOPY a b $DEST\n", TestName = "unknown destination")]
    [TestCase("FROM node:22\nARG DEST=/app/\nCOPY a b $DEST\n", TestName = "known destination with slash")]
    [TestCase("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nCOPY a.txt b.txt C:\\app\\\n", TestName = "Windows backslash with the backtick escape")]
    [TestCase("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY a.dll b.dll C:\\\\Windows\\\\System32\\\\\n", TestName = "Windows backslash escaped with the default escape")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
