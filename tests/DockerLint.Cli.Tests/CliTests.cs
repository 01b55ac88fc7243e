using System.Diagnostics;

namespace DockerLint.Cli.Tests;

public sealed class CliTests
{
    private static (int ExitCode, string Output, string Error) Lint(params string[] paths)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = LintCommand.Run(paths, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dockerlint-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Test]
    public void Clean_sample_has_nothing_to_report()
    {
        var (exit, output, error) = Lint(Path.Combine(RepositoryRoot.Path, "samples", "Dockerfile"));
        Assert.That(output, Is.Empty);
        Assert.That(error, Is.Empty);
        Assert.That(exit, Is.EqualTo(0));
    }

    [Test]
    public void Broken_sample_reports_in_msbuild_format_and_fails()
    {
        var file = Path.Combine(RepositoryRoot.Path, "samples", "broken.Dockerfile");
        var (exit, output, _) = Lint(file);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(4));
        Assert.That(lines[0], Is.EqualTo($"{file}(3,1): warning DF0005: Empty line inside a continued RUN instruction"));
        Assert.That(lines[2], Is.EqualTo($"{file}(6,1): error DF0001: Unknown instruction 'FETCH'"));
        Assert.That(exit, Is.EqualTo(1));
    }

    [Test]
    public void Folders_are_searched_for_dockerfiles_and_other_files_are_skipped()
    {
        var dir = TempDir();
        Directory.CreateDirectory(Path.Combine(dir, "sub"));
        File.WriteAllText(Path.Combine(dir, "Dockerfile"), "FROM alpine\n");
        File.WriteAllText(Path.Combine(dir, "sub", "api.Dockerfile"), "FROM alpine\nBOGUS\n");
        File.WriteAllText(Path.Combine(dir, "sub", "Containerfile"), "FROM alpine\nNOPE\n");
        File.WriteAllText(Path.Combine(dir, "README.md"), "BOGUS\n");
        var (exit, output, _) = Lint(dir);
        Assert.That(output, Does.Contain("api.Dockerfile(2,1): error DF0001"));
        Assert.That(output, Does.Contain("Containerfile(2,1): error DF0001"));
        Assert.That(output, Does.Not.Contain("README"));
        Assert.That(exit, Is.EqualTo(1));
    }

    [Test]
    public void Missing_file_is_reported_and_the_others_are_still_linted()
    {
        var dir = TempDir();
        var good = Path.Combine(dir, "Dockerfile");
        File.WriteAllText(good, "FROM alpine\nBOGUS\n");
        var (exit, output, error) = Lint(Path.Combine(dir, "missing"), good);
        Assert.That(error, Does.Contain("missing: error: no such file or folder"));
        Assert.That(output, Does.Contain("error DF0001"));
        Assert.That(exit, Is.EqualTo(2));
    }

    [Test]
    public void Compose_files_are_found_and_their_problems_reported()
    {
        var dir = TempDir();
        File.WriteAllText(Path.Combine(dir, "compose.yaml"), "services:\n  web:\n    image: nginx\n    enviroment:\n      A: b\n");
        File.WriteAllText(Path.Combine(dir, "docker-compose.prod.yml"), "services:\n  web:\n    image: nginx:1.27\n");
        File.WriteAllText(Path.Combine(dir, "config.yaml"), "not: [compose\n");
        var (exit, output, _) = Lint(dir);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), output);
        Assert.That(lines[0], Does.EndWith("compose.yaml(4,5): error DC0011: Unknown key 'enviroment' in service 'web'; did you mean 'environment'?"));
        Assert.That(exit, Is.EqualTo(1));
    }

    [Test]
    public void Parse_command_prints_a_compose_project_with_origins()
    {
        var dir = TempDir();
        File.WriteAllText(Path.Combine(dir, ".env"), "TAG=1.27\n");
        var file = Path.Combine(dir, "compose.yaml");
        File.WriteAllText(file, "x-common: &common\n  restart: always\nservices:\n  web:\n    <<: *common\n    image: nginx:${TAG}\n");
        var output = new StringWriter();
        ParseCommand.Run(file, buildKit: false, output, new StringWriter());
        var text = output.ToString();
        Assert.That(text, Does.Contain($"image: \"nginx:1.27\" (written \"nginx:${{TAG}}\")  # {file}:6:12"));
        Assert.That(text, Does.Contain($"restart: always  # {file}:2:12"), "a merged value points where it was written");
    }

    [TestCase("Dockerfile", true)]
    [TestCase("dockerfile", true)]
    [TestCase("Containerfile", true)]
    [TestCase("Dockerfile.prod", true)]
    [TestCase("api.Dockerfile", true)]
    [TestCase("Dockerfile-dev", false)]
    [TestCase("docker-compose.yml", false)]
    [TestCase("Dockerfiles", false)]
    public void Dockerfile_names(string name, bool expected)
    {
        Assert.That(SourceFiles.IsDockerfileName(name), Is.EqualTo(expected));
    }

    [Test]
    public void Parse_command_prints_every_token_with_its_span()
    {
        var dir = TempDir();
        var file = Path.Combine(dir, "Dockerfile");
        File.WriteAllText(file, "FROM alpine AS base\nRUN echo \\\n  hi\n");
        var output = new StringWriter();
        var exit = ParseCommand.Run(file, buildKit: false, output, new StringWriter());
        var text = output.ToString();
        Assert.That(exit, Is.EqualTo(0));
        Assert.That(text, Does.Contain("Instruction RUN [20..35) 2:1-3:5"));
        Assert.That(text, Does.Contain("KeywordToken \"FROM\" [0..4) 1:1-1:5"));
        Assert.That(text, Does.Contain("trailing LineContinuationTrivia \"\\\\\\n\" [29..31) 2:10-3:1"));
        Assert.That(text, Does.Contain("EndOfFileToken \"\" [36..36)"));
    }

    [Test]
    public void Parse_command_buildkit_dump()
    {
        var dir = TempDir();
        var file = Path.Combine(dir, "Dockerfile");
        File.WriteAllText(file, "FROM alpine\nCOPY --from=x a /b\n");
        var output = new StringWriter();
        ParseCommand.Run(file, buildKit: true, output, new StringWriter());
        Assert.That(output.ToString(), Is.EqualTo("(from \"alpine\")\n(copy [\"--from=x\"] \"a\" \"/b\")\n"));
    }

    [Test]
    [Category("Packaging")]
    public void Pack_at_the_root_produces_exactly_one_package_the_tool()
    {
        var output = TempDir();
        var start = new ProcessStartInfo("dotnet", ["pack", "-c", "Release", "-o", output, "-p:ContinuousIntegrationBuild=false"])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(5)), Is.True, "dotnet pack timed out");
        Assert.That(process.ExitCode, Is.EqualTo(0), stdout.Result + stderr.Result);
        var packages = Directory.GetFiles(output, "*.nupkg").Select(Path.GetFileName).ToList();
        Assert.That(packages, Has.Count.EqualTo(1), string.Join(", ", packages));
        Assert.That(packages[0], Does.Match(@"^DockerLint\.\d+\.\d+\.\d+.*\.nupkg$"));
        using var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(output, packages[0]!));
        var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var reader = new StreamReader(nuspec.Open());
        Assert.That(reader.ReadToEnd(), Does.Contain("<packageType name=\"DotnetTool\""));
        Assert.That(zip.Entries.Any(e => e.FullName == "tools/net10.0/any/dockerlint.dll"), Is.True);
    }
}
