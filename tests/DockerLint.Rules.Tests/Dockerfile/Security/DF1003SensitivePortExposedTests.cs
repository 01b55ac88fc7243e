namespace DockerLint.Rules.Tests.Dockerfile.Security;

public sealed class DF1003SensitivePortExposedTests
{
    private const string Id = "DF1003";

    [TestCase("FROM alpine:3.20\nEXPOSE {|#0:22|}\n", TestName = "SSH")]
    [TestCase("FROM alpine:3.20\nEXPOSE 8080 {|#0:22/tcp|} 443\n", TestName = "SSH with protocol among others")]
    [TestCase("FROM alpine:3.20\nEXPOSE {|#0:23|}\n", TestName = "Telnet")]
    [TestCase("FROM alpine:3.20\nEXPOSE {|#0:3389|} {|#1:3389/udp|}\n", TestName = "RDP over TCP and UDP")]
    [TestCase("FROM alpine:3.20\nEXPOSE {|#0:5900|} {|#1:5901|}\n", TestName = "VNC displays")]
    [TestCase("FROM alpine:3.20\nEXPOSE {|#0:2375|} {|#1:2376|}\n", TestName = "Docker API")]
    [TestCase("FROM alpine:3.20\nEXPOSE {|#0:20-25|}\n", TestName = "a range that includes SSH and Telnet")]
    [TestCase("FROM alpine:3.20\nEXPOSE {|#0:5000-6000|}\n", TestName = "a range that includes VNC")]
    [TestCase("FROM alpine:3.20\nARG SSH_PORT=22\nEXPOSE {|#0:$SSH_PORT|}\n", TestName = "through an ARG default")]
    [TestCase("FROM alpine:3.20\nENV PORTS=\"80 22\"\nEXPOSE {|#0:$PORTS|}\n", TestName = "a variable holding several ports")]
    [TestCase("FROM alpine:3.20\nEXPOSE 80 \\\n  {|#0:22|}\n", TestName = "after a line continuation")]
    [TestCase("FROM alpine:3.20\nONBUILD EXPOSE {|#0:22|}\n", TestName = "ONBUILD EXPOSE")]
    [TestCase("FROM alpine:3.20 AS sshd\nEXPOSE {|#0:22|}\nFROM alpine:3.20\nEXPOSE 8080\n", TestName = "in any stage")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_with_a_message_that_names_the_service_and_why()
    {
        var diagnostic = Lint.Catches(Id, "FROM alpine:3.20\nEXPOSE {|#0:2375|}\n").Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("Docker Engine API without TLS"));
        Assert.That(diagnostic.GetMessage(), Does.Contain("controls the Docker host"));
    }

    [Test]
    public void Fires_once_per_word_and_lists_each_service_in_a_range()
    {
        var diagnostic = Lint.Catches(Id, "FROM alpine:3.20\nEXPOSE {|#0:1-65535|}\n").Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("22 (SSH").And.Contain("23 (Telnet").And.Contain("3389 (RDP").And.Contain("5900-5909 (VNC"));
    }

    [TestCase("FROM alpine:3.20\nEXPOSE 80 443 8080/tcp\n", TestName = "application ports")]
    [TestCase("FROM alpine:3.20\nEXPOSE 22/udp 23/udp 5900/udp\n", TestName = "UDP is not SSH, Telnet or VNC")]
    [TestCase("FROM alpine:3.20\nEXPOSE 2222 220 5984 5985 5910\n", TestName = "neighbours of the sensitive ports")]
    [TestCase("FROM alpine:3.20\nEXPOSE 24-80\n", TestName = "a range next to them")]
    [TestCase("FROM alpine:3.20\nEXPOSE ${SSH_PORT}\n", TestName = "unknown port")]
    [TestCase("FROM alpine:3.20\nARG P=8022\nEXPOSE $P\n", TestName = "a harmless port through an ARG")]
    [TestCase("FROM alpine:3.20\nRUN echo 'EXPOSE 22'\n", TestName = "EXPOSE only inside a RUN")]
    [TestCase("", TestName = "empty file")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
