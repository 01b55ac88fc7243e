using DockerLint.Parser.Compose;
using DockerLint.Parser.Tests;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Tests.Compose;

/// <summary>
/// Every Compose rule (preview and opt-in included) runs over the real files of <c>../shared/corpus/compose</c>
/// without failing; the findings per rule, the files each fires on out of the total, and every finding are printed.
/// </summary>
public sealed class ComposeRulesCorpusTests
{
    [Test]
    public void Compose_rules_run_on_the_corpus_without_notifications()
    {
        var (dir, files) = SharedCorpus.RequireComposeFiles();
        Assert.That(files, Has.Count.GreaterThan(500));

        var counts = Lint.Engine.Rules.Where(r => r.Id.StartsWith("DC", StringComparison.Ordinal)).ToDictionary(r => r.Id, _ => 0);
        var filesWithFindings = counts.Keys.ToDictionary(id => id, _ => new HashSet<string>());
        var notifications = new List<string>();
        var findings = new List<string>();
        foreach (var file in files)
        {
            var project = ComposeLoader.Load([file]);
            var result = Lint.Engine.Analyze(project);
            notifications.AddRange(result.Notifications.Select(n => $"{Path.GetRelativePath(dir, file)}: {n.RuleId} {n.Message}"));
            foreach (var diagnostic in result.Diagnostics.Where(d => counts.ContainsKey(d.Id)))
            {
                counts[diagnostic.Id]++;
                filesWithFindings[diagnostic.Id].Add(file);
                var span = diagnostic.Location.GetLineSpan();
                var source = project.Files.FirstOrDefault(f => f.Source.Path == span.Path)?.Source.Text;
                var text = source is null ? "" : source.ToString(diagnostic.Location.SourceSpan).ReplaceLineEndings(" ");
                text = text.Length > 60 ? text[..57] + "..." : text;
                findings.Add($"{diagnostic.Id} {Path.GetRelativePath(dir, span.Path)}:{span.StartLinePosition.Line + 1} [{text}] {diagnostic.GetMessage()}");
            }
        }

        TestContext.Out.WriteLine($"{files.Count} compose files");
        foreach (var (id, count) in counts.OrderBy(c => c.Key, StringComparer.Ordinal))
        {
            TestContext.Out.WriteLine($"{id}: {count} findings in {filesWithFindings[id].Count} of {files.Count} files");
        }

        foreach (var finding in findings.Order(StringComparer.Ordinal))
        {
            TestContext.Out.WriteLine(finding);
        }

        Assert.That(notifications, Is.Empty, "no rule may fail on a real file");
    }
}
