namespace DockerLint.Rules.Tests.Dockerfile.Style;

public sealed class DF5003ExposeProtocolCasingTests
{
    private const string Id = "DF5003";

    [TestCase("FROM nginx:1.27\nEXPOSE 80/{|#0:TCP|}\n", TestName = "upper case: on the protocol")]
    [TestCase("FROM nginx:1.27\nEXPOSE 80 53/{|#0:Udp|} 8000-8010/{|#1:SCTP|}\n", TestName = "each port")]
    [TestCase("FROM nginx:1.27\nARG P=53/UDP\nEXPOSE {|#0:$P|}\n", TestName = "through an ARG: the word")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM nginx:1.27\nEXPOSE 80/tcp 53/udp 80\n", TestName = "lower case or none")]
    [TestCase("FROM nginx:1.27\nARG P\nEXPOSE $P\n", TestName = "unknown")]
    [TestCase("FROM nginx:1.27\nEXPOSE 80/HTTP\n", TestName = "an invalid protocol is the parser's")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
