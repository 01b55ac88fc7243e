using System.Diagnostics;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace DockerLint.Cli.Tests;

/// <summary>
/// <c>.pre-commit-hooks.yaml</c>: the two hooks, their file filters (pre-commit applies them with
/// Python's <c>re.search</c>; the patterns keep to the syntax .NET and Python share), and a run of
/// the real pre-commit where it is installed.
/// </summary>
public sealed class PreCommitHooksTests
{
    private static readonly YamlNode[] s_hooks = [.. YamlFile.Load(".pre-commit-hooks.yaml").Items()];

    private static YamlNode Hook(string id) => s_hooks.Single(h => h.Text("id") == id);

    /// <summary>True when pre-commit would pass <paramref name="path"/> to the hook: <c>files</c> finds it, <c>exclude</c> does not.</summary>
    private static bool Selects(YamlNode hook, string path) =>
        Regex.IsMatch(path, hook.Text("files")!, RegexOptions.CultureInvariant)
        && !Regex.IsMatch(path, hook.Text("exclude")!, RegexOptions.CultureInvariant);

    [TestCase("dockerlint", "dotnet")]
    [TestCase("dockerlint-system", "system")]
    public void Hook_runs_the_dockerlint_command_on_many_files_per_call(string id, string language)
    {
        var hook = Hook(id);
        Assert.That(hook.Text("language"), Is.EqualTo(language));
        Assert.That(hook.Text("entry"), Is.EqualTo("dockerlint"));
        Assert.That(hook.Text("pass_filenames"), Is.EqualTo("true"));
        Assert.That(hook.Text("require_serial"), Is.EqualTo("false"));
        Assert.That(hook.Text("name"), Is.Not.Empty);
    }

    [Test]
    public void Both_hooks_select_the_same_files()
    {
        Assert.That(s_hooks.Select(h => h.Text("id")), Is.EquivalentTo(new[] { "dockerlint", "dockerlint-system" }));
        Assert.That(Hook("dockerlint-system").Text("files"), Is.EqualTo(Hook("dockerlint").Text("files")));
        Assert.That(Hook("dockerlint-system").Text("exclude"), Is.EqualTo(Hook("dockerlint").Text("exclude")));
    }

    [Test]
    public void The_dotnet_hook_installs_the_packable_tool()
    {
        // pre-commit's dotnet hooks run 'dotnet pack' at the root and install every package it
        // makes; the entry must be the command of the one packable project.
        var project = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "Cli", "DockerLint.Cli.csproj"));
        Assert.That(project, Does.Contain("<PackAsTool>true</PackAsTool>"));
        Assert.That(project, Does.Contain($"<ToolCommandName>{Hook("dockerlint").Text("entry")}</ToolCommandName>"));
    }

    [TestCase("Dockerfile")]
    [TestCase("app/Dockerfile")]
    [TestCase("deep/er/dockerfile")]
    [TestCase("api.Dockerfile")]
    [TestCase("build/web.dockerfile")]
    [TestCase("Dockerfile.dev")]
    [TestCase("ci/Dockerfile.alpine")]
    [TestCase("Containerfile")]
    [TestCase("images/base/Containerfile")]
    [TestCase("x.Containerfile")]
    [TestCase("Containerfile.rhel")]
    [TestCase("compose.yaml")]
    [TestCase("compose.yml")]
    [TestCase("compose.override.yaml")]
    [TestCase("deploy/compose.prod.yml")]
    [TestCase("docker-compose.yml")]
    [TestCase("svc/docker-compose.yaml")]
    [TestCase("docker-compose.override.yml")]
    [TestCase("Docker-Compose.YML")]
    [TestCase("src/.github/Dockerfile")]
    [TestCase(".devcontainer/Dockerfile")]
    [TestCase(".devcontainer/docker-compose.yml")]
    public void Hooks_select(string path)
    {
        Assert.That(Selects(Hook("dockerlint"), path), Is.True, path);
        var name = Path.GetFileName(path);
        Assert.That(SourceFiles.IsDockerfileName(name) || SourceFiles.IsComposeName(name), Is.True, "the CLI's folder search finds it too: " + path);
    }

    [TestCase(".github/workflows/docker-compose.yml")]
    [TestCase(".github/workflows/compose.yaml")]
    [TestCase(".github/Dockerfile")]
    [TestCase(".github/actions/build/Dockerfile")]
    [TestCase("Dockerfile.dockerignore")]
    [TestCase("app/api.Dockerfile.dockerignore")]
    [TestCase(".dockerignore")]
    [TestCase("README.md")]
    [TestCase("docs/Dockerfile.md/readme.txt")]
    [TestCase("mydockerfile")]
    [TestCase("Dockerfiles/readme.txt")]
    [TestCase("docker/app.yaml")]
    [TestCase("compose.json")]
    [TestCase("compose.yaml.bak")]
    [TestCase("kubernetes/deployment.yml")]
    [TestCase("docker-compose")]
    public void Hooks_skip(string path)
    {
        Assert.That(Selects(Hook("dockerlint"), path), Is.False, path);
    }

    [Test]
    public void Real_pre_commit_fails_on_a_bad_Dockerfile_and_passes_on_a_clean_one()
    {
        var preCommit = CommandOnPath.Find("pre-commit");
        if (preCommit is null || CommandOnPath.Find("git") is null || !CommandOnPath.Available)
        {
            Assert.Ignore("pre-commit (Debian package 'pre-commit') or git is not installed; the hook file is checked by the other tests only.");
        }

        var root = CliHarness.TempDir();

        // A repository holding only the hooks file, so the run does not depend on what is committed here.
        var hooks = CliHarness.Files(Path.Combine(root, "hooks"), (".pre-commit-hooks.yaml", File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".pre-commit-hooks.yaml"))));
        Git(hooks, "init", "-q");
        Git(hooks, "add", "-A");
        Git(hooks, "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "-q", "-m", "hooks");

        // 'dockerlint' on PATH: the CLI this test project was built with.
        var bin = CommandOnPath.Create(Path.Combine(root, "bin"));

        var project = CliHarness.Files(
            Path.Combine(root, "project"),
            ("svc/Dockerfile", "FROM python:latest\nCMD [\"python\"]\n"),
            (".github/workflows/docker-compose.yml", "on: push\njobs: {}\n"),
            ("README.md", "hello\n"));
        Git(project, "init", "-q");
        Git(project, "add", "-A");

        var failed = PreCommit(preCommit!, project, hooks, bin, root);
        Assert.That(failed.ExitCode, Is.EqualTo(1), failed.Output);
        Assert.That(failed.Output, Does.Contain("Failed"));
        Assert.That(failed.Output, Does.Contain("svc/Dockerfile(1,13,1,19): warning DF3001:"));
        Assert.That(failed.Output, Does.Not.Contain(".github"), "the workflow named docker-compose.yml is not passed to the hook");

        File.WriteAllText(Path.Combine(project, "svc", "Dockerfile"), "FROM python:3.12-slim\nUSER 1000\nHEALTHCHECK NONE\nCMD [\"python\"]\n");
        Git(project, "add", "-A");
        var passed = PreCommit(preCommit!, project, hooks, bin, root);
        Assert.That(passed.ExitCode, Is.EqualTo(0), passed.Output);
        Assert.That(passed.Output, Does.Contain("Passed"));
    }

    private static (int ExitCode, string Output) PreCommit(string preCommit, string project, string hooks, string bin, string root)
    {
        var start = new ProcessStartInfo(preCommit, ["try-repo", hooks, "dockerlint-system", "--all-files", "--color", "never"])
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Isolate(start);
        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["PRE_COMMIT_HOME"] = Path.Combine(root, "pre-commit-home");
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + error.Result);
    }

    private static void Git(string directory, params string[] args)
    {
        var start = new ProcessStartInfo("git", args) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        Isolate(start);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.EqualTo(0), $"git {string.Join(' ', args)}: {error.Result}");
    }

    /// <summary>Keeps an outer git (a hook running these tests) and the user's git configuration out of the child.</summary>
    private static void Isolate(ProcessStartInfo start)
    {
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("GIT_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        start.Environment["GIT_AUTHOR_NAME"] = start.Environment["GIT_COMMITTER_NAME"] = "test";
        start.Environment["GIT_AUTHOR_EMAIL"] = start.Environment["GIT_COMMITTER_EMAIL"] = "test@example.com";
    }
}
