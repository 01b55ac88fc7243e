using System.Diagnostics;
using CsCheck;
using DockerLint.Parser.Model;
using DockerLint.Parser.Syntax;
using DockerLint.Parser.Tests.Syntax;

namespace DockerLint.Parser.Tests.Properties;

/// <summary>
/// Property tests of the Dockerfile parser (issue 10): for random strings of Dockerfile fragments and for
/// mutated real Dockerfiles, <see cref="DockerfileSyntaxTree.Parse(string, string)"/> never throws, the tree
/// gives back the input exactly, its tokens and trivia tile the text (<see cref="TreeInvariants"/>), and
/// <see cref="DockerfileModel.Create"/> never throws.
/// </summary>
public sealed class DockerfilePropertyTests
{
    private const int RandomCases = 20_000;

    private const int MutatedCases = 3000;

    /// <summary>The first property that fails for <paramref name="text"/>, or null.</summary>
    internal static string? Check(string text)
    {
        try
        {
            var tree = DockerfileSyntaxTree.Parse(text);
            if (tree.ToFullString() != text)
            {
                return "ToFullString() differs from the input";
            }

            if (TreeInvariants.Check(tree) is { } broken)
            {
                return broken;
            }

            DockerfileModel.Create(tree);
            return null;
        }
        catch (Exception e)
        {
            return $"threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}";
        }
    }

    private static void AssertAll(IEnumerable<(string Name, string Text)> cases, string seed)
    {
        var watch = Stopwatch.StartNew();
        var count = 0;
        foreach (var (name, text) in cases)
        {
            count++;
            if (Check(text) is { } failure)
            {
                Assert.Fail($"{name}: {failure}\ninput: {Mutations.Escape(text)}");
            }
        }

        TestContext.Out.WriteLine($"{count} cases in {watch.ElapsedMilliseconds} ms (seed {seed})");
    }

    [Test]
    public void Random_fragment_strings_parse_round_trip_tile_and_build_a_model()
    {
        foreach (var seed in Mutations.Seeds)
        {
            AssertAll(Mutations.Draw(Mutations.DockerfileText, RandomCases, seed).Select((text, i) => ($"random case {i} of seed {seed}", text)), seed);
        }
    }

    [Test]
    public void Mutated_corpus_Dockerfiles_parse_round_trip_tile_and_build_a_model()
    {
        var dir = SharedCorpus.RequireDirectory("corpus/dockerfiles");
        var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var texts = files.Select(File.ReadAllText).ToList();
        foreach (var seed in Mutations.Seeds)
        {
            AssertAll(
                Mutations.Draw(Mutations.Mutated(texts), MutatedCases, seed)
                    .Select((m, i) => ($"mutation {i} (seed {seed}) of {Path.GetRelativePath(dir, files[m.File])}", m.Text)),
                seed);
        }
    }

    [Test]
    public void The_cases_are_the_same_on_every_run()
        => Assert.That(Mutations.Draw(Mutations.DockerfileText, 200), Is.EqualTo(Mutations.Draw(Mutations.DockerfileText, 200)));

    [Test]
    public void The_generator_covers_the_hard_fragments()
    {
        // Guards the generator itself: a change that stopped producing these would make the properties vacuous.
        var joined = string.Concat(Mutations.Draw(Mutations.DockerfileText, RandomCases));
        Assert.That(joined, Does.Contain("<<EOF\n").And.Contain("\\\n").And.Contain("`\n").And.Contain("\r\n").And.Contain("\0").And.Contain("${A:-${B:+${C}}}"));
    }
}
