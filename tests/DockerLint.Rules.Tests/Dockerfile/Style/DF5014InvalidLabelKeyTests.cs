namespace DockerLint.Rules.Tests.Dockerfile.Style;

public sealed class DF5014InvalidLabelKeyTests
{
    private const string Id = "DF5014";

    [TestCase("FROM x\nLABEL {|#0:com.docker.extension|}=1\n", TestName = "reserved namespace")]
    [TestCase("FROM x\nLABEL {|#0:Description|}=app\n", TestName = "upper case")]
    [TestCase("FROM x\nLABEL {|#0:team_name|}=a\n", TestName = "underscore")]
    [TestCase("FROM x\nLABEL {|#0:com..example|}=a\n", TestName = "double dot")]
    [TestCase("FROM x\nLABEL {|#0:-team|}=a\n", TestName = "leading dash")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM x\nLABEL org.opencontainers.image.source=https://x maintainer=jane com.example.team-name=a\n", TestName = "valid keys")]
    [TestCase("FROM x\nARG K\nLABEL $K=1\n", TestName = "unknown key")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
