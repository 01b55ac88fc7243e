namespace DockerLint.Cli.Tests;

/// <summary>A Dockerfile that a Compose service builds is judged against that service's build context.</summary>
public sealed class ServiceBuildContextTests
{
    private static string Project()
    {
        var dir = CliHarness.TempDir();
        Directory.CreateDirectory(Path.Combine(dir, "app", "docker"));
        File.WriteAllText(Path.Combine(dir, "compose.yaml"), "services:\n  app:\n    build:\n      context: ./app\n      dockerfile: docker/Dockerfile\n");
        File.WriteAllText(Path.Combine(dir, "app", ".dockerignore"), "secret.txt\n");
        File.WriteAllText(Path.Combine(dir, "app", "secret.txt"), "x");
        File.WriteAllText(Path.Combine(dir, "app", "docker", "Dockerfile"), "FROM alpine:3.20\nCOPY secret.txt /x\nUSER 1000\nHEALTHCHECK NONE\n");
        return dir;
    }

    [Test]
    public void Fires_on_a_source_the_service_context_ignores()
    {
        var dir = Project();
        var result = new CliHarness(dir) { Rules = null }.Run("compose.yaml", "--format", "gcc");
        Assert.That(result.Output, Does.Contain("app/docker/Dockerfile:2:6: warning:").And.Contain("[DF2031]"));
    }

    [Test]
    public void Fires_also_when_the_Dockerfile_is_named_with_the_compose_file()
    {
        var dir = Project();
        var result = new CliHarness(dir) { Rules = null }.Run("compose.yaml", "app/docker/Dockerfile", "--format", "gcc");
        Assert.That(result.Output.Split('\n').Count(l => l.Contains("[DF2031]", StringComparison.Ordinal)), Is.EqualTo(1), result.Output);
    }

    [Test]
    public void Stays_quiet_when_the_Dockerfile_is_linted_alone_with_its_own_folder_as_context()
    {
        var dir = Project();
        var result = new CliHarness(dir) { Rules = null }.Run("app/docker/Dockerfile", "--format", "gcc");
        Assert.That(result.Output, Does.Not.Contain("[DF2031]"));
    }
}
