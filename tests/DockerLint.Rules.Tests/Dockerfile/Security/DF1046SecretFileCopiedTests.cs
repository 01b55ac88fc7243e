namespace DockerLint.Rules.Tests.Dockerfile.Security;

public sealed class DF1046SecretFileCopiedTests
{
    private const string Id = "DF1046";

    [TestCase("FROM node:22\nCOPY {|#0:.env|} /app/\n", TestName = ".env")]
    [TestCase("FROM node:22\nCOPY package.json {|#0:.env.production|} ./\n", TestName = ".env.production among others")]
    [TestCase("FROM debian:12\nCOPY {|#0:keys/id_ed25519|} /root/.ssh/id_ed25519\n", TestName = "SSH private key")]
    [TestCase("FROM debian:12\nADD {|#0:.netrc|} /root/\n", TestName = "ADD .netrc")]
    [TestCase("FROM debian:12\nCOPY {|#0:ci/.aws/credentials|} /root/.aws/credentials\n", TestName = "AWS credentials")]
    [TestCase("FROM debian:12\nCOPY {|#0:.docker/config.json|} /root/.docker/\n", TestName = "Docker config")]
    [TestCase("FROM eclipse-temurin:21\nCOPY {|#0:certs/server.p12|} /opt/app/\n", TestName = "PKCS#12")]
    [TestCase("FROM debian:12\nARG ENVFILE=.env\nCOPY {|#0:$ENVFILE|} /app/\n", TestName = "through an ARG")]
    [TestCase("FROM debian:12\nONBUILD COPY {|#0:.env|} /app/\n", TestName = "ONBUILD COPY")]
    [TestCase("FROM google/cloud-sdk:500.0.0\nCOPY sa.json /secrets/\nENV {|#0:GOOGLE_APPLICATION_CREDENTIALS=/secrets/sa.json|}\n", TestName = "credentials variable pointing at a copied file")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM node:22\nCOPY .env.example .env.sample .env.template .env.dist /app/\n", TestName = "templates")]
    [TestCase("FROM debian:12\nCOPY id_ed25519.pub /root/.ssh/authorized_keys\n", TestName = "public key")]
    [TestCase("FROM debian:12 AS keys\nRUN ssh-keygen -f /id_rsa -N ''\nFROM debian:12\nCOPY --from=keys /id_rsa.pub /x\n", TestName = "from another stage")]
    [TestCase("FROM debian:12\nCOPY config/*.env /app/\n", TestName = "wildcard")]
    [TestCase("FROM debian:12\nCOPY environment.ts app.env.js /app/\n", TestName = "names that only contain env")]
    [TestCase("FROM google/cloud-sdk:500.0.0\nENV GOOGLE_APPLICATION_CREDENTIALS=/run/secrets/sa.json\n", TestName = "credentials variable pointing at a mounted secret")]
    [TestCase("FROM debian:12\nCOPY . /app\n", TestName = "whole context")]
    [TestCase("FROM debian:12\nENV GOOGLE_APPLICATION_CREDENTIALS=/run/app/config/key.json\nCOPY rootfs/ /\n", TestName = "a tree copied to the root")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
