namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3093CurlAndWgetTests
{
    private const string Id = "DF3093";

    [TestCase("FROM debian:12\nRUN curl -fsSLo a https://x.io/a && {|#0:wget|} -q https://x.io/b\n", TestName = "same RUN")]
    [TestCase("FROM debian:12\nRUN wget -q https://x.io/a\nRUN {|#0:curl|} -fsSLo b https://x.io/b\n", TestName = "different RUNs")]
    [TestCase("FROM debian:12\nRUN wget -q x\nRUN {|#0:curl|} -o y z\nRUN curl -o q r\n", TestName = "reported once")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_with_the_line_of_the_first_tool()
    {
        var diagnostic = Lint.Catches(Id, "FROM debian:12\nRUN wget -q a\nRUN curl -o b c\n").Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("'wget' (line 2)"));
    }

    [TestCase("FROM debian:12\nRUN curl -o a x && curl -o b y\n", TestName = "only curl")]
    [TestCase("FROM debian:12 AS fetch\nRUN wget -q x\nFROM debian:12\nRUN curl -o y z\n", TestName = "different stages")]
    [TestCase("FROM debian:12\nRUN apt-get install -y curl wget\n", TestName = "installing both")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
