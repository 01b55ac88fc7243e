namespace DockerLint.Rules.Tests.Dockerfile.Security;

public sealed class DF1022ContextCopiedWithoutDockerignoreTests
{
    private const string Id = "DF1022";

    [TestCase("FROM node:22\nWORKDIR /app\nCOPY {|#0:.|} .\n", TestName = "COPY . .")]
    [TestCase("FROM node:22\nCOPY {|#0:./|} /app/\n", TestName = "COPY ./")]
    [TestCase("FROM node:22\nADD {|#0:.|} /app\n", TestName = "ADD .")]
    [TestCase("FROM node:22\nCOPY package.json {|#0:.|} /app/\n", TestName = "among other sources")]
    [TestCase("FROM node:22\nARG SRC=.\nCOPY {|#0:$SRC|} /app\n", TestName = "through a variable")]
    public void Fires(string markup) => Lint.CatchesInContext(Id, markup, dockerIgnore: null);

    [TestCase("FROM node:22\nCOPY package.json /app/\n", null, TestName = "only some files")]
    [TestCase("FROM node:22\nCOPY . /app\n", ".git\n", TestName = "context with a .dockerignore")]
    [TestCase("FROM node:22\nCOPY --from=build . /app\n", null, TestName = "COPY --from")]
    [TestCase("FROM node:22\nONBUILD COPY . /app\n", null, TestName = "ONBUILD trigger copies another build's context")]
    [TestCase("FROM node:22\nARG SRC\nCOPY $SRC /app\n", null, TestName = "unknown source")]
    public void Stays_quiet(string text, string? dockerIgnore) => Lint.CatchesNotInContext(Id, text, dockerIgnore);

    [Test]
    public void Stays_quiet_without_a_build_context() => Lint.CatchesNot(Id, "FROM node:22\nCOPY . .\n");
}
