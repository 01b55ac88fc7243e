using System.Diagnostics;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Parser.Syntax;

namespace DockerLint.Parser.Tests.Properties;

/// <summary>
/// Property tests of the shell layer: for random strings of Dockerfile fragments and for mutated real
/// Dockerfiles, <see cref="ShellScript.Parse"/> and its package invocations never throw, and every word
/// span lies inside its instruction (or the instruction's heredocs).
/// </summary>
public sealed class ShellScriptPropertyTests
{
    private const int RandomCases = 5000;

    private const int MutatedCases = 1500;

    /// <summary>The first property that fails for <paramref name="text"/>, or null.</summary>
    internal static string? Check(string text)
    {
        try
        {
            var model = DockerfileModel.Create(DockerfileSyntaxTree.Parse(text));
            foreach (var instruction in model.AllInstructions().OfType<CommandInstruction>())
            {
                var script = ShellScript.Parse(instruction);
                _ = script.Packages;
                var outer = instruction.IsTrigger ? instruction.Onbuild!.Span : instruction.Span;
                var end = instruction is RunInstruction run && !run.Heredocs.IsEmpty ? Math.Max(outer.End, run.Heredocs.Max(h => h.Body.Span.End)) : outer.End;
                foreach (var word in script.Commands.SelectMany(c => c.Words.Concat(c.Redirections.Select(r => r.Target))))
                {
                    if (word.Span.Start < outer.Start || word.Span.End > end)
                    {
                        return $"'{word.Text}' at {word.Span} lies outside {outer} of '{instruction}'";
                    }
                }
            }

            return null;
        }
        catch (Exception e)
        {
            return $"threw {e.GetType().Name}: {e.Message}\n{e.StackTrace}";
        }
    }

    private static void AssertAll(IEnumerable<(string Name, string Text)> cases)
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

        TestContext.Out.WriteLine($"{count} cases in {watch.ElapsedMilliseconds} ms (seed {Mutations.Seed})");
    }

    [Test]
    public void Random_fragment_strings_read_as_scripts_with_spans_inside_their_instruction()
        => AssertAll(Mutations.Draw(Mutations.DockerfileText, RandomCases).Select((text, i) => ($"random case {i}", text)));

    [Test]
    public void Mutated_corpus_Dockerfiles_read_as_scripts_with_spans_inside_their_instruction()
    {
        var dir = SharedCorpus.RequireDirectory("corpus/dockerfiles");
        var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var texts = files.Select(File.ReadAllText).ToList();
        AssertAll(Mutations.Draw(Mutations.Mutated(texts), MutatedCases)
            .Select((m, i) => ($"mutation {i} of {Path.GetRelativePath(dir, files[m.File])}", m.Text)));
    }
}
