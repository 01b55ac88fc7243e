namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3053PackageCacheInLayerTests
{
    private const string Id = "DF3053";

    [TestCase("FROM debian:12\nRUN {|#0:apt-get update|} && apt-get install -y curl\n", TestName = "apt lists kept")]
    [TestCase("FROM debian:12\nRUN {|#0:apt-get update|} && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n", TestName = "cleanup in a later RUN is too late")]
    [TestCase("FROM debian:12\nRUN rm -rf /var/lib/apt/lists/* && {|#0:apt-get update|} && apt-get install -y curl\n", TestName = "cleanup before the update")]
    [TestCase("FROM alpine:3.20\nRUN {|#0:apk add|} curl\n", TestName = "apk add without --no-cache")]
    [TestCase("FROM alpine:3.20\nRUN {|#0:apk update|} && apk add --no-cache curl\n", TestName = "apk update keeps the index")]
    [TestCase("FROM python:3.12\nRUN {|#0:pip install|} flask==3.0.3\n", TestName = "pip without --no-cache-dir")]
    [TestCase("FROM node:22\nRUN {|#0:yarn install|} --frozen-lockfile\n", TestName = "yarn")]
    [TestCase("FROM centos:7\nRUN {|#0:yum install|} -y httpd && yum install -y mod_ssl\n", TestName = "yum, once per RUN")]
    [TestCase("FROM fedora:40\nRUN {|#0:dnf install|} -y curl\n", TestName = "dnf")]
    [TestCase("FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN {|#0:microdnf install|} -y curl\n", TestName = "microdnf")]
    [TestCase("FROM opensuse/leap:15.6\nRUN {|#0:zypper -n install|} curl\n", TestName = "zypper")]
    [TestCase("FROM debian:12 AS base\nRUN {|#0:apt-get update|}\nFROM base\n", TestName = "a stage the final image is built on")]
    [TestCase("FROM alpine:3.20\nONBUILD RUN {|#0:apk add|} curl\n", TestName = "ONBUILD RUN")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_with_the_cleanup_to_add()
    {
        Assert.That(Lint.Catches(Id, "FROM centos:7\nRUN {|#0:yum install|} -y httpd\n").Single().GetMessage(), Does.Contain("yum clean all"));
        Assert.That(Lint.Catches(Id, "FROM alpine:3.20\nRUN {|#0:apk update|} && apk add --no-cache curl\n").Single().GetMessage(), Does.Contain("drop it"));
    }

    [TestCase("FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n", TestName = "apt lists removed")]
    [TestCase("FROM debian:12\nRUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked apt-get update && apt-get install -y curl\n", TestName = "apt cache mounts")]
    [TestCase("FROM debian:12\nRUN apt-get install -y curl\n", TestName = "install without update writes no lists")]
    [TestCase("FROM debian:13\nRUN apt-get update; apt-get install -y curl; apt-get dist-clean\n", TestName = "apt-get dist-clean")]
    [TestCase("FROM alpine:3.20\nRUN apk add --no-cache curl\n", TestName = "apk --no-cache")]
    [TestCase("FROM alpine:3.20\nRUN apk add --no-cache --virtual .deps gcc && scanelf x | xargs -rt apk add --no-network --virtual .rundeps\n", TestName = "apk --no-network downloads nothing")]
    [TestCase("FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n", TestName = "apk cache mount")]
    [TestCase("FROM python:3.12\nRUN pip install --no-cache-dir flask\n", TestName = "pip --no-cache-dir")]
    [TestCase("FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n", TestName = "PIP_NO_CACHE_DIR in ENV")]
    [TestCase("FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n", TestName = "PIP_NO_CACHE_DIR before the command")]
    [TestCase("FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n", TestName = "pip cache mount")]
    [TestCase("FROM node:22\nRUN yarn install --frozen-lockfile && yarn cache clean\n", TestName = "yarn cache clean")]
    [TestCase("FROM centos:7\nRUN yum install -y httpd && yum clean all\n", TestName = "yum clean all")]
    [TestCase("FROM fedora:40\nRUN dnf install -y curl && dnf clean all\n", TestName = "dnf clean all")]
    [TestCase("FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/dnf dnf install -y curl\n", TestName = "dnf cache mount")]
    [TestCase("FROM registry.access.redhat.com/ubi9/ubi-minimal\nRUN microdnf install -y curl && microdnf clean all\n", TestName = "microdnf clean all")]
    [TestCase("FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper clean -a\n", TestName = "zypper clean")]
    [TestCase("FROM debian:12 AS build\nRUN apt-get update && apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /out /out\n", TestName = "a builder stage")]
    [TestCase("FROM node:22\nRUN npm ci\n", TestName = "npm is not reported")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
