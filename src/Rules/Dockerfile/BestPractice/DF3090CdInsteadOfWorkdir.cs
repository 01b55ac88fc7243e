using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>A RUN that starts by changing directory (<c>RUN cd /app &amp;&amp; make</c>), or does nothing but <c>cd</c>: WORKDIR says it once.</summary>
public sealed class DF3090CdInsteadOfWorkdir : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3090",
        "cd instead of WORKDIR",
        "{0}",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "A RUN begins with cd to a fixed directory, which WORKDIR sets for every later instruction, or runs a cd that has no effect.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL3003", "trivy:DS-0013", "kics:f4a6bcd3-e231-4acf-993c-aa027be50d2e"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a RUN whose script starts with `cd` to a fixed directory (`RUN cd /app && npm ci`),
        and a RUN that does nothing but `cd` (which has no effect at all: each RUN starts again in the
        WORKDIR). A `cd` later in a script — into an unpacked source tree, into `/tmp` for a build
        that cleans up after itself, or inside `( … )` — is normal shell use and is not reported,
        unlike hadolint's DL3003, which flags every `cd`. `cd` to a variable's directory is not
        reported either. ONBUILD RUN is checked; a non-POSIX `SHELL` is not read.

        Turn it off if your team prefers each RUN to state its directory explicitly.

        ## Why is this bad?

        `cd` lasts only until the end of its RUN, so a Dockerfile that starts RUNs with `cd` repeats
        the directory in every instruction and lets `COPY`, `CMD` and the next RUN run elsewhere than
        it seems. `WORKDIR` states it once, creates the directory if needed and applies to every
        following instruction and to the container.

        ## Example

        ```dockerfile
        FROM node:22-slim
        COPY . /app
        RUN cd /app && npm ci
        ```

        ## Use instead

        ```dockerfile
        FROM node:22-slim
        WORKDIR /app
        COPY . .
        RUN npm ci
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
        => context.RegisterInstructionAction<RunInstruction>(context =>
        {
            // The first top-level command, and whether another one follows it.
            ShellCommand? first = null;
            var alone = true;
            foreach (var command in RunCommands.Of(context.Instruction))
            {
                if ((command.Context & ~ShellContext.Heredoc) != ShellContext.None)
                {
                    continue;
                }

                if (first is not null)
                {
                    alone = false;
                    break;
                }

                first = command;
            }

            if (first is not { Name: "cd" } cd || cd.Arguments.Length != 1 || cd.Arguments[0] is not { IsLiteral: true } directory
                || !directory.Text.StartsWith('/'))
            {
                return;
            }

            context.Report(cd.Span, alone
                ? $"'cd {directory.Text}' alone has no effect: the next instruction starts in the WORKDIR again; use WORKDIR {directory.Text}"
                : $"This RUN starts with 'cd {directory.Text}'; set WORKDIR {directory.Text} once instead");
        });
}
