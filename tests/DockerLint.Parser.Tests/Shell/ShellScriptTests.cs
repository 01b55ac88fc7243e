using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;

namespace DockerLint.Parser.Tests.Shell;

/// <summary>The shell-command layer: commands, structure, SHELL awareness, working directory, spans.</summary>
public sealed class ShellScriptTests
{
    private static ShellScript Script(string text, int index = 0)
        => ShellScript.Parse(DockerfileModel.Parse(text).AllInstructions().OfType<CommandInstruction>().Where(i => i is not ShellInstruction).ElementAt(index));

    private static string[] Names(string text) => [.. Script(text).Commands.Select(c => c.Name)];

    [Test]
    public void Lists_pipelines_and_connectors()
    {
        var script = Script("FROM a\nRUN apt-get update && apt-get install -y curl || true; make | tee log & wait\n");
        Assert.That(script.Commands.Select(c => (c.Name, c.Connector)), Is.EqualTo(new[]
        {
            ("apt-get", ShellConnector.None), ("apt-get", ShellConnector.And), ("true", ShellConnector.Or),
            ("make", ShellConnector.Sequence), ("tee", ShellConnector.Pipe), ("wait", ShellConnector.Background),
        }));
        Assert.That(script.Commands[3].PipesInto, Is.SameAs(script.Commands[4]));
        Assert.That(script.Commands[4].PipedFrom, Is.SameAs(script.Commands[3]));
        Assert.That(script.Commands[2].IsConditional, Is.True);
        Assert.That(script.IsPosix, Is.True);
    }

    [Test]
    public void A_new_line_after_an_operator_keeps_the_operator()
    {
        var script = Script("FROM a\nRUN <<EOF\nmake &&\n  make install\nEOF\n");
        Assert.That(script.Commands.Select(c => c.Connector), Is.EqualTo(new[] { ShellConnector.None, ShellConnector.And }));
        Assert.That(script.Commands.All(c => c.Context.HasFlag(ShellContext.Heredoc)), Is.True);
    }

    [Test]
    public void Compound_commands_are_entered()
    {
        var script = Script("FROM a\nRUN if [ -f x ]; then apk add curl; else apk add wget; fi && for p in a b; do pip install $p; done"
            + " && while read l; do echo $l; done < f && case $ARCH in amd64|x86_64) echo x ;; *) uname ;; esac && (cd /src && make) && { set -e; ls; }\n");
        Assert.That(script.Commands.Select(c => c.Name), Is.EqualTo(new[]
        {
            "[", "apk", "apk", "pip", "read", "echo", "echo", "uname", "cd", "make", "set", "ls",
        }));
        Assert.That(script.Commands[0].Context, Is.EqualTo(ShellContext.Condition));
        Assert.That(script.Commands[1].Context, Is.EqualTo(ShellContext.Branch));
        Assert.That(script.Commands[3].Context, Is.EqualTo(ShellContext.Loop));
        Assert.That(script.Commands[6].Context, Is.EqualTo(ShellContext.Branch));
        Assert.That(script.Commands[9].Context, Is.EqualTo(ShellContext.Subshell));
        Assert.That(script.Commands[11].Context, Is.EqualTo(ShellContext.Group));
        Assert.That(script.Commands[11].Errexit, Is.True);
    }

    [Test]
    public void Substitutions_and_nested_scripts_are_read_with_exact_spans()
    {
        var (text, spans) = Markup.Parse("FROM a\nRUN echo $({|#0:uname|} -m) `{|#1:id|} -u` && sh -c '{|#2:apk|} add {|#3:curl|}' && su app -c \"{|#4:make|}\"\n");
        var script = Script(text);
        var uname = script.Commands.Single(c => c.Name == "uname");
        Assert.That(uname.Program!.Value.Span, Is.EqualTo(spans[0]));
        Assert.That(uname.Context, Is.EqualTo(ShellContext.Substitution));
        Assert.That(script.Commands.Single(c => c.Name == "id").Program!.Value.Span, Is.EqualTo(spans[1]));
        var apk = script.Commands.Single(c => c.Name == "apk");
        Assert.That(apk.Context, Is.EqualTo(ShellContext.NestedScript));
        Assert.That(apk.Parent!.Name, Is.EqualTo("sh"));
        Assert.That(apk.Program!.Value.Span, Is.EqualTo(spans[2]));
        Assert.That(apk.Arguments[1].Span, Is.EqualTo(spans[3]));
        Assert.That(script.Commands.Single(c => c.Name == "make").Program!.Value.Span, Is.EqualTo(spans[4]));
        Assert.That(script.Commands.IndexOf(uname), Is.LessThan(script.Commands.IndexOf(script.Commands.Single(c => c.Name == "echo"))));
    }

    [Test]
    public void Nested_scripts_with_escapes_keep_exact_spans()
    {
        // A word's span is the word as written, quotes included; escapes in the outer string do not blur it.
        var (text, spans) = Markup.Parse("FROM a\nRUN su app -s /bin/sh -c \"echo \\\"a b\\\" && {|#0:apk|} add {|#1:'x'|} \\\n  $HOME\"\n");
        var apk = Script(text).Commands.Single(c => c.Name == "apk");
        Assert.That(apk.Program!.Value.Span, Is.EqualTo(spans[0]));
        Assert.That(apk.Arguments[1].Span, Is.EqualTo(spans[1]));
    }

    [Test]
    public void Exec_form_is_one_command_unless_it_runs_a_shell()
    {
        Assert.That(Names("FROM a\nRUN [\"apt-get\", \"install\", \"x\"]\n"), Is.EqualTo(new[] { "apt-get" }));
        var (text, spans) = Markup.Parse("FROM a\nRUN [\"/bin/bash\", \"-o\", \"pipefail\", \"-ec\", \"{|#0:apt-get|} update && apt-get install x\"]\n");
        var script = Script(text);
        Assert.That(script.Commands.Select(c => c.Name), Is.EqualTo(new[] { "bash", "apt-get", "apt-get" }));
        Assert.That(script.Commands[1].Program!.Value.Span, Is.EqualTo(spans[0]));
        Assert.That(script.Commands[1].Errexit && script.Commands[1].Pipefail, Is.True);
    }

    [Test]
    public void Assignments_and_wrappers_come_before_the_program()
    {
        var command = Script("FROM a\nRUN DEBIAN_FRONTEND=noninteractive sudo -E -u root env A=1 nice -n 5 xargs -n 1 exec /usr/bin/apt-get install x\n").Commands.Single();
        Assert.That(command.Name, Is.EqualTo("apt-get"));
        Assert.That(command.GetAssignment("DEBIAN_FRONTEND"), Is.EqualTo("noninteractive"));
        Assert.That(command.GetAssignment("A"), Is.EqualTo("1"));
        Assert.That(command.Wrappers.Select(w => w.Text), Is.EqualTo(new[] { "sudo", "env", "nice", "xargs", "exec" }));
        Assert.That(command.Arguments.Select(w => w.Text), Is.EqualTo(new[] { "install", "x" }));
        Assert.That(Script("FROM a\nRUN env\n").Commands.Single().Name, Is.EqualTo("env"));
        Assert.That(Script("FROM a\nRUN command -v apt-get\n").Commands.Single().Name, Is.EqualTo("command"));
    }

    [Test]
    public void Working_directory_follows_cd_and_subshells_restore_it()
    {
        var script = Script("FROM a\nRUN make && cd /src && cd lib && make && (cd /tmp && ls) && pwd && cd $DIR && ls\n");
        var c = script.Commands;
        Assert.That((c[0].AfterCd, c[0].Directory), Is.EqualTo((false, (string?)null)));
        Assert.That(c[3].Directory, Is.EqualTo("/src/lib"));
        Assert.That(c[5].Directory, Is.EqualTo("/tmp"));
        Assert.That(c[6].Directory, Is.EqualTo("/src/lib"));
        Assert.That((c[8].AfterCd, c[8].Directory), Is.EqualTo((true, (string?)null)));
    }

    [Test]
    public void Set_options_and_shell_flags_are_tracked()
    {
        var script = Script("FROM a\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN a | b && set -e && c && set +o pipefail && d\n");
        Assert.That(script.Commands.Select(c => (c.Name, c.Errexit, c.Pipefail)), Is.EqualTo(new[]
        {
            ("a", false, true), ("b", false, true), ("set", false, true), ("c", true, true), ("set", true, true), ("d", true, false),
        }));
        Assert.That(script.Shell, Is.EqualTo("/bin/bash"));
    }

    [TestCase("FROM a\nSHELL [\"pwsh\", \"-Command\"]\nRUN apt-get install x\n")]
    [TestCase("FROM a\nSHELL [\"powershell.exe\", \"-Command\"]\nRUN apt-get install x\n")]
    [TestCase("FROM a\nSHELL [\"cmd\", \"/S\", \"/C\"]\nRUN apt-get install x\n")]
    [TestCase("FROM a AS base\nSHELL [\"pwsh\", \"-c\"]\nFROM base\nRUN apt-get install x\n")]
    [TestCase("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN apt-get install x\n")]
    [TestCase("FROM mcr.microsoft.com/dotnet/sdk:8.0-nanoserver-ltsc2022\nRUN apt-get install x\n")]
    public void A_non_posix_shell_is_not_read(string text)
    {
        var script = Script(text);
        Assert.That(script.IsPosix, Is.False);
        Assert.That(script.Commands, Is.Empty);
    }

    [Test]
    public void Heredocs_are_scripts_only_when_the_shell_runs_them()
    {
        Assert.That(Names("FROM a\nRUN <<EOF\napt-get update\nEOF\n"), Is.EqualTo(new[] { "apt-get" }));
        Assert.That(Names("FROM a\nRUN bash -e <<EOF\napt-get update\nEOF\n"), Is.EqualTo(new[] { "bash", "apt-get" }));
        Assert.That(Names("FROM a\nRUN <<EOF\n#!/usr/bin/env python3\nimport os\nEOF\n"), Is.Empty);
        Assert.That(Names("FROM a\nRUN <<EOF\n#!/bin/bash\nmake\nEOF\n"), Is.EqualTo(new[] { "make" }));
        Assert.That(Names("FROM a\nRUN cat <<EOF > /etc/apt/sources.list\napt-get install x\nEOF\n"), Is.EqualTo(new[] { "cat" }));
        Assert.That(Names("FROM a\nRUN python3 <<EOF\nprint(1)\nEOF\n"), Is.EqualTo(new[] { "python3" }));
    }

    [Test]
    public void Heredoc_bodies_inside_a_script_are_not_commands()
    {
        Assert.That(Names("FROM a\nRUN <<EOF\ncat > /x <<-'EOT'\n\tapt-get install y\n\tEOT\nmake\nEOF\n"), Is.EqualTo(new[] { "cat", "make" }));
    }

    [Test]
    public void Comments_continuations_and_redirections()
    {
        var (text, spans) = Markup.Parse("FROM a\nRUN apt-get install \\\n # a comment line\n    {|#0:curl|} 2>/dev/null > log \\\n && echo done # trailing\n");
        var script = Script(text);
        Assert.That(script.Commands.Select(c => c.ToString()), Is.EqualTo(new[] { "apt-get install curl", "echo done" }));
        Assert.That(script.Commands[0].Arguments[1].Span, Is.EqualTo(spans[0]));
        Assert.That(script.Commands[0].Redirections.Select(r => (r.Operator, r.Target.Text)), Is.EqualTo(new[] { (">", "/dev/null"), (">", "log") }));
    }

    [Test]
    public void Windows_escape_with_a_posix_shell_keeps_spans()
    {
        var (text, spans) = Markup.Parse("# escape=`\nFROM debian:12\nRUN apt-get install -y `\n    {|#0:curl|} && echo done\n");
        var script = Script(text);
        Assert.That(script.Commands.Select(c => c.Name), Is.EqualTo(new[] { "apt-get", "echo" }));
        Assert.That(script.Commands[0].Arguments[^1].Span, Is.EqualTo(spans[0]));
    }

    [Test]
    public void Onbuild_run_cmd_and_healthcheck_are_read()
    {
        Assert.That(Names("FROM a\nONBUILD RUN apk add x\n"), Is.EqualTo(new[] { "apk" }));
        Assert.That(Names("FROM a\nCMD exec nginx -g 'daemon off;'\n"), Is.EqualTo(new[] { "nginx" }));
        Assert.That(Names("FROM a\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n"), Is.EqualTo(new[] { "curl", "exit" }));
    }

    [Test]
    public void Bad_input_does_not_throw()
    {
        foreach (var text in new[] { "RUN echo \"unterminated", "RUN $(echo", "RUN ( ( (", "RUN ) ) fi done esac }", "RUN case x in", "RUN `", "RUN sh -c", "RUN a <<", "RUN echo ${x" })
        {
            Assert.DoesNotThrow(() => _ = Script("FROM a\n" + text + "\n").Commands);
        }
    }

    [Test]
    public void Splitter_api_still_works()
    {
        var run = DockerfileModel.Parse("FROM a\nRUN a && b\n").AllInstructions().OfType<RunInstruction>().Single();
        Assert.That(ShellCommandSplitter.Commands(run).Count(), Is.EqualTo(2));
    }
}
