namespace DockerLint.Rules.Tests.Dockerfile.Style;

public sealed class DF5001StageNameCasingTests
{
    private const string Id = "DF5001";

    [TestCase("FROM golang:1.23 AS {|#0:Builder|}\n", TestName = "capitalised")]
    [TestCase("FROM golang:1.23 as {|#0:BUILD|}\nFROM alpine:3.20 AS {|#1:Final|}\n", TestName = "every stage")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM golang:1.23 AS builder\n", TestName = "lower case")]
    [TestCase("FROM golang:1.23 AS build-2.0_x\n", TestName = "digits and separators")]
    [TestCase("FROM golang:1.23\n", TestName = "unnamed")]
    [TestCase("FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=BUILD /a /a\n", TestName = "only names are checked, not references")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
