using System.Text.Json;

namespace DockerLint.Cli.Tests;

/// <summary>Configuration files on disk, end to end: discovery, precedence, --config, --no-config, fail level, outputs and the config command.</summary>
public sealed class ConfigurationCliTests
{
    private const string RootUser = "FROM alpine:3.20\nUSER root\n"; // DF9101, a warning by default (hadolint:DL3002)

    /// <summary>A repository (a folder with .git) holding <paramref name="files"/>.</summary>
    private static CliHarness Repo(params (string Path, string Content)[] files)
    {
        var root = CliHarness.TempDir();
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        return new CliHarness(CliHarness.Files(root, files));
    }

    [Test]
    public void A_rule_turned_down_to_suggestion_never_fails_the_build()
    {
        var repo = Repo(("Dockerfile", RootUser), (".dockerlint.yaml", "severity: { DF9101: suggestion }\n"));
        var result = repo.Run("--format", "gcc", ".");
        Assert.That(result.Output, Does.Contain("Dockerfile:2:6: note:").And.Contain("[DF9101]"));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(repo.Run("--format", "gcc", "--fail-level", "note", ".").ExitCode, Is.EqualTo(ExitCodes.Findings), "--fail-level note still counts it");
    }

    [Test]
    public void A_rule_turned_up_to_error_fails_at_fail_level_error()
    {
        var repo = Repo(("Dockerfile", RootUser), (".editorconfig", "root = true\n[Dockerfile]\ndotnet_diagnostic.DF9101.severity = error\n"));
        var result = repo.Run("--format", "gcc", "--fail-level", "error", ".");
        Assert.That(result.Output, Does.Contain("Dockerfile:2:6: error:"));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Findings));
    }

    [Test]
    public void None_removes_the_rule_and_silent_keeps_it_out_of_the_report()
    {
        var none = Repo(("Dockerfile", RootUser), (".hadolint.yaml", "ignored: [DL3002]\n"));
        Assert.That(none.Run("--format", "gcc", "."), Has.Property("Output").Empty.And.Property("ExitCode").EqualTo(ExitCodes.Success));
        var silent = Repo(("Dockerfile", RootUser), (".dockerlint.yaml", "severity: { DF9101: silent }\n"));
        Assert.That(silent.Run("--format", "gcc", "--fail-level", "note", "."), Has.Property("Output").Empty.And.Property("ExitCode").EqualTo(ExitCodes.Success));
    }

    [Test]
    public void Sarif_and_json_show_the_effective_severity()
    {
        var repo = Repo(("Dockerfile", RootUser), (".dockerlint.yaml", "severity: { DF9101: error }\n"));
        using var sarif = JsonDocument.Parse(repo.Run("--format", "sarif", ".").Output);
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        Assert.That((result.GetProperty("ruleId").GetString(), result.GetProperty("level").GetString()), Is.EqualTo(("DF9101", "error")));
        Assert.That(repo.Run("--format", "json", ".").Output, Does.Contain("\"severity\": \"error\""));
        Assert.That(repo.Run("--format", "msbuild", ".").Output, Does.Contain(": error DF9101:"));
    }

    [Test]
    public void The_nearest_file_wins_and_overrides_apply_per_path()
    {
        var repo = Repo(
            ("Dockerfile", RootUser),
            ("legacy/Dockerfile", RootUser),
            ("svc/Dockerfile", RootUser),
            (".dockerlint.yaml", "severity: { DF9101: error }\noverrides:\n  - files: [legacy/**]\n    disable: [DF9101]\n"),
            ("svc/.dockerlint.yaml", "severity: { DF9101: suggestion }\n"));
        var output = repo.Run("--format", "gcc", ".").Output;
        Assert.That(output, Does.Contain("Dockerfile:2:6: error:"));
        Assert.That(output, Does.Not.Contain("legacy/Dockerfile"));
        Assert.That(output, Does.Contain("svc/Dockerfile:2:6: note:"));
    }

    [Test]
    public void Unknown_keys_and_bad_values_are_reported_with_file_and_line_and_fail_the_run()
    {
        var repo = Repo(("Dockerfile", "FROM alpine:3.20\nUSER app\n"), (".dockerlint.yaml", "severity:\n  DF9101: loud\nfrobnicate: true\n"));
        var result = repo.Run("--format", "gcc", ".");
        Assert.That(result.Output, Does.Contain(".dockerlint.yaml:2:11: error: severity: 'loud' is not a severity"));
        Assert.That(result.Output, Does.Contain(".dockerlint.yaml:3:1: error: unknown key 'frobnicate'"));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Findings));
    }

    [Test]
    public void An_unmapped_hadolint_rule_is_one_warning_naming_the_file()
    {
        var repo = Repo(("Dockerfile", RootUser), (".hadolint.yaml", "ignored: [DL3002, DL4000]\n"));
        var result = repo.Run("--format", "gcc", ".");
        Assert.That(result.Output.Trim(), Is.EqualTo(".hadolint.yaml:1:19: warning: DL4000 has no DockerLint equivalent; the setting in .hadolint.yaml is ignored [DF0092]"));
    }

    [Test]
    public void Failure_threshold_and_fail_level_set_the_exit_code_unless_the_command_line_says()
    {
        var hadolint = Repo(("Dockerfile", RootUser), (".hadolint.yaml", "failure-threshold: error\n"));
        Assert.That(hadolint.Run("--format", "gcc", ".").ExitCode, Is.EqualTo(ExitCodes.Success));
        Assert.That(hadolint.Run("--format", "gcc", "--fail-level", "warning", ".").ExitCode, Is.EqualTo(ExitCodes.Findings));
        var dockerlint = Repo(("Dockerfile", RootUser), (".dockerlint.yaml", "fail-level: none\n"), (".hadolint.yaml", "failure-threshold: style\n"));
        Assert.That(dockerlint.Run("--format", "gcc", ".").ExitCode, Is.EqualTo(ExitCodes.Success), ".dockerlint.yaml over .hadolint.yaml");
    }

    [Test]
    public void Config_replaces_discovery_and_no_config_ignores_discovered_files()
    {
        var repo = Repo(("Dockerfile", RootUser), (".dockerlint.yaml", "severity: { DF9101: error }\n"), ("ci/lenient.yaml", "disable: [DF9101]\n"));
        Assert.That(repo.Run("--format", "gcc", "--config", "ci/lenient.yaml", ".").Output, Is.Empty);
        Assert.That(repo.Run("--format", "gcc", "--no-config", ".").Output, Does.Contain("warning:"));
        var missing = repo.Run("--config", "nope.yaml", ".");
        Assert.That((missing.ExitCode, missing.Error), Is.EqualTo((ExitCodes.UsageError, "dockerlint: error: --config: 'nope.yaml' does not exist.\n")));
    }

    [Test]
    public void Limits_from_configuration_apply_unless_the_command_line_gives_one()
    {
        var repo = Repo(("Dockerfile", RootUser), (".dockerlint.yaml", "limits: { max-file-size: 10 }\n"));
        Assert.That(repo.Run("--format", "gcc", ".").Output, Does.Contain("[DF0013]").And.Contain("limit of 10 bytes"));
        Assert.That(repo.Run("--format", "gcc", "--max-file-size", "1K", ".").Output, Does.Not.Contain("DF0013"));
        var stdin = new CliHarness(repo.CurrentDirectory) { StandardInput = RootUser };
        Assert.That(stdin.Run("--format", "gcc", "--stdin-filename", "Dockerfile").Output, Does.Contain("[DF0013]").And.Contain("at least 11 bytes"));
    }

    [Test]
    public void Yaml_limits_from_configuration_reach_the_compose_loader()
    {
        var repo = Repo(("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    labels:\n      a: b\n"), (".dockerlint.yaml", "limits: { yaml-max-depth: 3 }\n"));
        Assert.That(repo.Run("--format", "gcc", ".").Output, Does.Contain("nested more than 3 levels deep"));
    }

    [Test]
    public void The_config_command_says_which_file_set_what()
    {
        var repo = Repo(
            (".dockerlint.yaml", "severity: { DF9101: error }\noptions:\n  trusted-registries: [ghcr.io/acme]\n"),
            (".editorconfig", "root = true\n[*]\ndotnet_diagnostic.DC9101.severity = none\n"),
            (".hadolint.yaml", "failure-threshold: error\n"));
        var result = repo.Run("config", "svc/Dockerfile");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        Assert.That(result.Output, Does.Contain("Configuration of svc/Dockerfile"));
        Assert.That(result.Output, Does.Contain("  .dockerlint.yaml\n  .editorconfig\n  .hadolint.yaml\n"));
        Assert.That(result.Output, Does.Contain("fail-level: error  (.hadolint.yaml:1;"));
        Assert.That(result.Output, Does.Contain("trusted-registries: [ghcr.io/acme]  (.dockerlint.yaml:3)"));
        Assert.That(result.Output, Does.Match(@"DF9101  error\s+default warning\s+\.dockerlint\.yaml:1"));
        Assert.That(result.Output, Does.Not.Contain("DC9101"), "a Dockerfile's configuration lists Dockerfile rules");
        var compose = repo.Run("config", "compose.yaml").Output;
        Assert.That(compose, Does.Match(@"DC9101  none\s+default warning\s+\.editorconfig \(dotnet_diagnostic\.DC9101\.severity\)"));
        Assert.That(compose, Does.Not.Contain("DF9101"));
    }

    [Test]
    public void Hadolint_disable_ignore_pragma_is_honoured_and_shown()
    {
        var dockerfile = "FROM alpine:3.20\n# hadolint ignore=DL3002\nUSER root\n";
        var repo = Repo(("app/Dockerfile", dockerfile), ("legacy/Dockerfile", dockerfile), ("app/.hadolint.yaml", "disable-ignore-pragma: true\n"));
        var lint = repo.Run("--format", "gcc", "--no-cache", ".");
        Assert.That(lint.Output, Is.EqualTo("app/Dockerfile:3:6: warning: USER root runs the container as root [DF9101]\n"), "app's .hadolint.yaml turns the comment off; legacy has none, so the comment still counts there");
        Assert.That(repo.Run("config", "app/Dockerfile").Output, Does.Contain("hadolint ignore comments: not honoured  (app/.hadolint.yaml:1, disable-ignore-pragma)"));
        Assert.That(repo.Run("config", "legacy/Dockerfile").Output, Does.Not.Contain("hadolint ignore comments"));
    }

    [Test]
    public void The_config_command_lists_configuration_problems_and_fails_on_errors()
    {
        var repo = Repo((".dockerlint.yaml", "disable: [DF9999]\n"));
        var result = repo.Run("config", "Dockerfile");
        Assert.That(result.Output, Does.Contain(".dockerlint.yaml:1:11: error DF0091: 'DF9999' is not a DockerLint rule ID"));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Findings));
    }

    [Test]
    public void Standard_input_gets_the_configuration_of_the_name_it_stands_for()
    {
        var repo = Repo((".dockerlint.yaml", "overrides:\n  - files: [legacy/**]\n    severity: { DF9101: error }\n"));
        var stdin = new CliHarness(repo.CurrentDirectory) { StandardInput = RootUser };
        Assert.That(stdin.Run("--format", "gcc", "--stdin-filename", "legacy/Dockerfile").Output, Does.Contain("legacy/Dockerfile:2:6: error:"));
        Assert.That(stdin.Run("--format", "gcc", "--stdin-filename", "Dockerfile").Output, Does.Contain("Dockerfile:2:6: warning:"));
    }

    [Test]
    public void The_fail_level_comes_from_the_current_folder_and_its_file_is_checked_too()
    {
        var project = Repo(("Dockerfile", RootUser));
        var here = Repo((".dockerlint.yaml", "fail-level: none\nunknown: 1\n"));
        var result = here.Run("--format", "gcc", Path.Combine(project.CurrentDirectory, "Dockerfile"));
        Assert.That(result.Output, Does.Contain(".dockerlint.yaml:2:1: error: unknown key 'unknown'"));
        Assert.That(result.Output, Does.Contain("Dockerfile:2:6: warning:"), "the file's own folder has no configuration");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), "fail-level: none from the current folder");
    }
}
