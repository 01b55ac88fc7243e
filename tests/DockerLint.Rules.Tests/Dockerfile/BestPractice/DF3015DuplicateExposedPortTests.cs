namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3015DuplicateExposedPortTests
{
    private const string Id = "DF3015";

    [TestCase("FROM nginx:1.27\nEXPOSE 80 443\nEXPOSE {|#0:80|}\n", TestName = "two EXPOSE")]
    [TestCase("FROM nginx:1.27\nEXPOSE 80 {|#0:80/tcp|}\n", TestName = "the same EXPOSE, default protocol")]
    [TestCase("FROM nginx:1.27\nEXPOSE 8000-8010\nEXPOSE {|#0:8005|}\n", TestName = "inside a range")]
    [TestCase("FROM nginx:1.27\nEXPOSE 8000-8010\nEXPOSE {|#0:8005-8020|}\n", TestName = "overlapping ranges")]
    [TestCase("FROM nginx:1.27 AS base\nEXPOSE 80\nFROM base\nEXPOSE {|#0:80|}\n", TestName = "inherited from a stage")]
    [TestCase("FROM nginx:1.27\nENV PORT=8080\nEXPOSE 8080\nEXPOSE {|#0:$PORT|}\n", TestName = "through ENV")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [Test]
    public void Fires_with_where_it_was_exposed()
    {
        var diagnostic = Lint.Catches(Id, "FROM nginx:1.27 AS base\nEXPOSE 80\nFROM base\nEXPOSE {|#0:80|}\n").Single();
        Assert.That(diagnostic.GetMessage(), Does.Contain("line 2, in stage 'base'"));
    }

    [TestCase("FROM nginx:1.27\nEXPOSE 53/tcp 53/udp\n", TestName = "different protocols")]
    [TestCase("FROM nginx:1.27 AS a\nEXPOSE 80\nFROM nginx:1.27\nEXPOSE 80\n", TestName = "different images")]
    [TestCase("FROM nginx:1.27\nEXPOSE 8000-8010 8011\n", TestName = "adjacent")]
    [TestCase("FROM nginx:1.27\nARG A\nARG B\nEXPOSE $A $B\n", TestName = "unknown")]
    [TestCase("FROM nginx:1.27\nEXPOSE 80\nONBUILD EXPOSE 80\n", TestName = "ONBUILD")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
