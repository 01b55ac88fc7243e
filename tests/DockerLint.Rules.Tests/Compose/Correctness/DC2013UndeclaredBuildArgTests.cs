namespace DockerLint.Rules.Tests.Compose.Correctness;

public sealed class DC2013UndeclaredBuildArgTests
{
    private const string Id = "DC2013";

    private const string Dockerfile = "ARG BASE=alpine:3.20\nFROM golang:1.23 AS build\nARG GO_FLAGS\nRUN go build $GO_FLAGS\nFROM alpine:3.20 AS debug\nARG DEBUG_PORT=2345\nFROM ${BASE} AS runtime\nARG APP_VERSION\nCOPY --from=build /app /app\n";

    [TestCase("      args:\n        {|#0:APP_VERSON|}: \"1.2\"\n", TestName = "typo, mapping form")]
    [TestCase("      args:\n        - {|#0:APP_VERSON=1.2|}\n", TestName = "typo, list form")]
    [TestCase("      target: runtime\n      args:\n        {|#0:DEBUG_PORT|}: \"1\"\n", TestName = "declared only in a stage the target does not build")]
    public void Fires(string args)
        => ComposeLint.Catches(Id, ("compose.yaml", "services:\n  api:\n    build:\n      context: api\n" + args), ("api/Dockerfile", Dockerfile));

    [Test]
    public void Fires_on_args_merged_from_an_override()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", "services:\n  api:\n    build:\n      context: api\n      args:\n        BASE: alpine:3.21\n"),
            ("compose.override.yaml", "services:\n  api:\n    build:\n      args:\n        {|#0:GOFLAGS|}: -race\n"),
            ("api/Dockerfile", Dockerfile));

    [TestCase("      args:\n        BASE: alpine:3.21\n        GO_FLAGS: -trimpath\n        APP_VERSION: \"1.2\"\n        HTTP_PROXY: http://proxy:3128\n        BUILDKIT_INLINE_CACHE: \"1\"\n", TestName = "global, stage, copied-from stage, predefined")]
    [TestCase("      target: debug\n      args:\n        DEBUG_PORT: \"2345\"\n", TestName = "the target's own ARG")]
    public void Stays_quiet(string args)
        => ComposeLint.CatchesNot(Id, ("compose.yaml", "services:\n  api:\n    build:\n      context: api\n" + args), ("api/Dockerfile", Dockerfile));

    [Test]
    public void Stays_quiet_without_a_readable_Dockerfile()
        => Lint.ComposeCatchesNot(Id, "services:\n  api:\n    build:\n      context: api\n      args:\n        ANYTHING: x\n");
}
