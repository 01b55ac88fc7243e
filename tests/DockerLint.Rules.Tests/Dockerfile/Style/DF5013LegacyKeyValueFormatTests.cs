namespace DockerLint.Rules.Tests.Dockerfile.Style;

public sealed class DF5013LegacyKeyValueFormatTests
{
    private const string Id = "DF5013";

    [TestCase("FROM x\nENV {|#0:APP_HOME /opt/app|}\n", TestName = "ENV")]
    [TestCase("FROM x\nLABEL {|#0:maintainer Jane Doe|}\n", TestName = "LABEL")]
    [TestCase("FROM x\nONBUILD ENV {|#0:A b|}\n", TestName = "ONBUILD trigger")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM x\nENV APP_HOME=/opt/app\n", TestName = "ENV key=value")]
    [TestCase("FROM x\nLABEL a=1 b=\"two words\"\n", TestName = "LABEL key=value")]
    [TestCase("FROM x\nARG A\n", TestName = "ARG without default")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
