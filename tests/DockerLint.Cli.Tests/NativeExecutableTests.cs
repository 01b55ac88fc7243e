using System.Diagnostics;
using System.Text;

namespace DockerLint.Cli.Tests;

/// <summary>
/// Runs the same command lines through the framework-dependent CLI these tests were built with
/// (<c>dotnet dockerlint.dll</c>) and through a published executable — the Native AOT build that the
/// linux-x64 tool package holds — and requires the same exit code, output, error output and written
/// files. The executable is named by DOCKERLINT_NATIVE_EXE; <c>.ci/aot</c> publishes it and runs these
/// tests (publishing Native AOT takes minutes, too long for the default suite, so without the variable
/// they report themselves as skipped).
/// </summary>
[Category("Native")]
public sealed class NativeExecutableTests
{
    private static readonly string? s_native = Environment.GetEnvironmentVariable("DOCKERLINT_NATIVE_EXE");

    [SetUp]
    public void RequireExecutable()
    {
        if (string.IsNullOrEmpty(s_native))
        {
            Assert.Ignore("DOCKERLINT_NATIVE_EXE is not set; .ci/aot publishes the Native AOT executable and runs these tests against it.");
        }

        Assert.That(File.Exists(s_native), Is.True, $"DOCKERLINT_NATIVE_EXE={s_native} does not exist");
        Assert.That(CommandOnPath.Available, Is.True, "the framework-dependent CLI is beside the tests");
    }

    [TestCase("sarif")]
    [TestCase("json")]
    [TestCase("text")]
    [TestCase("msbuild")]
    [TestCase("gcc")]
    [TestCase("github")]
    public void Every_format_over_the_samples(string format)
        => Same(RepositoryRoot.Path, ["samples", "--format", format]);

    [Test]
    public void Preview_rules_and_fail_level()
        => Same(RepositoryRoot.Path, ["samples", "--preview", "--fail-level", "note", "--format", "gcc"]);

    [Test]
    public void A_compose_project_with_a_build_context()
        => Same(RepositoryRoot.Path, ["samples/compose-project", "--format", "sarif"]);

    [Test]
    public void Compose_schema_errors_and_interpolation()
    {
        var dir = CliHarness.Files(
            CliHarness.TempDir(),
            ("compose.yaml", "services:\n  web:\n    image: nginx:${TAG:-latest}\n    ports: [80]\n    restart: sometimes\n    deploy:\n      replicas: two\n  db:\n    image: postgres\n    unknown_key: 1\n    environment:\n      - PASSWORD=${DB_PASSWORD}\n"),
            (".env", "TAG=1.27\n"),
            ("compose.override.yaml", "services:\n  web:\n    privileged: true\n"));
        Same(dir, [".", "--format", "json"]);
        Same(dir, ["parse", "compose.yaml"]);
    }

    [Test]
    public void Configuration_files_and_the_config_command()
    {
        var dir = CliHarness.Files(
            CliHarness.TempDir(),
            (".dockerlint.yaml", "rules:\n  DF3001: off\n  DF1001:\n    severity: error\noverrides:\n  - files: ['legacy/**']\n    rules:\n      DF1002: off\n"),
            (".hadolint.yaml", "ignored:\n  - DL3008\ntrustedRegistries:\n  - docker.io\n"),
            ("Dockerfile", "FROM ubuntu:latest\nRUN apt-get update && apt-get install -y curl\nUSER root\n"),
            ("legacy/Dockerfile", "FROM ubuntu\nUSER root\n"));
        Same(dir, [".", "--format", "gcc"]);
        Same(dir, ["config", "Dockerfile"]);
        Same(dir, ["config", "--all", "legacy/Dockerfile"]);
        Same(dir, [".", "--no-config", "--format", "gcc"]);
    }

    [Test]
    public void Rule_commands()
    {
        Same(RepositoryRoot.Path, ["rules"]);
        Same(RepositoryRoot.Path, ["rules", "--format", "json"]);
        Same(RepositoryRoot.Path, ["explain", "DF1001"]);
        Same(RepositoryRoot.Path, ["explain", "DL3002"]);
        Same(RepositoryRoot.Path, ["explain", "DC1004"]);
        Same(RepositoryRoot.Path, ["explain", "NOPE9999"]);
        Same(RepositoryRoot.Path, ["--version"]);
        Same(RepositoryRoot.Path, ["--help"]);
        Same(RepositoryRoot.Path, ["--format", "nonsense", "samples"]);
    }

    [Test]
    public void Docs_command_writes_the_same_pages()
    {
        var dir = CliHarness.TempDir();
        Same(dir, ["docs", "--output-dir", "pages"], written: ["pages"]);
    }

    [Test]
    public void Parse_command()
    {
        Same(RepositoryRoot.Path, ["parse", "samples/insecure/Dockerfile"]);
        Same(RepositoryRoot.Path, ["parse", "--buildkit", "samples/insecure/Dockerfile"]);
        Same(RepositoryRoot.Path, ["parse", "samples/compose-project/compose.yaml"]);
        Same(RepositoryRoot.Path, ["samples/broken", "--format", "gcc"]);
    }

    [Test]
    public void Baseline_written_then_applied()
    {
        var dir = CopyOfSamples();
        Same(dir, ["samples", "--write-baseline", "baseline.json", "--format", "gcc"], written: ["baseline.json"]);
        File.Copy(Path.Combine(RepositoryRoot.Path, "samples", "insecure", "Dockerfile"), Path.Combine(dir, "samples", "insecure", "Dockerfile"), overwrite: true);
        File.AppendAllText(Path.Combine(dir, "samples", "insecure", "Dockerfile"), "USER root\nADD http://example.com/x.tgz /x\n");
        FrameworkDependent(dir, ["samples", "--write-baseline", "baseline.json", "--format", "gcc"]);
        File.AppendAllText(Path.Combine(dir, "samples", "insecure", "Dockerfile"), "RUN sudo apt-get install -y git\n");
        Same(dir, ["samples", "--baseline", "baseline.json", "--format", "sarif"]);
    }

    [Test]
    public void Cache_first_and_second_run()
    {
        var dir = CopyOfSamples();
        var frameworkCache = Path.Combine(dir, "cache-fd");
        var nativeCache = Path.Combine(dir, "cache-native");
        for (var run = 0; run < 2; run++)
        {
            var expected = FrameworkDependent(dir, ["samples", "--cache-dir", frameworkCache, "--format", "sarif"]);
            var actual = Native(dir, ["samples", "--cache-dir", nativeCache, "--format", "sarif"]);
            Assert.That(actual, Is.EqualTo(expected), $"run {run + 1}");
        }

        Assert.That(Directory.EnumerateFiles(nativeCache, "*", SearchOption.AllDirectories), Is.Not.Empty, "the native build wrote its cache");
    }

    [Test]
    public void Standard_input_and_an_output_file()
    {
        var input = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "insecure", "Dockerfile"));
        Same(RepositoryRoot.Path, ["-", "--stdin-filename", "app/Dockerfile", "--format", "json"], input);
        var dir = CliHarness.TempDir();
        Same(dir, [Path.Combine(RepositoryRoot.Path, "samples", "insecure"), "--format", "sarif", "--output", "report.sarif"], written: ["report.sarif"]);
    }

    private static string CopyOfSamples()
    {
        var dir = CliHarness.TempDir();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "samples"), "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dir, Path.GetRelativePath(RepositoryRoot.Path, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return dir;
    }

    /// <summary>Runs both builds in <paramref name="directory"/> and compares everything they print and write (<paramref name="written"/>: files or folders, relative, removed before each run).</summary>
    private static void Same(string directory, string[] arguments, string? input = null, string[]? written = null)
    {
        var expected = FrameworkDependent(directory, arguments, input, written);
        var actual = Native(directory, arguments, input, written);
        Assert.That(actual, Is.EqualTo(expected), $"dockerlint {string.Join(' ', arguments)}");
        Assert.That(expected, Does.Not.Contain("failed on this file"), "neither build failed inside");
    }

    private static string FrameworkDependent(string directory, string[] arguments, string? input = null, string[]? written = null)
        => Run("dotnet", [CommandOnPath.CliAssembly, .. arguments], directory, input, written);

    private static string Native(string directory, string[] arguments, string? input = null, string[]? written = null)
        => Run(s_native!, arguments, directory, input, written);

    /// <summary>The exit code, output, error output and the written files of one run, as one text.</summary>
    private static string Run(string program, string[] arguments, string directory, string? input, string[]? written)
    {
        foreach (var path in (written ?? []).Select(p => Path.Combine(directory, p)))
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            File.Delete(path);
        }

        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var name in new[] { "GITHUB_ACTIONS", "GITHUB_WORKSPACE", "NO_COLOR", "TERM" })
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input ?? "");
        process.StandardInput.Close();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(2)), Is.True, $"{program} timed out");
        var text = new StringBuilder()
            .Append("exit ").Append(process.ExitCode).Append('\n')
            .Append("--- output\n").Append(stdout.Result)
            .Append("--- error\n").Append(stderr.Result);
        foreach (var path in (written ?? []).Select(p => Path.Combine(directory, p)))
        {
            string[] files = Directory.Exists(path) ? [.. Directory.GetFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : File.Exists(path) ? [path] : [];
            Assert.That(files, Is.Not.Empty, $"{program} wrote {path}");
            foreach (var file in files)
            {
                text.Append("--- ").Append(Path.GetRelativePath(directory, file)).Append('\n').Append(File.ReadAllText(file));
            }
        }

        return text.ToString();
    }
}
