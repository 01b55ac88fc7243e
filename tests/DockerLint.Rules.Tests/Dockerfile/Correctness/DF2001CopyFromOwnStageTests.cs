namespace DockerLint.Rules.Tests.Dockerfile.Correctness;

public sealed class DF2001CopyFromOwnStageTests
{
    private const string Id = "DF2001";

    [TestCase("FROM golang:1.23 AS build\nCOPY --from={|#0:build|} /a /b\n", TestName = "own stage by name")]
    [TestCase("FROM golang:1.23 AS Build\nCOPY --from={|#0:BUILD|} /a /b\n", TestName = "names compare without case")]
    [TestCase("FROM golang:1.23\nCOPY --from={|#0:0|} /a /b\n", TestName = "own stage by index")]
    [TestCase("FROM alpine:3.20\nFROM golang:1.23 AS build\nRUN --mount=from={|#0:build|},target=/b ls /b\n", TestName = "RUN --mount from its own stage")]
    [TestCase("ARG SELF=build\nFROM golang:1.23 AS build\nARG SELF\nCOPY --from={|#0:${SELF}|} /a /b\n", TestName = "through an ARG")]
    [TestCase("FROM golang:1.23 AS build\nCOPY \\\n  --from={|#0:build|} /a /b\n", TestName = "after a continuation")]
    [TestCase("FROM alpine:3.20 AS a\nCOPY --from={|#0:b|} /x /x\nFROM a AS b\n", TestName = "a later stage built on this one")]
    [TestCase("FROM alpine:3.20 AS a\nCOPY --from={|#0:b|} /x /x\nFROM alpine:3.20 AS b\nCOPY --from={|#1:a|} /y /y\n", TestName = "two stages copying from each other")]
    [TestCase("FROM golang:1.23 AS build\nRUN --mount=from={|#0:build|},target=/b <<EOF\nls /b\nEOF\n", TestName = "RUN with a heredoc")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_with_a_message_that_shows_the_circle()
    {
        var diagnostic = Lint.Catches(Id, "FROM alpine:3.20 AS a\nCOPY --from={|#0:c|} /x /x\nFROM a AS b\nFROM b AS c\n").Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("'c' → 'b' → 'a'"));
    }

    [TestCase("FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /a /b\n", TestName = "an earlier stage")]
    [TestCase("FROM golang:1.23\nFROM alpine:3.20\nCOPY --from=0 /a /b\n", TestName = "an earlier stage by index")]
    [TestCase("FROM alpine:3.20 AS a\nCOPY --from=b /x /x\nFROM alpine:3.20 AS b\n", TestName = "a later stage that does not depend on this one")]
    [TestCase("FROM golang:1.23 AS build\nONBUILD COPY --from=build /a /b\n", TestName = "ONBUILD resolves in the child build")]
    [TestCase("FROM alpine:3.20 AS nginx\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n", TestName = "an image whose name starts like the stage")]
    [TestCase("FROM golang:1.23 AS build\nARG SRC\nCOPY --from=${SRC} /a /b\n", TestName = "an unknown value")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
