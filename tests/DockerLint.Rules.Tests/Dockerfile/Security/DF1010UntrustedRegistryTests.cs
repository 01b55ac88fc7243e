using DockerLint.Rules.Engine;

namespace DockerLint.Rules.Tests.Dockerfile.Security;

public sealed class DF1010UntrustedRegistryTests
{
    private const string Id = "DF1010";

    private static RuleOptions Trusted(params string[] registries) => Lint.Options(("trusted-registries", registries));

    [TestCase("FROM {|#0:quay.io|}/org/app:1.2\n", TestName = "another registry: on the host")]
    [TestCase("FROM {|#0:alpine|}:3.20\n", TestName = "Docker Hub without a registry: on the repository")]
    [TestCase("FROM {|#0:docker.io|}/library/alpine:3.20\n", TestName = "Docker Hub written out")]
    [TestCase("FROM {|#0:registry.internal:5000|}/app:1\n", TestName = "a trusted host with another port than the entry's")]
    [TestCase("FROM {|#0:example.com|}/app:1\n", TestName = "a wildcard does not match the bare domain")]
    [TestCase("FROM {|#0:evil-example.com|}/app:1\n", TestName = "a wildcard matches whole labels only")]
    [TestCase("ARG BASE=quay.io/org/app:1\nFROM {|#0:${BASE}|}\n", TestName = "through an ARG default: the whole word")]
    [TestCase("FROM ghcr.io/org/a:1\nCOPY --from={|#0:quay.io|}/org/tools:1 /t /t\n", TestName = "COPY --from an image")]
    [TestCase("FROM ghcr.io/org/a:1\nRUN --mount=from={|#0:quay.io|}/org/tools:1,target=/t ls /t\n", TestName = "RUN --mount from an image")]
    [TestCase("FROM ghcr.io/org/a:1\nONBUILD COPY --from={|#0:quay.io|}/org/tools:1 /t /t\n", TestName = "ONBUILD COPY --from")]
    public void Fires(string markup) => Lint.Catches(Id, markup, Trusted("ghcr.io", "registry.internal:6000", "*.example.com"));

    [Test]
    public void Fires_with_a_message_that_names_the_registry()
    {
        var diagnostic = Lint.Catches(Id, "FROM {|#0:node|}:22\n", Trusted("ghcr.io")).Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("Docker Hub (docker.io)").And.Contain("ghcr.io"));
    }

    [TestCase("FROM ghcr.io/org/app:1\n", TestName = "an exact entry")]
    [TestCase("FROM GHCR.IO/org/app:1\n", TestName = "hosts compare without case")]
    [TestCase("FROM registry.example.com/app:1\n", TestName = "a wildcard entry")]
    [TestCase("FROM a.b.example.com:443/app:1\n", TestName = "a wildcard entry with a port")]
    [TestCase("FROM internal.corp:5000/app:1\n", TestName = "an entry without a port matches any port")]
    [TestCase("FROM alpine:3.20\nFROM bitnami/redis:7\nFROM index.docker.io/library/nginx:1\n", TestName = "docker.io means Docker Hub")]
    [TestCase("FROM ghcr.io/org/app:1 AS build\nFROM build\nCOPY --from=build /a /a\nCOPY --from=0 /a /a\n", TestName = "stages")]
    [TestCase("FROM scratch\nCOPY --from=templates /t /t\n", TestName = "scratch and build contexts")]
    [TestCase("ARG REGISTRY\nFROM ${REGISTRY}/app:1\n", TestName = "an unknown registry")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text, Trusted("ghcr.io", "*.example.com", "docker.io", "internal.corp"));

    [TestCase("FROM {|#0:ghcr.io|}/other/app:1\n", TestName = "another namespace than the trusted one")]
    [TestCase("FROM {|#0:ghcr.io|}/acmeco/app:1\n", TestName = "a namespace that only starts like the trusted one")]
    [TestCase("FROM {|#0:bitnami/redis|}:7\n", TestName = "a Docker Hub user image when only official images are trusted")]
    public void Fires_outside_a_trusted_namespace(string markup) => Lint.Catches(Id, markup, Trusted("ghcr.io/acme", "docker.io/library"));

    [TestCase("FROM ghcr.io/acme/app:1\n", TestName = "a trusted namespace")]
    [TestCase("FROM ghcr.io/acme/team/app:1\n", TestName = "below a trusted namespace")]
    [TestCase("FROM alpine:3.20\nFROM docker.io/library/node:22\n", TestName = "official images")]
    public void Stays_quiet_in_a_trusted_namespace(string text) => Lint.CatchesNot(Id, text, Trusted("ghcr.io/acme", "docker.io/library"));

    [Test]
    public void Stays_quiet_when_the_option_is_not_set() => Lint.CatchesNot(Id, "FROM quay.io/org/app:1\n");

    [Test]
    public void Stays_quiet_when_every_registry_is_trusted() => Lint.CatchesNot(Id, "FROM quay.io/org/app:1\n", Trusted("*"));
}
