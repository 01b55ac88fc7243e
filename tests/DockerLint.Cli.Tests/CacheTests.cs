namespace DockerLint.Cli.Tests;

/// <summary>The incremental cache: a hit gives exactly what a fresh analysis gives, and any changed input is a miss.</summary>
public sealed class CacheTests
{
    private static readonly string[] s_formats = ["text", "gcc", "msbuild", "github", "json", "sarif"];

    /// <summary>A Compose project with a .env, a built Dockerfile with a .dockerignore, and a suppressed finding.</summary>
    private static string Project() => CliHarness.Files(CliHarness.TempDir(),
        ("compose.yaml", "services:\n  web:\n    image: nginx:${TAG}\n  api:\n    build:\n      context: ./api\n      target: prod\n"),
        (".env", "TAG=latest\n"),
        ("api/Dockerfile", "# dockerlint ignore=DF1001 reason: the base image sets it\nFROM alpine:3.20 AS prod\nCOPY README.md /doc/\n"),
        ("api/.dockerignore", "*.md\n"),
        ("api/README.md", "hi\n"),
        ("tools/Dockerfile", "FROM ubuntu:latest\nRUN apt-get install curl\n"));

    private static CliHarness Harness(string root) => new(root) { Rules = null };

    private static string[] Args(string cache, params string[] args) => [.. args, "--cache-dir", cache];

    private static List<string> Entries(string cache)
        => Directory.Exists(cache) ? [.. Directory.EnumerateFiles(cache, "*.bin", SearchOption.AllDirectories).Order(StringComparer.Ordinal)] : [];

    [Test]
    public void A_hit_gives_byte_identical_output_in_every_format()
    {
        var root = Project();
        var cache = Path.Combine(CliHarness.TempDir(), "cache");
        foreach (var format in s_formats)
        {
            var fresh = Harness(root).Run("--no-cache", "--format", format, ".");
            var cold = Harness(root).Run(Args(cache, "--format", format, "."));
            var written = Entries(cache).ToDictionary(e => e, File.GetLastWriteTimeUtc);
            var warm = Harness(root).Run(Args(cache, "--format", format, "."));

            Assert.That(cold, Is.EqualTo(fresh), format);
            Assert.That(warm, Is.EqualTo(fresh), format);
            Assert.That(fresh.Output, Does.Contain("DC3001").And.Contain("DF2031"), format);

            // Three items (compose.yaml, api/Dockerfile, tools/Dockerfile) and a hit rewrites nothing.
            Assert.That(written, Has.Count.EqualTo(3), format);
            Assert.That(Entries(cache).ToDictionary(e => e, File.GetLastWriteTimeUtc), Is.EqualTo(written), format);
        }
    }

    [Test]
    public void An_unchanged_file_is_not_read_again_but_one_rewritten_with_its_size_and_time_kept_is()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("File stamps come from statx, on Linux only; elsewhere every input is hashed.");
        }

        var root = CliHarness.Files(CliHarness.TempDir(), ("Dockerfile", "FROM alpine:3.20\nUSER app\n"));
        var dockerfile = Path.Combine(root, "Dockerfile");
        var cache = Path.Combine(CliHarness.TempDir(), "cache");
        var written = DateTime.UtcNow.AddHours(-1);
        File.SetLastWriteTimeUtc(dockerfile, written);

        // A stamp is trusted only once the file has not changed for a while (the status-change time is now).
        Thread.Sleep(FileTypes.StampTrustDelay + TimeSpan.FromSeconds(1.2));
        var reads = new System.Collections.Concurrent.ConcurrentBag<string>();
        CliHarness Counting() => new(root) { Rules = null, ReadFile = p => { reads.Add(p); return File.ReadAllBytes(p); } };
        var cold = Counting().Run(Args(cache, "--format", "gcc", "."));
        Assert.That(reads, Does.Contain(dockerfile));
        reads.Clear();
        var warm = Counting().Run(Args(cache, "--format", "gcc", "."));

        Assert.That(warm, Is.EqualTo(cold));
        Assert.That(reads, Does.Not.Contain(dockerfile), "an unchanged file is known by its stamp");

        // Same size, modification time put back: the status-change time, which cannot be set back, tells.
        File.WriteAllText(dockerfile, "FROM alpine\nUSER app\n#xxx\n");
        File.SetLastWriteTimeUtc(dockerfile, written);
        var changed = Counting().Run(Args(cache, "--format", "gcc", "."));

        Assert.That(changed, Is.EqualTo(Harness(root).Run("--no-cache", "--format", "gcc", ".")));
        Assert.That(changed.Output, Is.Not.EqualTo(cold.Output));
    }

    [Test]
    public void A_baseline_applies_to_cached_findings_as_to_fresh_ones()
    {
        var root = Project();
        var cache = Path.Combine(CliHarness.TempDir(), "cache");
        Harness(root).Run(Args(cache, "--format", "gcc", "--write-baseline", "baseline.json", "."));
        File.WriteAllText(Path.Combine(root, "tools/Dockerfile"), "FROM ubuntu:latest\nRUN apt-get install curl\nUSER nobody\n");

        var fresh = Harness(root).Run("--no-cache", "--format", "sarif", "--baseline", "baseline.json", ".");
        Assert.That(Harness(root).Run(Args(cache, "--format", "sarif", "--baseline", "baseline.json", ".")), Is.EqualTo(fresh));
        Assert.That(Harness(root).Run(Args(cache, "--format", "sarif", "--baseline", "baseline.json", ".")), Is.EqualTo(fresh));
    }

    [Test]
    public void The_cache_folder_is_never_committed()
    {
        var cache = Path.Combine(CliHarness.TempDir(), "cache");
        Harness(Project()).Run(Args(cache, "."));
        Assert.That(File.ReadAllText(Path.Combine(cache, ".gitignore")), Does.Contain("*"));
        Assert.That(File.ReadAllText(Path.Combine(cache, "CACHEDIR.TAG")), Does.StartWith("Signature: 8a477f597d28d172789f06886806bc55"));
    }

    [Test]
    public void A_changed_Dockerfile_is_analysed_again()
    {
        var root = Project();
        var cache = Path.Combine(CliHarness.TempDir(), "cache");
        Assert.That(Harness(root).Run(Args(cache, "--format", "gcc", "tools/Dockerfile")).Output, Does.Contain("[DF3001]"));

        File.WriteAllText(Path.Combine(root, "tools/Dockerfile"), "FROM ubuntu:24.04\nRUN apt-get install curl\n");
        var after = Harness(root).Run(Args(cache, "--format", "gcc", "tools/Dockerfile"));
        Assert.That(after.Output, Does.Not.Contain("[DF3001]"));
        Assert.That(after, Is.EqualTo(Harness(root).Run("--no-cache", "--format", "gcc", "tools/Dockerfile")));
    }

    [Test]
    public void A_changed_dockerignore_is_a_miss()
    {
        var root = Project();
        var cache = Path.Combine(CliHarness.TempDir(), "cache");
        Assert.That(Harness(root).Run(Args(cache, "--format", "gcc", "api/Dockerfile")).Output, Does.Contain("[DF2031]"));

        File.WriteAllText(Path.Combine(root, "api/.dockerignore"), ".git\n");
        Assert.That(Harness(root).Run(Args(cache, "--format", "gcc", "api/Dockerfile")).Output, Does.Not.Contain("[DF2031]"));

        // A .dockerignore that appears where there was none counts too.
        File.Delete(Path.Combine(root, "api/.dockerignore"));
        var none = Harness(root).Run(Args(cache, "--format", "gcc", "api/Dockerfile"));
        File.WriteAllText(Path.Combine(root, "api/Dockerfile.dockerignore"), "README.md\n");
        var appeared = Harness(root).Run(Args(cache, "--format", "gcc", "api/Dockerfile"));
        Assert.That(appeared.Output, Does.Contain("[DF2031]").And.Not.EqualTo(none.Output));
    }

    [Test]
    public void A_changed_env_file_is_a_miss()
    {
        var root = Project();
        var cache = Path.Combine(CliHarness.TempDir(), "cache");
        Assert.That(Harness(root).Run(Args(cache, "--format", "gcc", "compose.yaml")).Output, Does.Contain("[DC3001]"));

        File.WriteAllText(Path.Combine(root, ".env"), "TAG=1.27\n");
        Assert.That(Harness(root).Run(Args(cache, "--format", "gcc", "compose.yaml")).Output, Does.Not.Contain("[DC3001]"));
    }

    [Test]
    public void A_changed_built_Dockerfile_is_a_miss_for_the_compose_project()
    {
        var root = Project();
        var cache = Path.Combine(CliHarness.TempDir(), "cache");
        Assert.That(Harness(root).Run(Args(cache, "--format", "gcc", "compose.yaml")).Output, Does.Not.Contain("[DC2012]"));

        // The service's target stage disappears: the cross-file rule of the Compose file must see it.
        File.WriteAllText(Path.Combine(root, "api/Dockerfile"), "FROM alpine:3.20 AS build\n");
        Assert.That(Harness(root).Run(Args(cache, "--format", "gcc", "compose.yaml")).Output, Does.Contain("[DC2012]"));
    }

    [Test]
    public void A_changed_configuration_file_is_a_miss()
    {
        var root = Project();
        var cache = Path.Combine(CliHarness.TempDir(), "cache");
        Assert.That(Harness(root).Run(Args(cache, "--format", "gcc", "tools/Dockerfile")).Output, Does.Contain("warning: ").And.Contain("[DF3001]"));

        // A new configuration file, then an edit of it.
        File.WriteAllText(Path.Combine(root, ".dockerlint.yaml"), "severity: { DF3001: error }\n");
        Assert.That(Harness(root).Run(Args(cache, "--format", "gcc", "tools/Dockerfile")).Output, Does.Match(@"error: [^\n]*\[DF3001\]"));

        File.WriteAllText(Path.Combine(root, ".dockerlint.yaml"), "disable: [DF3001]\n");
        Assert.That(Harness(root).Run(Args(cache, "--format", "gcc", "tools/Dockerfile")).Output, Does.Not.Contain("[DF3001]"));

        File.Delete(Path.Combine(root, ".dockerlint.yaml"));
        Assert.That(Harness(root).Run(Args(cache, "--format", "gcc", "tools/Dockerfile")).Output, Does.Match(@"warning: [^\n]*\[DF3001\]"));
    }

    [Test]
    public void Command_line_options_that_change_findings_are_part_of_the_key()
    {
        var root = Project();
        var cache = Path.Combine(CliHarness.TempDir(), "cache");
        Assert.That(Harness(root).Run(Args(cache, "--format", "gcc", "api/Dockerfile")).Output, Does.Not.Contain("[DF1001]"));
        Assert.That(Harness(root).Run(Args(cache, "--format", "gcc", "--no-inline-suppressions", "api/Dockerfile")).Output, Does.Contain("[DF1001]"));
        Assert.That(Harness(root).Run(Args(cache, "--format", "gcc", "api/Dockerfile")).Output, Does.Not.Contain("[DF1001]"));
    }

    [Test]
    public void The_fail_level_applies_to_cached_findings()
    {
        var root = Project();
        var cache = Path.Combine(CliHarness.TempDir(), "cache");
        Assert.That(Harness(root).Run(Args(cache, "--format", "gcc", "tools/Dockerfile")).ExitCode, Is.EqualTo(1));
        Assert.That(Harness(root).Run(Args(cache, "--format", "gcc", "--fail-level", "none", "tools/Dockerfile")).ExitCode, Is.EqualTo(0));
        Assert.That(Harness(root).Run(Args(cache, "--format", "gcc", "--fail-level", "warning", "tools/Dockerfile")).ExitCode, Is.EqualTo(1));
    }

    [Test]
    public void A_corrupt_or_foreign_entry_is_a_miss()
    {
        var root = Project();
        var cache = Path.Combine(CliHarness.TempDir(), "cache");
        var fresh = Harness(root).Run("--no-cache", "--format", "sarif", ".");
        Harness(root).Run(Args(cache, "--format", "sarif", "."));
        var entries = Entries(cache);
        Assert.That(entries, Has.Count.EqualTo(3));

        // Truncated, garbage, and another item's entry under this item's name.
        File.WriteAllBytes(entries[0], File.ReadAllBytes(entries[0])[..40]);
        File.WriteAllText(entries[1], "not a cache entry");
        File.Copy(entries[2], entries[1] + ".tmp");
        File.Move(entries[1] + ".tmp", entries[1], overwrite: true);

        Assert.That(Harness(root).Run(Args(cache, "--format", "sarif", ".")), Is.EqualTo(fresh));

        // The bad entries were replaced with good ones.
        Assert.That(Harness(root).Run(Args(cache, "--format", "sarif", ".")), Is.EqualTo(fresh));
    }

    [Test]
    public void Runs_in_parallel_share_the_cache_without_corrupting_it()
    {
        var root = Project();
        var cache = Path.Combine(CliHarness.TempDir(), "cache");
        var fresh = Harness(root).Run("--no-cache", "--format", "json", ".");
        var results = new CliResult[8];
        Parallel.For(0, results.Length, i => results[i] = Harness(root).Run(Args(cache, "--format", "json", ".")));
        Assert.That(results, Is.All.EqualTo(fresh));
        Assert.That(Harness(root).Run(Args(cache, "--format", "json", ".")), Is.EqualTo(fresh));
        Assert.That(Directory.EnumerateFiles(cache, "*.tmp", SearchOption.AllDirectories), Is.Empty, "no temporary file is left behind");
    }

    [Test]
    public void No_cache_writes_nothing()
    {
        var cache = Path.Combine(CliHarness.TempDir(), "cache");
        var variables = CliHarness.TempDir();
        new CliHarness(Project()) { Rules = null, Variables = { ["XDG_CACHE_HOME"] = variables } }.Run(Args(cache, "--no-cache", "."));
        Assert.That(Directory.Exists(cache), Is.False);
        Assert.That(Directory.EnumerateFileSystemEntries(variables), Is.Empty);
    }

    [Test]
    public void The_default_folder_is_under_XDG_CACHE_HOME()
    {
        var variables = CliHarness.TempDir();
        new CliHarness(Project()) { Rules = null, Variables = { ["XDG_CACHE_HOME"] = variables } }.Run(".");
        Assert.That(Entries(Path.Combine(variables, "dockerlint")), Has.Count.EqualTo(3));
    }

    [Test]
    public void Standard_input_is_never_cached()
    {
        var cache = Path.Combine(CliHarness.TempDir(), "cache");
        var harness = new CliHarness(CliHarness.TempDir()) { Rules = null, StandardInput = "FROM ubuntu:latest\n" };
        Assert.That(harness.Run(Args(cache, "--format", "gcc", "-")).Output, Does.Contain("[DF3001]"));
        Assert.That(Entries(cache), Is.Empty);
    }

    [Test]
    public void Files_with_tool_problems_are_not_cached()
    {
        var root = Project();
        var cache = Path.Combine(CliHarness.TempDir(), "cache");
        var tools = Path.Combine(root, "tools", "Dockerfile");
        var failing = new CliHarness(root) { Rules = null, ReadFile = path => path == tools ? throw new IOException("disk on fire") : File.ReadAllBytes(path) };
        Assert.That(failing.Run(Args(cache, "--format", "gcc", "tools/Dockerfile")).ExitCode, Is.EqualTo(ExitCodes.Incomplete));
        Assert.That(Entries(cache), Is.Empty);

        // A file over the size limit is skipped with a diagnostic: not cached either.
        Assert.That(Harness(root).Run(Args(cache, "--format", "gcc", "--max-file-size", "10", "tools/Dockerfile")).Output, Does.Contain("[DF0013]"));
        Assert.That(Entries(cache), Is.Empty);
    }
}
