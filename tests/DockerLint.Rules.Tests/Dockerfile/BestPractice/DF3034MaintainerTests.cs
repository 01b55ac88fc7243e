namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3034MaintainerTests
{
    private const string Id = "DF3034";

    [TestCase("FROM x\n{|#0:MAINTAINER|} Jane <jane@example.com>\n", TestName = "MAINTAINER")]
    [TestCase("FROM x\n{|#0:maintainer|} jane\n", TestName = "lower case")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_and_suggests_the_label()
        => Assert.That(Lint.Catches(Id, "FROM x\nMAINTAINER Jane Doe\n").Single().GetMessage(), Does.Contain("LABEL org.opencontainers.image.authors=\"Jane Doe\""));

    [TestCase("FROM x\nLABEL org.opencontainers.image.authors=\"Jane\"\n", TestName = "label")]
    [TestCase("FROM x\nLABEL maintainer=\"Jane\"\n", TestName = "maintainer label")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
