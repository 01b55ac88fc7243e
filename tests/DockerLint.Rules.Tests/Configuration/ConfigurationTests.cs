using System.Globalization;
using DockerLint.Rules.Configuration;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Tests.Configuration;

/// <summary>Each configuration source on its own, their precedence, and what is wrong in them.</summary>
public sealed class ConfigurationTests
{
    private const string Latest = "FROM ubuntu:latest\nUSER root\n";

    private static DiagnosticSeverity? SeverityOf(string id, (IEnumerable<Diagnostic> Findings, IEnumerable<Diagnostic> Problems) run)
        => run.Findings.FirstOrDefault(d => d.Id == id)?.Severity;

    [Test]
    public void Without_configuration_rules_keep_their_defaults()
    {
        var run = new ConfigFixture().Lint("Dockerfile", Latest);
        Assert.That(SeverityOf("DF3001", run), Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(run.Findings.Select(d => d.Id), Does.Not.Contain("DF3998"), "an opt-in rule stays off");
        Assert.That(run.Problems, Is.Empty);
    }

    [TestCase("DS002")]
    [TestCase("trivy:DS002")]
    [TestCase("DS-0002")]
    [TestCase("trivy:DS-0002")]
    [TestCase("kics:67fd0c4a-68cf-46d7-8c41-bc9fba7e40ae")]
    public void Dockerlint_yaml_turns_rules_off_by_trivy_ids_old_and_new_and_kics_uuids(string name)
    {
        var fixture = new ConfigFixture((".dockerlint.yaml", $"root: true\ndisable: [\"{name}\"]\n"));
        var run = fixture.Lint("Dockerfile", Latest);
        Assert.That(run.Problems, Is.Empty);
        Assert.That(run.Findings.Select(d => d.Id), Does.Not.Contain("DF1001"));
        Assert.That(run.Findings.Select(d => d.Id), Does.Contain("DF3001"), "only the rule the alias names is off");
    }

    [Test]
    public void Dockerlint_yaml_sets_a_severity_and_turns_rules_off_by_id_or_alias()
    {
        var fixture = new ConfigFixture((".dockerlint.yaml", "root: true\nseverity: { DF3001: error }\ndisable: [DL3002]\n"));
        var run = fixture.Lint("Dockerfile", Latest);
        Assert.That(SeverityOf("DF3001", run), Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(run.Findings.Select(d => d.Id), Does.Not.Contain("DF1001"), "DL3002 is DF1001's hadolint alias");
        Assert.That(fixture.State("DF1001").Source, Is.EqualTo($"{ConfigFixture.Root}/.dockerlint.yaml:3"));
    }

    [Test]
    public void Enable_turns_on_an_opt_in_rule_and_options_reach_it()
    {
        var fixture = new ConfigFixture((".dockerlint.yaml", "root: true\nenable: [DF3998]\noptions:\n  trusted-registries: [ghcr.io/acme, \"*.acme.internal\"]\n"));
        var probe = fixture.Lint("Dockerfile", Latest).Findings.Single(d => d.Id == "DF3998");
        Assert.That(probe.GetMessage(), Is.EqualTo("trusted: ghcr.io/acme,*.acme.internal"));
        Assert.That(probe.Severity, Is.EqualTo(DiagnosticSeverity.Info), "enable keeps the rule's default severity");
    }

    [Test]
    public void Overrides_apply_per_path_and_later_entries_win()
    {
        var fixture = new ConfigFixture((".dockerlint.yaml", """
            root: true
            severity: { DF3001: error }
            overrides:
              - files: ["legacy/**"]
                severity: { DF3001: suggestion }
                options: { trusted-registries: [old.example] }
                enable: [DF3998]
              - files: ["*.dev.Dockerfile"]
                disable: [DF3001]
              - files: [legacy/keep/]
                severity: { DF3001: warning }
            """));
        Assert.That(SeverityOf("DF3001", fixture.Lint("Dockerfile", Latest)), Is.EqualTo(DiagnosticSeverity.Error));
        var legacy = fixture.Lint("legacy/Dockerfile", Latest);
        Assert.That(SeverityOf("DF3001", legacy), Is.EqualTo(DiagnosticSeverity.Info));
        Assert.That(legacy.Findings.Single(d => d.Id == "DF3998").GetMessage(), Is.EqualTo("trusted: old.example"));
        Assert.That(SeverityOf("DF3001", fixture.Lint("legacy/keep/Dockerfile", Latest)), Is.EqualTo(DiagnosticSeverity.Warning), "the later entry wins");
        Assert.That(SeverityOf("DF3001", fixture.Lint("deep/er/app.dev.Dockerfile", Latest)), Is.Null, "a pattern without / matches at any depth");
        Assert.That(fixture.Lint("other/Dockerfile", Latest).Findings.Select(d => d.Id), Does.Not.Contain("DF3998"));
    }

    [Test]
    public void A_nearer_dockerlint_yaml_overrides_a_farther_one_and_root_stops_the_search()
    {
        var fixture = new ConfigFixture(
            (".dockerlint.yaml", "root: true\nseverity: { DF3001: error, DF1001: error }\n"),
            ("svc/.dockerlint.yaml", "severity: { DF3001: suggestion }\n"),
            ("isolated/.dockerlint.yml", "root: true\nseverity: { DF3001: suggestion }\n"));
        var svc = fixture.Lint("svc/Dockerfile", Latest);
        Assert.That(SeverityOf("DF3001", svc), Is.EqualTo(DiagnosticSeverity.Info), "nearest wins");
        Assert.That(SeverityOf("DF1001", svc), Is.EqualTo(DiagnosticSeverity.Error), "the farther file still applies to what the nearer one does not say");
        var isolated = fixture.Lint("isolated/sub/Dockerfile", Latest);
        Assert.That(SeverityOf("DF1001", isolated), Is.EqualTo(DiagnosticSeverity.Warning), "root: true hides the parent's file");
    }

    [Test]
    public void Preview_from_configuration_runs_preview_rules_only_where_it_applies()
    {
        var fixture = new ConfigFixture((".dockerlint.yaml", "root: true\noverrides:\n  - files: [next/**]\n    preview: true\n"));
        var resolver = fixture.Resolver();
        Assert.That(resolver.For(ConfigFixture.Full("next/Dockerfile")).Preview?.Value, Is.True);
        Assert.That(resolver.For(ConfigFixture.Full("Dockerfile")).Preview, Is.Null);
        Assert.That(fixture.Lint("next/Dockerfile", Latest).Findings.Select(d => d.Id), Does.Contain("DF3997"), "the preview rule runs there");
        Assert.That(fixture.Lint("Dockerfile", Latest).Findings.Select(d => d.Id), Does.Not.Contain("DF3997"), "and not elsewhere");
        var cli = new ConfigFixture() { Settings = new() { CurrentDirectory = ConfigFixture.Root, Preview = true } };
        Assert.That(cli.Lint("Dockerfile", Latest).Findings.Select(d => d.Id), Does.Contain("DF3997"), "--preview turns them on everywhere");
    }

    [TestCase("root: true\nseverity: { DF3001: loud }\n", "DF0090", 2, "'loud' is not a severity")]
    [TestCase("root: true\nsevrity: { DF3001: error }\n", "DF0090", 2, "unknown key 'sevrity'")]
    [TestCase("root: true\ndisable: [DF9999]\n", "DF0091", 2, "'DF9999' is not a DockerLint rule")]
    [TestCase("root: true\noptions:\n  allowed-ports: [80, \"99999\"]\n", "DF0090", 3, "'99999' is not within 1-65535")]
    [TestCase("root: true\noptions:\n  secret-name-patterns: [\"(unclosed\"]\n", "DF0090", 3, "not a valid regular expression")]
    [TestCase("root: true\noptions:\n  required-labels: { maintainer: colour }\n", "DF0090", 3, "'colour' is not a label format")]
    [TestCase("root: true\noptions:\n  strict-labels: maybe\n", "DF0090", 3, "'maybe' is not a boolean")]
    [TestCase("root: true\noptions:\n  target: \"my stage\"\n", "DF0090", 3, "'my stage' is not a stage name or index")]
    [TestCase("root: true\noverrides:\n  - disable: [DF3001]\n", "DF0090", 3, "needs 'files:'")]
    [TestCase("root: true\nlimits: { max-file-size: lots }\n", "DF0090", 2, "'lots' is not a positive number")]
    [TestCase("root: true\nfail-level: fatal\n", "DF0090", 2, "'fatal' is not one of")]
    [TestCase("root: [\n", "DF0090", 2, "")]
    public void A_bad_dockerlint_yaml_is_a_diagnostic_with_file_and_line(string yaml, string id, int line, string message)
    {
        var problems = new ConfigFixture((".dockerlint.yaml", yaml)).Problems();
        var problem = problems.FirstOrDefault(d => d.Id == id);
        Assert.That(problem, Is.Not.Null, string.Join("; ", problems.Select(p => p.GetMessage())));
        Assert.That(problem!.Location.GetLineSpan().Path, Is.EqualTo($"{ConfigFixture.Root}/.dockerlint.yaml"));
        Assert.That(problem.Location.GetLineSpan().StartLinePosition.Line + 1, Is.EqualTo(line));
        Assert.That(problem.GetMessage(), Does.Contain(message));
    }

    [Test]
    public void The_rest_of_a_file_with_an_error_still_applies()
    {
        var fixture = new ConfigFixture((".dockerlint.yaml", "root: true\nunknown: 1\nseverity: { DF3001: error, DF9999: none }\n"));
        var run = fixture.Lint("Dockerfile", Latest);
        Assert.That(SeverityOf("DF3001", run), Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(run.Problems.Select(p => p.Id), Is.EquivalentTo(new[] { "DF0090", "DF0091" }));
    }

    [Test]
    public void A_valid_complete_file_has_no_problems()
    {
        var fixture = new ConfigFixture((".dockerlint.yaml", """
            root: true
            preview: false
            fail-level: error
            enable: [DF3998]
            disable: [hadolint:DL3002]
            severity: { DF3001: error }
            options:
              trusted-registries: [ghcr.io/acme, "*.acme.internal"]
              required-labels: ["org.opencontainers.image.source:url", maintainer]
              strict-labels: true
              allowed-ports: [80, 443, "8000-8100", "53/udp"]
              prohibited-tags: [latest, edge]
              secret-name-patterns: ["(?i)_pat$"]
              target: prod
            overrides:
              - files: ["legacy/**", "**/*.dev.Dockerfile"]
                disable: [DF1001]
                severity: { DF3001: suggestion }
                options: { allowed-ports: [22] }
            limits: { max-file-size: 10MiB, yaml-max-depth: 512, yaml-max-nodes: 1000000 }
            """));
        Assert.That(fixture.Problems().Select(p => p.GetMessage()), Is.Empty);
        var config = fixture.Resolver().For(ConfigFixture.Full("Dockerfile"));
        Assert.That(config.Options.GetList("required-labels"), Is.EqualTo(new[] { "org.opencontainers.image.source:url", "maintainer" }));
        Assert.That(config.Options.Get("strict-labels"), Is.EqualTo("true"));
        Assert.That(config.Options.Get("target"), Is.EqualTo("prod"));
        Assert.That(config.Options.GetList("allowed-ports"), Is.EqualTo(new[] { "80", "443", "8000-8100", "53/udp" }));
        Assert.That(config.Limits.MaxFileSize?.Value, Is.EqualTo(10L * 1024 * 1024));
        Assert.That(fixture.Resolver().FailLevel()?.Value, Is.EqualTo("error"));
    }

    [Test]
    public void Another_tools_id_in_a_configuration_file_does_not_turn_off_a_syntax_diagnostic()
    {
        var fixture = new ConfigFixture((".dockerlint.yaml", "root: true\ndisable: [DuplicateStageName]\n"));
        var run = fixture.Lint("Dockerfile", "FROM alpine:3.20 AS a\nFROM alpine:3.20 AS a\n");
        Assert.That(run.Findings.Select(d => d.Id), Does.Contain("DF0010"), "DF0010 stands for many checks; only its own ID turns it off");
    }

    [Test]
    public void Secret_name_patterns_from_the_file_reach_the_secret_rule()
    {
        const string dockerfile = "FROM alpine:3.20\nENV GITLAB_PAT=abc123def456\n";
        Assert.That(new ConfigFixture().Lint("Dockerfile", dockerfile).Findings.Select(d => d.Id), Does.Not.Contain("DF1002"), "not a secret name by default");
        var fixture = new ConfigFixture((".dockerlint.yaml", "root: true\noptions:\n  secret-name-patterns: [\"(?i)_pat$\"]\n"));
        var run = fixture.Lint("Dockerfile", dockerfile);
        Assert.That(run.Problems, Is.Empty);
        Assert.That(run.Findings.Select(d => d.Id), Does.Contain("DF1002"));
    }

    [Test]
    public void Editorconfig_sets_severities_by_id_category_and_for_all_rules()
    {
        var fixture = new ConfigFixture((".editorconfig", """
            root = true
            [*]
            dotnet_analyzer_diagnostic.severity = suggestion
            [Dockerfile*]
            dotnet_analyzer_diagnostic.category-Security.severity = error
            dotnet_diagnostic.DF3001.severity = none
            """));
        var run = fixture.Lint("Dockerfile", Latest);
        Assert.That(SeverityOf("DF3001", run), Is.Null, "none turns the rule off");
        Assert.That(SeverityOf("DF1001", run), Is.EqualTo(DiagnosticSeverity.Error), "category");
        Assert.That(SeverityOf("DF3002", run), Is.EqualTo(DiagnosticSeverity.Info), "catch-all");
        Assert.That(run.Findings.Select(d => d.Id), Does.Not.Contain("DF3998"), "bulk settings do not turn on opt-in rules");
    }

    [Test]
    public void Editorconfig_glob_sections_and_hierarchy_follow_roslyn()
    {
        var fixture = new ConfigFixture(
            (".editorconfig", "root = true\n[**/Dockerfile*]\ndotnet_diagnostic.DF3001.severity = error\n[deploy/**/compose*.yaml]\ndotnet_diagnostic.DC1001.severity = none\n"),
            ("svc/.editorconfig", "[Dockerfile]\ndotnet_diagnostic.DF3001.severity = suggestion\ndotnet_diagnostic.DF3998.severity = warning\n"),
            ("island/.editorconfig", "root = true\n"));
        Assert.That(fixture.State("DF3001", "Dockerfile").Enabled, Is.True);
        Assert.That(fixture.State("DF3001", "Dockerfile").Source, Is.EqualTo("default"), "**/ needs a folder in Roslyn's globs");
        Assert.That(fixture.State("DF3001", "a/Dockerfile.prod").Severity, Is.EqualTo(DiagnosticSeverity.Error));
        Assert.That(fixture.State("DF3001", "svc/Dockerfile").Severity, Is.EqualTo(DiagnosticSeverity.Info), "the nearer file wins");
        Assert.That(fixture.State("DF3998", "svc/Dockerfile"), Has.Property("Enabled").True.And.Property("Severity").EqualTo(DiagnosticSeverity.Warning), "a severity turns an opt-in rule on");
        Assert.That(fixture.State("DF3001", "island/x/Dockerfile").Source, Is.EqualTo("default"), "root = true stops the search");
        Assert.That(fixture.State("DC1001", "deploy/prod/compose.prod.yaml").Enabled, Is.False);
        Assert.That(fixture.State("DC1001", "compose.yaml").Enabled, Is.True);
    }

    [Test]
    public void A_bad_editorconfig_severity_is_a_warning_at_its_entry_as_written()
    {
        var problems = new ConfigFixture((".editorconfig", "root = true\n[*]\n  dotnet_diagnostic.DF3001.severity = loud   # comment\ndotnet_analyzer_diagnostic.category-Style.severity : Noisy ; comment\n")).Problems();
        Assert.That(problems.Select(Describe), Is.EquivalentTo(new[]
        {
            "DF0093 Warning .editorconfig (2,2)-(2,42) 'dotnet_diagnostic.DF3001.severity = loud' is not a severity (none, silent, suggestion, warning, error, default)",
            "DF0093 Warning .editorconfig (3,0)-(3,58) 'dotnet_analyzer_diagnostic.category-Style.severity : Noisy' is not a severity (none, silent, suggestion, warning, error, default)",
        }));
    }

    [Test]
    public void A_bad_entry_in_a_farther_editorconfig_is_reported_in_that_file()
    {
        var problems = new ConfigFixture(
            (".editorconfig", "root = true\n\n[*]\nindent_style = space\ndotnet_diagnostic.DF3001.severity = loud\n"),
            ("app/.editorconfig", "[*]\ndotnet_analyzer_diagnostic.severity = wild\n")).Problems("app/Dockerfile");
        Assert.That(problems.Select(Describe), Is.EquivalentTo(new[]
        {
            "DF0093 Warning .editorconfig (4,0)-(4,40) 'dotnet_diagnostic.DF3001.severity = loud' is not a severity (none, silent, suggestion, warning, error, default)",
            "DF0093 Warning app/.editorconfig (1,0)-(1,42) 'dotnet_analyzer_diagnostic.severity = wild' is not a severity (none, silent, suggestion, warning, error, default)",
        }));
    }

    [Test]
    public void A_key_set_in_two_sections_is_reported_at_the_later_one()
    {
        var problems = new ConfigFixture((".editorconfig", "root = true\n[*]\ndotnet_diagnostic.DF3001.severity = loud\n[Dockerfile]\nDOTNET_DIAGNOSTIC.df3001.SEVERITY = LOUD\n")).Problems();
        Assert.That(problems.Select(Describe), Is.EqualTo(new[]
        {
            "DF0093 Warning .editorconfig (4,0)-(4,40) 'DOTNET_DIAGNOSTIC.df3001.SEVERITY = LOUD' is not a severity (none, silent, suggestion, warning, error, default)",
        }));
    }

    [Test]
    public void A_bad_entry_in_a_section_that_does_not_apply_is_not_reported()
    {
        var problems = new ConfigFixture((".editorconfig", "root = true\n[*.cs]\ndotnet_diagnostic.DF3001.severity = loud\n[Dockerfile]\ndotnet_diagnostic.DF3002.severity = error\n")).Problems();
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public void A_bad_editorconfig_that_applies_to_many_files_is_one_problem()
    {
        var fixture = new ConfigFixture((".editorconfig", "root = true\n[*]\ndotnet_diagnostic.DF3001.severity = loud\n"));
        var resolver = fixture.Resolver();
        Parallel.For(0, 2_000, i =>
        {
            var path = ConfigFixture.Full($"app{i % 50}/svc{i}/Dockerfile");
            _ = resolver.For(path);
            resolver.Forget(path);
        });

        Assert.That(resolver.Diagnostics.Select(Describe), Is.EqualTo(new[]
        {
            "DF0093 Warning .editorconfig (2,0)-(2,40) 'dotnet_diagnostic.DF3001.severity = loud' is not a severity (none, silent, suggestion, warning, error, default)",
        }));
    }

    [Test]
    public void A_nested_repository_ends_the_search_for_every_file_however_many_folders_there_are()
    {
        // Real folders: the repository check looks for .git on disk. More folders than the resolver keeps,
        // so its memory of which folders are repositories is emptied on the way, and each file's answer
        // must not depend on that.
        var root = Path.Combine(Path.GetTempPath(), "dockerlint-config-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(root, ".git"));
            File.WriteAllText(Path.Combine(root, ".hadolint.yaml"), "ignored: [DL3007]\n");
            var folders = ConfigurationResolver.MaxFoldersKept + 500;
            for (var i = 0; i < folders; i += 250)
            {
                Directory.CreateDirectory(Path.Combine(root, $"p{i:D5}", ".git"));
            }

            var resolver = new ConfigurationResolver(ConfigFixture.Rules.Concat(AnalyzerEngine.SyntaxRules), new ConfigurationSettings { CurrentDirectory = Path.Combine(root, "elsewhere") }); // the current folder's .hadolint.yaml would apply everywhere
            var latest = ConfigFixture.Rules.Single(r => r.Id == "DF3001").Descriptor;
            for (var i = 0; i < folders; i++)
            {
                var path = Path.Combine(root, $"p{i:D5}", "svc", "Dockerfile");
                var state = resolver.For(path).Resolve(latest);
                Assert.That(state.Enabled, Is.EqualTo(i % 250 == 0), path);
                resolver.Forget(path);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return $"{d.Id} {d.Severity} {Path.GetRelativePath(ConfigFixture.Root, span.Path)} {span.Span} {d.GetMessage(CultureInfo.InvariantCulture)}";
    }

    [Test]
    public void Hadolint_yaml_ignored_override_and_trusted_registries_are_honoured()
    {
        var fixture = new ConfigFixture((".hadolint.yaml", """
            ignored: [DL3002, SC9999]
            override:
              error: [DL3007]
            trustedRegistries: docker.io
            failure-threshold: style
            label-schema: { maintainer: text }
            """));
        var run = fixture.Lint("Dockerfile", Latest);
        Assert.That(SeverityOf("DF1001", run), Is.Null);
        Assert.That(SeverityOf("DF3001", run), Is.EqualTo(DiagnosticSeverity.Error));
        var config = fixture.Resolver().For(ConfigFixture.Full("Dockerfile"));
        Assert.That(config.Options.GetList("trusted-registries"), Is.EqualTo(new[] { "docker.io" }));
        Assert.That(config.Options.GetList("required-labels"), Is.EqualTo(new[] { "maintainer:text" }));
        Assert.That(fixture.Resolver().FailLevel()?.Value, Is.EqualTo("note"));
        var unmapped = run.Problems.Single();
        Assert.That((unmapped.Id, unmapped.Severity, unmapped.GetMessage()), Is.EqualTo(("DF0092", DiagnosticSeverity.Warning, "SC9999 has no DockerLint equivalent; the setting in .hadolint.yaml is ignored")));
    }

    private const string Pragmas = """
        # hadolint global ignore=DL3002
        FROM alpine:3.20 AS build
        RUN echo building
        # hadolint ignore=DL3007
        FROM ubuntu:latest
        # dockerlint ignore=DF1001
        USER root
        """;

    [Test]
    public void Hadolint_yaml_disable_ignore_pragma_makes_hadolint_comments_suppress_nothing()
    {
        var fixture = new ConfigFixture((".hadolint.yaml", "disable-ignore-pragma: true\n"), ("app/Dockerfile", ""));
        var run = fixture.Lint("app/Dockerfile", Pragmas);
        Assert.That(SeverityOf("DF3001", run), Is.Not.Null, "# hadolint ignore=DL3007 no longer hides the :latest finding");
        Assert.That(SeverityOf("DF1001", run), Is.Null, "DockerLint's own comment still hides USER root");
        Assert.That(run.Problems, Is.Empty);
        var config = fixture.Resolver().For(ConfigFixture.Full("app/Dockerfile"));
        Assert.That(config.HadolintPragmasDisabled?.Source, Is.EqualTo(ConfigFixture.Full(".hadolint.yaml") + ":1"));
    }

    [Test]
    public void Hadolint_comments_suppress_when_disable_ignore_pragma_is_false_or_absent()
    {
        foreach (var yaml in new[] { "disable-ignore-pragma: false\n", "ignored: []\n" })
        {
            var fixture = new ConfigFixture((".hadolint.yaml", yaml));
            var run = fixture.Lint("Dockerfile", Pragmas);
            Assert.That(SeverityOf("DF3001", run), Is.Null, yaml);
            Assert.That(SeverityOf("DF1001", run), Is.Null, yaml);
            Assert.That(fixture.Resolver().For(ConfigFixture.Full("Dockerfile")).HadolintPragmasDisabled, Is.Null, yaml);
        }

        var global = new ConfigFixture((".hadolint.yaml", "disable-ignore-pragma: true\n")).Lint("Dockerfile", Pragmas.Replace("# dockerlint ignore=DF1001\n", "", StringComparison.Ordinal));
        Assert.That(SeverityOf("DF1001", global), Is.Not.Null, "# hadolint global ignore=DL3002 no longer hides USER root either");
    }

    [Test]
    public void A_bad_disable_ignore_pragma_value_is_a_problem_and_changes_nothing()
    {
        var fixture = new ConfigFixture((".hadolint.yaml", "disable-ignore-pragma: yes please\n"));
        var run = fixture.Lint("Dockerfile", Pragmas);
        Assert.That(SeverityOf("DF3001", run), Is.Null);
        var problem = run.Problems.Single();
        Assert.That((problem.Id, problem.GetMessage(CultureInfo.InvariantCulture), problem.Location.GetLineSpan().StartLinePosition.Character), Is.EqualTo(("DF0090", "disable-ignore-pragma: expected true or false", 23)));
    }

    [Test]
    public void An_unmapped_hadolint_id_is_reported_once()
    {
        var problems = new ConfigFixture((".hadolint.yaml", "ignored: [DL9999]\noverride:\n  error: [DL9999]\n")).Problems();
        Assert.That(problems.Count(p => p.Id == "DF0092"), Is.EqualTo(1));
    }

    [Test]
    public void Precedence_is_dockerlint_yaml_then_editorconfig_then_hadolint_then_defaults()
    {
        var all = new ConfigFixture(
            (".dockerlint.yaml", "root: true\nseverity: { DF3001: error }\n"),
            (".editorconfig", "root = true\n[*]\ndotnet_diagnostic.DF3001.severity = suggestion\ndotnet_diagnostic.DF1001.severity = error\n"),
            (".hadolint.yaml", "override:\n  info: [DL3002]\n  warning: [DL3006]\nignored: [DL3009]\n"));
        Assert.That(all.State("DF3001").Severity, Is.EqualTo(DiagnosticSeverity.Error), ".dockerlint.yaml over .editorconfig and .hadolint.yaml");
        Assert.That(all.State("DF1001").Severity, Is.EqualTo(DiagnosticSeverity.Error), ".editorconfig over .hadolint.yaml");
        Assert.That(all.State("DF3002").Source, Is.EqualTo("default"));
    }

    [Test]
    public void No_config_ignores_discovered_files_and_an_explicit_file_replaces_discovery()
    {
        var files = new[]
        {
            (".dockerlint.yaml", "root: true\nseverity: { DF3001: error }\n"),
            (".editorconfig", "root = true\n[*]\ndotnet_diagnostic.DF1001.severity = error\n"),
            ("ci/strict.yaml", "severity: { DF3001: suggestion }\n"),
        };
        var none = new ConfigFixture(files) { Settings = new() { CurrentDirectory = ConfigFixture.Root, NoConfig = true } };
        Assert.That(none.State("DF3001").Source, Is.EqualTo("default"));
        Assert.That(none.State("DF1001").Source, Is.EqualTo("default"));
        var given = new ConfigFixture(files) { Settings = new() { CurrentDirectory = ConfigFixture.Root, ConfigFile = ConfigFixture.Full("ci/strict.yaml") } };
        Assert.That(given.State("DF3001").Severity, Is.EqualTo(DiagnosticSeverity.Info));
        Assert.That(given.State("DF1001").Severity, Is.EqualTo(DiagnosticSeverity.Error), ".editorconfig is still read");
    }

    [Test]
    public void Severities_follow_the_file_each_compose_finding_points_into()
    {
        var fixture = new ConfigFixture(
            (".dockerlint.yaml", "root: true\noverrides:\n  - files: [/compose.yaml]\n    severity: { DC1004: suggestion }\n"));
        var findings = fixture.LintCompose("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    ports: [\"8080:80\"]\n");
        Assert.That(findings.Where(d => d.Id == "DC1004").Select(d => d.Severity), Is.EqualTo(new[] { DiagnosticSeverity.Info }));
        var elsewhere = fixture.LintCompose("other/compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    ports: [\"8080:80\"]\n");
        Assert.That(elsewhere.Where(d => d.Id == "DC1004").Select(d => d.Severity), Is.EqualTo(new[] { DiagnosticSeverity.Warning }));
    }

    [Test]
    public void Hadolint_yaml_is_the_nearest_one_else_the_current_folders_unless_root_stops_the_search()
    {
        var files = new[]
        {
            ("svc/.hadolint.yaml", "ignored: [DL3002]\n"),
            ("../elsewhere/.hadolint.yaml", "override:\n  error: [DL3002]\n"),
            ("island/.dockerlint.yaml", "root: true\n"),
        };
        var fixture = new ConfigFixture(files) { Settings = new() { CurrentDirectory = ConfigFixture.Full("../elsewhere") } };
        Assert.That(fixture.State("DF1001", "svc/a/Dockerfile").Enabled, Is.False, "the nearest .hadolint.yaml");
        Assert.That(fixture.State("DF1001", "Dockerfile").Severity, Is.EqualTo(DiagnosticSeverity.Error), "the current folder's when none is found");
        Assert.That(fixture.State("DF1001", "island/Dockerfile").Source, Is.EqualTo("default"), "root: true ends the search");
    }

    [Test]
    public void Syntax_diagnostics_are_configured_like_rules_but_not_by_the_catch_all_setting()
    {
        const string Broken = "FROM alpine:3.20\nUSER root\nBOGUS x\n"; // DF0001, DF1001
        var byId = new ConfigFixture((".dockerlint.yaml", "root: true\nseverity: { DF0001: warning }\n")).Lint("Dockerfile", Broken);
        Assert.That(SeverityOf("DF0001", byId), Is.EqualTo(DiagnosticSeverity.Warning));
        Assert.That(SeverityOf("DF1001", byId), Is.EqualTo(DiagnosticSeverity.Warning), "the rule fires on this file");
        var all = new ConfigFixture((".editorconfig", "root = true\n[*]\ndotnet_analyzer_diagnostic.severity = none\n")).Lint("Dockerfile", Broken);
        Assert.That(SeverityOf("DF0001", all), Is.EqualTo(DiagnosticSeverity.Error), "the catch-all leaves syntax diagnostics alone");
        Assert.That(SeverityOf("DF1001", all), Is.Null);
        var category = new ConfigFixture((".editorconfig", "root = true\n[*]\ndotnet_analyzer_diagnostic.category-Syntax.severity = suggestion\n")).Lint("Dockerfile", Broken);
        Assert.That(SeverityOf("DF0001", category), Is.EqualTo(DiagnosticSeverity.Info));
    }
}
