namespace DockerLint.Rules.Tests.Dockerfile.Security;

public sealed class DF1001RootUserTests
{
    private const string Id = "DF1001";

    [TestCase("FROM alpine:3.20\nUSER {|#0:root|}\n", TestName = "USER root")]
    [TestCase("FROM alpine:3.20\nUSER {|#0:0|}:0\n", TestName = "USER 0:0")]
    [TestCase("FROM alpine:3.20\nUSER app\nRUN make\nUSER {|#0:root|}\n", TestName = "last USER is root")]
    [TestCase("FROM alpine:3.20\nARG RUNAS=root\nUSER {|#0:${RUNAS}|}\n", TestName = "through an ARG default (whole word)")]
    [TestCase("FROM alpine:3.20 AS base\nUSER {|#0:root|}\nFROM base\nRUN id\n", TestName = "inherited from the parent stage")]
    [TestCase("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nUSER {|#0:ContainerAdministrator|}\n", TestName = "Windows administrator")]
    [TestCase("FROM alpine:3.20\nUSER app\nONBUILD USER {|#0:root|}\n", TestName = "ONBUILD USER root")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_on_the_final_FROM_when_no_USER_is_set()
    {
        var diagnostic = Lint.Catches(Id, "FROM golang:1.22 AS build\nUSER builder\n{|#0:FROM|} node:22\n").Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("node:22"));
        Assert.That(diagnostic.GetMessage(), Does.Contain("No USER"));
    }

    [Test]
    public void Fires_and_says_when_the_base_image_is_unknown()
    {
        var diagnostic = Lint.Catches(Id, "ARG BASE\n{|#0:FROM|} ${BASE}\n").Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("not known statically"));
    }

    [TestCase("FROM alpine:3.20\nUSER app\n", TestName = "named user")]
    [TestCase("FROM alpine:3.20\nUSER 10001:10001\n", TestName = "numeric user")]
    [TestCase("FROM alpine:3.20\nUSER root\nRUN apk add curl\nUSER app\n", TestName = "root only while building")]
    [TestCase("FROM alpine:3.20 AS build\nUSER root\nFROM alpine:3.20\nUSER app\n", TestName = "root only in an earlier stage")]
    [TestCase("FROM alpine:3.20 AS base\nUSER app\nFROM base\nRUN id\n", TestName = "non-root inherited from the parent stage")]
    [TestCase("FROM alpine:3.20\nUSER ${APP_USER}\n", TestName = "unknown user")]
    [TestCase("FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\n", TestName = "nonroot base image")]
    [TestCase("FROM alpine:3.20\nUSER \\\n  app\n", TestName = "USER over a continuation")]
    [TestCase("FROM alpine:3.20\nUSER rootless\n", TestName = "a name that starts with root")]
    [TestCase("", TestName = "empty file")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);

    [Test]
    public void Fires_on_the_stage_the_target_option_names()
        => Lint.Catches("DF1001", "{|#0:FROM|} node:22 AS dev\nFROM node:22\nUSER node\n", Lint.Options(("target", ["dev"])));

    [Test]
    public void Stays_quiet_when_the_target_stage_sets_a_user()
        => Lint.CatchesNot("DF1001", "FROM node:22 AS prod\nUSER node\nFROM node:22 AS debug\n", Lint.Options(("target", ["prod"])));
}
