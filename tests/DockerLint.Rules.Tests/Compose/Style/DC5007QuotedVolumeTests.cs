namespace DockerLint.Rules.Tests.Compose.Style;

public sealed class DC5007QuotedVolumeTests
{
    private const string Id = "DC5007";

    [TestCase("services:\n  db:\n    image: a:1\n    volumes:\n      - {|#0:\"./data:/data:ro\"|}\n      - {|#1:'${DIR}:/x'|}\n", TestName = "double and single quotes")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup);

    [TestCase("services:\n  db:\n    image: a:1\n    volumes:\n      - ./data:/data\n      - \"./my files: old:/data\"\n      - \"*weird:/x\"\n      - type: bind\n        source: \"./x\"\n        target: /x\n", TestName = "unquoted, quotes needed, long syntax")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
