namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3002MissingHealthcheckTests
{
    private const string Id = "DF3002";

    [TestCase("{|#0:FROM|} nginx:1.27\nCOPY site /usr/share/nginx/html\n", TestName = "no HEALTHCHECK")]
    [TestCase("FROM golang:1.23 AS build\nHEALTHCHECK CMD true\n{|#0:FROM|} alpine:3.20\nCOPY --from=build /app /app\n", TestName = "HEALTHCHECK only in a build stage")]
    [TestCase("{|#0:FROM|} nginx:1.27\nONBUILD HEALTHCHECK CMD curl -f http://localhost/\n", TestName = "ONBUILD HEALTHCHECK does not count")]
    [TestCase("FROM alpine:3.20 AS base\nRUN apk add curl\nFROM base AS app\n{|#0:from|} app\nCMD [\"app\"]\n", TestName = "none along a chain of stages (lower-case keyword)")]
    [TestCase("ARG BASE\n{|#0:FROM|} ${BASE}\n", TestName = "unknown base image")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_for_a_static_binary_on_scratch_and_asks_for_the_exec_form()
    {
        var diagnostic = Lint.Catches(Id, "FROM golang:1.23 AS build\nRUN go build -o /app\n{|#0:FROM|} scratch\nCOPY --from=build /app /app\nENTRYPOINT [\"/app\"]\n").Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("exec form"));
    }

    [Test]
    public void Fires_and_names_the_base_image_that_may_define_one()
    {
        var diagnostic = Lint.Catches(Id, "ARG V=1.27\n{|#0:FROM|} nginx:$V\n").Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("unless nginx:1.27 defines one"));
    }

    [TestCase("FROM nginx:1.27\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n", TestName = "HEALTHCHECK CMD")]
    [TestCase("FROM nginx:1.27\nHEALTHCHECK --interval=30s \\\n  --timeout=3s \\\n  CMD [\"curl\", \"-f\", \"http://localhost/\"]\n", TestName = "HEALTHCHECK with flags over continuations")]
    [TestCase("FROM nginx:1.27\nHEALTHCHECK NONE\n", TestName = "HEALTHCHECK NONE is an explicit decision")]
    [TestCase("FROM nginx:1.27 AS base\nHEALTHCHECK CMD curl -f http://localhost/\nFROM base\nCOPY site /usr/share/nginx/html\n", TestName = "inherited from the parent stage")]
    [TestCase("FROM alpine:3.20 AS a\nHEALTHCHECK CMD true\nFROM a AS b\nFROM b\n", TestName = "inherited through two stages")]
    [TestCase("FROM golang:1.23 AS build\nRUN go build -o /out/app\nFROM scratch AS export\nCOPY --from=build /out /\n", TestName = "scratch export stage that runs nothing")]
    [TestCase("", TestName = "empty file")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);

    [Test]
    public void Fires_on_the_stage_the_target_option_names()
        => Lint.Catches("DF3002", "{|#0:FROM|} node:22 AS dev\nCMD [\"node\", \"a.js\"]\nFROM node:22\nHEALTHCHECK CMD true\n", Lint.Options(("target", ["dev"])));

    [Test]
    public void Stays_quiet_when_the_target_stage_has_a_healthcheck()
        => Lint.CatchesNot("DF3002", "FROM node:22 AS prod\nHEALTHCHECK CMD true\nFROM node:22 AS debug\nCMD [\"node\"]\n", Lint.Options(("target", ["0"])));
}
