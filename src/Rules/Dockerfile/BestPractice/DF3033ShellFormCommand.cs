using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>CMD or ENTRYPOINT in shell form: the process runs under <c>/bin/sh -c</c> and does not get stop signals.</summary>
public sealed class DF3033ShellFormCommand : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3033",
        "CMD or ENTRYPOINT in shell form",
        "{0}",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "In shell form the command runs as a child of /bin/sh -c, which does not pass on SIGTERM, so docker stop waits and then kills the process.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
        ["hadolint:DL3025", "buildkit:JSONArgsRecommended", "kics:b86987e1-6397-4619-81d5-8807f2387c79"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports `CMD` and `ENTRYPOINT` written in shell form (ONBUILD triggers included). Not reported:
        a stage that chose its shell with a `SHELL` instruction (here or in a stage it is built on), as
        BuildKit does, and a command that starts with `exec`, which replaces the shell with the program
        and so receives signals.

        Turn it off for images whose command is a short-lived job, or that run under an init process
        such as `tini` or `docker run --init`, which forwards signals.

        ## Why is this bad?

        Shell form runs `/bin/sh -c "<command>"`: the shell is process 1 and the program its child.
        `docker stop` sends SIGTERM to the shell, which does not forward it; after the grace period
        (10 s) the program is killed without a chance to finish requests or flush data. A shell-form
        `ENTRYPOINT` also ignores the `CMD` and the arguments of `docker run`. The exec form runs the program
        directly. When the command needs the shell (variables, pipes), use `exec` or the exec form with
        an explicit shell: `CMD ["sh", "-c", "exec app --port \"$PORT\""]`.

        ## Example

        ```dockerfile
        FROM node:22-slim
        CMD node server.js
        ```

        ## Use instead

        ```dockerfile
        FROM node:22-slim
        CMD ["node", "server.js"]
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterStageAction(Check);

    private static void Check(StageContext context)
    {
        var shellSet = context.Stage.Ancestors().Any(s => s.OfType<ShellInstruction>().Any(i => !i.IsTrigger));
        foreach (var instruction in context.Stage.Instructions)
        {
            var command = instruction as CommandInstruction ?? (instruction as OnbuildInstruction)?.Trigger as CommandInstruction;
            if (command is ShellInstruction && !command.IsTrigger)
            {
                shellSet = true;
                continue;
            }

            if (command is not (CmdInstruction or EntrypointInstruction) || command.IsExecForm || command.ShellCommand is not { } line || (shellSet && !command.IsTrigger))
            {
                continue;
            }

            var text = line.Text.TrimStart();
            if (text.StartsWith("exec ", StringComparison.Ordinal) || text.StartsWith("exec\t", StringComparison.Ordinal))
            {
                continue;
            }

            var keyword = (command.IsTrigger ? "ONBUILD " : "") + command.Syntax.KeywordText;
            context.Report(line.Span, $"{keyword} in shell form runs under /bin/sh -c, which does not pass SIGTERM on to the program; use the exec form [\"…\", \"…\"] (or start the command with exec)");
        }
    }
}
