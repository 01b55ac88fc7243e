using System.Text.RegularExpressions;

namespace DockerLint.Cli.Tests;

/// <summary>A Compose project and the Dockerfiles its services build, linted together.</summary>
public sealed class CrossFileTests
{
    private static string Project() => CliHarness.Files(CliHarness.TempDir(),
        ("compose.yaml", "services:\n  api:\n    build: ./api\n  worker:\n    build:\n      context: ./api\n      target: ${TARGET:-runtime}\n  web:\n    build:\n      context: web\n      dockerfile: ../web.Dockerfile\n"),
        ("api/Dockerfile", "FROM alpine:3.20 AS runtime\nCMD [\"api\"]\n"),
        ("api/main.go", "package main\n"),
        ("web/index.html", "<p>hi</p>\n"),
        ("web.Dockerfile", "FROM nginx:1.27\n"));

    private static List<string> Lines(CliResult result) => [.. result.Output.Split('\n').Where(l => l.Contains(": warning") || l.Contains(": error") || l.Contains(": note"))];

    [Test]
    public void Naming_only_the_compose_file_lints_each_built_Dockerfile_once()
    {
        var root = Project();
        var result = new CliHarness(root) { Rules = null }.Run("compose.yaml", "--format", "gcc");
        var lines = Lines(result);

        // DF1001 (no USER) once per Dockerfile, although two services build api/Dockerfile.
        Assert.That(lines.Count(l => l.Contains("[DF1001]") && l.Contains(Path.Combine("api", "Dockerfile"))), Is.EqualTo(1), result.Output);
        Assert.That(lines.Count(l => l.Contains("[DF1001]") && l.Contains("web.Dockerfile")), Is.EqualTo(1), result.Output);
    }

    [Test]
    public void Naming_the_Dockerfile_too_still_lints_it_once()
    {
        var root = Project();
        var result = new CliHarness(root) { Rules = null }.Run("compose.yaml", "api/Dockerfile", ".", "--format", "gcc");
        var apiDockerfile = Path.Combine("api", "Dockerfile");
        Assert.That(Lines(result).Count(l => l.Contains("[DF1001]") && l.Contains(apiDockerfile)), Is.EqualTo(1), result.Output);
    }

    [Test]
    public void Cross_file_rules_read_the_disk()
    {
        var root = CliHarness.Files(CliHarness.TempDir(),
            ("compose.yaml", "services:\n  api:\n    build:\n      context: ./api\n      target: prod\n      args:\n        VERSON: \"1\"\n  db:\n    build: ./db\n"),
            ("api/Dockerfile", "FROM alpine:3.20 AS runtime\nARG VERSION\n"));
        var lines = Lines(new CliHarness(root) { Rules = null }.Run("compose.yaml", "--format", "gcc"));
        Assert.That(lines.Any(l => l.Contains("[DC2012]")), Is.True, string.Join("\n", lines));
        Assert.That(lines.Any(l => l.Contains("[DC2010]")), Is.True, string.Join("\n", lines));
        Assert.That(lines.Any(l => Regex.IsMatch(l, @"compose\.yaml:7:9: .*\[DC2013\]")), Is.False, "a target that is not a stage is reported once, by DC2012");
    }
}
