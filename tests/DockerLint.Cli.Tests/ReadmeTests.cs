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
}
