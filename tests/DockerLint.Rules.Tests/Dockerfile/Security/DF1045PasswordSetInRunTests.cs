namespace DockerLint.Rules.Tests.Dockerfile.Security;

public sealed class DF1045PasswordSetInRunTests
{
    private const string Id = "DF1045";

    [TestCase("FROM ubuntu:24.04\nRUN echo 'root:toor' | {|#0:chpasswd|}\n", TestName = "chpasswd")]
    [TestCase("FROM ubuntu:24.04\nRUN useradd -m app && echo app:pw | {|#0:chpasswd -e|}\n", TestName = "chpasswd with options after useradd")]
    [TestCase("FROM ubuntu:24.04\nRUN useradd {|#0:-p|} $(openssl passwd -1 pw) app\n", TestName = "useradd -p")]
    [TestCase("FROM ubuntu:24.04\nRUN usermod {|#0:--password|} x app\n", TestName = "usermod --password")]
    [TestCase("FROM ubuntu:24.04\nONBUILD RUN echo 'a:b' | {|#0:chpasswd|}\n", TestName = "ONBUILD RUN")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM ubuntu:24.04\nRUN useradd --no-log-init -r -m app\n", TestName = "user without password")]
    [TestCase("FROM ubuntu:24.04\nRUN passwd -l root && usermod -s /usr/sbin/nologin app\n", TestName = "locking accounts")]
    [TestCase("FROM ubuntu:24.04\nRUN apt-get install -y passwd\n", TestName = "installing passwd")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
