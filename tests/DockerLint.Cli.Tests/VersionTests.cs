namespace DockerLint.Cli.Tests;

public sealed class VersionTests
{
    [Test]
    public void Version_prints_the_semantic_version_alone()
    {
        var result = new CliHarness(CliHarness.TempDir()).Run("--version");
        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(result.Output.Trim(), Does.Match(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$"), "no '+commit' build metadata");
    }
}
