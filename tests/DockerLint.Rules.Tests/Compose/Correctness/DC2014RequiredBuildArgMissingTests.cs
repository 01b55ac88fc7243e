namespace DockerLint.Rules.Tests.Compose.Correctness;

public sealed class DC2014RequiredBuildArgMissingTests
{
    private const string Id = "DC2014";

    [TestCase("ARG BASE\nFROM ${BASE}\n", TestName = "braces")]
    [TestCase("ARG REGISTRY\nFROM $REGISTRY/app:1\n", TestName = "bare $NAME")]
    [TestCase("ARG BASE\nFROM ${BASE} AS base\nFROM alpine:3.20\nCOPY --from=base /x /x\n", TestName = "a stage the last one copies from")]
    public void Fires(string dockerfile)
        => ComposeLint.Catches(Id, ("compose.yaml", "services:\n  api:\n    {|#0:build|}: ./api\n"), ("api/Dockerfile", dockerfile));

    [Test]
    public void Fires_on_an_inline_Dockerfile()
        => Lint.ComposeCatches(Id, "services:\n  api:\n    {|#0:build|}:\n      args:\n        OTHER: x\n      dockerfile_inline: |\n        ARG OTHER\n        ARG BASE\n        FROM $${BASE}\n");

    [TestCase("ARG BASE=alpine:3.20\nFROM ${BASE}\n", "", TestName = "a default")]
    [TestCase("ARG BASE\nFROM ${BASE:-alpine:3.20}\n", "", TestName = "a default in the FROM")]
    [TestCase("ARG BASE\nFROM ${BASE}\n", "      args:\n        BASE: alpine:3.20\n", TestName = "supplied")]
    [TestCase("ARG BASE\nFROM ${BASE}\n", "      args:\n        - BASE\n", TestName = "supplied from the environment")]
    [TestCase("ARG BASE\nFROM ${BASE} AS unused\nFROM alpine:3.20\n", "", TestName = "a stage the build does not involve")]
    [TestCase("ARG BASEIMAGE=x\nARG BASE\nFROM $BASEIMAGE\n", "", TestName = "a longer name")]
    public void Stays_quiet(string dockerfile, string args)
        => ComposeLint.CatchesNot(Id, ("compose.yaml", "services:\n  api:\n    build:\n      context: api\n" + args), ("api/Dockerfile", dockerfile));
}
