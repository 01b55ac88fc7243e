namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3096ConsecutiveRunTests
{
    private const string Id = "DF3096";

    [TestCase("FROM debian:12\nRUN apt-get update\n{|#0:RUN|} apt-get install -y curl\n", TestName = "two RUNs")]
    [TestCase("FROM debian:12\nRUN a\n{|#0:RUN|} b\n{|#1:RUN|} c\n", TestName = "three RUNs")]
    [TestCase("FROM debian:12\nRUN --mount=type=cache,target=/root/.cache a\n{|#0:RUN|} --mount=type=cache,target=/root/.cache b\n", TestName = "same flags")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM debian:12\nRUN a\nCOPY x /x\nRUN b\n", TestName = "separated")]
    [TestCase("FROM debian:12\nRUN a\nRUN --network=none b\n", TestName = "different flags")]
    [TestCase("FROM debian:12\nRUN a\n# the slow step, cached on its own\nRUN b\n", TestName = "comment between")]
    [TestCase("FROM debian:12\nRUN a\nRUN <<EOF\nb\nEOF\n", TestName = "heredoc")]
    [TestCase("FROM debian:12\nRUN a\nFROM debian:12\nRUN b\n", TestName = "different stages")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
