using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Parser.Syntax;

namespace DockerLint.Parser.Tests.Shell;

/// <summary>
/// Property test of the shell layer on the corpus: every RUN, CMD, ENTRYPOINT and HEALTHCHECK of the real
/// Dockerfiles in <c>../shared/corpus/dockerfiles</c> is read without an exception, every word span lies
/// inside its instruction, and package invocations read too.
/// </summary>
public sealed class ShellScriptCorpusTests
{
    [Test]
    public void Every_command_of_the_corpus_parses_and_its_spans_lie_inside_the_instruction()
    {
        var dir = SharedCorpus.RequireDirectory("corpus/dockerfiles");
        var files = Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var failures = new List<string>();
        var runs = 0;
        var commands = 0;
        foreach (var file in files)
        {
            var model = DockerfileModel.Create(DockerfileSyntaxTree.Parse(File.ReadAllBytes(file), file));
            foreach (var instruction in model.AllInstructions().OfType<CommandInstruction>().Where(i => i is not ShellInstruction))
            {
                try
                {
                    var script = ShellScript.Parse(instruction);
                    _ = script.Packages;
                    runs += instruction is RunInstruction ? 1 : 0;
                    commands += script.Commands.Length;
                    var outer = instruction.IsTrigger ? instruction.Onbuild!.Span : instruction.Span;
                    var heredocEnd = instruction is RunInstruction run && !run.Heredocs.IsEmpty ? run.Heredocs.Max(h => h.Body.Span.End) : outer.End;
                    foreach (var word in script.Commands.SelectMany(c => c.Words.Concat(c.Redirections.Select(r => r.Target))))
                    {
                        if (word.Span.Start < outer.Start || word.Span.End > Math.Max(outer.End, heredocEnd))
                        {
                            failures.Add($"{Path.GetRelativePath(dir, file)}: '{word.Text}' at {word.Span} is outside {outer}");
                            break;
                        }
                    }
                }
                catch (Exception e)
                {
                    failures.Add($"{Path.GetRelativePath(dir, file)}: {e.GetType().Name} {e.Message} in {instruction}");
                }
            }
        }

        Assert.That(files, Has.Count.GreaterThan(1000));
        Assert.That(runs, Is.GreaterThan(1000));
        Assert.That(failures, Is.Empty, $"{failures.Count} failures; {runs} RUNs, {commands} commands read");
    }
}
