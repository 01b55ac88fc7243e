namespace DockerLint.Rules.Tests.Dockerfile.Correctness;

public sealed class DF2002UndefinedStageReferenceTests
{
    private const string Id = "DF2002";

    [TestCase("FROM alpine:3.20\nCOPY --from={|#0:builder|} /a /a\nFROM golang:1.23 AS builder\n", TestName = "a stage defined later")]
    [TestCase("FROM alpine:3.20\nCOPY --from={|#0:1|} /a /a\nFROM golang:1.23\n", TestName = "a later stage by index")]
    [TestCase("FROM golang:1.23\nFROM alpine:3.20\nCOPY --from={|#0:2|} /a /a\n", TestName = "an index with no stage")]
    [TestCase("FROM golang:1.23\nRUN --mount=from={|#0:5|},target=/x ls /x\n", TestName = "RUN --mount from an index with no stage")]
    [TestCase("FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from={|#0:biulder|} /a /a\n", TestName = "a typo of a stage name")]
    [TestCase("FROM golang:1.23 AS dependencies\nFROM alpine:3.20\nCOPY --from={|#0:dependecies|} /a /a\n", TestName = "two letters off a long name")]
    [TestCase("FROM golang:1.23 AS build\nFROM alpine:3.20\nRUN --mount=from={|#0:buidl|},target=/x ls /x\n", TestName = "RUN --mount from a typo")]
    [TestCase("ARG SRC=biulder\nFROM golang:1.23 AS builder\nFROM alpine:3.20\nARG SRC\nCOPY --from={|#0:$SRC|} /a /a\n", TestName = "a typo through an ARG")]
    [TestCase("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022 AS builder\nSHELL [\"powershell\", \"-Command\"]\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY --from={|#0:buidler|} C:\\out C:\\app\n", TestName = "Windows escape and PowerShell")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=builder /a /a\nCOPY --from=0 /b /b\n", TestName = "earlier stages")]
    [TestCase("FROM alpine:3.20\nRUN --mount=from=builder,target=/x ls /x\nFROM golang:1.23 AS builder\n", TestName = "RUN --mount from a later stage is BuildKit-only anyway")]
    [TestCase("FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n", TestName = "an image")]
    [TestCase("FROM alpine:3.20 AS build\nFROM alpine:3.20\nCOPY --from=assets /a /a\n", TestName = "a bare name far from every stage may be a build context")]
    [TestCase("FROM alpine:3.20 AS web\nFROM alpine:3.20\nCOPY --from=wet /a /a\n", TestName = "short names are not compared")]
    [TestCase("FROM golang:1.23 AS builder\nFROM alpine:3.20\nCOPY --from=ghcr.io/x/builder:1 /a /a\n", TestName = "an image that contains the stage's name")]
    [TestCase("FROM alpine:3.20\nONBUILD COPY --from=builder /a /a\nFROM golang:1.23 AS builder\n", TestName = "ONBUILD resolves in the child build")]
    [TestCase("FROM alpine:3.20\nARG SRC\nCOPY --from=$SRC /a /a\n", TestName = "an unknown value")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
