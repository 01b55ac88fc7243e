namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3095PointlessCommandTests
{
    private const string Id = "DF3095";

    [TestCase("FROM ubuntu:24.04\nRUN apt-get install -y nginx && {|#0:service|} nginx start\n", TestName = "service start")]
    [TestCase("FROM ubuntu:24.04\nRUN {|#0:vim|} /etc/hosts\n", TestName = "vim")]
    [TestCase("FROM ubuntu:24.04\nRUN {|#0:ps|} aux\n", TestName = "ps")]
    [TestCase("FROM ubuntu:24.04\nRUN {|#0:shutdown|} -h now\n", TestName = "shutdown")]
    [TestCase("FROM ubuntu:24.04\nRUN {|#0:ssh|} build@host make\n", TestName = "ssh")]
    [TestCase("FROM ubuntu:24.04\nONBUILD RUN {|#0:top|} -b -n 1\n", TestName = "ONBUILD RUN")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM ubuntu:24.04\nRUN apt-get install -y vim procps openssh-client\n", TestName = "installing the tools")]
    [TestCase("FROM ubuntu:24.04\nRUN service --status-all\n", TestName = "service without an action")]
    [TestCase("FROM ubuntu:24.04\nRUN mysqld & sleep 5 && mysql < /init.sql && kill $!\n", TestName = "kill of a seeding server")]
    [TestCase("FROM ubuntu:24.04\nRUN ssh-keygen -A && ssh-keyscan github.com >> /etc/ssh/ssh_known_hosts\n", TestName = "ssh-keygen and ssh-keyscan")]
    [TestCase("FROM ubuntu:24.04\nHEALTHCHECK CMD ps aux | grep -q nginx\n", TestName = "HEALTHCHECK")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
