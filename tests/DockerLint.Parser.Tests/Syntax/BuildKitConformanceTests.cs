using DockerLint.Parser.Syntax;
using Microsoft.CodeAnalysis;

namespace DockerLint.Parser.Tests.Syntax;

/// <summary>
/// Our parse, dumped in BuildKit's s-expression format, must equal BuildKit's expected result for
/// every case of its parser test files; every negative case must yield an error.
/// </summary>
public sealed class BuildKitConformanceTests
{
    private const string ParserDir = "corpus/buildkit-parser/frontend/dockerfile/parser";

    public static IEnumerable<TestCaseData> PositiveCases() => Cases("testfiles");

    public static IEnumerable<TestCaseData> NegativeCases() => Cases("testfiles-negative");

    private static IEnumerable<TestCaseData> Cases(string folder)
    {
        var dir = SharedCorpus.TryDirectory($"{ParserDir}/{folder}");
        if (dir is null)
        {
            yield return new TestCaseData("(corpus missing)").SetName($"{folder}: ../shared corpus not found");
            yield break;
        }

        foreach (var caseDir in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(caseDir);
            yield return new TestCaseData(name).SetName($"{folder}/{name}");
        }
    }

    [TestCaseSource(nameof(PositiveCases))]
    public void Dump_matches_BuildKit_result(string caseName)
    {
        var dir = Path.Combine(SharedCorpus.RequireDirectory($"{ParserDir}/testfiles"), caseName);
        var bytes = File.ReadAllBytes(Path.Combine(dir, "Dockerfile"));
        var expected = File.ReadAllText(Path.Combine(dir, "result"));

        var tree = DockerfileSyntaxTree.Parse(bytes, Path.Combine(dir, "Dockerfile"));

        Assert.That(BuildKitAstDumper.Dump(tree), Is.EqualTo(expected), $"case '{caseName}' does not match BuildKit's result");
        Assert.That(tree.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error), Is.Empty,
            $"case '{caseName}' parses in BuildKit, so it must not produce parse errors");
    }

    [TestCaseSource(nameof(NegativeCases))]
    public void Negative_case_yields_an_error(string caseName)
    {
        var dir = Path.Combine(SharedCorpus.RequireDirectory($"{ParserDir}/testfiles-negative"), caseName);
        var bytes = File.ReadAllBytes(Path.Combine(dir, "Dockerfile"));

        var tree = DockerfileSyntaxTree.Parse(bytes, Path.Combine(dir, "Dockerfile"));

        Assert.That(tree.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error), Is.True,
            $"case '{caseName}' is rejected by BuildKit but produced no error diagnostic");
        Assert.That(tree.ToFullString(), Is.EqualTo(System.Text.Encoding.UTF8.GetString(bytes)));
    }

    [Test]
    public void Testfile_line_case_has_BuildKits_line_numbers()
    {
        var dir = SharedCorpus.RequireDirectory($"{ParserDir}/testfile-line");
        var text = File.ReadAllText(Path.Combine(dir, "Dockerfile"));

        var tree = DockerfileSyntaxTree.Parse(text);

        // BuildKit's TestParseIncludesLineNumbers: instructions on lines 5, 11-12 and 17-31 (1-based).
        var lines = tree.Root.Instructions
            .Select(i => tree.GetLineSpan(i.Span))
            .Select(s => new[] { s.StartLinePosition.Line + 1, s.EndLinePosition.Line + 1 })
            .ToArray();
        Assert.That(lines, Is.EqualTo(new[] { new[] { 5, 5 }, new[] { 11, 12 }, new[] { 17, 31 } }));
        Assert.That(tree.ToFullString(), Is.EqualTo(text));
    }
}
