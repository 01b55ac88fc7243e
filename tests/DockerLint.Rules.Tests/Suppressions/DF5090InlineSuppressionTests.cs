using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;

namespace DockerLint.Rules.Tests.Suppressions;

public sealed class DF5090InlineSuppressionTests
{
    private const string Id = "DF5090";

    [TestCase("{|#0:# dockerlint ignore=DF3001 -- why|}\nFROM alpine\n")]
    [TestCase("{|#0:# hadolint ignore=DL3006|}\nFROM alpine\n")]
    [TestCase("{|#0:# check=skip=all|}\nFROM alpine\n")]
    [TestCase("FROM alpine\n{|#0:# dockerlint disable=DF3001,DF1001|}\nRUN true\n# dockerlint enable=all\n")]
    [TestCase("FROM alpine\nRUN true \\\n{|#0:# dockerlint ignore=DF3003|}\n  && true\n")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("# a plain comment\nFROM alpine:3.20\n")]
    [TestCase("# syntax=docker/dockerfile:1\n# check=error=true\nFROM alpine:3.20\n")]
    [TestCase("FROM alpine:3.20\nRUN <<EOF\n# dockerlint ignore=DF3001\nEOF\n")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);

    [Test]
    public void Stays_quiet_unless_turned_on()
    {
        var result = new AnalyzerEngine().Analyze(DockerfileModel.Parse("# hadolint ignore=DL3006\nFROM alpine\n"));
        Assert.That(result.Diagnostics.Where(d => d.Id == Id), Is.Empty);
    }
}
