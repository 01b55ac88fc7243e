namespace DockerLint.Rules.Tests.Compose.Correctness;

public sealed class DC2012BuildTargetMissingTests
{
    private const string Id = "DC2012";

    private const string Dockerfile = "FROM golang:1.23 AS build\nRUN go build\nFROM alpine:3.20 AS Runtime\nCOPY --from=build /app /app\n";

    [TestCase("services:\n  api:\n    build:\n      context: api\n      target: {|#0:prod|}\n", TestName = "unknown stage")]
    [TestCase("services:\n  api:\n    build:\n      context: api\n      target: {|#0:${TARGET}|}\n", TestName = "interpolated")]
    public void Fires(string markup)
        => ComposeLint.Catches(Id, ("compose.yaml", markup), (".env", "TARGET=release\n"), ("api/Dockerfile", Dockerfile));

    [Test]
    public void Fires_on_a_Dockerfile_without_named_stages()
        => Lint.ComposeCatches(Id, "services:\n  api:\n    build:\n      target: {|#0:prod|}\n      dockerfile_inline: |\n        FROM alpine:3.20\n");

    [TestCase("services:\n  api:\n    build:\n      context: api\n      target: runtime\n", TestName = "case-insensitive match")]
    [TestCase("services:\n  api:\n    build:\n      context: api\n      target: build\n", TestName = "an earlier stage")]
    [TestCase("services:\n  api:\n    build:\n      context: api\n      target: ${UNSET_TARGET}\n", TestName = "unknown target")]
    [TestCase("services:\n  api:\n    build:\n      context: other\n      target: prod\n", TestName = "unreadable Dockerfile")]
    public void Stays_quiet(string yaml)
        => ComposeLint.CatchesNot(Id, ("compose.yaml", yaml), ("api/Dockerfile", Dockerfile));
}
