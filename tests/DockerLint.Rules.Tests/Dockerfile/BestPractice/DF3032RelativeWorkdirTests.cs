namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3032RelativeWorkdirTests
{
    private const string Id = "DF3032";

    [TestCase("FROM node:22\nWORKDIR {|#0:app|}\n", TestName = "relative")]
    [TestCase("FROM node:22\nWORKDIR {|#0:./app|}\nWORKDIR /srv\nWORKDIR src\n", TestName = "only before the absolute one")]
    [TestCase("FROM node:22\nARG D=app\nWORKDIR {|#0:$D|}\n", TestName = "known variable")]
    [TestCase("FROM node:22 AS a\nWORKDIR /app\nFROM node:22\nWORKDIR {|#0:app|}\n", TestName = "absolute WORKDIR in an unrelated stage")]
    [TestCase("FROM node:22\nWORKDIR /app\nONBUILD WORKDIR {|#0:src|}\n", TestName = "ONBUILD trigger")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM node:22\nWORKDIR /app\n", TestName = "absolute")]
    [TestCase("FROM node:22\nWORKDIR /app\nWORKDIR src\n", TestName = "relative after absolute (BuildKit)")]
    [TestCase("FROM node:22 AS base\nWORKDIR /app\nFROM base\nWORKDIR src\n", TestName = "relative after the parent stage's absolute")]
    [TestCase("FROM node:22\nWORKDIR $APP_HOME\n", TestName = "unknown variable")]
    [TestCase("FROM node:22\nWORKDIR ${HOME}/app\nWORKDIR src\n", TestName = "unknown start anchors what follows")]
    [TestCase("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\app\n", TestName = "Windows drive")]
    [TestCase("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:/app\n", TestName = "Windows drive with slash")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
