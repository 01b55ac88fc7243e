namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3055DistributionUpgradeTests
{
    private const string Id = "DF3055";

    [TestCase("FROM debian:12\nRUN apt-get update && {|#0:apt-get dist-upgrade|} -y\n", TestName = "apt-get dist-upgrade")]
    [TestCase("FROM debian:12\nRUN {|#0:apt full-upgrade|} -y\n", TestName = "apt full-upgrade")]
    [TestCase("FROM opensuse/tumbleweed\nRUN {|#0:zypper -n dup|}\n", TestName = "zypper dup")]
    [TestCase("FROM opensuse/leap:15.6\nONBUILD RUN {|#0:zypper dist-upgrade|} -y\n", TestName = "ONBUILD zypper dist-upgrade")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n", TestName = "plain upgrade is DF3056")]
    [TestCase("FROM debian:12\nRUN echo dist-upgrade\n", TestName = "a word")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
