namespace DockerLint.Rules.Tests.Dockerfile.Security;

public sealed class DF1011NonNumericUserTests
{
    private const string Id = "DF1011";

    [TestCase("FROM node:22\nUSER {|#0:node|}\n", TestName = "a name")]
    [TestCase("FROM node:22\nUSER {|#0:app|}:app\n", TestName = "a name and a group: on the name")]
    [TestCase("FROM node:22\nUSER {|#0:app|}:1000\n", TestName = "a name and a numeric group")]
    [TestCase("FROM node:22 AS base\nUSER {|#0:app|}\nFROM base\nRUN true\n", TestName = "inherited from the stage it is built on")]
    [TestCase("FROM node:22\nARG U=app\nUSER {|#0:$U|}\n", TestName = "through an ARG default: the whole word")]
    [TestCase("FROM node:22\nUSER 1000\nUSER {|#0:app|}\n", TestName = "the last USER counts")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_on_the_stage_the_target_option_names()
        => Lint.Catches(Id, "FROM node:22 AS dev\nUSER {|#0:node|}\nFROM node:22\nUSER 1000\n", Lint.Options(("target", ["dev"])));

    [TestCase("FROM node:22\nUSER 1000\n", TestName = "a UID")]
    [TestCase("FROM node:22\nUSER 1000:1000\n", TestName = "a UID and a GID")]
    [TestCase("FROM node:22\nUSER 1000:app\n", TestName = "a UID and a named group")]
    [TestCase("FROM node:22\nUSER root\n", TestName = "root is DF1001's")]
    [TestCase("FROM node:22\n", TestName = "no USER is DF1001's")]
    [TestCase("FROM node:22\nARG U\nUSER $U\n", TestName = "unknown")]
    [TestCase("FROM node:22 AS build\nUSER node\nFROM node:22\nUSER 1000\n", TestName = "an earlier stage that is not shipped")]
    [TestCase("FROM node:22\nUSER 1000\nONBUILD USER app\n", TestName = "ONBUILD")]
    [TestCase("FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n", TestName = "Windows image")]
    [TestCase("# escape=`\nFROM example/app:1\nUSER appuser\n", TestName = "Windows escape")]
    [TestCase("FROM example/app:1\nSHELL [\"powershell\", \"-Command\"]\nUSER appuser\n", TestName = "PowerShell")]
    [TestCase("ARG core=mcr.microsoft.com/windows/servercore:ltsc2022\nFROM $core AS download\nSHELL [\"powershell\", \"-Command\"]\nFROM example/app:1\nUSER appuser\n", TestName = "PowerShell in another stage")]
    [TestCase("ARG BASE\nFROM $BASE\nUSER ContainerUser\n", TestName = "a Windows account")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);

    [Test]
    public void Stays_quiet_on_the_last_stage_when_the_target_is_another()
        => Lint.CatchesNot(Id, "FROM node:22 AS prod\nUSER 1000\nFROM node:22 AS dev\nUSER node\n", Lint.Options(("target", ["prod"])));
}
