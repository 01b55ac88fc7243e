using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using DockerLint.Cli.Commands;
using YamlDotNet.RepresentationModel;

namespace DockerLint.Cli.Tests;

/// <summary>
/// <c>action.yml</c> (the composite action) and the example workflow in <c>docs/examples/</c>: the
/// inputs are declared and used, the options the action passes exist, and the script that runs
/// DockerLint writes the SARIF report and the outputs the later steps read.
/// </summary>
public sealed partial class GitHubActionTests
{
    private static readonly YamlNode s_action = YamlFile.Load("action.yml");

    private static string ActionText => File.ReadAllText(Path.Combine(RepositoryRoot.Path, "action.yml"));

    private static YamlNode Step(string name) => s_action.Get("runs")!.Get("steps").Items().Single(s => s.Text("name") == name);

    [GeneratedRegex(@"\binputs\.([A-Za-z0-9_-]+)")]
    private static partial Regex InputReference();

    [GeneratedRegex(@"\$\{\{\s*([^}]*?)\s*\}\}")]
    private static partial Regex Expression();

    [GeneratedRegex(@"(?<![\w-])--[a-z][a-z-]*")]
    private static partial Regex LongOption();

    [Test]
    public void Is_a_composite_action_that_installs_runs_and_fails_last()
    {
        Assert.That(s_action.Get("runs")!.Text("using"), Is.EqualTo("composite"));
        var names = s_action.Get("runs")!.Get("steps").Items().Select(s => s.Text("name")).ToList();
        Assert.That(names, Is.EqualTo(new[] { "Set up .NET", "Install DockerLint", "Run DockerLint", "Upload the report to code scanning", "Fail on findings" }));
        Assert.That(Step("Install DockerLint").Text("run"), Does.Contain("dotnet pack").And.Contain("dotnet tool install DockerLint").And.Contain("--source"));
        Assert.That(Step("Upload the report to code scanning").Text("uses"), Does.StartWith("github/codeql-action/upload-sarif@"));
        Assert.That(Step("Upload the report to code scanning").Get("with")!.Text("category"), Is.EqualTo("${{ inputs.category }}"));
        foreach (var step in s_action.Get("runs")!.Get("steps").Items().Where(s => s.Text("run") is not null))
        {
            Assert.That(step.Text("shell"), Is.EqualTo("bash"), "composite run steps need a shell: " + step.Text("name"));
        }
    }

    [Test]
    public void Every_input_is_declared_used_and_described()
    {
        var declared = s_action.Get("inputs")!.Keys().ToHashSet();
        var used = InputReference().Matches(ActionText).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.That(used, Is.SubsetOf(declared), "inputs used but not declared");
        Assert.That(declared, Is.SubsetOf(used), "inputs declared but never used");
        Assert.That(declared, Is.SupersetOf(new[] { "paths", "fail-level", "output", "category" }));
        foreach (var input in declared)
        {
            Assert.That(s_action.Get("inputs")!.Get(input)!.Text("description"), Is.Not.Empty, input);
            Assert.That(s_action.Get("inputs")!.Get(input)!.Text("default"), Is.Not.Null, input);
        }
    }

    [Test]
    public void Expressions_are_passed_to_scripts_through_the_environment_only()
    {
        // ${{ }} inside a script is pasted into the code before bash reads it (script injection);
        // the action hands inputs to its scripts as environment variables instead.
        foreach (var step in s_action.Get("runs")!.Get("steps").Items())
        {
            Assert.That(Expression().IsMatch(step.Text("run") ?? ""), Is.False, step.Text("name"));
        }
    }

    [Test]
    public void The_options_the_action_passes_are_the_CLI_options()
    {
        var root = CommandLine.Build(new CliEnvironment(TextWriter.Null, TextWriter.Null, RepositoryRoot.Path));
        var options = root.Options.SelectMany(o => o.Aliases.Append(o.Name)).ToHashSet();
        var script = Step("Run DockerLint").Text("run")!;
        var passed = LongOption().Matches(script).Select(m => m.Value).ToHashSet();
        Assert.That(passed, Is.SupersetOf(new[] { "--format", "--output", "--fail-level", "--preview" }));
        Assert.That(passed, Is.SubsetOf(options), "options the CLI does not have");
        Assert.That(script, Does.Contain("--format sarif"));
    }

    [Test]
    public void Fail_level_values_in_the_description_are_the_ones_the_CLI_accepts()
    {
        var input = s_action.Get("inputs")!.Get("fail-level")!;
        var values = Regex.Matches(input.Text("description")!, @"\b(error|warning|note|none)\b").Select(m => m.Value).ToList();
        Assert.That(values, Is.EquivalentTo(new[] { "error", "warning", "note", "none" }));
        Assert.That(values, Does.Contain(input.Text("default")));
        var file = CliHarness.Files(CliHarness.TempDir(), ("Dockerfile", "FROM scratch\n"));
        foreach (var value in values)
        {
            Assert.That(new CliHarness(file).Run("--fail-level", value, ".").ExitCode, Is.Not.EqualTo(ExitCodes.UsageError), value);
        }
    }

    [Test]
    public void The_run_script_writes_the_report_and_the_outputs()
    {
        if (!CommandOnPath.Available || !File.Exists("/bin/bash"))
        {
            Assert.Ignore("needs bash and the built CLI (dockerlint.dll beside the tests)");
        }

        var temp = CliHarness.TempDir();
        var bin = CommandOnPath.Create(Path.Combine(temp, "bin"));
        var outputs = Path.Combine(temp, "github-output");
        var sarif = Path.Combine(temp, "report.sarif");

        // The step's env:, with the inputs the workflow would give.
        var inputs = new Dictionary<string, string>
        {
            ["paths"] = "samples/insecure\nsamples/hardened",
            ["fail-level"] = "warning",
            ["output"] = sarif,
            ["preview"] = "false",
            ["working-directory"] = ".",
        };
        var step = Step("Run DockerLint");
        var start = new ProcessStartInfo("/bin/bash", ["-c", step.Text("run")!])
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in ((YamlMappingNode)step.Get("env")!).Children)
        {
            var expression = Expression().Match(((YamlScalarNode)value).Value!).Groups[1].Value;
            Assert.That(expression, Does.StartWith("inputs."));
            start.Environment[((YamlScalarNode)name).Value!] = inputs[expression["inputs.".Length..]];
        }

        start.Environment["PATH"] = bin + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        start.Environment["GITHUB_OUTPUT"] = outputs;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();

        Assert.That(process.ExitCode, Is.EqualTo(0), "findings do not fail this step (the last one does): " + output + error.Result);
        Assert.That(File.ReadAllLines(outputs), Is.EqualTo(new[] { "exit-code=1", "sarif-file=" + sarif }));
        using var report = JsonDocument.Parse(File.ReadAllText(sarif));
        Assert.That(report.RootElement.GetProperty("version").GetString(), Is.EqualTo("2.1.0"));
        var results = report.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
        Assert.That(results.Select(r => r.GetProperty("ruleId").GetString()), Does.Contain("DF1001").And.Contain("DC1001"));
    }

    [Test]
    public void Example_workflow_uses_the_action_inputs_and_uploads_with_a_category_per_run()
    {
        var workflow = YamlFile.Load(Path.Combine("docs", "examples", "dockerlint.yml"));
        var job = workflow.Get("jobs")!.Get("dockerlint")!;
        var steps = job.Get("steps").Items().ToList();
        var lint = steps.Single(s => s.Text("uses")?.StartsWith("dockerlint/dockerlint@", StringComparison.Ordinal) == true);
        Assert.That(lint.Get("with")!.Keys(), Is.SubsetOf(s_action.Get("inputs")!.Keys()));
        Assert.That(lint.Get("with")!.Text("category"), Does.Contain("${{ matrix."), "each matrix run has its own category");

        var upload = steps.Single(s => s.Text("uses")?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);
        Assert.That(upload.Get("with")!.Text("category"), Is.EqualTo("${{ steps.dockerlint.outputs.category }}"));
        Assert.That(upload.Get("with")!.Text("sarif_file"), Is.EqualTo("${{ steps.dockerlint.outputs.sarif-file }}"));
        Assert.That(s_action.Get("outputs")!.Keys(), Is.SupersetOf(new[] { "category", "sarif-file", "exit-code" }));
        Assert.That(job.Get("permissions")!.Text("security-events"), Is.EqualTo("write"));

        var parts = job.Get("strategy")!.Get("matrix")!.Get("include").Items().Select(i => i.Text("part")).ToList();
        Assert.That(parts, Has.Count.GreaterThan(1).And.Unique);
    }
}
