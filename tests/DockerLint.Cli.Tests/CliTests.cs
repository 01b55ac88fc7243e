using System.Diagnostics;
using System.Text.Json;
using DockerLint.Cli.Commands;

namespace DockerLint.Cli.Tests;

public sealed class CliTests
{
    private static string Samples => Path.Combine(RepositoryRoot.Path, "samples");

    [Test]
    public void Hardened_samples_have_nothing_to_report()
    {
        var result = new CliHarness(RepositoryRoot.Path) { Rules = null }.Run("--format", "gcc", "samples/hardened");
        Assert.That(result.Output, Is.Empty);
        Assert.That(result.Error, Is.Empty);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
    }

    [Test]
    public void Insecure_samples_are_reported_and_fail()
    {
        var result = new CliHarness(RepositoryRoot.Path) { Rules = null }.Run("--format", "gcc", "samples/insecure");
        Assert.That(result.Output, Does.Contain("samples/insecure/Dockerfile:").And.Contain("[DF1001]"));
        Assert.That(result.Output, Does.Contain("samples/insecure/compose.yaml:").And.Contain("[DC1001]"));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Findings));
    }

    [Test]
    public void Broken_sample_reports_in_msbuild_format_and_fails()
    {
        var file = Path.Combine(Samples, "broken", "Dockerfile");
        var result = new CliHarness(RepositoryRoot.Path).Run(file);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Does.Contain($"{file}(3,1,3,1): warning DF0005: Empty line inside a continued RUN instruction"));
        Assert.That(lines, Does.Contain($"{file}(6,1,6,6): error DF0001: Unknown instruction 'FETCH'"));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Findings));
    }

    [Test]
    public void The_set_up_command_lints_every_sample()
    {
        var result = new CliHarness(RepositoryRoot.Path) { Rules = null }.Run("--format", "json", "samples");
        using var document = JsonDocument.Parse(result.Output);
        var paths = document.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()).Distinct().ToList();
        Assert.That(paths, Is.EquivalentTo(new[] { "samples/broken/Dockerfile", "samples/compose-project/compose.yaml", "samples/insecure/Dockerfile", "samples/insecure/compose.yaml" }));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Findings));
    }

    [Test]
    public void Parse_command_prints_a_compose_project_with_origins()
    {
        var dir = CliHarness.TempDir();
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
    [TestCase("Dockerfile.dockerignore", false)]
    [TestCase("api.Dockerfile.dockerignore", false)]
    public void Dockerfile_names(string name, bool expected)
    {
        Assert.That(SourceFiles.IsDockerfileName(name), Is.EqualTo(expected));
    }

    [Test]
    public void Parse_command_prints_every_token_with_its_span()
    {
        var dir = CliHarness.TempDir();
        var file = Path.Combine(dir, "Dockerfile");
        File.WriteAllText(file, "FROM alpine AS base\nRUN echo \\\n  hi\n");
        var result = new CliHarness(dir).Run("parse", file);
        var text = result.Output;
        Assert.That(result.ExitCode, Is.EqualTo(0));
        Assert.That(text, Does.Contain("Instruction RUN [20..35) 2:1-3:5"));
        Assert.That(text, Does.Contain("KeywordToken \"FROM\" [0..4) 1:1-1:5"));
        Assert.That(text, Does.Contain("trailing LineContinuationTrivia \"\\\\\\n\" [29..31) 2:10-3:1"));
        Assert.That(text, Does.Contain("EndOfFileToken \"\" [36..36)"));
    }

    [Test]
    public void Parse_command_buildkit_dump()
    {
        var dir = CliHarness.TempDir();
        var file = Path.Combine(dir, "Dockerfile");
        File.WriteAllText(file, "FROM alpine\nCOPY --from=x a /b\n");
        var result = new CliHarness(dir).Run("parse", "--buildkit", file);
        Assert.That(result.Output, Is.EqualTo("(from \"alpine\")\n(copy [\"--from=x\"] \"a\" \"/b\")\n"));
    }

    [Test]
    [Category("Packaging")]
    public void Pack_at_the_root_produces_exactly_one_package_the_tool_and_it_runs()
    {
        // A plain pack (pre-commit's dotnet hooks, the GitHub action) makes the framework-dependent tool,
        // one package; the release packages with the Native AOT executable for linux-x64
        // (-p:NativeTool=true) are packed, installed and tested by .ci/aot (NativeToolPackageTests).
        var output = CliHarness.TempDir();
        var (packExit, packOutput) = Exec("dotnet", ["pack", "-c", "Release", "-o", output, "-p:ContinuousIntegrationBuild=false"], RepositoryRoot.Path);
        Assert.That(packExit, Is.EqualTo(0), packOutput);
        var packages = Directory.GetFiles(output, "*.nupkg").Select(Path.GetFileName).ToList();
        Assert.That(packages, Has.Count.EqualTo(1), string.Join(", ", packages));
        Assert.That(packages[0], Does.Match(@"^DockerLint\.\d+\.\d+\.\d+.*\.nupkg$"));
        using (var zip = System.IO.Compression.ZipFile.OpenRead(Path.Combine(output, packages[0]!)))
        {
            var nuspec = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using var reader = new StreamReader(nuspec.Open());
            Assert.That(reader.ReadToEnd(), Does.Contain("<packageType name=\"DotnetTool\""));
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            Assert.That(entries, Does.Contain("tools/net10.0/any/dockerlint.dll"));
            Assert.That(entries, Does.Contain("tools/net10.0/any/Sarif.dll"), "the SARIF SDK, referenced by path, is in the tool");
            Assert.That(entries, Does.Contain("tools/net10.0/any/Newtonsoft.Json.dll"));
        }

        // Install the packed tool from a feed holding only it, as a user would, and let it write SARIF.
        var feed = CliHarness.TempDir();
        File.WriteAllText(Path.Combine(feed, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{output}" />
              </packageSources>
            </configuration>
            """);
        var toolPath = Path.Combine(feed, "tools");
        var version = packages[0]![("DockerLint.".Length)..^".nupkg".Length];
        var (installExit, installOutput) = Exec("dotnet", ["tool", "install", "DockerLint", "--tool-path", toolPath, "--version", version, "--configfile", Path.Combine(feed, "nuget.config")], feed);
        Assert.That(installExit, Is.EqualTo(0), installOutput);
        var (runExit, sarif) = Exec(Path.Combine(toolPath, OperatingSystem.IsWindows() ? "dockerlint.exe" : "dockerlint"), ["--format", "sarif", "samples/insecure"], RepositoryRoot.Path, standardOutputOnly: true);
        Assert.That(runExit, Is.EqualTo(ExitCodes.Findings), sarif);
        using var log = SarifTests.AssertValid(sarif);
        Assert.That(log.RootElement.GetProperty("runs")[0].GetProperty("results").GetArrayLength(), Is.GreaterThan(0));
    }

    private static (int ExitCode, string Output) Exec(string program, string[] arguments, string directory, bool standardOutputOnly = false)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (Path.GetDirectoryName(Environment.ProcessPath) is { } dotnetRoot && File.Exists(Path.Combine(dotnetRoot, "dotnet")))
        {
            // The installed tool's launcher looks for the runtime here when dotnet is not in a default place.
            start.Environment["DOTNET_ROOT"] = dotnetRoot;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(5)), Is.True, $"{program} timed out");
        return (process.ExitCode, standardOutputOnly ? stdout.Result : stdout.Result + stderr.Result);
    }
}
