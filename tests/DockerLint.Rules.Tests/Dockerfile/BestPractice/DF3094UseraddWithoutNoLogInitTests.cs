namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3094UseraddWithoutNoLogInitTests
{
    private const string Id = "DF3094";

    [TestCase("FROM debian:12\nRUN useradd -u {|#0:1000001|} -m app\n", TestName = "high UID")]
    [TestCase("FROM debian:12\nRUN groupadd -g 200000 g && useradd -m -u {|#0:200000|} -g g app\n", TestName = "after groupadd")]
    [TestCase("FROM debian:12\nRUN useradd {|#0:--uid=123456|} app\n", TestName = "--uid=")]
    [TestCase("FROM debian:12\nONBUILD RUN useradd -u {|#0:999999|} app\n", TestName = "ONBUILD RUN")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM debian:12\nRUN useradd -l -u 1000001 app\n", TestName = "-l")]
    [TestCase("FROM debian:12\nRUN useradd --no-log-init -u 1000001 app\n", TestName = "--no-log-init")]
    [TestCase("FROM debian:12\nRUN useradd -rlm -u 1000001 app\n", TestName = "combined flags")]
    [TestCase("FROM debian:12\nRUN useradd -u 1001 -m app\n", TestName = "usual UID")]
    [TestCase("FROM debian:12\nARG UID=1000001\nRUN useradd -u $UID app\n", TestName = "UID from a variable is not read")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
