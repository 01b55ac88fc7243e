using DockerLint.Parser.Compose;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using DockerLint.Rules.Suppressions;

namespace DockerLint.Rules.Tests.Suppressions;

/// <summary>Every inline suppression form, on Dockerfiles and Compose files: what is hidden, what is kept, and why.</summary>
public sealed class SuppressionsTests
{
    private static readonly AnalyzerEngine s_withoutInline = new(Lint.Engine.Rules, new EngineOptions { IncludePreview = true, IncludeDisabledByDefault = true, InlineSuppressions = false });

    internal static AnalysisResult Dockerfile(string text, bool inline = true)
        => (inline ? Lint.Engine : s_withoutInline).Analyze(DockerfileModel.Parse(text));

    internal static AnalysisResult Compose(string yaml, bool inline = true)
    {
        var path = Path.Combine(Path.GetTempPath(), "dockerlint-rule-tests", "compose.yaml");
        return (inline ? Lint.Engine : s_withoutInline).Analyze(ComposeLoader.Load([path], readFile: p => p == path ? yaml : null));
    }

    private static string[] Reported(AnalysisResult result, params string[] ids) => [.. result.Diagnostics.Select(d => d.Id).Where(ids.Contains)];

    private static string[] Hidden(AnalysisResult result) => [.. result.Suppressed.Select(s => s.Diagnostic.Id)];

    [Test]
    public void Ignore_above_an_instruction_hides_its_finding_and_keeps_the_reason()
    {
        var result = Dockerfile("# dockerlint ignore=DF3001 -- pinned by digest in CI\nFROM alpine\n");
        Assert.That(Reported(result, "DF3001", "DF2090"), Is.Empty);
        var suppressed = result.Suppressed.Single(s => s.Diagnostic.Id == "DF3001");
        Assert.That(suppressed.Suppression.Reason, Is.EqualTo("pinned by digest in CI"));
        Assert.That(suppressed.Suppression.Scope, Is.EqualTo(SuppressionScope.Next));
        Assert.That(suppressed.Suppression.Syntax, Is.EqualTo(SuppressionSyntax.DockerLint));
        Assert.That(suppressed.Suppression.Location.GetLineSpan().StartLinePosition.Line, Is.Zero);
    }

    [Test]
    public void Ignore_covers_only_the_next_instruction()
        => Assert.That(Reported(Dockerfile("FROM alpine:3.20 AS a\n# dockerlint ignore=DF3001\nCOPY --from=node:latest /x /x\nCOPY --from=python:latest /y /y\n"), "DF3001"), Has.Length.EqualTo(1));

    [Test]
    public void Ignore_lists_several_ids_in_any_case_with_blanks()
    {
        var result = Dockerfile("# DockerLint Ignore = df3001 , DF1001\nFROM alpine\n");
        Assert.That(Reported(result, "DF3001", "DF1001", "DF2090", "DF2091"), Is.Empty);
        Assert.That(Hidden(result), Is.SupersetOf(new[] { "DF3001", "DF1001" }));
    }

    [Test]
    public void Stacked_comment_lines_add_up()
    {
        var result = Dockerfile("# a note\n# dockerlint ignore=DF3001\n# dockerlint ignore=DF1001 -- a base image\nFROM alpine\n");
        Assert.That(Reported(result, "DF3001", "DF1001", "DF2090"), Is.Empty);
        Assert.That(Hidden(result), Is.SupersetOf(new[] { "DF3001", "DF1001" }));
    }

    [Test]
    public void A_blank_line_ends_the_stack_and_the_comment_is_reported_unused()
    {
        var result = Dockerfile("# dockerlint ignore=DF3001\n\nFROM alpine\n");
        Assert.That(Reported(result, "DF3001"), Has.Length.EqualTo(1));
        Assert.That(result.Diagnostics.Single(d => d.Id == "DF2090").GetMessage(), Does.Contain("covers nothing"));
    }

    [Test]
    public void Above_a_line_inside_a_continued_run_hides_findings_on_that_line()
    {
        var result = Dockerfile("FROM debian:12\nRUN apt-get update \\\n    && apt-get install -y \\\n# dockerlint ignore=DF3003 -- removed below\n       gcc \\\n       curl\nCMD [\"/app\"]\n");
        Assert.That(Reported(result, "DF3003", "DF2090"), Is.Empty);
        Assert.That(result.Suppressed.Single(s => s.Diagnostic.Id == "DF3003").Diagnostic.Location.GetLineSpan().StartLinePosition.Line, Is.EqualTo(4));
    }

    [Test]
    public void Above_another_line_inside_a_continued_run_hides_nothing()
    {
        var result = Dockerfile("FROM debian:12\nRUN apt-get install -y \\\n       gcc \\\n# dockerlint ignore=DF3003\n       curl\nCMD [\"/app\"]\n");
        Assert.That(Reported(result, "DF3003", "DF2090"), Is.EqualTo(new[] { "DF3003", "DF2090" }));
    }

    [Test]
    public void Above_a_continued_instruction_covers_all_its_lines()
        => Assert.That(Reported(Dockerfile("FROM debian:12\n# dockerlint ignore=DF3003\nRUN apt-get install -y \\\n       gcc \\\n       clang\nCMD [\"/app\"]\n"), "DF3003", "DF2090"), Is.Empty);

    [Test]
    public void A_comment_in_a_heredoc_is_script_not_a_suppression()
    {
        var result = Dockerfile("FROM alpine:3.20\nRUN <<EOF\n# dockerlint ignore=DF3001\nEOF\nCOPY --from=node:latest /a /a\n");
        Assert.That(Reported(result, "DF3001"), Has.Length.EqualTo(1));
        Assert.That(Reported(result, "DF2090", "DF2091"), Is.Empty);
    }

    [Test]
    public void Disable_and_enable_delimit_a_block()
    {
        var text = "FROM alpine:3.20\n# dockerlint disable=DF3001 -- vendored tools\nCOPY --from=node:latest /a /a\nCOPY --from=python:latest /b /b\n# dockerlint enable=DF3001\nCOPY --from=ruby:latest /c /c\n";
        var result = Dockerfile(text);
        Assert.That(result.Diagnostics.Where(d => d.Id == "DF3001").Select(d => d.Location.GetLineSpan().StartLinePosition.Line).ToArray(), Is.EqualTo(new[] { 5 }));
        Assert.That(result.Suppressed.Where(s => s.Diagnostic.Id == "DF3001").Select(s => s.Suppression.Scope), Is.EqualTo(new[] { SuppressionScope.Block, SuppressionScope.Block }));
        Assert.That(Reported(result, "DF2090"), Is.Empty);
    }

    [Test]
    public void Disable_without_enable_runs_to_the_end_of_the_file()
        => Assert.That(Reported(Dockerfile("FROM alpine:3.20\n# dockerlint disable=all\nCOPY --from=node:latest /a /a\n\nCOPY --from=python:latest /b /b\n"), "DF3001", "DF2090"), Is.Empty);

    [Test]
    public void Enable_that_ends_no_block_is_reported()
        => Assert.That(Dockerfile("FROM alpine:3.20\n# dockerlint enable=DF3001\nRUN true\n").Diagnostics.Single(d => d.Id == "DF2090").GetMessage(), Does.Contain("ends no 'disable=DF3001' block"));

    [TestCase("FROM alpine\nUSER app\n# dockerlint global ignore=DF3001 -- base images are pinned by Renovate\n")]
    [TestCase("# dockerlint global ignore=DF3001\n\nFROM alpine\nUSER app\n")]
    public void Global_ignore_anywhere_covers_the_file(string text)
    {
        var result = Dockerfile(text);
        Assert.That(Reported(result, "DF3001", "DF2090"), Is.Empty);
        Assert.That(result.Suppressed.Single(s => s.Diagnostic.Id == "DF3001").Suppression.Scope, Is.EqualTo(SuppressionScope.File));
    }

    [TestCase("# hadolint ignore=DL3006\nFROM alpine\n")]
    [TestCase("# hadolint ignore=DL3007,DL3006\nFROM alpine\n")]
    [TestCase("FROM alpine:3.20\n# hadolint global ignore=DL3007\nFROM alpine:latest\n")]
    [TestCase("# dockerlint ignore=hadolint:DL3006\nFROM alpine\n")]
    [TestCase("# dockerlint ignore=DL3006\nFROM alpine\n")]
    public void Hadolint_ids_reach_the_rules_that_stand_for_them(string text)
    {
        var result = Dockerfile(text);
        Assert.That(Reported(result, "DF3001", "DF2090", "DF2091"), Is.Empty);
        Assert.That(Hidden(result), Does.Contain("DF3001"));
    }

    [TestCase("# dockerlint ignore=trivy:DS-0001\nFROM alpine\n")]
    [TestCase("# dockerlint ignore=DS-0001\nFROM alpine\n")]
    [TestCase("# dockerlint ignore=trivy:DS001\nFROM alpine\n")]
    [TestCase("# dockerlint ignore=DS001\nFROM alpine\n")]
    [TestCase("# dockerlint ignore=kics:f45ea400-6bbe-4501-9fc7-1c3d75c32067\nFROM alpine\n")]
    public void Trivy_ids_old_and_new_and_kics_uuids_reach_the_rules_that_stand_for_them(string text)
    {
        var result = Dockerfile(text);
        Assert.That(Reported(result, "DF3001", "DF2090", "DF2091"), Is.Empty);
        Assert.That(Hidden(result), Does.Contain("DF3001"));
    }

    [TestCase("# check=skip=DuplicateStageName\nFROM alpine:3.20 AS a\nFROM alpine:3.20 AS a\n", "DF0010")]
    [TestCase("FROM alpine:3.20\n# hadolint ignore=DL3011\nEXPOSE 70000\n", "DF0010")]
    [TestCase("FROM alpine:3.20\n# hadolint ignore=DL3043\nONBUILD FROM alpine:3.20\n", "DF0010")]
    [TestCase("# check=skip=NoEmptyContinuation\nFROM alpine:3.20\nRUN apk add \\\n\n    curl\n", "DF0005")]
    public void Other_tools_ids_reach_syntax_diagnostics(string text, string id)
    {
        var result = Dockerfile(text);
        Assert.That(Reported(result, id, "DF2090", "DF2091"), Is.Empty);
        Assert.That(Hidden(result), Does.Contain(id));
    }

    [Test]
    public void Hadolint_comments_for_rules_dockerlint_lacks_are_quiet()
        => Assert.That(Reported(Dockerfile("FROM alpine:3.20\n# hadolint ignore=DL3018,SC2086\nRUN apk add curl\n"), "DF2090", "DF2091"), Is.Empty);

    [TestCase("# check=skip=SecretsUsedInArgOrEnv\nFROM alpine:3.20\nENV DB_PASSWORD=hunter2\n", SuppressionScope.File)]
    [TestCase("# syntax=docker/dockerfile:1\n# check=error=true;skip=JSONArgsRecommended,SecretsUsedInArgOrEnv\nFROM alpine:3.20\nENV DB_PASSWORD=hunter2\n", SuppressionScope.File)]
    [TestCase("# check=skip=all\nFROM alpine:3.20\nENV DB_PASSWORD=hunter2\n", SuppressionScope.File)]
    [TestCase("FROM alpine:3.20\n# check=skip=SecretsUsedInArgOrEnv\nENV DB_PASSWORD=hunter2\n", SuppressionScope.Next)]
    public void BuildKit_check_skip_as_directive_and_above_an_instruction(string text, SuppressionScope scope)
    {
        var result = Dockerfile(text);
        Assert.That(Reported(result, "DF1002"), Is.Empty);
        var suppressed = result.Suppressed.Single(s => s.Diagnostic.Id == "DF1002");
        Assert.That(suppressed.Suppression.Syntax, Is.EqualTo(SuppressionSyntax.BuildKit));
        Assert.That(suppressed.Suppression.Scope, Is.EqualTo(scope));
    }

    [Test]
    public void Check_skip_above_one_instruction_leaves_the_next_alone()
        => Assert.That(Reported(Dockerfile("FROM alpine:3.20\n# check=skip=SecretsUsedInArgOrEnv\nENV DB_PASSWORD=hunter2\nENV API_TOKEN=hunter3\n"), "DF1002"), Has.Length.EqualTo(1));

    [Test]
    public void No_inline_suppressions_reports_everything_and_checks_no_comment()
    {
        var result = Dockerfile("# dockerlint ignore=DF3001,DF9999\nFROM alpine\n", inline: false);
        Assert.That(Reported(result, "DF3001"), Has.Length.EqualTo(1));
        Assert.That(Reported(result, "DF2090", "DF2091"), Is.Empty);
        Assert.That(result.Suppressed, Is.Empty);
        Assert.That(Reported(result, "DF5090"), Has.Length.EqualTo(1), "forbidding inline suppressions still works");
    }

    [Test]
    public void Findings_about_suppressions_can_be_suppressed_globally()
        => Assert.That(Reported(Dockerfile("# dockerlint global ignore=DF2090\nFROM alpine:3.20\n# dockerlint ignore=DF3001\nRUN true\n"), "DF2090"), Is.Empty);

    [Test]
    public void Compose_comment_above_a_key_covers_its_value()
    {
        var result = Compose("services:\n  web:\n    image: nginx:1.27\n    # dockerlint ignore=DC1001 -- the entrypoint drops to app\n    user: root\n");
        Assert.That(Reported(result, "DC1001", "DC2090"), Is.Empty);
        Assert.That(result.Suppressed.Single().Suppression.Reason, Is.EqualTo("the entrypoint drops to app"));
    }

    [Test]
    public void Compose_comment_above_a_service_covers_the_whole_service()
    {
        var result = Compose("services:\n  # dockerlint ignore=DC1001,DC3001\n  web:\n    image: nginx\n    user: root\n  api:\n    image: api\n");
        Assert.That(Hidden(result), Is.EquivalentTo(new[] { "DC1001", "DC3001" }));
        Assert.That(Reported(result, "DC3001"), Has.Length.EqualTo(1), "the next service is not covered");
    }

    [Test]
    public void Compose_comment_above_a_list_item_covers_that_item()
    {
        var result = Compose("services:\n  web:\n    image: nginx:1.27\n    ports:\n      # dockerlint ignore=DC1004\n      - \"8080:80\"\n      - \"8443:443\"\n");
        Assert.That(Hidden(result), Is.EqualTo(new[] { "DC1004" }));
        Assert.That(result.Diagnostics.Where(d => d.Id == "DC1004").Select(d => d.Location.GetLineSpan().StartLinePosition.Line).ToArray(), Is.EqualTo(new[] { 6 }));
    }

    [Test]
    public void Compose_comment_after_a_value_covers_its_line()
        => Assert.That(Reported(Compose("services:\n  web:\n    image: nginx  # dockerlint ignore=DC3001 -- local dev only\n    user: \"1000\"\n"), "DC3001", "DC2090"), Is.Empty);

    [Test]
    public void Compose_global_at_the_top_covers_the_file()
    {
        var result = Compose("# dockerlint global ignore=DC3001 -- dev stack\nservices:\n  web:\n    image: nginx\n  api:\n    image: api:latest\n");
        Assert.That(Reported(result, "DC3001", "DC2090"), Is.Empty);
        Assert.That(Hidden(result), Is.EqualTo(new[] { "DC3001", "DC3001" }));
    }

    [Test]
    public void Compose_disable_and_enable_delimit_a_block()
    {
        var result = Compose("services:\n  # dockerlint disable=DC3001\n  web:\n    image: nginx\n  # dockerlint enable=DC3001\n  api:\n    image: api\n");
        Assert.That(result.Diagnostics.Where(d => d.Id == "DC3001").Select(d => d.Location.GetLineSpan().StartLinePosition.Line).ToArray(), Is.EqualTo(new[] { 6 }));
    }

    [Test]
    public void Compose_comment_in_an_anchor_covers_every_service_using_it()
        => Assert.That(Reported(Compose("x-base: &base\n  # dockerlint ignore=DC3001\n  image: nginx\nservices:\n  web:\n    <<: *base\n  api:\n    <<: *base\n"), "DC3001", "DC2090"), Is.Empty);

    [Test]
    public void Compose_files_take_only_dockerlint_comments()
        => Assert.That(Reported(Compose("services:\n  web:\n    # hadolint ignore=DC3001\n    # check=skip=all\n    image: nginx\n"), "DC3001"), Has.Length.EqualTo(1));

    [Test]
    public void Comments_in_an_inline_dockerfile_suppress_there_and_point_into_the_compose_file()
    {
        var result = Compose("services:\n  web:\n    build:\n      dockerfile_inline: |\n        FROM alpine:3.20\n        # dockerlint ignore=DF1001 -- drops privileges\n        USER root\n");
        Assert.That(Reported(result, "DF1001", "DF2090"), Is.Empty);
        var suppressed = result.Suppressed.Single(s => s.Diagnostic.Id == "DF1001");
        Assert.That(suppressed.Diagnostic.Location.GetLineSpan().StartLinePosition.Line, Is.EqualTo(6));
        Assert.That(suppressed.Suppression.Location.GetLineSpan().StartLinePosition.Line, Is.EqualTo(5));
        Assert.That(Path.GetFileName(suppressed.Suppression.Location.GetLineSpan().Path), Is.EqualTo("compose.yaml"));
    }

    [Test]
    public void Compose_without_inline_suppressions()
        => Assert.That(Reported(Compose("services:\n  web:\n    # dockerlint ignore=DC3001\n    image: nginx\n", inline: false), "DC3001"), Has.Length.EqualTo(1));

    [Test]
    public void Ignore_above_onbuild_covers_its_trigger()
        => Assert.That(Reported(Dockerfile("FROM alpine:3.20\nUSER app\n# dockerlint ignore=DF3001\nONBUILD COPY --from=node:latest /a /a\n"), "DF3001", "DF2090"), Is.Empty);

    [Test]
    public void Windows_escape_continuations_take_comments_inside_too()
    {
        var text = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nCOPY --from=node:latest C:/a C:/a\nRUN Write-Host one; `\n# dockerlint ignore=DF3001\n    Write-Host two\n";
        var result = Dockerfile(text);
        Assert.That(Reported(result, "DF3001"), Has.Length.EqualTo(1), "the COPY above is not covered");
        Assert.That(result.Diagnostics.Single(d => d.Id == "DF2090").Location.GetLineSpan().StartLinePosition.Line, Is.EqualTo(5), "nothing on the covered line");
    }

    [Test]
    public void Compose_comment_above_a_mapping_list_item_covers_the_whole_item()
    {
        var yaml = "services:\n  web:\n    image: nginx:1.27\n    ports:\n      # dockerlint ignore=DC1004\n      - target: 80\n        published: \"8080\"\n      - target: 443\n        published: \"8443\"\n";
        var result = Compose(yaml);
        Assert.That(Hidden(result), Is.EqualTo(new[] { "DC1004" }));
        Assert.That(Reported(result, "DC1004"), Has.Length.EqualTo(1));
    }

    [Test]
    public void Compose_comment_in_an_included_file_covers_findings_there()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dockerlint-rule-tests", "include");
        var files = new Dictionary<string, string>
        {
            [Path.Combine(dir, "compose.yaml")] = "include:\n  - db.yaml\nservices:\n  web:\n    image: nginx\n",
            [Path.Combine(dir, "db.yaml")] = "services:\n  db:\n    # dockerlint ignore=DC3001\n    image: postgres\n",
        };
        var result = Lint.Engine.Analyze(ComposeLoader.Load([Path.Combine(dir, "compose.yaml")], readFile: p => files.GetValueOrDefault(p)));
        Assert.That(result.Diagnostics.Where(d => d.Id == "DC3001").Select(d => Path.GetFileName(d.Location.GetLineSpan().Path)), Is.EqualTo(new[] { "compose.yaml" }));
        Assert.That(result.Suppressed.Select(d => Path.GetFileName(d.Diagnostic.Location.GetLineSpan().Path)), Is.EqualTo(new[] { "db.yaml" }));
    }
}
