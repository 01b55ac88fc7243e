namespace DockerLint.Cli.Tests;

/// <summary>
/// The pass over the files before the first finding is written: every configuration file that applies
/// is read (its problems take their place in path order) while the files are looked up on every core and
/// files that share their configuration files are looked up once; Compose projects decide the build
/// context of the Dockerfiles they build, wherever those sort.
/// </summary>
public sealed class FirstPassTests
{
    private const string RootUser = "FROM alpine:3.20\nUSER root\n";

    [Test]
    public void Each_file_found_knows_the_folder_whose_configuration_files_it_shares()
    {
        var root = CliHarness.Files(
            CliHarness.TempDir(),
            ("a/Dockerfile", ""),
            ("b/.git", "gitdir: elsewhere\n"),
            ("b/c/Dockerfile", ""),
            ("b/c/d/.dockerlint.yml", ""),
            ("b/c/d/Dockerfile", ""),
            ("b/c/d/e/compose.yaml", ""),
            ("b/f/Dockerfile", ""),
            ("g/.EditorConfig", ""),
            ("g/Dockerfile", ""),
            ("h/.hadolint.yaml", ""),
            ("h/i/Dockerfile", ""),
            ("z/Dockerfile", ""));
        var found = FolderSearch.Search(root, new DiscoveryOptions(), [])
            .Select(f => (Path: Relative(root, f.Path), Folder: f.ConfigurationFolder is { } folder ? Relative(root, folder) : null))
            .ToList();

        Assert.That(found, Is.EqualTo(new (string, string?)[]
        {
            ("a/Dockerfile", "."),
            ("b/c/Dockerfile", "b"),
            ("b/c/d/Dockerfile", "b/c/d"),
            ("b/c/d/e/compose.yaml", "b/c/d"),
            ("b/f/Dockerfile", "b"),
            ("g/Dockerfile", "g"),
            ("h/i/Dockerfile", "h"),
            ("z/Dockerfile", "."),
        }));
    }

    [Test]
    public void Files_named_explicitly_and_patterns_that_climb_out_share_nothing()
    {
        var root = CliHarness.Files(CliHarness.TempDir(), ("a/Dockerfile", ""), ("b/Dockerfile", ""));
        var environment = new CliEnvironment(new StringWriter(), new StringWriter(), root);
        var named = SourceFiles.Discover(["a/Dockerfile", "b"], new DiscoveryOptions(), environment, []).WithConfigurationFolders().ToList();
        Assert.That(named.Select(f => (Relative(root, f.File.Path), f.ConfigurationFolder is null)), Is.EqualTo(new[] { ("a/Dockerfile", true), ("b/Dockerfile", false) }));

        var climbing = FolderSearch.Search(Path.Combine(root, "a"), new DiscoveryOptions { Include = ["../b/Dockerfile"] }, []).ToList();
        Assert.That(climbing.Select(f => f.ConfigurationFolder), Is.All.Null);
    }

    [Test]
    public void Configuration_problems_deep_in_a_large_tree_keep_their_place_as_when_every_file_is_named()
    {
        var root = CliHarness.TempDir();
        Directory.CreateDirectory(Path.Combine(root, ".git"));
        var files = new List<(string, string)>
        {
            // Section-dependent: only the files under z/ see the bad severity, which sorts before all of them.
            (".editorconfig", "root = true\n[z/**]\ndotnet_analyzer_diagnostic.severity = loud\n"),
            ("pkg030/.dockerlint.yaml", "severity: { DF9999: error }\n"),
            ("pkg045/sub/.hadolint.yaml", "ignored: 5\n"),
            ("pkg045/sub/.git", "gitdir: elsewhere\n"),
            ("z/Dockerfile", RootUser),
        };
        for (var i = 0; i < 70 * Environment.ProcessorCount; i++)
        {
            files.Add(($"pkg{i:D3}/Dockerfile", RootUser));
            files.Add(($"pkg{i:D3}/sub/Dockerfile", RootUser));
        }

        CliHarness.Files(root, [.. files]);
        var harness = new CliHarness(root) { Rules = null };
        var searched = harness.Run("--format", "gcc", "--fail-level", "none", ".");
        var named = harness.Run(["--format", "gcc", "--fail-level", "none", .. files.Select(f => f.Item1).Where(p => p.EndsWith("Dockerfile", StringComparison.Ordinal))]);

        Assert.That(searched.ExitCode, Is.EqualTo(ExitCodes.Success), searched.Error);
        var lines = searched.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Does.StartWith(".editorconfig:").And.EndWith("[DF0093]"));
        Assert.That(lines, Has.One.Match(@"^pkg030/\.dockerlint\.yaml:.*\[DF0091\]$"));
        Assert.That(lines, Has.One.Match(@"^pkg045/sub/\.hadolint\.yaml:.*\[DF0092\]$"));
        Assert.That(lines.Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(searched.Output, Is.EqualTo(named.Output), "a file found in a folder is configured as when it is named");
    }

    [Test]
    public void A_Dockerfile_that_sorts_before_the_Compose_file_building_it_is_analysed_once_with_the_service_context()
    {
        var root = CliHarness.TempDir();
        var files = new List<(string, string)>
        {
            ("a/app/.dockerignore", "secret.txt\n"),
            ("a/app/secret.txt", "x"),
            ("a/app/docker/Dockerfile", "FROM alpine:3.20\nCOPY secret.txt /x\nUSER 1000\nHEALTHCHECK NONE\n"),
            ("zz/compose.yaml", "services:\n  app:\n    build:\n      context: ../a/app\n      dockerfile: docker/Dockerfile\n"),
            ("zz/broken/compose.yaml", "services: [\n"),
        };
        for (var i = 0; i < 50 * Environment.ProcessorCount; i++)
        {
            files.Add(($"m/pkg{i:D3}/Dockerfile", RootUser));
            files.Add(($"m/pkg{i:D3}/compose.yaml", $"services:\n  s{i}:\n    image: busybox:1.{i}\n"));
        }

        CliHarness.Files(root, [.. files]);
        var result = new CliHarness(root) { Rules = null }.Run("--format", "gcc", "--fail-level", "none", ".");
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        Assert.That(lines, Has.One.Match(@"^a/app/docker/Dockerfile:2:6: .*\[DF2031\]$"), "the service's context and its .dockerignore");
        Assert.That(lines, Has.Some.StartWith("zz/broken/compose.yaml:"), "a broken project reports and the run goes on");
        Assert.That(lines.Count(l => l.StartsWith("m/pkg", StringComparison.Ordinal) && l.Contains("/Dockerfile:", StringComparison.Ordinal)), Is.GreaterThanOrEqualTo(50 * Environment.ProcessorCount));
        Assert.That(lines.Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]), Is.Ordered.Using((IComparer<string>)StringComparer.Ordinal));
        Assert.That(lines, Is.Unique);
    }

    [Test]
    public void Work_beside_an_enumeration_runs_once_per_item_and_the_enumeration_stays_in_order_on_the_calling_thread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var enumerated = new List<int>();
        var done = new System.Collections.Concurrent.ConcurrentBag<int>();
        LintRunner.OnEveryCore(
            Enumerable.Range(0, 5_000).Select(i =>
            {
                Assert.That(Environment.CurrentManagedThreadId, Is.EqualTo(caller));
                enumerated.Add(i);
                return i;
            }),
            i =>
            {
                Thread.SpinWait(i % 7 * 50);
                done.Add(i);
            });

        Assert.That(enumerated, Is.EqualTo(Enumerable.Range(0, 5_000)));
        Assert.That(done.Order(), Is.EqualTo(Enumerable.Range(0, 5_000)));
    }

    [Test]
    public void Work_beside_an_enumeration_stops_at_a_failure_and_throws_it()
    {
        var done = 0;
        var thrown = Assert.Throws<InvalidOperationException>(() => LintRunner.OnEveryCore(
            Enumerable.Range(0, 100_000),
            i =>
            {
                if (i == 300)
                {
                    throw new InvalidOperationException("item 300");
                }

                Interlocked.Increment(ref done);
            }));
        Assert.That(thrown!.Message, Is.EqualTo("item 300"));
        Assert.That(done, Is.LessThan(99_999), "the rest is not worked on");

        Assert.Throws<FormatException>(() => LintRunner.OnEveryCore(Enumerable.Range(0, 10).Select(i => i == 5 ? throw new FormatException() : i), _ => { }));
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
