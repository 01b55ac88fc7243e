namespace DockerLint.Rules.Tests.Dockerfile.Correctness;

public sealed class DF2003UndefinedArgInFromTests
{
    private const string Id = "DF2003";

    [TestCase("FROM node:{|#0:${NODE_VERSION}|}\n", TestName = "undeclared, braced")]
    [TestCase("FROM {|#0:$REGISTRY|}/alpine:3.20\n", TestName = "undeclared, plain")]
    [TestCase("FROM --platform={|#0:$BUILDPLATFROM|} golang:1.23\n", TestName = "a misspelt platform argument")]
    [TestCase("FROM alpine:3.20\nFROM alpine:{|#0:$TAG|}\n", TestName = "a later FROM")]
    [TestCase("ARG TAG=3.20\nFROM alpine:$TAG\nFROM {|#0:$BASE|}\n", TestName = "another name than the declared one")]
    [TestCase("FROM node:{|#0:${V:-22}|}-${V}\n", TestName = "one bare reference is enough")]
    [TestCase("FROM \\\n  node:{|#0:$V|}\n", TestName = "after a continuation")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_and_says_when_the_arg_comes_too_late()
    {
        var diagnostic = Lint.Catches(Id, "FROM node:{|#0:${NODE_VERSION}|}\nARG NODE_VERSION=22\n").Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("declared after the first FROM"));
    }

    [TestCase("ARG TAG=3.20\nFROM alpine:$TAG\n", TestName = "declared with a default")]
    [TestCase("ARG TAG\nFROM alpine:${TAG}\n", TestName = "declared without a default")]
    [TestCase("FROM --platform=$BUILDPLATFORM golang:1.23\n", TestName = "a platform argument")]
    [TestCase("FROM --platform=${TARGETOS}/${TARGETARCH} alpine:3.20\n", TestName = "platform parts")]
    [TestCase("FROM alpine:${TAG:-3.20}\n", TestName = "a fallback value")]
    [TestCase("FROM alpine:3.20${SUFFIX:+-slim}\n", TestName = "an alternative value")]
    [TestCase("FROM alpine:3.20\nRUN echo $HOME\n", TestName = "other instructions")]
    [TestCase("FROM alpine:3.20 AS base\nFROM base\n", TestName = "no variables")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
