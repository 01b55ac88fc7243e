namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3054AptInScriptTests
{
    private const string Id = "DF3054";

    [TestCase("FROM ubuntu:24.04\nRUN {|#0:apt|} update && {|#1:apt|} install -y curl\n", TestName = "apt update and install")]
    [TestCase("FROM ubuntu:24.04\nRUN sudo {|#0:/usr/bin/apt|} upgrade -y\n", TestName = "with a path and sudo")]
    [TestCase("FROM ubuntu:24.04\nONBUILD RUN {|#0:apt|} install -y curl\n", TestName = "ONBUILD RUN")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_with_the_stable_tool() =>
        Assert.That(Lint.Catches(Id, "FROM a\nRUN {|#0:apt|} search curl\n").Single().GetMessage(), Does.Contain("apt-cache search"));

    [TestCase("FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl && apt-cache policy curl && apt-mark hold curl\n", TestName = "apt-get and friends")]
    [TestCase("FROM ubuntu:24.04\nRUN echo apt install curl\n", TestName = "words of another command")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
