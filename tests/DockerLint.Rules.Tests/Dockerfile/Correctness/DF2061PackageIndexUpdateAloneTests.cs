namespace DockerLint.Rules.Tests.Dockerfile.Correctness;

public sealed class DF2061PackageIndexUpdateAloneTests
{
    private const string Id = "DF2061";

    [TestCase("FROM ubuntu:24.04\nRUN {|#0:apt-get update|}\nRUN apt-get install -y curl\n", TestName = "apt-get update alone")]
    [TestCase("FROM ubuntu:24.04\nRUN {|#0:apt update|}\n", TestName = "apt update alone")]
    [TestCase("FROM ubuntu:24.04\nRUN set -eux; {|#0:apt-get update|}; echo done\n", TestName = "with set and echo only")]
    [TestCase("FROM ubuntu:24.04\nRUN {|#0:apt-get -qq update|} && apt-get -qq update\n", TestName = "twice: reported once")]
    [TestCase("FROM alpine:3.20\nRUN {|#0:apk update|}\n", TestName = "apk update alone")]
    [TestCase("FROM opensuse/leap:15.6\nRUN {|#0:zypper --non-interactive refresh|}\n", TestName = "zypper refresh alone")]
    [TestCase("FROM fedora:40\nRUN {|#0:dnf makecache|}\n", TestName = "dnf makecache alone")]
    [TestCase("FROM ubuntu:24.04\nONBUILD RUN {|#0:apt-get update|}\n", TestName = "ONBUILD RUN")]
    [TestCase("FROM ubuntu:24.04\nRUN <<EOF\n{|#0:apt-get update|}\nEOF\n", TestName = "heredoc script")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y curl\n", TestName = "update and install together")]
    [TestCase("FROM ubuntu:24.04\nRUN apt-get update && apt-get upgrade -y\n", TestName = "update and upgrade")]
    [TestCase("FROM ubuntu:24.04\nRUN apt-get update && ./install-deps.sh\n", TestName = "a script that may install")]
    [TestCase("FROM ubuntu:24.04\nRUN apt-get update && apt-cache policy curl\n", TestName = "the index is used")]
    [TestCase("FROM centos:7\nRUN yum update -y\n", TestName = "yum update upgrades packages")]
    [TestCase("FROM ubuntu:24.04\nRUN echo apt-get update\n", TestName = "words of another command")]
    [TestCase("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"cmd\", \"/S\", \"/C\"]\nRUN apt-get update\n", TestName = "cmd SHELL")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
