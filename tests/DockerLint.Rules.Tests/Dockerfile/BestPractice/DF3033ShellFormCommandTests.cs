namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3033ShellFormCommandTests
{
    private const string Id = "DF3033";

    [TestCase("FROM node:22\nCMD {|#0:node server.js|}\n", TestName = "CMD")]
    [TestCase("FROM node:22\nENTRYPOINT {|#0:/docker-entrypoint.sh|}\n", TestName = "ENTRYPOINT")]
    [TestCase("FROM node:22\nCMD {|#0:node \\\n  server.js|}\n", TestName = "over a continuation")]
    [TestCase("FROM node:22\nONBUILD CMD {|#0:node x|}\n", TestName = "ONBUILD trigger")]
    [TestCase("FROM node:22 AS a\nSHELL [\"/bin/bash\", \"-c\"]\nFROM node:22\nCMD {|#0:node x|}\n", TestName = "SHELL of an unrelated stage")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM node:22\nCMD [\"node\", \"server.js\"]\n", TestName = "exec form")]
    [TestCase("FROM node:22\nCMD exec node server.js\n", TestName = "exec replaces the shell")]
    [TestCase("FROM node:22\nSHELL [\"/bin/bash\", \"-c\"]\nCMD node server.js\n", TestName = "explicit SHELL")]
    [TestCase("FROM node:22 AS base\nSHELL [\"pwsh\", \"-Command\"]\nFROM base\nCMD Start-App\n", TestName = "SHELL of the parent stage")]
    [TestCase("FROM node:22\nRUN npm ci\n", TestName = "RUN in shell form is fine")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
