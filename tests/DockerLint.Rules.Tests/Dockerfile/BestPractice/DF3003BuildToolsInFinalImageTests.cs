namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3003BuildToolsInFinalImageTests
{
    private const string Id = "DF3003";

    [TestCase("FROM {|#0:golang|}:1.23\nWORKDIR /src\nCOPY . .\nRUN go build -o /usr/local/bin/app ./cmd/app\nENTRYPOINT [\"app\"]\n", TestName = "Go image that compiles and runs the result")]
    [TestCase("FROM {|#0:golang|}:1.23-alpine\nCOPY . .\nRUN CGO_ENABLED=0 GOOS=linux go install ./...\nCMD app\n", TestName = "go install with environment assignments, shell-form CMD")]
    [TestCase("FROM {|#0:rust|}:1.82\nCOPY . .\nRUN cargo build --release\nCMD [\"./target/release/app\"]\n", TestName = "Rust image")]
    [TestCase("FROM {|#0:maven|}:3.9-eclipse-temurin-21\nCOPY . .\nRUN mvn -B package\nCMD [\"java\", \"-jar\", \"target/app.jar\"]\n", TestName = "Maven image")]
    [TestCase("FROM mcr.microsoft.com/{|#0:dotnet/sdk|}:8.0\nCOPY . .\nRUN dotnet publish -c Release -o /app\nENTRYPOINT [\"dotnet\", \"/app/App.dll\"]\n", TestName = ".NET SDK image that runs the published dll")]
    [TestCase("FROM {|#0:golang|}:1.23 AS base\nCOPY . .\nFROM base\nRUN go build -o /app\nCMD [\"/app\"]\n", TestName = "toolchain image through a parent stage")]
    [TestCase("FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends {|#0:gcc|} libpq-dev && rm -rf /var/lib/apt/lists/*\nCOPY . .\nRUN pip install -r requirements.txt\nCMD [\"python\", \"app.py\"]\n", TestName = "apt-get install gcc kept")]
    [TestCase("FROM alpine:3.20\nRUN apk add --no-cache {|#0:build-base|} python3\nCMD [\"python3\", \"app.py\"]\n", TestName = "apk add build-base kept")]
    [TestCase("FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps {|#0:gcc|} musl-dev && pip install x\nCMD [\"python3\", \"app.py\"]\n", TestName = "virtual package never deleted")]
    [TestCase("FROM ubuntu:24.04\nRUN apt-get update \\\n && apt-get install -y \\\n      {|#0:build-essential|} \\\n      curl\nCMD [\"./server\"]\n", TestName = "package over line continuations")]
    [TestCase("FROM ubuntu:24.04\nRUN DEBIAN_FRONTEND=noninteractive apt-get install -y {|#0:gcc-12|}=12.3.0-1\nENTRYPOINT [\"/usr/local/bin/app\"]\n", TestName = "versioned compiler with a pinned version")]
    [TestCase("FROM rockylinux:9\nRUN dnf install -y {|#0:gcc-c++|} && dnf clean all\nCMD [\"/app\"]\n", TestName = "dnf install gcc-c++")]
    [TestCase("FROM rockylinux:9\nRUN yum groupinstall -y {|#0:\"Development Tools\"|}\nCMD [\"/app\"]\n", TestName = "yum groupinstall Development Tools")]
    [TestCase("FROM ubuntu:24.04\nRUN <<EOF\nset -e\napt-get update\napt-get install -y {|#0:clang|}\nEOF\nCMD [\"/app\"]\n", TestName = "heredoc script")]
    [TestCase("FROM ubuntu:24.04\nRUN apt-get install -y gcc && apt-get purge -y gcc\nRUN apt-get install -y {|#0:g++|}\nCMD [\"/app\"]\n", TestName = "installed again after a removal")]
    [TestCase("FROM node:22-slim\nRUN apt-get install -y {|#0:gcc|} make\nENTRYPOINT [\"tini\", \"--\"]\nCMD [\"node\", \"server.js\"]\n", TestName = "application behind tini")]
    [TestCase("FROM ubuntu:24.04\nRUN apt-get install -y {|#0:gcc|}\nCMD [\"sh\", \"-c\", \"exec ./server --port $PORT\"]\n", TestName = "application started through sh -c")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_once_and_lists_every_compiler_kept()
    {
        var diagnostic = Lint.Catches(Id, "FROM debian:12\nRUN apt-get install -y {|#0:gcc|} g++ make\nCMD [\"/app\"]\n").Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("gcc (with g++)").And.Contain("separate build stage"));
    }

    [Test]
    public void Fires_and_names_the_toolchain_and_a_runtime_image()
    {
        var diagnostic = Lint.Catches(Id, "FROM {|#0:golang|}:1.23\nRUN go build -o /app .\nCMD [\"/app\"]\n").Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("Go toolchain").And.Contain("go build").And.Contain("distroless"));
    }

    [TestCase("FROM golang:1.23 AS build\nRUN go build -o /out/app\nFROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nENTRYPOINT [\"/app\"]\n", TestName = "multi-stage build")]
    [TestCase("FROM python:3.12 AS wheels\nRUN pip wheel -w /w x\nFROM python:3.12-slim\nRUN apt-get install -y gcc\nCOPY --from=wheels /w /w\nCMD [\"python\"]\n", TestName = "final stage copies from another stage")]
    [TestCase("FROM golang:1.23 AS build\nFROM alpine:3.20\nRUN --mount=from=build,source=/go/bin,target=/b cp /b/app /app && apk add gcc\nCMD [\"/app\"]\n", TestName = "final stage mounts another stage")]
    [TestCase("FROM golang:1.23\nRUN go build -o /app\n", TestName = "no CMD or ENTRYPOINT: a builder image")]
    [TestCase("FROM ubuntu:24.04\nRUN apt-get install -y build-essential\nCMD [\"bash\"]\n", TestName = "interactive shell: a toolbox image")]
    [TestCase("FROM golang:1.23\nCOPY . .\nRUN go mod download\nCMD [\"go\", \"run\", \".\"]\n", TestName = "the toolchain runs the application")]
    [TestCase("FROM golang:1.23\nRUN go install github.com/air-verse/air@v1.61.0\nCMD [\"air\"]\n", TestName = "a live-reload development image")]
    [TestCase("FROM mcr.microsoft.com/dotnet/sdk:8.0\nCOPY . .\nRUN dotnet build\nENTRYPOINT [\"dotnet\", \"watch\", \"run\"]\n", TestName = "dotnet watch")]
    [TestCase("FROM ubuntu:24.04\nRUN apt-get install -y gcc\nCMD [\"sh\", \"-c\", \"make test\"]\n", TestName = "make through sh -c")]
    [TestCase("FROM golang:1.23\nRUN go version\nCMD [\"/app\"]\n", TestName = "toolchain image without a build command")]
    [TestCase("FROM node:22\nCOPY . .\nRUN npm ci && npm run build\nCMD [\"node\", \"dist/server.js\"]\n", TestName = "node is a runtime, not only a toolchain")]
    [TestCase("FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install x && apk del .build-deps\nCMD [\"python3\"]\n", TestName = "virtual package deleted")]
    [TestCase("FROM python:3.12-slim\nRUN apt-get install -y gcc && pip install x && apt-get purge -y --auto-remove gcc\nCMD [\"python\", \"app.py\"]\n", TestName = "purged in the same RUN")]
    [TestCase("FROM python:3.12-slim\nRUN apt-get install -y gcc\nRUN pip install x\nRUN apt-get remove -y gcc\nCMD [\"python\", \"app.py\"]\n", TestName = "removed in a later RUN")]
    [TestCase("FROM debian:12\nRUN savedAptMark=\"$(apt-mark showmanual)\" \\\n && apt-get install -y gcc \\\n && apt-mark auto '.*' > /dev/null \\\n && apt-mark manual $savedAptMark \\\n && apt-get purge -y --auto-remove\nCMD [\"/app\"]\n", TestName = "official images' savedAptMark pattern")]
    [TestCase("FROM debian:12\nRUN buildDeps='gcc make' && apt-get install -y $buildDeps && apt-get purge -y $buildDeps\nCMD [\"/app\"]\n", TestName = "packages in a shell variable")]
    [TestCase("FROM debian:12\nRUN apt-get install -y gcc && apt-get purge -y 'gcc*'\nCMD [\"/app\"]\n", TestName = "removed with a glob")]
    [TestCase("FROM debian:12\nRUN apt-get install -y libpq-dev make cmake pkg-config\nCMD [\"/app\"]\n", TestName = "headers and build helpers without a compiler")]
    [TestCase("FROM debian:12\nRUN echo apt-get install gcc\nCMD [\"/app\"]\n", TestName = "apt-get as an argument of echo")]
    [TestCase("FROM alpine:3.20\nRUN apk add --root /rootfs gcc\nCMD [\"/app\"]\n", TestName = "installed into another root")]
    [TestCase("FROM debian:12\nONBUILD RUN apt-get install -y gcc\nCMD [\"/app\"]\n", TestName = "ONBUILD RUN is for child images")]
    [TestCase("FROM debian:12\nRUN [\"apt-get\", \"install\", \"-y\", \"gcc\"]\nCMD [\"make\"]\n", TestName = "make as the command")]
    [TestCase("FROM ubuntu:24.04\nRUN apt-get install -y build-essential\nENTRYPOINT [\"/usr/local/share/docker-init.sh\"]\nCMD [\"sleep\", \"infinity\"]\n", TestName = "idle container to exec into")]
    [TestCase("FROM alpine:3.20\nRUN apk add build-base\nENTRYPOINT [\"/bin/bash\", \"-i\", \"-c\", \"-l\"]\n", TestName = "interactive login shell")]
    [TestCase("FROM golang:1.23\nRUN go install github.com/cloudflare/cfssl/cmd/cfssl@v1.6.5\nENTRYPOINT [\"cfssl\"]\n", TestName = "go install of a published tool")]
    [TestCase("FROM debian:12\nRUN apt-get build-dep -y postgresql && apt-mark showmanual | xargs apt-mark auto > /dev/null\nCMD [\"postgres\"]\n", TestName = "apt-mark auto through xargs")]
    [TestCase("", TestName = "empty file")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);

    [TestCase(".devcontainer/Dockerfile")]
    [TestCase("docker/Dockerfile.dev")]
    [TestCase("build/ci.Dockerfile")]
    [TestCase("/home/me/src/app/ci/Dockerfile")]
    public void Stays_quiet_for_development_and_CI_images(string path)
    {
        var model = DockerLint.Parser.Model.DockerfileModel.Parse("FROM ubuntu:24.04\nRUN apt-get install -y gcc\nCMD [\"./run-tests.sh\"]\n", path);
        Assert.That(Lint.Engine.Analyze(model).Diagnostics.Where(d => d.Id == Id), Is.Empty);
        Assert.That(Lint.Engine.Analyze(DockerLint.Parser.Model.DockerfileModel.Parse(model.Tree.ToFullString(), "/home/me/dev/app/docker/Dockerfile")).Diagnostics.Where(d => d.Id == Id), Is.Not.Empty);
    }
}
