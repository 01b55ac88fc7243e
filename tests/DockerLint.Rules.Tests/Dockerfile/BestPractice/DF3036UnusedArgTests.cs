namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3036UnusedArgTests
{
    private const string Id = "DF3036";

    [TestCase("ARG {|#0:VERSION|}=1\nFROM alpine:3.20\nCOPY a /a\n", TestName = "global ARG nobody reads")]
    [TestCase("ARG {|#0:VERSION|}=1\nFROM alpine:3.20\nRUN echo $VERSION\n", TestName = "global ARG used in RUN without ARG in the stage")]
    [TestCase("FROM alpine:3.20\nARG {|#0:MODE|}=prod\nCOPY a /a\n", TestName = "stage ARG in a stage without RUN")]
    [TestCase("FROM alpine:3.20\nCOPY a /$DIR\nARG {|#0:DIR|}\n", TestName = "used only before it is declared")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("ARG TAG=3.20\nFROM alpine:$TAG\n", TestName = "used by FROM")]
    [TestCase("ARG P=linux/amd64\nFROM --platform=$P alpine:3.20\n", TestName = "used by --platform")]
    [TestCase("ARG V=1\nFROM alpine:3.20\nARG V\nRUN echo $V\n", TestName = "declared again in a stage")]
    [TestCase("ARG A=1\nARG B=$A\nFROM alpine:$B\n", TestName = "used by another global default")]
    [TestCase("FROM alpine:3.20\nARG DEBIAN_FRONTEND=noninteractive\nRUN apt-get update\n", TestName = "stage with RUN may read it from the environment")]
    [TestCase("FROM alpine:3.20\nARG DIR=/app\nCOPY a ${DIR}/\n", TestName = "used in COPY")]
    [TestCase("FROM alpine:3.20\nARG V\nLABEL version=$V\n", TestName = "used in LABEL")]
    [TestCase("ARG BUILDKIT_INLINE_CACHE=1\nFROM alpine:3.20\n", TestName = "BuildKit's own argument")]
    [TestCase("ARG HTTP_PROXY\nFROM alpine:3.20\n", TestName = "proxy argument")]
    [TestCase("FROM alpine:3.20\nARG V=1\nONBUILD LABEL v=$V\n", TestName = "used by an ONBUILD trigger")]
    [TestCase("FROM alpine:3.20 AS base\nARG V=1\nFROM base\nLABEL v=$V\n", TestName = "used by a stage built on it")]
    [TestCase("FROM alpine:3.20 AS base\nARG MODE=prod\nFROM base\nRUN make\n", TestName = "a stage built on it runs commands")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
