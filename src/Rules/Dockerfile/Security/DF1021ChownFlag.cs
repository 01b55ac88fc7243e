using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Security;

/// <summary><c>COPY --chown</c> or <c>ADD --chown</c> gives the copied files to a user (opt-in).</summary>
public sealed class DF1021ChownFlag : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DF1021",
        "COPY or ADD with --chown",
        "{0}",
        RuleCategories.Security,
        DiagnosticSeverity.Info,
        "--chown makes the copied files belong to a user, usually the one the application runs as, so the application can rewrite its own code and configuration.",
        "policy");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:aa93e17f-b6db-4162-9334-c70334e7ac28"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 2.0;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports the `--chown` flag of `COPY` and `ADD` (ONBUILD triggers included). The rule is **off by
        default**: it is a policy some teams hold (KICS reports it), not a mistake, and Docker's own
        documentation shows `--chown` for non-root images. Turn it on when your images must keep
        application files owned by root.

        ## Why is this bad?

        When the files belong to the user the container runs as, a compromised process can change its own
        code, scripts and configuration and keep the change for the container's lifetime. Files owned by
        root and only readable by the application user cannot be altered that way; write access is then
        given only to the folders that need it (data, cache, logs).

        ## Example

        ```dockerfile
        FROM node:22-slim
        WORKDIR /app
        COPY --chown=node:node . .
        USER node
        ```

        ## Use instead

        ```dockerfile
        FROM node:22-slim
        WORKDIR /app
        COPY . .
        RUN mkdir -p /app/data && chown node:node /app/data
        USER node
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<FileTransferInstruction>(Check);

    private static void Check(InstructionContext<FileTransferInstruction> context)
    {
        var transfer = context.Instruction;
        if (transfer.Chown is not { } chown)
        {
            return;
        }

        var owner = chown.Value?.Text ?? "";
        context.Report(chown.Flag.Token.Span, $"{transfer.Syntax.KeywordText} --chown={owner} lets that user rewrite the copied files; keep them owned by root unless the application must write them");
    }
}
