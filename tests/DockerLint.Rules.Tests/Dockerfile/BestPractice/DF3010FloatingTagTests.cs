namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3010FloatingTagTests
{
    private const string Id = "DF3010";

    [TestCase("FROM nginx:{|#0:stable|}\n", TestName = "stable")]
    [TestCase("FROM alpine:{|#0:edge|}\n", TestName = "edge")]
    [TestCase("FROM node:{|#0:lts-slim|}\n", TestName = "lts with a variant")]
    [TestCase("FROM nginx:{|#0:stable-alpine3.20|}\n", TestName = "a variant with a version is still the channel")]
    [TestCase("FROM cgr.dev/chainguard/go:{|#0:latest-dev|}\n", TestName = "latest with a variant")]
    [TestCase("FROM ghcr.io/org/app:{|#0:main|}\n", TestName = "a branch name")]
    [TestCase("FROM ghcr.io/org/app:{|#0:main-abcdef|}\n", TestName = "a branch with a word that is not a hash")]
    [TestCase("FROM rust:{|#0:NIGHTLY|}\n", TestName = "upper case")]
    [TestCase("ARG CHANNEL=edge\nFROM {|#0:alpine:${CHANNEL}|}\n", TestName = "through an ARG default: the whole word")]
    [TestCase("FROM alpine:3.20\nCOPY --from=ghcr.io/org/tools:{|#0:nightly|} /t /t\n", TestName = "COPY --from an image")]
    [TestCase("FROM alpine:3.20\nRUN --mount=from=ghcr.io/org/tools:{|#0:dev|},target=/t ls /t\n", TestName = "RUN --mount from an image")]
    [TestCase("FROM alpine:3.20\nONBUILD COPY --from=org/tools:{|#0:canary|} /t /t\n", TestName = "ONBUILD COPY --from")]
    [TestCase("FROM node:{|#0:lts|} AS build\nFROM build\n", TestName = "a stage's base image")]
    [TestCase("# escape=`\nFROM mcr.microsoft.com/powershell:{|#0:lts-nanoserver-ltsc2022|}\nSHELL [\"pwsh\", \"-Command\"]\n", TestName = "Windows escape")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_with_a_message_that_names_the_channel()
    {
        var diagnostic = Lint.Catches(Id, "FROM node:{|#0:lts-alpine|}\n").Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("follows the 'lts' channel"));
    }

    [TestCase("FROM ubuntu:{|#0:jammy|}\n", TestName = "a configured codename")]
    [TestCase("FROM ubuntu:{|#0:jammy-curl|}\n", TestName = "a configured codename with a variant")]
    public void Fires_with_the_configured_list(string markup)
        => Lint.Catches(Id, markup, Lint.Options(("prohibited-tags", ["jammy"])));

    [TestCase("FROM nginx:1.27-alpine\n", TestName = "a version")]
    [TestCase("FROM nginx:latest\n", TestName = "latest is DF3001's")]
    [TestCase("FROM nginx\n", TestName = "no tag is DF3001's")]
    [TestCase("FROM rust:nightly-2024-05-01\n", TestName = "a dated nightly")]
    [TestCase("FROM node:lts-20.04\n", TestName = "a channel with a version")]
    [TestCase("FROM ghcr.io/org/app:main-3f2a1bc\n", TestName = "a branch with a commit hash")]
    [TestCase("FROM python:3.12-dev\n", TestName = "dev as a variant after a version")]
    [TestCase("FROM developer/tool:1.0\n", TestName = "a repository that starts like a channel")]
    [TestCase("FROM nginx:stablish\n", TestName = "a word that only starts like a channel")]
    [TestCase("FROM alpine:edge@sha256:1e42bbe2508154c9126d48c2b8a75420c3544343bf86fd041fb7527e017a4b4a\n", TestName = "pinned by digest")]
    [TestCase("ARG TAG\nFROM alpine:${TAG}\n", TestName = "unknown tag")]
    [TestCase("FROM golang:1.23 AS dev\nFROM dev\nCOPY --from=dev /a /a\n", TestName = "a stage called dev")]
    [TestCase("FROM alpine:3.20\nCOPY --from=main /a /a\n", TestName = "a bare --from name may be a build context")]
    [TestCase("FROM scratch\n", TestName = "scratch")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);

    [TestCase("FROM nginx:stable\n", TestName = "a default channel the configured list leaves out")]
    [TestCase("FROM ubuntu:jammy-20240530\n", TestName = "a dated release of a configured codename")]
    public void Stays_quiet_with_the_configured_list(string text)
        => Lint.CatchesNot(Id, text, Lint.Options(("prohibited-tags", ["jammy"])));
}
