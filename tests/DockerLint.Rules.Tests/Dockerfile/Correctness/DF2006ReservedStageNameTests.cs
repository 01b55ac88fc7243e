namespace DockerLint.Rules.Tests.Dockerfile.Correctness;

public sealed class DF2006ReservedStageNameTests
{
    private const string Id = "DF2006";

    [TestCase("FROM alpine:3.20 AS {|#0:scratch|}\n", TestName = "scratch")]
    [TestCase("FROM alpine:3.20 AS {|#0:Context|}\n", TestName = "context in any case")]
    [TestCase("FROM alpine:3.20 as \\\n {|#0:context|}\n", TestName = "after a continuation")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM scratch AS base\n", TestName = "FROM scratch itself")]
    [TestCase("FROM alpine:3.20 AS contexts\n", TestName = "a longer name")]
    [TestCase("FROM alpine:3.20\nCOPY --from=scratch / /x\n", TestName = "COPY --from scratch")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
