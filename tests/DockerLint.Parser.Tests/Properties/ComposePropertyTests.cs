using System.Diagnostics;
using DockerLint.Parser.Compose;
using DockerLint.Parser.Compose.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Tests.Properties;

/// <summary>
/// Property tests of the Compose loader (issue 10): mutated real Compose files and real files cut off at
/// every position load without an exception, and every diagnostic about the file points inside it.
/// </summary>
public sealed class ComposePropertyTests
{
    private const int MutatedCases = 2000;

    /// <summary>Files longer than this are cut at every 7th position instead of every one.</summary>
    private const int EveryPositionUpTo = 1500;

    /// <summary>Loads <paramref name="text"/> as the only file at <paramref name="path"/>; every other file (.env, includes) is missing.</summary>
    internal static ComposeProject Load(string path, string text)
        => ComposeLoader.Load([path], readFile: p => p == path ? text : null);

    /// <summary>The first diagnostic about <paramref name="path"/> whose location lies outside <paramref name="text"/>, described; or null.</summary>
    internal static string? LocationOutside(ComposeProject project, string path, string text)
    {
        var source = SourceText.From(text);
        foreach (var diagnostic in project.Diagnostics)
        {
            var location = diagnostic.Location;
            if (location == Location.None || location.GetLineSpan().Path != path)
            {
                continue;
            }

            var span = location.SourceSpan;
            var lines = location.GetLineSpan().Span;
            if (span.Start < 0 || span.End > text.Length || lines.End.Line >= source.Lines.Count || lines.Start > lines.End)
            {
                return $"{diagnostic.Id} at {span} ({lines}) lies outside the file of {text.Length} characters: {diagnostic.GetMessage()}";
            }
        }

        return null;
    }

    [Test]
    public void Mutated_corpus_Compose_files_load_and_locate_every_diagnostic_inside_the_file()
    {
        var (dir, files) = SharedCorpus.RequireComposeFiles();
        var texts = files.Select(File.ReadAllText).ToList();
        foreach (var seed in Mutations.Seeds)
        {
            LoadMutations(dir, files, texts, seed);
        }
    }

    private static void LoadMutations(string dir, IReadOnlyList<string> files, List<string> texts, string seed)
    {
        var watch = Stopwatch.StartNew();
        var cases = Mutations.Draw(Mutations.Mutated(texts), MutatedCases, seed);
        for (var i = 0; i < cases.Length; i++)
        {
            var (file, text) = cases[i];
            string? failure;
            try
            {
                failure = LocationOutside(Load(files[file], text), files[file], text);
            }
            catch (Exception e)
            {
                failure = $"threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}";
            }

            if (failure is not null)
            {
                Assert.Fail($"mutation {i} (seed {seed}) of {Path.GetRelativePath(dir, files[file])}: {failure}\ninput: {Mutations.Escape(text)}");
            }
        }

        TestContext.Out.WriteLine($"{cases.Length} cases in {watch.ElapsedMilliseconds} ms (seed {seed})");
    }

    public static IEnumerable<TestCaseData> TruncatedFiles()
    {
        // Three real files of different shapes: the smallest, a middle one and the largest of those under
        // 6,000 characters (anchors, long strings and deep maps tend to be in the larger ones).
        var dir = SharedCorpus.TryDirectory("corpus/compose");
        if (dir is null)
        {
            yield return new TestCaseData("(corpus missing)").SetName("truncated compose: ../shared corpus not found");
            yield break;
        }

        var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => ComposeLoader.IsComposeFileName(Path.GetFileName(f)))
            .Select(f => (Path: f, Length: new FileInfo(f).Length))
            .Where(f => f.Length is > 200 and < 6000)
            .OrderBy(f => f.Length).ThenBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        foreach (var file in files.Count < 3 ? files : [files[0], files[files.Count / 2], files[^1]])
        {
            var name = Path.GetRelativePath(dir, file.Path);
            yield return new TestCaseData(name).SetName($"truncated compose: {name}");
        }
    }

    [TestCaseSource(nameof(TruncatedFiles))]
    public void Invalid_YAML_at_every_position_loads_and_any_DC0001_is_inside_the_file(string relativePath)
    {
        var path = Path.Combine(SharedCorpus.RequireDirectory("corpus/compose"), relativePath);
        var whole = File.ReadAllText(path);
        var step = whole.Length > EveryPositionUpTo ? 7 : 1;
        var watch = Stopwatch.StartNew();
        var loads = 0;
        for (var length = 0; length <= whole.Length; length += step)
        {
            var text = whole[..length];
            ComposeProject project;
            try
            {
                project = Load(path, text);
            }
            catch (Exception e)
            {
                Assert.Fail($"cut at {length}: threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}");
                return;
            }

            loads++;
            foreach (var diagnostic in project.Diagnostics.Where(d => d.Id == ComposeDiagnostics.InvalidYaml.Id))
            {
                var span = diagnostic.Location.SourceSpan;
                var lines = diagnostic.Location.GetLineSpan();
                Assert.That(lines.Path, Is.EqualTo(path), $"cut at {length}: DC0001 names another file");
                Assert.That(span.End, Is.LessThanOrEqualTo(text.Length), $"cut at {length}: DC0001 at {span} ends after the file ({text.Length} characters)");
                Assert.That(lines.EndLinePosition.Line, Is.LessThan(SourceText.From(text).Lines.Count), $"cut at {length}: DC0001 on a line after the file");
            }
        }

        TestContext.Out.WriteLine($"{loads} loads of {whole.Length} characters (every {step}) in {watch.ElapsedMilliseconds} ms");
    }
}
