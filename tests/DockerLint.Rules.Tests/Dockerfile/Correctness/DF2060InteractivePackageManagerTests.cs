namespace DockerLint.Rules.Tests.Dockerfile.Correctness;

public sealed class DF2060InteractivePackageManagerTests
{
    private const string Id = "DF2060";

    [TestCase("FROM debian:12\nRUN apt-get update && {|#0:apt-get install|} curl\n", TestName = "apt-get install without -y")]
    [TestCase("FROM debian:12\nRUN {|#0:apt-get -q install|} curl\n", TestName = "one -q is not -qq")]
    [TestCase("FROM debian:12\nRUN DEBIAN_FRONTEND=noninteractive sudo {|#0:apt-get install|} curl\n", TestName = "DEBIAN_FRONTEND and sudo change nothing")]
    [TestCase("FROM debian:12\nRUN apt-get update && \\\n    {|#0:apt-get \\\n    install|} curl\n", TestName = "across continuations")]
    [TestCase("FROM debian:12\nRUN {|#0:apt upgrade|}\n", TestName = "apt upgrade")]
    [TestCase("FROM debian:12\nRUN apt-get purge -y gcc && {|#0:apt-get autoremove|}\n", TestName = "autoremove")]
    [TestCase("FROM debian:12\nRUN if [ -n \"$X\" ]; then {|#0:apt-get install|} x; fi\n", TestName = "inside an if branch")]
    [TestCase("FROM debian:12\nRUN sh -c '{|#0:apt-get install|} curl'\n", TestName = "nested sh -c")]
    [TestCase("FROM debian:12\nRUN <<EOF\napt-get update\n{|#0:apt-get install|} curl\nEOF\n", TestName = "heredoc script")]
    [TestCase("FROM debian:12\nRUN [\"{|#0:apt-get\", \"install|}\", \"curl\"]\n", TestName = "exec form: from the program to the subcommand")]
    [TestCase("FROM debian:12\nONBUILD RUN {|#0:apt-get install|} curl\n", TestName = "ONBUILD RUN")]
    [TestCase("FROM centos:7\nRUN {|#0:yum install|} httpd\n", TestName = "yum install")]
    [TestCase("FROM fedora:40\nRUN {|#0:dnf upgrade|}\n", TestName = "dnf upgrade")]
    [TestCase("FROM photon:5.0\nRUN {|#0:tdnf install|} curl\n", TestName = "tdnf install")]
    [TestCase("FROM opensuse/leap:15.6\nRUN {|#0:zypper install|} curl\n", TestName = "zypper install")]
    [TestCase("FROM opensuse/leap:15.6\nRUN {|#0:zypper --quiet in|} curl\n", TestName = "zypper in with a global option")]
    [TestCase("FROM python:3.12\nRUN {|#0:pip uninstall|} setuptools\n", TestName = "pip uninstall")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_with_the_flag_to_add()
    {
        Assert.That(Lint.Catches(Id, "FROM a\nRUN {|#0:zypper install|} x\n").Single().GetMessage(), Does.Contain("zypper -n install"));
        Assert.That(Lint.Catches(Id, "FROM a\nRUN {|#0:apt-get install|} x\n").Single().GetMessage(), Does.Contain("add -y"));
    }

    [TestCase("FROM debian:12\nRUN apt-get install -y curl\n", TestName = "-y")]
    [TestCase("FROM debian:12\nRUN apt-get -qy install curl\n", TestName = "combined short flags")]
    [TestCase("FROM debian:12\nRUN apt-get install --yes curl && apt-get install --assume-yes git\n", TestName = "long forms")]
    [TestCase("FROM debian:12\nRUN apt-get -qq install curl\n", TestName = "-qq implies -y")]
    [TestCase("FROM debian:12\nRUN yes | apt-get install curl\n", TestName = "piped from yes")]
    [TestCase("FROM debian:12\nRUN apt-get -o APT::Get::Assume-Yes=true install curl\n", TestName = "-o Assume-Yes")]
    [TestCase("FROM debian:12\nRUN echo 'APT::Get::Assume-Yes \"true\";' > /etc/apt/apt.conf.d/90yes\nRUN apt-get install curl\n", TestName = "configured in apt.conf.d earlier")]
    [TestCase("FROM debian:12\nCOPY 90assume-yes /etc/apt/apt.conf.d/\nRUN apt-get install curl\n", TestName = "config copied into apt.conf.d")]
    [TestCase("FROM centos:7\nRUN echo assumeyes=1 >> /etc/yum.conf\nRUN yum install httpd\n", TestName = "assumeyes in yum.conf")]
    [TestCase("FROM debian:12\nRUN apt-get update && apt-get clean && apt-get install -s curl\n", TestName = "commands that never ask")]
    [TestCase("FROM alpine:3.20\nRUN apk add curl\n", TestName = "apk never asks")]
    [TestCase("FROM fedora:40\nRUN microdnf install curl\n", TestName = "microdnf never asks")]
    [TestCase("FROM opensuse/leap:15.6\nRUN zypper -n install curl && zypper --non-interactive up && zypper install -y git\n", TestName = "zypper non-interactive forms")]
    [TestCase("FROM python:3.12\nRUN pip install flask && pip uninstall -y setuptools\n", TestName = "pip install never asks")]
    [TestCase("FROM debian:12\nRUN echo apt-get install curl\n", TestName = "words of another command")]
    [TestCase("FROM debian:12\nRUN cat <<EOF > /usr/local/bin/setup\napt-get install curl\nEOF\n", TestName = "heredoc written to a file")]
    [TestCase("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN apt-get install curl\n", TestName = "PowerShell SHELL")]
    [TestCase("FROM debian:12\nRUN apt-get install $FLAGS curl\n", TestName = "an unknown word may hold -y")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
