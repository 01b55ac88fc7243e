namespace DockerLint.Cli.Tests;

/// <summary>The cache never changes results: the whole corpus, with the cache cold and warm, against no cache.</summary>
public sealed class CacheCorpusTests
{
    [Test]
    [CancelAfter(600_000)]
    public void Cached_runs_over_the_corpus_give_the_same_SARIF_and_JSON()
    {
        var corpus = SharedCorpus.FolderOrIgnore("the cache corpus test");

        // Every file named explicitly, so that names discovery would skip are linted too.
        var files = SharedCorpus.Files(corpus, "dockerfiles", "compose");
        var cache = Path.Combine(CliHarness.TempDir(), "cache");
        var harness = new CliHarness(corpus) { Rules = null };

        var fresh = harness.Run(["--no-cache", "--format", "sarif", .. files]);
        var cold = harness.Run(["--cache-dir", cache, "--format", "sarif", .. files]);
        var warm = harness.Run(["--cache-dir", cache, "--format", "sarif", .. files]);
        Assert.That(fresh.Output, Does.Contain("\"results\""));
        Assert.That(cold, Is.EqualTo(fresh), "SARIF, cold cache");
        Assert.That(warm, Is.EqualTo(fresh), "SARIF, warm cache");
        Assert.That(Directory.EnumerateFiles(cache, "*.bin", SearchOption.AllDirectories).Count(), Is.GreaterThan(files.Length / 2));

        var freshJson = harness.Run(["--no-cache", "--format", "json", .. files]);
        var warmJson = harness.Run(["--cache-dir", cache, "--format", "json", .. files]);
        Assert.That(warmJson, Is.EqualTo(freshJson), "JSON, warm cache");
    }
}
