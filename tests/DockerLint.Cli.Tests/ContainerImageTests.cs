using System.Text.RegularExpressions;

namespace DockerLint.Cli.Tests;

/// <summary>
/// The repository's own <c>Dockerfile</c> (DockerLint as a container image): DockerLint lints it
/// clean, and it is the kind of image the rules ask for. No Docker engine runs here, so it is not built.
/// </summary>
public sealed partial class ContainerImageTests
{
    private static string Dockerfile => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "Dockerfile"));

    [GeneratedRegex(@"^FROM\s+(\S+?)(?:\s+AS\s+(\S+))?\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex From();

    [Test]
    public void DockerLint_reports_nothing_on_its_own_Dockerfile_not_even_notes()
    {
        var result = new CliHarness(RepositoryRoot.Path) { Rules = null }.Run("--format", "gcc", "--fail-level", "note", "Dockerfile");
        Assert.That(result.Output, Is.Empty);
        Assert.That(result.Error, Is.Empty);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
    }

    [Test]
    public void Builds_with_the_SDK_and_runs_on_the_runtime_both_pinned_to_full_versions()
    {
        var stages = From().Matches(Dockerfile).Select(m => (Image: m.Groups[1].Value, Name: m.Groups[2].Value)).ToList();
        Assert.That(stages, Has.Count.EqualTo(2));
        Assert.That(stages[0].Image, Does.Match(@"^mcr\.microsoft\.com/dotnet/sdk:10\.0\.\d+$"));
        Assert.That(stages[1].Image, Does.Match(@"^mcr\.microsoft\.com/dotnet/runtime:10\.0\.\d+$"));
        Assert.That(Dockerfile, Does.Contain($"COPY --from={stages[0].Name} "), "the runtime stage takes only the build's output");
    }

    [Test]
    public void Runs_as_an_unprivileged_user_without_a_health_check_and_starts_the_CLI()
    {
        var lines = Dockerfile.Split('\n').Select(l => l.Trim()).ToList();
        var final = lines.Skip(lines.FindLastIndex(l => l.StartsWith("FROM ", StringComparison.Ordinal))).ToList();
        Assert.That(final, Does.Contain("USER 1654"), "the .NET images' 'app' user");
        Assert.That(final, Does.Contain("HEALTHCHECK NONE"), "a CLI has no service to check");
        Assert.That(final, Does.Contain("ENTRYPOINT [\"dotnet\", \"/app/dockerlint.dll\"]"));
        var project = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Cli", "DockerLint.Cli.csproj"));
        Assert.That(project, Does.Contain("<AssemblyName>dockerlint</AssemblyName>"), "the published assembly the entry point names");
    }

    [Test]
    public void The_build_context_leaves_out_build_outputs()
    {
        var ignore = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, ".dockerignore"));
        Assert.That(ignore, Does.Contain("**/bin/").And.Contain("**/obj/").And.Contain(".git/"));
    }
}
