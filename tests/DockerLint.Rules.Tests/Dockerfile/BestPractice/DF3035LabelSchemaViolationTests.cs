namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3035LabelSchemaViolationTests
{
    private const string Id = "DF3035";

    private static DockerLint.Rules.Engine.RuleOptions Schema(params string[] labels) => Lint.Options(("required-labels", labels));

    [TestCase("{|#0:FROM|} x\nLABEL a=1\n", "org.opencontainers.image.source", TestName = "missing label")]
    [TestCase("FROM x\nLABEL v={|#0:1.4|}\n", "v:semver", TestName = "not semver")]
    [TestCase("FROM x\nLABEL u={|#0:github.com/x|}\n", "u:url", TestName = "not an absolute URL")]
    [TestCase("FROM x\nLABEL h={|#0:main|}\n", "h:hash", TestName = "not a hash")]
    [TestCase("FROM x\nLABEL t={|#0:\"2024-05-01\"|}\n", "t:rfc3339", TestName = "date without time")]
    [TestCase("FROM x\nLABEL l={|#0:\"MIT or Apache\"|}\n", "l:spdx", TestName = "lower-case operator")]
    [TestCase("FROM x\nLABEL e={|#0:jane|}\n", "e:email", TestName = "not an email")]
    [TestCase("FROM x\nLABEL {|#0:a=\"\"|}\n", "a", TestName = "empty")]
    [TestCase("FROM x AS base\nLABEL v={|#0:v1|}\nFROM base\n", "v:semver", TestName = "inherited from the parent stage")]
    [TestCase("FROM x\nARG V=1.2\nLABEL v={|#0:$V|}\n", "v:semver", TestName = "known variable")]
    public void Fires(string markup, string label) => Lint.Catches(Id, markup, Schema(label));

    [Test]
    public void Fires_for_labels_outside_the_schema_when_strict()
        => Lint.Catches(Id, "FROM x\nLABEL a=1 {|#0:b|}=2\n", Lint.Options(("required-labels", ["a"]), ("strict-labels", ["true"])));

    [TestCase("FROM x\nLABEL v=1.4.2 u=https://github.com/x/y h=0a1b2c3 t=2024-05-01T12:00:00Z l=\"Apache-2.0 OR MIT\" e=jane@example.com\n", TestName = "every format")]
    [TestCase("FROM x\nLABEL v=2.0.0-rc.1+build.5\n", TestName = "semver with pre-release and build")]
    [TestCase("FROM x\nARG V\nLABEL v=$V\n", TestName = "unknown value")]
    [TestCase("FROM x AS base\nLABEL v=1.0.0\nFROM base\n", TestName = "label of the parent stage")]
    public void Stays_quiet(string text)
        => Lint.CatchesNot(Id, text, Lint.Options(("required-labels", ["v:semver"])));

    [Test]
    public void Stays_quiet_when_not_configured() => Lint.CatchesNot(Id, "FROM x\nLABEL v=bad b=\"\"\n");

    [Test]
    public void Stays_quiet_about_build_stages()
        => Lint.CatchesNot(Id, "FROM x AS build\nLABEL v=bad\nFROM y\nLABEL v=1.0.0\n", Schema("v:semver"));
}
