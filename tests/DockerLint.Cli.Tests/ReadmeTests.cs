namespace DockerLint.Cli.Tests;

/// <summary>The README shows real output: its example runs on the samples are what the CLI prints today.</summary>
public sealed class ReadmeTests
{
    [TestCase("**On the insecure sample.**", "samples/insecure", TestName = "Insecure_sample_output_in_the_readme_is_current")]
    [TestCase("**On the Compose project sample.**", "samples/compose-project/compose.yaml", TestName = "Compose_project_sample_output_in_the_readme_is_current")]
    public void Sample_output_in_the_readme_is_current(string section, string path)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var at = readme.IndexOf(section, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), $"the README has the section {section}");
        var open = readme.IndexOf("```\n", at, StringComparison.Ordinal) + 4;
        var close = readme.IndexOf("```", open, StringComparison.Ordinal);
        var shown = readme[open..close].Trim();

        var result = new CliHarness(RepositoryRoot.Path) { Rules = null }.Run(path, "--format", "text");

        Assert.That(result.Output.Trim(), Is.EqualTo(shown),
            $"README.md's output for {path} is stale: paste the output of `dotnet run --project src/Cli -- {path} --format text`");
        Assert.That(result.ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void Configuration_example_output_in_the_readme_is_current()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var section = readme[readme.IndexOf("## Configuration", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        string Block(string fence)
        {
            var open = section.IndexOf(fence, StringComparison.Ordinal) + fence.Length;
            return section[open..section.IndexOf("```", open, StringComparison.Ordinal)];
        }

        var dockerfile = Block("```dockerfile\n");
        var root = CliHarness.TempDir();
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        CliHarness.Files(root, (".dockerlint.yaml", Block("```yaml\n")), (".editorconfig", Block("```ini\n")), ("Dockerfile", dockerfile), ("legacy/Dockerfile", dockerfile));
        var shown = Block("```\n$ dockerlint --format gcc .\n").Trim();

        var result = new CliHarness(root) { Rules = null }.Run("--format", "gcc", ".");

        Assert.That(result.Output.Trim(), Is.EqualTo(shown),
            "README.md's configuration example output is stale: rerun it (the files are the blocks above it) and paste the output");
        Assert.That(result.ExitCode, Is.EqualTo(1));
    }
}
