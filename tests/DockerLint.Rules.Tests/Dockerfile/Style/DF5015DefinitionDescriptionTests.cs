namespace DockerLint.Rules.Tests.Dockerfile.Style;

public sealed class DF5015DefinitionDescriptionTests
{
    private const string Id = "DF5015";

    [TestCase("{|#0:# Build the binary|}\nFROM golang:1.23 AS build\n", TestName = "stage")]
    [TestCase("{|#0:# The version to install|}\nARG VERSION=1\nFROM x\n", TestName = "global ARG")]
    [TestCase("FROM x\n{|#0:# first line|}\n# VERSION second line\nARG VERSION\n", TestName = "first line of the block counts")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("# build compiles the binary\nFROM golang:1.23 AS build\n", TestName = "stage description")]
    [TestCase("# VERSION the version to install\nARG VERSION=1\nFROM x\n", TestName = "ARG description")]
    [TestCase("# A note\n\nFROM golang:1.23 AS build\n", TestName = "blank line between")]
    [TestCase("# A note\nFROM golang:1.23\n", TestName = "unnamed stage")]
    [TestCase("FROM x\nRUN a\n# A note\nRUN b\n", TestName = "other instructions")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
