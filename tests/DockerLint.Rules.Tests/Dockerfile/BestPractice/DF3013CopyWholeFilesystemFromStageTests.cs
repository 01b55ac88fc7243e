namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3013CopyWholeFilesystemFromStageTests
{
    private const string Id = "DF3013";

    [TestCase("FROM golang:1.23 AS build\nRUN go build ./...\nFROM alpine:3.20\nCOPY --from=build {|#0:/|} /\n", TestName = "root of a stage")]
    [TestCase("FROM golang:1.23 AS build\nRUN go build ./...\nFROM alpine:3.20\nCOPY --from=0 {|#0:/.|} /rootfs/\n", TestName = "by index, /.")]
    [TestCase("FROM golang:1.23 AS base\nRUN apt-get update\nFROM base AS build\nFROM alpine:3.20\nCOPY --from=build {|#0:/*|} /\n", TestName = "a stage built on a stage built on an image")]
    [TestCase("ARG ROOT=/\nFROM golang:1.23 AS build\nRUN make\nFROM alpine:3.20\nARG ROOT\nCOPY --from=build {|#0:$ROOT|} /\n", TestName = "through an ARG")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /out/app /app\n", TestName = "a path")]
    [TestCase("FROM golang:1.23 AS build\nFROM scratch AS export\nCOPY --from=build /out /\nFROM alpine:3.20\nCOPY --from=export / /\n", TestName = "a scratch stage is an export")]
    [TestCase("FROM alpine:3.20\nCOPY --from=busybox:1.36 / /busybox\n", TestName = "an image, not a stage")]
    [TestCase("ARG BASE\nFROM ${BASE} AS rootfs\nFROM scratch\nCOPY --from=rootfs / /\n", TestName = "a stage on an unknown base")]
    [TestCase("FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY / /x\n", TestName = "COPY from the context")]
    [TestCase("FROM tonistiigi/xx:1.9.0 AS xx\nFROM golang:1.23\nCOPY --from=xx / /\n", TestName = "a stage that only names an image")]
    [TestCase("FROM alpine:3.20 AS build\nONBUILD RUN make\nFROM scratch\nCOPY --from=build / /\n", TestName = "ONBUILD RUN does not run in this build")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
