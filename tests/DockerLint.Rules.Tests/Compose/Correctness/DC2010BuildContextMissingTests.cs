namespace DockerLint.Rules.Tests.Compose.Correctness;

public sealed class DC2010BuildContextMissingTests
{
    private const string Id = "DC2010";

    [TestCase("services:\n  api:\n    build: {|#0:./api|}\n", TestName = "short syntax")]
    [TestCase("services:\n  api:\n    build:\n      context: {|#0:${API_DIR}|}\n", TestName = "interpolated from .env")]
    [TestCase("services:\n  api:\n    build:\n      context: {|#0:${API_DIR:-./services/api}|}\n", TestName = "interpolation default")]
    [TestCase("x-build: &build\n  context: {|#0:./shared|}\nservices:\n  a:\n    build: *build\n  b:\n    build: *build\n", TestName = "anchor: reported once")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup, "API_DIR=./backend\n");

    [Test]
    public void Fires_relative_to_the_included_file()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", "include:\n  - sub/compose.yaml\n"),
            ("sub/compose.yaml", "services:\n  api:\n    build: {|#0:./api|}\n"),
            ("api/Dockerfile", "FROM alpine:3.20\n"));

    [Test]
    public void Stays_quiet_when_the_context_exists_next_to_the_included_file()
        => ComposeLint.CatchesNot(
            Id,
            ("compose.yaml", "include:\n  - sub/compose.yaml\n"),
            ("sub/compose.yaml", "services:\n  api:\n    build: ./api\n"),
            ("sub/api/Dockerfile", "FROM alpine:3.20\n"));

    [Test]
    public void Stays_quiet_when_the_extended_file_resolves_it_from_its_folder()
        => ComposeLint.CatchesNot(
            Id,
            ("compose.yaml", "services:\n  api:\n    extends:\n      file: common/base.yaml\n      service: base\n"),
            ("common/base.yaml", "services:\n  base:\n    build: ./api\n"),
            ("common/api/Dockerfile", "FROM alpine:3.20\n"));

    [TestCase("services:\n  api:\n    build: .\n", TestName = "the project folder")]
    [TestCase("services:\n  api:\n    build: https://github.com/example/api.git#main\n", TestName = "git URL")]
    [TestCase("services:\n  api:\n    build: git@github.com:example/api.git\n", TestName = "git SSH")]
    [TestCase("services:\n  api:\n    build:\n      context: ${UNKNOWN_DIR}\n", TestName = "unknown variable")]
    [TestCase("services:\n  api:\n    build:\n      dockerfile_inline: \"FROM alpine:3.20\"\n", TestName = "inline without context")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
