using DockerLint.Rules.Engine;

namespace DockerLint.Rules.Tests.Dockerfile.Security;

public sealed class DF1012PortNotAllowedTests
{
    private const string Id = "DF1012";

    private static RuleOptions Allowed(params string[] ports) => Lint.Options(("allowed-ports", ports));

    [TestCase("FROM node:22\nEXPOSE {|#0:3000|}\n", TestName = "a port outside")]
    [TestCase("FROM node:22\nEXPOSE 80 {|#0:81|}\n", TestName = "one of several")]
    [TestCase("FROM node:22\nEXPOSE {|#0:80/udp|}\n", TestName = "an entry without protocol is TCP")]
    [TestCase("FROM node:22\nEXPOSE {|#0:8090-8110|}\n", TestName = "a range partly outside")]
    [TestCase("FROM node:22\nEXPOSE {|#0:53|}\n", TestName = "a UDP entry does not allow TCP")]
    [TestCase("FROM node:22\nARG PORT=3000\nEXPOSE {|#0:${PORT}|}\n", TestName = "through an ARG default")]
    [TestCase("FROM node:22\nONBUILD EXPOSE {|#0:22|}\n", TestName = "ONBUILD")]
    public void Fires(string markup) => Lint.Catches(Id, markup, Allowed("80", "443/tcp", "8000-8100", "53/udp"));

    [TestCase("FROM node:22\nEXPOSE 80 443 53/udp\n", TestName = "allowed ports")]
    [TestCase("FROM node:22\nEXPOSE 8000-8100 8050\n", TestName = "a range inside")]
    [TestCase("FROM node:22\nEXPOSE 443/TCP\n", TestName = "protocol case")]
    [TestCase("FROM node:22\nARG PORT\nEXPOSE $PORT\n", TestName = "unknown")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text, Allowed("80", "443/tcp", "8000-8100", "53/udp", "not-a-port"));

    [Test]
    public void Stays_quiet_when_the_option_is_not_set() => Lint.CatchesNot(Id, "FROM node:22\nEXPOSE 3000\n");
}
