namespace DockerLint.Rules.Tests.Suppressions;

public sealed class DF2091UnknownSuppressionIdTests
{
    private const string Id = "DF2091";

    [TestCase("# dockerlint ignore={|#0:DF30001|}\nFROM alpine\n")]
    [TestCase("# dockerlint ignore=DF3001,{|#0:hadolint:DL9999|}\nFROM alpine\n")]
    [TestCase("FROM alpine:3.20\n# dockerlint disable={|#0:nope|}\n")]
    [TestCase("FROM alpine:3.20\n{|#0:# dockerlint ignroe=DF3001|}\nRUN true\n")]
    [TestCase("FROM alpine:3.20\n{|#0:# dockerlint global disable=DF3001|}\nRUN true\n")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("# dockerlint ignore=DF3001\nFROM alpine\n")]
    [TestCase("# dockerlint ignore=df3001,DL3007,all\nFROM alpine\n")]
    [TestCase("# hadolint ignore=DL9999\nFROM alpine:3.20\n")]
    [TestCase("# check=skip=NoSuchCheck\nFROM alpine:3.20\n")]
    [TestCase("# dockerlint is run in CI\nFROM alpine:3.20\n")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
