using System.Text;
using DockerLint.Parser.Syntax;

namespace DockerLint.Parser.Tests.Syntax;

/// <summary>
/// Every real Dockerfile of <c>../shared/corpus/dockerfiles</c> parses without throwing, round-trips
/// byte for byte, its tokens and trivia tile the text exactly once, and its model builds.
/// </summary>
public sealed class CorpusRoundTripTests
{
    public static IEnumerable<TestCaseData> Repositories()
    {
        var dir = SharedCorpus.TryDirectory("corpus/dockerfiles");
        if (dir is null)
        {
            yield return new TestCaseData("(corpus missing)").SetName("corpus/dockerfiles: ../shared corpus not found");
            yield break;
        }

        foreach (var repo in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(repo);
            yield return new TestCaseData(name).SetName($"corpus/dockerfiles/{name}");
        }
    }

    [TestCaseSource(nameof(Repositories))]
    public void Every_file_round_trips_and_tiles(string repository)
    {
        var dir = Path.Combine(SharedCorpus.RequireDirectory("corpus/dockerfiles"), repository);
        var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories);
        Assert.That(files, Is.Not.Empty);
        var failures = new List<string>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var tree = DockerfileSyntaxTree.Parse(bytes, file);
            var roundTrip = new UTF8Encoding(false).GetBytes(tree.ToFullString());
            if (!roundTrip.AsSpan().SequenceEqual(bytes))
            {
                failures.Add($"{Path.GetFileName(file)}: ToFullString differs from the input");
                continue;
            }

            var model = DockerLint.Parser.Model.DockerfileModel.Create(tree);
            if (model.Diagnostics.Length < tree.Diagnostics.Length)
            {
                failures.Add($"{Path.GetFileName(file)}: the model lost parser diagnostics");
            }

            var problem = TreeInvariants.Check(tree);
            if (problem is not null)
            {
                failures.Add($"{Path.GetFileName(file)}: {problem}");
            }
        }

        Assert.That(failures, Is.Empty, $"{failures.Count} of {files.Length} files failed");
    }
}
