namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3050UnpinnedOsPackageTests
{
    private const string Id = "DF3050";

    [TestCase("FROM debian:12\nRUN apt-get install -y {|#0:curl|} git=1:2.39.5-0+deb12u1\n", TestName = "apt-get: one of two unpinned")]
    [TestCase("FROM debian:12\nRUN apt-get install -y -t bookworm-backports {|#0:golang|}\n", TestName = "a target release is no pin")]
    [TestCase("FROM debian:12\nRUN apt-get install -y \\\n  {|#0:curl|} \\\n  {|#1:wget|}\n", TestName = "continuation lines, one finding per package")]
    [TestCase("FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps {|#0:gcc|} musl-dev~1.2\n", TestName = "apk: --virtual's value is no package")]
    [TestCase("FROM centos:7\nRUN yum install -y {|#0:httpd|} mod_ssl-2.4.6\n", TestName = "yum")]
    [TestCase("FROM fedora:40\nRUN dnf install -y {|#0:python3-pip|}\n", TestName = "dnf: a hyphen without a digit is part of the name")]
    [TestCase("FROM opensuse/leap:15.6\nRUN zypper -n install {|#0:curl|} 'git>=2.40'\n", TestName = "zypper")]
    [TestCase("FROM debian:12\nONBUILD RUN apt-get install -y {|#0:curl|}\n", TestName = "ONBUILD RUN")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_with_how_to_pin() =>
        Assert.That(Lint.Catches(Id, "FROM centos:7\nRUN yum install -y {|#0:httpd|}\n").Single().GetMessage(), Does.Contain("httpd-<version>"));

    [TestCase("FROM debian:12\nRUN apt-get install -y curl=7.88.1-10+deb12u8\n", TestName = "apt pin")]
    [TestCase("FROM debian:12\nARG PACKAGES\nRUN apt-get install -y $PACKAGES \"${EXTRA}\"\n", TestName = "unknown words are not guessed")]
    [TestCase("FROM debian:12\nRUN apt-get install -y ./local.deb /tmp/other.deb\n", TestName = "local archives")]
    [TestCase("FROM alpine:3.20\nRUN apk add curl=8.9.1-r0 'openssl>3'\n", TestName = "apk pins")]
    [TestCase("FROM centos:7\nRUN yum install -y @development https://example.com/x.rpm\n", TestName = "groups and URLs")]
    [TestCase("FROM opensuse/leap:15.6\nRUN zypper -n install -t pattern devel_basis\n", TestName = "zypper: the type's value")]
    [TestCase("FROM debian:12\nRUN apt-get update && apt-get remove -y curl\n", TestName = "remove is no install")]
    [TestCase("FROM python:3.12\nRUN pip install flask\n", TestName = "language packages are DF3051")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
