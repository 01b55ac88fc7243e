namespace DockerLint.Rules.Tests.Dockerfile.Style;

public sealed class DF5040WgetWithoutProgressTests
{
    private const string Id = "DF5040";

    [TestCase("FROM debian:12\nRUN {|#0:wget|} https://x.io/a.tgz\n", TestName = "plain wget")]
    [TestCase("FROM debian:12\nRUN {|#0:wget|} -O /tmp/a https://x.io/a\n", TestName = "-O is not -o")]
    [TestCase("FROM debian:12\nONBUILD RUN {|#0:wget|} x\n", TestName = "ONBUILD RUN")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM debian:12\nRUN wget --progress=dot:giga https://x.io/a.tgz\n", TestName = "--progress")]
    [TestCase("FROM debian:12\nRUN wget -q https://x.io/a && wget -qO- https://x.io/b > b && wget -nv c\n", TestName = "quiet forms")]
    [TestCase("FROM debian:12\nRUN wget -o /tmp/log https://x.io/a\n", TestName = "log to a file")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
