namespace DockerLint.Rules.Tests.Dockerfile.Style;

public sealed class DF5011FromAsCasingTests
{
    private const string Id = "DF5011";

    [TestCase("FROM node:22 {|#0:as|} build\n", TestName = "upper FROM, lower as")]
    [TestCase("from node:22 {|#0:AS|} build\n", TestName = "lower from, upper AS")]
    [TestCase("FROM node:22 {|#0:As|} build\n", TestName = "mixed AS")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM node:22 AS build\n", TestName = "both upper")]
    [TestCase("from node:22 as build\n", TestName = "both lower")]
    [TestCase("FROM node:22\n", TestName = "no stage name")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
