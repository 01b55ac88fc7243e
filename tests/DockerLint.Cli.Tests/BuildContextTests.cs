using DockerLint.Cli.Commands;

namespace DockerLint.Cli.Tests;

/// <summary>The build context the CLI gives Dockerfile rules: the Dockerfile's folder, or --context.</summary>
public sealed class BuildContextTests
{
    private const string Dockerfile = "FROM alpine:3.20\nCOPY README.md /doc/\n";

    [Test]
    public void The_dockerfile_folder_is_the_context_and_its_dockerignore_is_read()
    {
        var root = CliHarness.Files(CliHarness.TempDir(), ("app/Dockerfile", Dockerfile), ("app/.dockerignore", "*.md\n"));
        var result = new CliHarness(root) { Rules = null }.Run("--format", "gcc", "app/Dockerfile");
        Assert.That(result.Output, Does.Contain("app/Dockerfile:2:6: warning: 'README.md' is excluded from the build context by '*.md' (.dockerignore line 1)").And.Contain("[DF2031]"));
    }

    [Test]
    public void A_dockerfile_specific_ignore_file_wins()
    {
        var root = CliHarness.Files(CliHarness.TempDir(), ("app.Dockerfile", Dockerfile), ("app.Dockerfile.dockerignore", "README.md\n"), (".dockerignore", ".git\n"));
        var result = new CliHarness(root) { Rules = null }.Run("--format", "gcc", "app.Dockerfile");
        Assert.That(result.Output, Does.Contain("(app.Dockerfile.dockerignore line 1)"));
    }

    [Test]
    public void Context_option_names_another_folder()
    {
        var root = CliHarness.Files(CliHarness.TempDir(), ("docker/Dockerfile", Dockerfile), ("docker/.dockerignore", ".git\n"), (".dockerignore", "README.md\n"));
        var inFolder = new CliHarness(root) { Rules = null }.Run("--format", "gcc", "docker/Dockerfile");
        Assert.That(inFolder.Output, Does.Not.Contain("[DF2031]"));

        var withContext = new CliHarness(root) { Rules = null }.Run("--format", "gcc", "--context", ".", "docker/Dockerfile");
        Assert.That(withContext.Output, Does.Contain("[DF2031]"));
    }

    [Test]
    public void Standard_input_has_no_context_unless_given()
    {
        var root = CliHarness.Files(CliHarness.TempDir(), (".dockerignore", "README.md\n"));
        var none = new CliHarness(root) { Rules = null, StandardInput = Dockerfile }.Run("--format", "gcc", "--file-type", "dockerfile", "-");
        Assert.That(none.Output, Does.Not.Contain("[DF2031]"));

        var given = new CliHarness(root) { Rules = null, StandardInput = Dockerfile }.Run("--format", "gcc", "--file-type", "dockerfile", "--context", ".", "-");
        Assert.That(given.Output, Does.Contain("[DF2031]"));
        Assert.That(given.ExitCode, Is.EqualTo(ExitCodes.Findings));
    }
}
