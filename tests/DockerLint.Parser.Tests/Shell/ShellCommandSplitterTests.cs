using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;

namespace DockerLint.Parser.Tests.Shell;

/// <summary>The RUN script reader rules use instead of raw text.</summary>
public sealed class ShellCommandSplitterTests
{
    private static RunInstruction Run(string text)
        => DockerfileModel.Parse(text).AllInstructions().OfType<RunInstruction>().Single();

    private static string[][] Words(string text)
        => [.. ShellCommandSplitter.Commands(Run(text)).Select(c => c.Select(w => w.Text).ToArray())];

    [Test]
    public void Splits_on_operators_and_keeps_quoted_words_whole()
    {
        var commands = Words("FROM a\nRUN apt-get update && apt-get install -y \"build essential\" ; make | tee log || true\n");
        Assert.That(commands, Is.EqualTo(new[]
        {
            new[] { "apt-get", "update" },
            new[] { "apt-get", "install", "-y", "build essential" },
            new[] { "make" },
            new[] { "tee", "log" },
            new[] { "true" },
        }));
    }

    [Test]
    public void Words_point_at_their_source_across_continuations()
    {
        var (text, spans) = Markup.Parse("FROM a\nRUN apk add \\\n    {|#0:gcc|}\n");
        var words = ShellCommandSplitter.Commands(Run(text)).Single();
        Assert.That(words[^1].Text, Is.EqualTo("gcc"));
        Assert.That(words[^1].Span, Is.EqualTo(spans[0]));
    }

    [Test]
    public void Expansions_are_not_literal()
    {
        var words = ShellCommandSplitter.Commands(Run("FROM a\nRUN pip install $PKG \"${EXTRA}\" plain\n")).Single();
        Assert.That(words.Select(w => (w.Text, w.IsLiteral)), Is.EqualTo(new[]
        {
            ("pip", true), ("install", true), ("$PKG", false), ("${EXTRA}", false), ("plain", true),
        }));
    }

    [Test]
    public void Heredoc_scripts_are_read_and_exec_form_is_one_command()
    {
        Assert.That(Words("FROM a\nRUN <<EOF\napt-get update\nmake install\nEOF\n"), Is.EqualTo(new[]
        {
            new[] { "apt-get", "update" }, new[] { "make", "install" },
        }));
        Assert.That(Words("FROM a\nRUN [\"make\", \"-j 4\"]\n"), Is.EqualTo(new[] { new[] { "make", "-j 4" } }));
    }

    [Test]
    public void Prefix_words_are_skipped_and_command_names_drop_paths()
    {
        var command = ShellCommandSplitter.Commands(Run("FROM a\nRUN if true; then exec /usr/bin/apt-get install x; fi\n"))
            .Select(c => ShellCommandSplitter.SkipPrefix(c).ToArray())
            .Single(c => c.Length > 1);
        Assert.That(command[0].CommandName, Is.EqualTo("apt-get"));
        Assert.That(ShellCommandSplitter.IsAssignment("DEBIAN_FRONTEND=noninteractive"), Is.True);
        Assert.That(ShellCommandSplitter.IsAssignment("--flag=x"), Is.False);
    }
}
