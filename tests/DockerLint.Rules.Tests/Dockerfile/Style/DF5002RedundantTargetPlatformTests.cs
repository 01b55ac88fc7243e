namespace DockerLint.Rules.Tests.Dockerfile.Style;

public sealed class DF5002RedundantTargetPlatformTests
{
    private const string Id = "DF5002";

    [TestCase("FROM --platform={|#0:$TARGETPLATFORM|} alpine:3.20\n", TestName = "plain")]
    [TestCase("FROM --platform={|#0:${TARGETPLATFORM}|} alpine:3.20 AS a\n", TestName = "braced")]
    [TestCase("FROM --platform={|#0:\"${TARGETPLATFORM}\"|} alpine:3.20\n", TestName = "quoted")]
    [TestCase("ARG TARGETPLATFORM\nFROM --platform={|#0:$TARGETPLATFORM|} alpine:3.20\n", TestName = "redeclared without a default")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM --platform=$BUILDPLATFORM alpine:3.20\n", TestName = "BUILDPLATFORM")]
    [TestCase("FROM --platform=${TARGETOS}/${TARGETARCH} alpine:3.20\n", TestName = "parts of the target platform")]
    [TestCase("ARG TARGETPLATFORM=linux/amd64\nFROM --platform=$TARGETPLATFORM alpine:3.20\n", TestName = "redeclared with a default")]
    [TestCase("FROM alpine:3.20\n", TestName = "no flag")]
    [TestCase("FROM --platform=$TARGETPLATFORM-x alpine:3.20\n", TestName = "more than the variable")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
