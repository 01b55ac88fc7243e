using System.Collections.Immutable;
using DockerLint.Parser.Compose;
using DockerLint.Parser.Tests;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Tests.Compose;

/// <summary>
/// <see cref="Lint"/> for Compose projects of several files. <see cref="Project"/> loads the files
/// named in <c>load</c>, or by default every <c>.yaml</c>/<c>.yml</c> file in the order given
/// (compose.yaml, then compose.override.yaml …); the other files (<c>.env</c>, files reached through
/// <c>include:</c> or <c>extends:</c>) are only there to be read. Markup may be in any file; spans
/// are compared together with the file they are in.
/// </summary>
internal static class ComposeLint
{
    private static readonly string s_dir = Path.Combine(Path.GetTempPath(), "dockerlint-rule-tests-project");

    /// <summary>The findings of rule <paramref name="id"/> on the project.</summary>
    public static ImmutableArray<Diagnostic> Project(string id, IReadOnlyList<(string Path, string Text)> files, IReadOnlyList<string>? load = null)
    {
        var texts = files.ToDictionary(f => Path.Combine(s_dir, f.Path.Replace('/', Path.DirectorySeparatorChar)), f => f.Text);
        var paths = (load ?? [.. files.Select(f => f.Path).Where(p => IsYaml(p) && !p.Contains('/', StringComparison.Ordinal))]).Select(p => Path.Combine(s_dir, p)).ToList();
        var project = ComposeLoader.Load(paths, readFile: p => texts.GetValueOrDefault(p));
        var result = Lint.Engine.Analyze(project, Lint.FakeFiles(texts));
        Assert.That(result.Notifications, Is.Empty, "no rule may fail");
        return [.. result.Diagnostics.Where(d => d.Id == id)];
    }

    /// <summary>Asserts the rule reports exactly on the marked spans of the files (at least once when nothing is marked).</summary>
    public static ImmutableArray<Diagnostic> Catches(string id, params (string Path, string Markup)[] files)
    {
        var expected = new List<(string, TextSpan)>();
        var parsed = new List<(string, string)>();
        foreach (var (path, markup) in files)
        {
            var (text, spans) = Markup.Parse(markup);
            parsed.Add((path, text));
            expected.AddRange(spans.Values.Select(s => (Path.Combine(s_dir, path), s)));
        }

        var diagnostics = Project(id, parsed);
        var actual = diagnostics.Select(d => (d.Location.GetLineSpan().Path, d.Location.SourceSpan)).ToList();
        if (expected.Count == 0)
        {
            Assert.That(actual, Is.Not.Empty, "expected at least one finding");
        }
        else
        {
            Assert.That(actual, Is.EquivalentTo(expected), string.Join("; ", diagnostics.Select(Describe)));
        }

        return diagnostics;
    }

    /// <summary>Asserts the rule reports nothing on the project.</summary>
    public static void CatchesNot(string id, params (string Path, string Text)[] files)
        => Assert.That(Project(id, files).Select(Describe), Is.Empty, $"{id} should stay quiet");

    private static bool IsYaml(string path) => path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal);

    private static string Describe(Diagnostic d)
        => $"{d.Id} at {Path.GetFileName(d.Location.GetLineSpan().Path)} {d.Location.GetLineSpan().StartLinePosition}: {d.GetMessage()}";
}
