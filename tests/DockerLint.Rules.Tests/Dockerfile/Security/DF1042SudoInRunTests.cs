namespace DockerLint.Rules.Tests.Dockerfile.Security;

public sealed class DF1042SudoInRunTests
{
    private const string Id = "DF1042";

    [TestCase("FROM ubuntu:24.04\nRUN {|#0:sudo|} apt-get update\n", TestName = "before a command")]
    [TestCase("FROM ubuntu:24.04\nRUN apt-get update && {|#0:sudo|} apt-get install -y curl\n", TestName = "after &&")]
    [TestCase("FROM ubuntu:24.04\nRUN {|#0:sudo|} -u app make install\n", TestName = "with options")]
    [TestCase("FROM ubuntu:24.04\nRUN curl -s https://x.io/k | {|#0:sudo|} tee /etc/k\n", TestName = "in a pipe")]
    [TestCase("FROM ubuntu:24.04\nRUN bash -c '{|#0:sudo|} make'\n", TestName = "in a nested script")]
    [TestCase("FROM ubuntu:24.04\nRUN <<EOF\n{|#0:sudo|} make\nEOF\n", TestName = "in a heredoc script")]
    [TestCase("FROM ubuntu:24.04\nONBUILD RUN {|#0:sudo|} make\n", TestName = "ONBUILD RUN")]
    [TestCase("FROM ubuntu:24.04\nRUN [\"{|#0:sudo|}\", \"make\"]\n", TestName = "exec form")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y sudo\n", TestName = "installing the sudo package")]
    [TestCase("FROM ubuntu:24.04\nRUN echo 'app ALL=(ALL) NOPASSWD: ALL' > /etc/sudoers.d/app\n", TestName = "sudoers configuration")]
    [TestCase("FROM ubuntu:24.04\nRUN gosu app make && su-exec app true\n", TestName = "privilege dropping tools")]
    [TestCase("FROM ubuntu:24.04\nRUN echo sudo\n", TestName = "an argument named sudo")]
    [TestCase("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"cmd\", \"/S\", \"/C\"]\nRUN sudo x\n", TestName = "cmd SHELL is not read")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
