using System.Globalization;
using System.Text.RegularExpressions;
using DockerLint.Parser.Compose.Merge;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;

namespace DockerLint.Parser.Tests.Compose.Merge;

/// <summary>
/// Every Compose file of <c>../shared/corpus/compose</c> that uses <c>include:</c> or
/// <c>extends:</c> loads from disk (folders keep their layout, so references resolve) into a
/// mapping with services, or fails to resolve for a reason written down here.
/// </summary>
public sealed partial class ComposeMergeCorpusTests
{
    private const string Folder = "corpus/compose";

    /// <summary>
    /// Files whose references cannot resolve, on purpose or because they need something a linter
    /// does not have, with the text the DC0030 error must contain.
    /// </summary>
    private static readonly Dictionary<string, string> s_expectedErrors = new(StringComparer.Ordinal)
    {
        // compose-go's own test of include cycles: the file includes itself.
        ["compose-spec__compose-go/loader/testdata/compose-include-cycle.yaml"] = "Include cycle",

        // compose-go tests of remote resources use a fake "remote:" loader registered by the test;
        // for anyone else these are relative paths to files that do not exist.
        ["compose-spec__compose-go/loader/testdata/remote/nested/compose.yaml"] = "Cannot find",
        ["compose-spec__compose-go/loader/testdata/remote/cycle/compose.yaml"] = "Cannot find",
        ["compose-spec__compose-go/loader/testdata/remote/cycle/compose-cycle.yaml"] = "Cannot find",
    };

    /// <summary>
    /// Files the YAML loader cannot read today. apache/arrow's compose.yaml has a comment line
    /// right after a flow sequence in a block mapping (<c>&lt;&lt;: [*common, *cpp]</c> then
    /// <c># …</c>), which YamlDotNet rejects when it keeps comments although the YAML is valid.
    /// Such a file must give the loader's DC0001 and no exception; once the loader reads it, the
    /// normal expectations apply.
    /// </summary>
    private static readonly HashSet<string> s_yamlNotReadable = new(StringComparer.Ordinal)
    {
        "apache__arrow/compose.yaml",
    };

    [GeneratedRegex(@"^\s*(include|extends):", RegexOptions.Multiline)]
    private static partial Regex UsesReferences();

    public static IEnumerable<TestCaseData> Files()
    {
        var dir = SharedCorpus.TryDirectory(Folder);
        if (dir is null)
        {
            yield return new TestCaseData("(corpus missing)").SetName("corpus/compose include+extends: ../shared corpus not found");
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (!name.Contains("compose", StringComparison.OrdinalIgnoreCase)
                || !(name.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase))
                || !UsesReferences().IsMatch(File.ReadAllText(file)))
            {
                continue;
            }

            var relative = Path.GetRelativePath(dir, file).Replace('\\', '/');
            yield return new TestCaseData(relative).SetName($"corpus/compose/{relative}");
        }
    }

    [Test]
    public void The_corpus_has_files_with_include_and_extends()
    {
        SharedCorpus.RequireDirectory(Folder);
        Assert.That(Files().Count(), Is.GreaterThanOrEqualTo(30));
    }

    [TestCaseSource(nameof(Files))]
    public void Loads_with_includes_and_extends(string relative)
    {
        var root = SharedCorpus.RequireDirectory(Folder);
        var path = Path.Combine(root, relative);
        var result = ComposeFileSet.Load([path], LoadFromDisk);

        var errors = result.Diagnostics.Where(d => d.Id == "DC0030" && d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        if (s_yamlNotReadable.Contains(relative) && result.Root is null)
        {
            Assert.That(result.Diagnostics.Where(d => d.Id == "DC0001").Select(d => d.Location.GetLineSpan().Path), Has.Some.EqualTo(Path.GetFullPath(path)));
            return;
        }

        if (s_expectedErrors.TryGetValue(relative, out var expected))
        {
            Assert.That(errors, Has.Some.Contains(expected), string.Join("\n", errors));
            return;
        }

        Assert.That(errors, Is.Empty);
        Assert.That(result.Root, Is.Not.Null);
        Assert.That(result.Services, Is.Not.Null.And.Property("Entries").Not.Empty);
        AssertResolved(result.Root!);
        Assert.That(result.Files[0].Path, Is.EqualTo(Path.GetFullPath(path)));
        if (result.Files.Length > 1)
        {
            // A value from another file points into that file.
            var loaded = result.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
            Assert.That(Sources(result.Root!).All(loaded.Contains), Is.True);
        }
    }

    private static YamlFile? LoadFromDisk(string path)
        => File.Exists(path) ? YamlLoader.Load(File.ReadAllText(path), path) : null;

    // No extends key, no include key and no merge tag is left.
    private static void AssertResolved(YamlMapping root)
    {
        Assert.That(root.ContainsKey("include"), Is.False);
        foreach (var service in root["services"] is YamlMapping services ? services.Entries : [])
        {
            Assert.That(service.Value is YamlMapping m && m.ContainsKey("extends"), Is.False, $"services.{service.Key.Value} still has extends");
        }

        MergeTestKit.AssertNoMergeTags(root);
    }

    private static IEnumerable<string> Sources(YamlNode node)
    {
        yield return node.Source.Path;
        var children = node switch
        {
            YamlMapping mapping => mapping.Entries.Select(e => e.Value),
            YamlSequence sequence => sequence.Items.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var source in Sources(child))
            {
                yield return source;
            }
        }
    }
}
