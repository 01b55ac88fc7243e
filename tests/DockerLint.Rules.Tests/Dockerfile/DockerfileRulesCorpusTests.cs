using DockerLint.Parser.Context;
using DockerLint.Parser.Model;
using DockerLint.Parser.Syntax;
using DockerLint.Parser.Tests;
using DockerLint.Rules.Engine;

namespace DockerLint.Rules.Tests.Dockerfile;

/// <summary>
/// Smoke test over the real Dockerfiles of <c>../shared/corpus/dockerfiles</c>: every Dockerfile rule
/// (preview and opt-in included) runs on every file without failing, and the number of findings per rule,
/// and of files it fires on out of the total, is printed so that heuristics can be reviewed for false positives.
/// </summary>
public sealed class DockerfileRulesCorpusTests
{
    /// <summary>
    /// The corpus folders that hold the sources of Docker Official Images (Docker Hub's <c>library/</c>
    /// namespace): every <c>docker-library__*</c> repository, and the upstream repositories Docker builds
    /// official images from (nginx, eclipse-temurin, mariadb, perl, couchdb, flink, spark, nextcloud, node, rust).
    /// These are the most reviewed Dockerfiles there are, so a rule that fires on most of them must say why.
    /// </summary>
    private static readonly string[] s_officialImageRepositories =
    [
        "nginxinc__docker-nginx", "adoptium__containers", "MariaDB__mariadb-docker", "Perl__docker-perl", "apache__couchdb-docker",
        "apache__flink-docker", "apache__spark-docker", "nextcloud__docker", "nodejs__docker-node", "rust-lang__docker-rust",
    ];

    private static readonly Lazy<CorpusRun> s_run = new(Run);

    /// <summary>True when <paramref name="relativePath"/> (relative to the corpus folder) is the source of an official image.</summary>
    public static bool IsOfficialImage(string relativePath)
    {
        var repository = relativePath.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar)[0];
        return repository.StartsWith("docker-library__", StringComparison.Ordinal) || s_officialImageRepositories.Contains(repository, StringComparer.Ordinal);
    }

    [Test]
    public void Every_rule_runs_on_every_corpus_file_without_failing()
    {
        var run = s_run.Value;
        TestContext.Out.WriteLine($"{run.Files.Count} Dockerfiles, {run.OfficialFiles} of them from official images");
        foreach (var id in run.Rules)
        {
            var files = run.FilesWithFindings[id];
            TestContext.Out.WriteLine(
                $"{id}: {run.Counts[id]} findings in {files} of {run.Files.Count} files ({Percent(files, run.Files.Count)}); "
                + $"official images: {run.OfficialFilesWithFindings[id]} of {run.OfficialFiles} ({Percent(run.OfficialFilesWithFindings[id], run.OfficialFiles)})");
        }

        Assert.That(run.Files, Is.Not.Empty);
        Assert.That(run.Notifications, Is.Empty, "no rule may fail on a real Dockerfile");
    }

    /// <summary>
    /// Issue 5: a rule on by default that fires on more than half of the official images' Dockerfiles gets its
    /// reason written in its docs: its explanation names the official images (why they trip it, and why it stays on).
    /// </summary>
    [Test]
    public void A_default_rule_that_fires_on_most_official_images_says_why_in_its_explanation()
    {
        var run = s_run.Value;
        Assert.That(run.OfficialFiles, Is.GreaterThan(100), "the corpus holds the official images' Dockerfiles");
        var defaultRules = AnalyzerEngine.DiscoverRules()
            .Where(r => r.Target == RuleTarget.Dockerfile && r.Status == RuleStatus.Stable && r.Descriptor.IsEnabledByDefault)
            .ToList();
        Assert.That(defaultRules, Is.Not.Empty);
        var frequent = defaultRules.Where(r => run.OfficialFilesWithFindings[r.Id] * 2 > run.OfficialFiles).ToList();
        foreach (var rule in frequent)
        {
            TestContext.Out.WriteLine($"{rule.Id} fires on {run.OfficialFilesWithFindings[rule.Id]} of {run.OfficialFiles} official images' Dockerfiles");
        }

        Assert.That(
            frequent.Where(r => !r.Explanation.Contains("official image", StringComparison.OrdinalIgnoreCase)).Select(r => r.Id),
            Is.Empty,
            "rules that fire on more than half of the official images must say so, and why, in their explanation");
    }

    private static string Percent(int part, int total) => total == 0 ? "-" : $"{100.0 * part / total:0.#}%";

    private static CorpusRun Run()
    {
        var dir = SharedCorpus.RequireDirectory("corpus/dockerfiles");
        var engine = new AnalyzerEngine(options: new EngineOptions { IncludePreview = true, IncludeDisabledByDefault = true });
        var rules = engine.ActiveRules.Where(r => r.Target == RuleTarget.Dockerfile).Select(r => r.Id).ToList();
        var run = new CorpusRun(
            rules,
            Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList(),
            rules.ToDictionary(id => id, _ => 0),
            rules.ToDictionary(id => id, _ => 0),
            rules.ToDictionary(id => id, _ => 0),
            []);

        // Build contexts exercise the rules that read one: every other file gets a typical .dockerignore, the rest none.
        var ignore = DockerIgnore.Parse(".git\nnode_modules\n*.md\n!README.md\ndocs\n**/*.log\n");
        for (var i = 0; i < run.Files.Count; i++)
        {
            var file = run.Files[i];
            var relative = Path.GetRelativePath(dir, file);
            var official = IsOfficialImage(relative);
            run.OfficialFiles += official ? 1 : 0;
            var model = DockerfileModel.Create(DockerfileSyntaxTree.Parse(File.ReadAllBytes(file), file));
            var context = new BuildContext(Path.GetDirectoryName(file)!, i % 2 == 0 ? ignore : null, ".dockerignore");
            var result = engine.Analyze(model, context);
            run.Notifications.AddRange(result.Notifications.Select(n => $"{relative}: {n.Message}"));
            foreach (var group in result.Diagnostics.Where(d => run.Counts.ContainsKey(d.Id)).GroupBy(d => d.Id))
            {
                run.Counts[group.Key] += group.Count();
                run.FilesWithFindings[group.Key]++;
                run.OfficialFilesWithFindings[group.Key] += official ? 1 : 0;
            }
        }

        return run;
    }

    private sealed record CorpusRun(
        List<string> Rules,
        List<string> Files,
        Dictionary<string, int> Counts,
        Dictionary<string, int> FilesWithFindings,
        Dictionary<string, int> OfficialFilesWithFindings,
        List<string> Notifications)
    {
        public int OfficialFiles { get; set; }
    }
}
