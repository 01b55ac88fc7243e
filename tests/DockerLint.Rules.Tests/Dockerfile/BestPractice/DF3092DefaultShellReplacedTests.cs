namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3092DefaultShellReplacedTests
{
    private const string Id = "DF3092";

    [TestCase("FROM debian:12\nRUN {|#0:ln -sf /bin/bash /bin/sh|}\n", TestName = "ln -sf bash sh")]
    [TestCase("FROM debian:12\nRUN rm /bin/sh && {|#0:ln -s /bin/bash /bin/sh|}\n", TestName = "after rm")]
    [TestCase("FROM debian:12\nRUN {|#0:ln -s -f /usr/bin/zsh /usr/bin/sh|}\n", TestName = "usr/bin")]
    [TestCase("FROM debian:12\nONBUILD RUN {|#0:ln -sf bash /bin/sh|}\n", TestName = "ONBUILD RUN")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN echo hi\n", TestName = "SHELL")]
    [TestCase("FROM debian:12\nRUN ln -s /bin/sh /usr/local/bin/mysh && ln -sf /usr/bin/python3 /usr/bin/python\n", TestName = "other links")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
