namespace DockerLint.Rules.Tests.Dockerfile.Correctness;

public sealed class DF2033InvalidStopSignalTests
{
    private const string Id = "DF2033";

    [TestCase("FROM x\nSTOPSIGNAL {|#0:SIGTERN|}\n", TestName = "misspelt name")]
    [TestCase("FROM x\nSTOPSIGNAL {|#0:SIG_TERM|}\n", TestName = "underscore")]
    [TestCase("FROM x\nSTOPSIGNAL {|#0:0|}\n", TestName = "zero")]
    [TestCase("FROM x\nSTOPSIGNAL {|#0:-9|}\n", TestName = "negative number")]
    [TestCase("FROM x\nSTOPSIGNAL {|#0:SIGRTMIN+16|}\n", TestName = "real-time offset out of range")]
    [TestCase("FROM x\nARG S=STOP_NOW\nSTOPSIGNAL {|#0:$S|}\n", TestName = "known variable")]
    [TestCase("FROM x\nONBUILD STOPSIGNAL {|#0:TERMINATE|}\n", TestName = "ONBUILD trigger")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("SIGTERM")]
    [TestCase("sigquit")]
    [TestCase("TERM")]
    [TestCase("9")]
    [TestCase("SIGRTMIN+3")]
    [TestCase("RTMAX-1")]
    [TestCase("SIGWINCH")]
    public void Stays_quiet_for_valid_signals(string signal) => Lint.CatchesNot(Id, $"FROM x\nSTOPSIGNAL {signal}\n");

    [TestCase("FROM x\nARG S\nSTOPSIGNAL $S\n", TestName = "unknown variable")]
    [TestCase("FROM x\n", TestName = "no STOPSIGNAL")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
