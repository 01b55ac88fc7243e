namespace DockerLint.Rules.Tests.Dockerfile.Security;

public sealed class DF1021ChownFlagTests
{
    private const string Id = "DF1021";

    [TestCase("FROM node:22\nCOPY {|#0:--chown=node:node|} . /app\n", TestName = "COPY --chown")]
    [TestCase("FROM node:22\nADD {|#0:--chown=1000|} app.tar.gz /app\n", TestName = "ADD --chown")]
    [TestCase("FROM node:22\nARG U=node\nCOPY {|#0:--chown=$U|} . /app\n", TestName = "owner through a variable")]
    [TestCase("FROM node:22\nONBUILD COPY {|#0:--chown=node|} . /app\n", TestName = "ONBUILD trigger")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM node:22\nCOPY . /app\nUSER node\n", TestName = "no --chown")]
    [TestCase("FROM node:22\nCOPY --chmod=644 . /app\n", TestName = "only --chmod")]
    [TestCase("FROM node:22\nRUN chown -R node /app\n", TestName = "chown in RUN is not the flag")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);

    [Test]
    public void Stays_quiet_by_default_because_it_is_opt_in()
    {
        var engine = new DockerLint.Rules.Engine.AnalyzerEngine();
        var result = engine.Analyze(DockerLint.Parser.Model.DockerfileModel.Parse("FROM node:22\nCOPY --chown=node . /app\n"));
        Assert.That(result.Diagnostics.Select(d => d.Id), Does.Not.Contain(Id));
    }
}
