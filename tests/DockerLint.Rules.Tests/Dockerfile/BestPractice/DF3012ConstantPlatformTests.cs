using DockerLint.Parser.Model;

namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3012ConstantPlatformTests
{
    private const string Id = "DF3012";

    [TestCase("FROM --platform={|#0:linux/amd64|} node:22\n", TestName = "a constant")]
    [TestCase("FROM --platform={|#0:\"linux/arm64\"|} alpine:3.20 AS build\n", TestName = "quoted, with a stage name that does not mention it")]
    [TestCase("FROM \\\n  --platform={|#0:windows/amd64|} \\\n  mcr.microsoft.com/windows/nanoserver:ltsc2022\n", TestName = "after continuations")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM node:22\n", TestName = "no flag")]
    [TestCase("FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n", TestName = "BUILDPLATFORM")]
    [TestCase("FROM --platform=${TARGETOS}/${TARGETARCH} alpine:3.20\n", TestName = "variables")]
    [TestCase("ARG PLATFORM=linux/amd64\nFROM --platform=$PLATFORM alpine:3.20\n", TestName = "an ARG")]
    [TestCase("FROM --platform=linux/arm64 alpine:3.20 AS build-arm64\n", TestName = "the stage name mentions the architecture")]
    [TestCase("FROM --platform=windows/amd64 alpine:3.20 AS tools_windows\n", TestName = "the stage name mentions the OS")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);

    [TestCase("release/ubuntu22.04-arm32v7/docker/Dockerfile", "linux/arm/v7", TestName = "Stays_quiet when a folder names the architecture")]
    [TestCase("Dockerfile.arm64", "linux/arm64", TestName = "Stays_quiet when the file name names the architecture")]
    public void Stays_quiet_for_a_file_kept_for_one_platform(string path, string platform)
    {
        var result = Lint.Engine.Analyze(DockerfileModel.Parse($"FROM --platform={platform} alpine:3.20\n", path));
        Assert.That(result.Diagnostics.Where(d => d.Id == Id), Is.Empty);
    }

    [Test]
    public void Fires_when_the_path_names_another_architecture()
    {
        var result = Lint.Engine.Analyze(DockerfileModel.Parse("FROM --platform=linux/arm64 alpine:3.20\n", "amd64/Dockerfile"));
        Assert.That(result.Diagnostics.Where(d => d.Id == Id), Is.Not.Empty);
    }
}
