namespace DockerLint.Rules.Tests.Dockerfile.Security;

public sealed class DF1030UnauthenticatedPackagesTests
{
    private const string Id = "DF1030";

    [TestCase("FROM alpine:3.20\nRUN apk add {|#0:--allow-untrusted|} curl\n", TestName = "apk --allow-untrusted")]
    [TestCase("FROM alpine:3.20\nRUN apk add -X https://dl.example.com/alpine {|#0:--allow-untrusted|} /tmp/x.apk\n", TestName = "apk: a remote repository")]
    [TestCase("FROM debian:12\nRUN apt-get install -y {|#0:--allow-unauthenticated|} curl\n", TestName = "apt-get --allow-unauthenticated")]
    [TestCase("FROM debian:12\nRUN apt-get update {|#0:--allow-insecure-repositories|}\n", TestName = "apt-get --allow-insecure-repositories")]
    [TestCase("FROM debian:12\nRUN apt-get install {|#0:--force-yes|} curl\n", TestName = "apt-get --force-yes")]
    [TestCase("FROM debian:12\nRUN apt-get -o {|#0:APT::Get::AllowUnauthenticated=true|} install -y curl\n", TestName = "apt-get -o AllowUnauthenticated")]
    [TestCase("FROM centos:7\nRUN yum install -y {|#0:--nogpgcheck|} httpd\n", TestName = "yum --nogpgcheck")]
    [TestCase("FROM fedora:40\nRUN dnf install -y {|#0:--setopt=gpgcheck=0|} curl\n", TestName = "dnf --setopt=gpgcheck=0")]
    [TestCase("FROM fedora:40\nRUN dnf install -y --setopt {|#0:*.gpgcheck=false|} curl\n", TestName = "dnf --setopt with a separate value")]
    [TestCase("FROM photon:5.0\nRUN tdnf install -y {|#0:--nogpgcheck|} curl\n", TestName = "tdnf --nogpgcheck")]
    [TestCase("FROM opensuse/leap:15.6\nRUN zypper {|#0:--no-gpg-checks|} -n install curl\n", TestName = "zypper --no-gpg-checks")]
    [TestCase("FROM centos:7\nRUN rpm -ivh {|#0:--nosignature|} https://example.com/x.rpm\n", TestName = "rpm --nosignature")]
    [TestCase("FROM centos:7\nRUN rpm -Uvh {|#0:--nodigest|} {|#1:--nofiledigest|} http://example.com/x.rpm\n", TestName = "rpm --nodigest --nofiledigest")]
    [TestCase("FROM debian:12\nRUN echo {|#0:'deb [trusted=yes] http://repo.example.com/ ./'|} > /etc/apt/sources.list.d/x.list\n", TestName = "apt source marked trusted")]
    [TestCase("FROM centos:7\nRUN printf '[x]\\nbaseurl=http://r/\\n' > /etc/yum.repos.d/x.repo && echo {|#0:gpgcheck=0|} >> /etc/yum.repos.d/x.repo\n", TestName = "yum repository with gpgcheck=0")]
    [TestCase("FROM alpine:3.20\nONBUILD RUN sh -c 'apk add {|#0:--allow-untrusted|} x'\n", TestName = "ONBUILD and nested script")]
    [TestCase("FROM alpine:3.20\nRUN su nobody -s /bin/sh -c \"echo \\\"start\\\" && apk add {|#0:--allow-untrusted|} x\"\n", TestName = "nested script with escapes: exact span")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM alpine:3.20\nRUN apk add --no-cache curl\n", TestName = "plain apk add")]
    [TestCase("FROM alpine:3.20\nCOPY --from=build /pkgs /tmp/pkgs\nRUN apk add --no-cache --allow-untrusted /tmp/pkgs/*.apk ./extra.apk\n", TestName = "local package files")]
    [TestCase("FROM alpine:3.20\nRUN apk index --allow-untrusted -o /tmp/APKINDEX.tar.gz /tmp/*.apk\n", TestName = "apk index is no install")]
    [TestCase("FROM debian:12\nRUN echo \"deb [ trusted=yes ] file://$tempDir ./\" > /etc/apt/sources.list.d/temp.list\n", TestName = "a local apt repository built by the RUN")]
    [TestCase("FROM debian:12\nRUN apt-get install -y --allow-downgrades curl\n", TestName = "allow-downgrades is not about signatures")]
    [TestCase("FROM centos:7\nRUN rpm -K --nosignature /tmp/x.rpm\n", TestName = "rpm checking digests only")]
    [TestCase("FROM centos:7\nRUN rpm --import https://example.com/key.asc && rpm -ivh /tmp/x.rpm\n", TestName = "key imported")]
    [TestCase("FROM fedora:40\nRUN dnf install -y --setopt=repo_gpgcheck=0 curl\n", TestName = "repo_gpgcheck is another setting")]
    [TestCase("FROM debian:12\nRUN echo '--allow-untrusted' > /tmp/notes\n", TestName = "words of another command")]
    [TestCase("FROM debian:12\nRUN echo 'deb [signed-by=/usr/share/keyrings/x.gpg] https://repo.example.com/ stable main' > /etc/apt/sources.list.d/x.list\n", TestName = "apt source with signed-by")]
    [TestCase("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"pwsh\", \"-Command\"]\nRUN apk add --allow-untrusted x\n", TestName = "PowerShell SHELL")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
