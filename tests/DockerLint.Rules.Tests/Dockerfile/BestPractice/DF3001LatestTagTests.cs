namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3001LatestTagTests
{
    private const string Id = "DF3001";

    [TestCase("FROM {|#0:ubuntu|}\n", TestName = "FROM without a tag")]
    [TestCase("FROM ubuntu:{|#0:latest|}\n", TestName = "FROM with latest")]
    [TestCase("FROM docker.io/{|#0:library/ubuntu|}\n", TestName = "fully qualified, no tag: the repository path")]
    [TestCase("FROM registry.example.com:5000/{|#0:team/app|}\n", TestName = "registry with a port is not a tag")]
    [TestCase("FROM --platform=$BUILDPLATFORM {|#0:golang|} AS build\nFROM build\n", TestName = "with --platform and a stage name")]
    [TestCase("FROM ubuntu:\\\n{|#0:latest|}\n", TestName = "tag after a line continuation")]
    [TestCase("ARG TAG=latest\nFROM {|#0:alpine:$TAG|}\n", TestName = "latest through an ARG default: the whole word")]
    [TestCase("ARG IMAGE=alpine\nFROM {|#0:${IMAGE}|}\n", TestName = "untagged through an ARG default")]
    [TestCase("ARG REGISTRY\nFROM ${REGISTRY}/{|#0:alpine|}\n", TestName = "unknown registry, literal repository without tag")]
    [TestCase("ARG IMAGE\nFROM ${IMAGE}:{|#0:latest|}\n", TestName = "unknown image, literal latest")]
    [TestCase("ARG REGISTRY\nFROM ${REGISTRY}/{|#0:library/alpine|}\n", TestName = "unknown registry, literal repository path")]
    [TestCase("ARG REGISTRY\nFROM {|#0:\"${REGISTRY}/alpine\"|}\n", TestName = "unknown registry, quoted: the whole word")]
    [TestCase("FROM alpine:3.20 AS build\nCOPY --from={|#0:bitnami/nginx|} /etc/nginx /etc/nginx\n", TestName = "COPY --from an untagged image")]
    [TestCase("FROM alpine:3.20\nCOPY --from=ghcr.io/org/tools:{|#0:latest|} /bin/t /bin/t\n", TestName = "COPY --from a latest image")]
    [TestCase("FROM alpine:3.20\nRUN --mount=type=bind,from={|#0:library/node|},source=/usr/local/bin/node,target=/node /node -v\n", TestName = "RUN --mount from an untagged image")]
    [TestCase("FROM alpine:3.20\nRUN --mount=from=node:{|#0:latest|},target=/n ls /n\n", TestName = "RUN --mount from a latest image")]
    [TestCase("FROM alpine:3.20\nONBUILD COPY --from=docker.io/{|#0:library/busybox|} /bin/busybox /bin/\n", TestName = "ONBUILD COPY --from an untagged image")]
    [TestCase("FROM {|#0:alpine|} AS a\nFROM debian:{|#1:latest|} AS b\nFROM a\n", TestName = "every stage, each on its own span")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_with_a_message_that_says_what_latest_means()
    {
        var diagnostic = Lint.Catches(Id, "FROM {|#0:nginx|}\n").Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("nginx:latest"));
        Assert.That(diagnostic.GetMessage(), Does.Contain("pin a version tag"));
    }

    [Test]
    public void Fires_and_shows_the_written_word_and_its_value()
    {
        var diagnostic = Lint.Catches(Id, "ARG TAG=latest\nFROM {|#0:alpine:${TAG}|}\n").Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("'alpine:${TAG}' (= 'alpine:latest')"));
    }

    [TestCase("FROM ubuntu:24.04\n", TestName = "version tag")]
    [TestCase("FROM alpine@sha256:1e42bbe2508154c9126d48c2b8a75420c3544343bf86fd041fb7527e017a4b4a\n", TestName = "digest without a tag")]
    [TestCase("FROM alpine:latest@sha256:1e42bbe2508154c9126d48c2b8a75420c3544343bf86fd041fb7527e017a4b4a\n", TestName = "latest pinned by digest")]
    [TestCase("FROM scratch\nCOPY app /app\n", TestName = "scratch")]
    [TestCase("FROM golang:1.23 AS build\nFROM build\n", TestName = "FROM an earlier stage")]
    [TestCase("FROM golang:1.23 AS Build\nFROM build AS final\n", TestName = "stage names are case-insensitive")]
    [TestCase("FROM golang:1.23 AS build\nFROM alpine:3.20\nCOPY --from=build /out /app\n", TestName = "COPY --from a stage")]
    [TestCase("FROM golang:1.23\nFROM alpine:3.20\nCOPY --from=0 /out /app\n", TestName = "COPY --from a stage index")]
    [TestCase("FROM alpine:3.20\nCOPY --from=scratch / /x\n", TestName = "COPY --from scratch")]
    [TestCase("FROM golang:1.23 AS build\nFROM alpine:3.20\nRUN --mount=from=build,source=/out,target=/o cp /o/app /app\n", TestName = "RUN --mount from a stage")]
    [TestCase("FROM alpine:3.20\nRUN --mount=type=cache,target=/root/.cache pip install x\n", TestName = "RUN --mount without from")]
    [TestCase("ARG TAG\nFROM alpine:${TAG}\n", TestName = "unknown tag")]
    [TestCase("ARG IMAGE\nFROM ${IMAGE}\n", TestName = "unknown image")]
    [TestCase("ARG TAG\nFROM alpine:${TAG}-slim\n", TestName = "unknown tag with a literal suffix")]
    [TestCase("ARG REGISTRY\nFROM ${REGISTRY}/alpine:3.20\n", TestName = "unknown registry, tagged")]
    [TestCase("ARG REGISTRY\nFROM ${REGISTRY}/alpine@sha256:1e42bbe2508154c9126d48c2b8a75420c3544343bf86fd041fb7527e017a4b4a\n", TestName = "unknown registry, digest")]
    [TestCase("ARG NAME\nFROM ${NAME}alpine\n", TestName = "unknown prefix of the last component")]
    [TestCase("ARG TAG=3.20\nFROM alpine:$TAG\n", TestName = "version tag through an ARG default")]
    [TestCase("FROM alpine:3.20\nARG SRC\nCOPY --from=${SRC} /a /a\n", TestName = "COPY --from an unknown value")]
    [TestCase("FROM alpine:3.20\nCOPY --from=nginx:1.27 /etc/nginx /etc/nginx\n", TestName = "COPY --from a tagged image")]
    [TestCase("FROM alpine:3.20\nCOPY --from=later /a /a\nFROM alpine:3.20 AS later\n", TestName = "COPY --from a stage defined later")]
    [TestCase("FROM alpine:3.20\nCOPY --from=templates /t.yml /t.yml\n", TestName = "COPY --from a bare name, which may be a named build context")]
    [TestCase("FROM alpine:3.20\nRUN --mount=from=tools,target=/t ls /t\n", TestName = "RUN --mount from a bare name, which may be a named build context")]
    [TestCase("FROM mcr.microsoft.com/windows/servercore:ltsc2022\n", TestName = "Windows image with a tag")]
    [TestCase("", TestName = "empty file")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
