namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3011ImageWithoutDigestTests
{
    private const string Id = "DF3011";
    private const string Digest = "sha256:1e42bbe2508154c9126d48c2b8a75420c3544343bf86fd041fb7527e017a4b4a";

    [TestCase("FROM python:{|#0:3.13-slim|}\n", TestName = "a tag")]
    [TestCase("FROM {|#0:python|}\n", TestName = "no tag: the repository")]
    [TestCase("ARG PY=3.13\nFROM {|#0:python:$PY|}\n", TestName = "through an ARG default: the whole word")]
    [TestCase("ARG REGISTRY\nFROM {|#0:${REGISTRY}/python:3.13|}\n", TestName = "an unknown registry cannot add a digest")]
    [TestCase("FROM alpine@" + Digest + "\nCOPY --from=ghcr.io/org/tools:{|#0:1.2|} /t /t\n", TestName = "COPY --from an image")]
    [TestCase("FROM alpine@" + Digest + "\nRUN --mount=from=ghcr.io/org/tools:{|#0:1.2|},target=/t ls /t\n", TestName = "RUN --mount from an image")]
    [TestCase("FROM alpine@" + Digest + "\nONBUILD COPY --from=org/tools:{|#0:1.2|} /t /t\n", TestName = "ONBUILD COPY --from")]
    [TestCase("FROM golang:{|#0:1.23|} AS build\nFROM alpine:{|#1:3.20|}\nCOPY --from=build /a /a\n", TestName = "every stage's base image")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM alpine@" + Digest + "\n", TestName = "a digest")]
    [TestCase("FROM alpine:3.20@" + Digest + "\n", TestName = "a tag and a digest")]
    [TestCase("ARG D=" + Digest + "\nFROM alpine@${D}\n", TestName = "a digest through an ARG default")]
    [TestCase("ARG TAG\nFROM alpine:${TAG}\n", TestName = "an unknown tag may hold a digest")]
    [TestCase("ARG IMAGE\nFROM ${IMAGE}\n", TestName = "an unknown image")]
    [TestCase("FROM scratch\n", TestName = "scratch")]
    [TestCase("FROM alpine@" + Digest + " AS base\nFROM base\nCOPY --from=base /a /a\nCOPY --from=0 /b /b\n", TestName = "stages by name and index")]
    [TestCase("FROM alpine@" + Digest + "\nCOPY --from=templates /t /t\n", TestName = "a bare --from name may be a build context")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
