namespace DockerLint.Cli.Tests;

/// <summary>Which files are linted, how Compose files form projects, and standard input.</summary>
public sealed class DiscoveryTests
{
    private static List<string> Found(string root, DiscoveryOptions? options = null, params string[] paths)
    {
        var problems = new List<ToolProblem>();
        var environment = new CliEnvironment(new StringWriter(), new StringWriter(), root);
        var files = SourceFiles.Find(paths, options ?? new DiscoveryOptions(), environment, problems);
        Assert.That(problems, Is.Empty);
        return [.. files.Select(f => $"{Path.GetRelativePath(root, f.Path).Replace('\\', '/')} {f.Kind}")];
    }

    private static string Tree() => CliHarness.Files(CliHarness.TempDir(),
        ("Dockerfile", ""),
        ("Dockerfile.prod", ""),
        ("Dockerfile.dockerignore", ""),
        ("api.Dockerfile", ""),
        ("Containerfile", ""),
        ("compose.yaml", ""),
        ("docker-compose.prod.yml", ""),
        ("README.md", ""),
        ("config.yaml", ""),
        (".devcontainer/Dockerfile", ""),
        (".devcontainer/devcontainer.json", ""),
        ("src/web/dockerfile", ""),
        ("test/fixtures/Dockerfile", ""),
        (".git/Dockerfile", ""),
        ("node_modules/pkg/Dockerfile", ""),
        ("bin/Dockerfile", ""),
        ("src/obj/Dockerfile", ""),
        ("deploy/stack.yml", ""));

    [Test]
    public void Folders_are_searched_for_the_default_names_hidden_folders_included()
    {
        Assert.That(Found(Tree()), Is.EqualTo(new[]
        {
            ".devcontainer/Dockerfile Dockerfile",
            "Containerfile Dockerfile",
            "Dockerfile Dockerfile",
            "Dockerfile.prod Dockerfile",
            "api.Dockerfile Dockerfile",
            "compose.yaml Compose",
            "docker-compose.prod.yml Compose",
            "src/web/dockerfile Dockerfile",
            "test/fixtures/Dockerfile Dockerfile",
        }));
    }

    [Test]
    public void Include_adds_patterns_and_exclude_removes_files_and_folders()
    {
        var options = new DiscoveryOptions { Include = ["deploy/*.yml"], Exclude = ["test/**", "**/*.prod*"] };
        Assert.That(Found(Tree(), options), Is.EqualTo(new[]
        {
            ".devcontainer/Dockerfile Dockerfile",
            "Containerfile Dockerfile",
            "Dockerfile Dockerfile",
            "api.Dockerfile Dockerfile",
            "compose.yaml Compose",
            "deploy/stack.yml Compose",
            "src/web/dockerfile Dockerfile",
        }));
    }

    [Test]
    public void A_path_named_explicitly_is_always_linted()
    {
        var root = Tree();
        var options = new DiscoveryOptions { Exclude = ["**/Dockerfile"] };
        Assert.That(Found(root, options, "node_modules/pkg/Dockerfile", "README.md", "deploy/stack.yml"), Is.EqualTo(new[]
        {
            "README.md Dockerfile",
            "deploy/stack.yml Compose",
            "node_modules/pkg/Dockerfile Dockerfile",
        }));
    }

    [Test]
    public void File_type_forces_the_kind_of_explicit_paths_only()
    {
        var root = Tree();
        var options = new DiscoveryOptions { FileType = FileKind.Compose };
        Assert.That(Found(root, options, "README.md", "src/web"), Is.EqualTo(new[] { "README.md Compose", "src/web/dockerfile Dockerfile" }));
    }

    [Test]
    public void Overlapping_paths_give_each_file_once()
    {
        var root = Tree();
        Assert.That(Found(root, null, "src", "src/web/dockerfile", "./src/web/"), Is.EqualTo(new[] { "src/web/dockerfile Dockerfile" }));
    }

    [Test]
    public void Symbolic_links_to_folders_are_not_followed()
    {
        var root = CliHarness.Files(CliHarness.TempDir(), ("a/Dockerfile", ""));
        Directory.CreateSymbolicLink(Path.Combine(root, "a", "loop"), root);
        Assert.That(Found(root), Is.EqualTo(new[] { "a/Dockerfile Dockerfile" }));
    }

    [Test]
    public void Findings_are_ordered_by_path_line_column_and_ID_across_files()
    {
        var root = CliHarness.Files(CliHarness.TempDir(),
            ("b/Dockerfile", "FROM alpine:3.20\nBOGUS\nUSER root\n"),
            ("a/Dockerfile", "NOPE\nFROM alpine:3.20\n"),
            ("a/compose.yaml", "services:\n  web:\n    image: nginx:1.27\n    user: root\n"));
        var result = new CliHarness(root).Run("--format", "gcc", ".");
        Assert.That(Places(result.Output), Is.EqualTo(new[]
        {
            "a/Dockerfile:1:1 DF0001",
            "a/compose.yaml:4:11 DC9101",
            "b/Dockerfile:2:1 DF0001",
            "b/Dockerfile:3:6 DF9101",
        }));
    }

    /// <summary>The <c>path:line:col ID</c> of each gcc line.</summary>
    private static IEnumerable<string> Places(string gcc)
        => gcc.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l[..l.IndexOf(": ", StringComparison.Ordinal)] + " " + l[(l.LastIndexOf('[') + 1)..^1]);

    [Test]
    public void A_folders_compose_file_and_its_override_are_one_project()
    {
        var root = CliHarness.Files(CliHarness.TempDir(),
            ("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n"),
            ("compose.override.yaml", "services:\n  web:\n    user: root\n"),
            ("docker-compose.ci.yml", "services:\n  job:\n    user: \"0\"\n"));
        var result = new CliHarness(root).Run("--format", "gcc", ".");
        Assert.That(result.Output, Is.EqualTo(
            "compose.override.yaml:3:11: warning: Service 'web' runs as root (user: root) [DC9101]\n"
            + "docker-compose.ci.yml:3:11: warning: Service 'job' runs as root (user: 0) [DC9101]\n"));
        var json = new CliHarness(root).Run("--format", "json", ".");
        Assert.That(json.Output, Does.Contain("\"files\": 3"));
    }

    [Test]
    public void A_file_reached_through_include_reports_once()
    {
        var root = CliHarness.Files(CliHarness.TempDir(),
            ("compose.yaml", "include:\n  - compose.db.yaml\nservices:\n  web:\n    image: nginx:1.27\n"),
            ("compose.db.yaml", "services:\n  db:\n    image: postgres:16.4\n    user: root\n    enviroment: {}\n"));
        var result = new CliHarness(root).Run("--format", "gcc", ".");
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines.Count(l => l.Contains("[DC9101]", StringComparison.Ordinal)), Is.EqualTo(1), result.Output);
        Assert.That(lines.Count(l => l.Contains("[DC0011]", StringComparison.Ordinal)), Is.EqualTo(1), result.Output);
        Assert.That(lines, Has.All.StartWith("compose.db.yaml:"));
    }

    [Test]
    public void Standard_input_is_a_dockerfile_named_dash_by_default()
    {
        var harness = new CliHarness(CliHarness.TempDir()) { StandardInput = "FROM alpine:3.20\nBOGUS\nUSER root\n" };
        var result = harness.Run("--format", "gcc", "-");
        Assert.That(result.Output, Is.EqualTo(
            "-:2:1: error: Unknown instruction 'BOGUS' [DF0001]\n"
            + "-:3:6: warning: USER root runs the container as root [DF9101]\n"));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Findings));
    }

    [Test]
    public void Stdin_filename_names_standard_input_and_gives_its_kind()
    {
        var root = CliHarness.TempDir();
        var harness = new CliHarness(root) { StandardInput = "services:\n  web:\n    image: nginx:1.27\n    user: root\n" };
        var named = harness.Run("--format", "gcc", "--stdin-filename", "deploy/compose.yaml", "-");
        Assert.That(named.Output, Is.EqualTo("deploy/compose.yaml:4:11: warning: Service 'web' runs as root (user: root) [DC9101]\n"));

        var alone = harness.Run("--format", "gcc", "--stdin-filename", "deploy/compose.yaml");
        Assert.That(alone.Output, Is.EqualTo(named.Output), "--stdin-filename alone reads standard input");

        var forced = harness.Run("--format", "gcc", "--file-type", "compose", "-");
        Assert.That(forced.Output, Is.EqualTo("-:4:11: warning: Service 'web' runs as root (user: root) [DC9101]\n"));
    }

    [Test]
    public void Standard_input_shows_its_source_line_in_text()
    {
        var harness = new CliHarness(CliHarness.TempDir()) { StandardInput = "FROM alpine:3.20\nUSER root\n" };
        var result = harness.Run("--format", "text", "--stdin-filename", "Dockerfile");
        Assert.That(result.Output, Does.Contain(" --> Dockerfile:2:6\n  |\n2 | USER root\n  |      ^^^^\n"));
    }
}
