namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3056PackageUpgradeTests
{
    private const string Id = "DF3056";

    [TestCase("FROM debian:12\nRUN apt-get update && {|#0:apt-get upgrade|} -y\n", TestName = "apt-get upgrade")]
    [TestCase("FROM alpine:3.20\nRUN {|#0:apk upgrade|} --no-cache\n", TestName = "apk upgrade")]
    [TestCase("FROM centos:7\nRUN {|#0:yum -y update|} && yum clean all\n", TestName = "yum update")]
    [TestCase("FROM fedora:40\nRUN {|#0:dnf upgrade|} -y\n", TestName = "dnf upgrade")]
    [TestCase("FROM opensuse/leap:15.6\nRUN {|#0:zypper -n update|}\n", TestName = "zypper update")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM alpine:3.20\nRUN apk upgrade --no-cache openssl\n", TestName = "named packages")]
    [TestCase("FROM fedora:40\nRUN dnf update -y curl\n", TestName = "dnf update of a package")]
    [TestCase("FROM debian:12\nRUN apt-get dist-upgrade -y\n", TestName = "dist-upgrade is DF3055")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
