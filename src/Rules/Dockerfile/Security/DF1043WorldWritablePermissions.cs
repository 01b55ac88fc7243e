using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Security;

/// <summary>Files made writable by every user: <c>chmod 777</c>, <c>chmod o+w</c>, <c>COPY --chmod=666</c>.</summary>
public sealed class DF1043WorldWritablePermissions : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF1043",
        "World-writable permissions",
        "{0}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "A chmod or --chmod gives write permission to every user, so any process in the container can change those files.",
        "CWE-732");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override double? SecuritySeverity => 5.5;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports modes that let every user write: `chmod 777`, `chmod -R 0666 /app`, `chmod 757 …`,
        symbolic modes that add write for others (`o+w`, `a+rwx`, `ugo=rwx`, `+w` is left alone since
        the umask decides it), and `COPY`/`ADD --chmod=777`. A mode with the sticky bit (`1777`, `+t`),
        as `/tmp` needs, is not reported: there users cannot delete each other's files. Modes from
        variables that cannot be resolved are not reported. ONBUILD is checked; a non-POSIX `SHELL` is not read.

        Turn it off for images run by platforms that pick a random UID (OpenShift) only if group permissions (`g+rwX` with group 0) cannot do the job.

        ## Why is this bad?

        A world-writable program, library or configuration file can be replaced by any process in the
        container, whatever user it runs as: a compromised low-privilege service then rewrites code
        that a more privileged one runs. `chmod 777` is usually a shortcut around an ownership problem;
        give the files to the user that needs them (`COPY --chown=app:app`, `chown`) with `755`/`644`.

        ## Example

        ```dockerfile
        FROM node:22-slim
        COPY . /app
        RUN chmod -R 777 /app
        USER node
        ```

        ## Use instead

        ```dockerfile
        FROM node:22-slim
        COPY --chown=node:node . /app
        USER node
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
    {
        context.RegisterInstructionAction<RunInstruction>(context =>
        {
            foreach (var command in RunCommands.Of(context.Instruction))
            {
                if (command.Name != "chmod")
                {
                    continue;
                }

                foreach (var mode in command.LiteralArguments().Where(a => IsWorldWritable(a.Text)))
                {
                    context.Report(mode.Span, $"'chmod {mode.Text}' lets every user write these files; give them to the user that needs them (chown) and use 755/644");
                }
            }
        });
        context.RegisterInstructionAction<FileTransferInstruction>(context =>
        {
            if (context.Instruction.Chmod is { Value: { Value: { } mode } value } && IsWorldWritable(mode))
            {
                context.Report(value.Span, $"--chmod={mode} lets every user write these files; use --chown with 755/644 instead");
            }
        });
    }

    /// <summary>True for an octal or symbolic mode that grants write to others without the sticky bit.</summary>
    internal static bool IsWorldWritable(string mode)
    {
        if (mode.Length is >= 3 and <= 5 && mode.All(c => c is >= '0' and <= '7'))
        {
            var others = mode[^1] - '0';
            var special = mode.Length >= 4 ? mode[^4] - '0' : 0;
            return (others & 2) != 0 && (special & 1) == 0;
        }

        if (mode.StartsWith('-') || mode.Length == 0)
        {
            return false;
        }

        // Symbolic: comma-separated clauses like o+w, a=rwx, ugo+rw; a sticky bit in any clause (o+t) protects the directory.
        var clauses = mode.Split(',');
        if (clauses.Any(c => c.Contains('t', StringComparison.Ordinal) && c.IndexOfAny(['+', '=']) >= 0))
        {
            return false;
        }

        foreach (var clause in clauses)
        {
            var op = clause.IndexOfAny(['+', '=']);
            if (op < 0 || clause.Contains('t', StringComparison.Ordinal) || !clause[..op].All(c => c is 'u' or 'g' or 'o' or 'a'))
            {
                continue;
            }

            var who = clause[..op];
            var permissions = clause[(op + 1)..];
            if ((who.Contains('o', StringComparison.Ordinal) || who.Contains('a', StringComparison.Ordinal)) && permissions.Contains('w', StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
