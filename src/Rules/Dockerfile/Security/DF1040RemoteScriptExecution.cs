using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Security;

/// <summary>A RUN that runs a downloaded script without looking at it: <c>curl … | sh</c>, <c>bash &lt;(curl …)</c>, <c>sh -c "$(wget -O- …)"</c>.</summary>
public sealed class DF1040RemoteScriptExecution : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF1040",
        "Remote script piped into a shell",
        "{0}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "A RUN downloads a script and runs it in the same step, with no checksum or signature checked in between.",
        "CWE-494");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override double? SecuritySeverity => 7.0;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Finds RUN scripts that download something with `curl`, `wget` or `fetch` and hand it straight
        to a shell or interpreter: a pipe into `sh`, `bash`, `python`, `perl`, `node`… that reads its
        script from standard input (`| sh`, `| sudo -E bash -`, `| bash -s -- --flag`, also through
        `gunzip` or `tee` in between), a process substitution (`bash <(curl …)`, `source <(curl …)`) and
        a command substitution run as code (`sh -c "$(curl …)"`, `eval "$(wget -O- …)"`). A download
        piped into `tar`, `gpg` or a file is not reported, nor an interpreter that runs its own `-c`
        script and only reads data from the pipe. ONBUILD RUN is checked; a non-POSIX `SHELL` is not read.

        Turn it off only where the script's origin is pinned some other way (an internal mirror you control); otherwise download, verify and run.

        ## Why is this bad?

        The script that runs is whatever the server sends at build time: a compromised site, a
        hijacked domain or a man in the middle (with TLS checks off) runs code in your build with the
        build's privileges and secrets, and nothing records which script ran. The image is not
        reproducible either, since the script can change between two builds. Download to a file,
        check it against a pinned checksum or signature, then run it (or use `ADD --checksum`).

        ## Example

        ```dockerfile
        FROM debian:12
        RUN curl -fsSL https://get.example.com/install.sh | sh
        ```

        ## Use instead

        ```dockerfile
        FROM debian:12
        ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d https://get.example.com/install.sh /tmp/install.sh
        RUN sh /tmp/install.sh && rm /tmp/install.sh
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
        => context.RegisterInstructionAction<RunInstruction>(Check);

    private static void Check(InstructionContext<RunInstruction> context)
    {
        foreach (var download in RunCommands.Of(context.Instruction))
        {
            if (!RunCommands.Downloaders.Contains(download.Name))
            {
                continue;
            }

            // curl … | gunzip | sh: follow the pipeline to the first interpreter that reads standard input.
            for (var next = download.PipesInto; next is not null; next = next.PipesInto)
            {
                if (RunCommands.Interpreters.Contains(next.Name) && ReadsScriptFromStandardInput(next))
                {
                    context.Report(download.Through(next), $"The output of '{download.Name}' is piped into '{next.Name}' and runs unchecked; download to a file, verify its checksum or signature, then run it");
                    break;
                }
            }

            if ((download.Context & ShellContext.Substitution) != 0 && RunCommands.Enclosing(download) is var (outer, word) && RunsWordAsCode(outer, word))
            {
                context.Report(outer.Span, $"'{outer.Name}' runs what '{download.Name}' downloads, unchecked; download to a file, verify its checksum or signature, then run it");
            }
        }
    }

    /// <summary>True when the interpreter has no inline program (<c>-c</c>, <c>-e</c>) and no script file: it reads the script from the pipe.</summary>
    private static bool ReadsScriptFromStandardInput(ShellCommand interpreter)
    {
        foreach (var argument in interpreter.Arguments)
        {
            var text = argument.Text;
            if (text is "-" or "-s" or "--")
            {
                return true;
            }

            if (text.StartsWith('-'))
            {
                if (text is "-c" or "-e" or "-r" or "--eval" or "-m" || (text.Length > 2 && text[1] != '-' && text.Contains('c', StringComparison.Ordinal) && IsShell(interpreter.Name)))
                {
                    return false;
                }

                continue;
            }

            // A first operand is the script file.
            return false;
        }

        return true;
    }

    /// <summary>True when the word of <paramref name="command"/> at <paramref name="index"/> is run as code: the script of a shell (<c>-c</c> or script file), or an argument of eval/source.</summary>
    private static bool RunsWordAsCode(ShellCommand command, int index)
    {
        if (index <= command.ProgramIndex)
        {
            // $(curl …) as the program itself runs the downloaded text as a command line.
            return index == command.ProgramIndex;
        }

        if (command.Name is "eval" or "source" or ".")
        {
            return true;
        }

        if (!RunCommands.Interpreters.Contains(command.Name))
        {
            return false;
        }

        // The word is the inline program (after -c/-e) or the first operand (the script file: bash <(curl …)).
        for (var i = command.ProgramIndex + 1; i < index; i++)
        {
            var text = command.Words[i].Text;
            if (text is "-c" or "-e" or "--eval" || (IsShell(command.Name) && text.Length > 1 && text[0] == '-' && text[1] != '-' && text.EndsWith('c')))
            {
                return i == index - 1;
            }

            if (!text.StartsWith('-'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsShell(string name) => name is "sh" or "bash" or "dash" or "zsh" or "ash" or "ksh" or "mksh";
}
