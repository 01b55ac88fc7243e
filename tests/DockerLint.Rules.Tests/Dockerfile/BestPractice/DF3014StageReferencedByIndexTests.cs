namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3014StageReferencedByIndexTests
{
    private const string Id = "DF3014";

    [TestCase("FROM golang:1.23\nFROM alpine:3.20\nCOPY --from={|#0:0|} /a /a\n", TestName = "COPY --from an index")]
    [TestCase("FROM golang:1.23 AS build\nFROM alpine:3.20\nRUN --mount=type=bind,from={|#0:0|},target=/b ls /b\n", TestName = "RUN --mount from an index")]
    [TestCase("ARG N=0\nFROM golang:1.23\nFROM alpine:3.20\nARG N\nCOPY --from={|#0:$N|} /a /a\n", TestName = "through an ARG")]
    [TestCase("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nFROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nCOPY --from={|#0:0|} `\n  C:\\out C:\\app\n", TestName = "Windows escape and a continuation")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_with_the_stage_name_when_there_is_one()
    {
        var diagnostic = Lint.Catches(Id, "FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from={|#0:0|} /a /a\n").Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("--from=build"));
    }

    [TestCase("FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /a /a\n", TestName = "a name")]
    [TestCase("FROM golang:1.23\nFROM alpine:3.20\nCOPY --from=7 /a /a\n", TestName = "an index with no stage is DF2002's")]
    [TestCase("FROM golang:1.23\nONBUILD COPY --from=0 /a /a\n", TestName = "ONBUILD")]
    [TestCase("FROM alpine:3.20\nCOPY --from=3.20 /a /a\n", TestName = "not only digits")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
