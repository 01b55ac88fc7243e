using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;

namespace DockerLint.Rules.Tests.Suppressions;

public sealed class DF2090UnusedSuppressionTests
{
    private const string Id = "DF2090";

    [TestCase("FROM alpine:3.20\n# dockerlint ignore={|#0:DF3001|}\nRUN true\n")]
    [TestCase("# dockerlint ignore=DF3001,{|#0:DF1002|} -- one of two is stale\nFROM alpine\n")]
    [TestCase("FROM alpine:3.20\n# dockerlint ignore={|#0:all|}\nRUN true\n")]
    [TestCase("FROM alpine:3.20\n# dockerlint disable={|#0:DF3001|}\nRUN true\n# dockerlint enable=DF3001\n")]
    [TestCase("# dockerlint ignore={|#0:DF3001|}\n\nFROM alpine\n")]
    [TestCase("FROM alpine:3.20\n# dockerlint ignore={|#0:hadolint:DL3006|}\nRUN true\n")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("# dockerlint ignore=DF3001\nFROM alpine\n")]
    [TestCase("FROM alpine:3.20\n# hadolint ignore=DL3006\nRUN true\n")]
    [TestCase("FROM alpine:3.20\n# check=skip=SecretsUsedInArgOrEnv\nRUN true\n")]
    [TestCase("# dockerlint ignore=DF9999\nFROM alpine:3.20\n")]
    [TestCase("FROM alpine:3.20\n# just a comment about dockerlint ignore=DF3001\nRUN true\n")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);

    [Test]
    public void Stays_quiet_for_a_rule_that_did_not_run()
    {
        var engine = new AnalyzerEngine(Lint.Engine.Rules.Where(r => r.Id != "DF3001"), new EngineOptions());
        var result = engine.Analyze(DockerfileModel.Parse("FROM alpine:3.20\n# dockerlint ignore=DF3001\nRUN true\n"));
        Assert.That(result.Diagnostics.Where(d => d.Id == Id), Is.Empty);
    }
}
