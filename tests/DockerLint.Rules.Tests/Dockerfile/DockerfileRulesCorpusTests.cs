using DockerLint.Parser.Context;
using DockerLint.Parser.Model;
using DockerLint.Parser.Syntax;
using DockerLint.Parser.Tests;
using DockerLint.Rules.Engine;

namespace DockerLint.Rules.Tests.Dockerfile;

/// <summary>
/// Smoke test over the real Dockerfiles of <c>../shared/corpus/dockerfiles</c>: every Dockerfile rule
/// runs on every file without failing, and the number of findings per rule is printed so that
/// heuristics can be reviewed for false positives.
/// </summary>
public sealed class DockerfileRulesCorpusTests
{
    [Test]
    public void Every_rule_runs_on_every_corpus_file_without_failing()
    {
        var dir = SharedCorpus.RequireDirectory("corpus/dockerfiles");
        var engine = new AnalyzerEngine(options: new EngineOptions { IncludePreview = true, IncludeDisabledByDefault = true });
        var rules = engine.ActiveRules.Where(r => r.Target == RuleTarget.Dockerfile).Select(r => r.Id).ToList();
        var counts = rules.ToDictionary(id => id, _ => 0);
        var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var notifications = new List<string>();
        var filesWithFindings = rules.ToDictionary(id => id, _ => 0);

        // Build contexts exercise the rules that read one: every other file gets a typical .dockerignore, the rest none.
        var ignore = DockerIgnore.Parse(".git\nnode_modules\n*.md\n!README.md\ndocs\n**/*.log\n");
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            var model = DockerfileModel.Create(DockerfileSyntaxTree.Parse(File.ReadAllBytes(file), file));
            var context = new BuildContext(Path.GetDirectoryName(file)!, i % 2 == 0 ? ignore : null, ".dockerignore");
            var result = engine.Analyze(model, context);
            notifications.AddRange(result.Notifications.Select(n => $"{Path.GetRelativePath(dir, file)}: {n.Message}"));
            foreach (var group in result.Diagnostics.Where(d => counts.ContainsKey(d.Id)).GroupBy(d => d.Id))
            {
                counts[group.Key] += group.Count();
                filesWithFindings[group.Key]++;
            }
        }

        TestContext.Out.WriteLine($"{files.Count} Dockerfiles");
        foreach (var id in rules)
        {
            TestContext.Out.WriteLine($"{id}: {counts[id]} findings in {filesWithFindings[id]} files");
        }

        Assert.That(files, Is.Not.Empty);
        Assert.That(notifications, Is.Empty, "no rule may fail on a real Dockerfile");
    }
}
