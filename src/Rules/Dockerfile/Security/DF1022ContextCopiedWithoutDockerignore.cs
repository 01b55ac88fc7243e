using System.Collections.Immutable;
using DockerLint.Parser.Context;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Security;

/// <summary><c>COPY . .</c> (the whole build context) when the context has no <c>.dockerignore</c>.</summary>
public sealed class DF1022ContextCopiedWithoutDockerignore : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF1022",
        "Whole build context copied without a .dockerignore",
        "{0}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "COPY or ADD copies the whole build context and the context has no .dockerignore, so .git, .env files, credentials and build output end up in the image.",
        "secrets");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override double? SecuritySeverity => 4.3;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a `COPY` or `ADD` whose source is the whole build context (`.`, `./`, `/`) when the
        context has no `.dockerignore` (neither `<Dockerfile name>.dockerignore` next to the Dockerfile
        nor `.dockerignore` at the context root). `COPY --from=…` copies from a stage or image and is not
        reported, nor are ONBUILD triggers, which copy from the context of another build. Without a known
        build context (a Dockerfile read from standard input) the rule is silent; the DockerLint CLI
        takes the Dockerfile's folder as the context.

        Turn it off if your build context is a folder prepared for the build (a CI step copies exactly
        the needed files into it), which has no use for a `.dockerignore`.

        ## Why is this bad?

        Everything in the folder goes into a layer of the image: the `.git` folder with its history and
        remotes, `.env` files, local credentials (`.npmrc`, `.aws`), editor files, `node_modules` and
        build output of the host. Anyone who can pull the image can read them, even if a later step
        deletes them. Every edit to any file also invalidates the layer cache. A `.dockerignore` keeps
        the context to what the build needs.

        ## Example

        ```dockerfile
        FROM node:22-slim
        WORKDIR /app
        COPY . .
        ```

        ## Use instead

        ```dockerfile
        FROM node:22-slim
        WORKDIR /app
        COPY . .
        ```

        ```dockerignore
        .git
        .env*
        node_modules
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<FileTransferInstruction>(Check);

    private static void Check(InstructionContext<FileTransferInstruction> context)
    {
        var transfer = context.Instruction;
        if (context.BuildContext is not { DockerIgnore: null } || transfer.IsTrigger || transfer is CopyInstruction { From: not null })
        {
            return;
        }

        var windows = context.Model.Tree.EscapeToken == '`';
        foreach (var source in transfer.Sources)
        {
            if (source.Value is not { } value || FileTransfers.IsHeredoc(transfer, source) || FileTransfers.IsUrl(value))
            {
                continue;
            }

            if (DockerIgnore.CleanPath(windows ? value.Replace('\\', '/') : value) is "." or "/")
            {
                context.Report(source.Span, $"{transfer.Syntax.KeywordText} '{source.Text}' copies the whole build context, which has no .dockerignore: .git, .env files and other local files go into the image; add a .dockerignore");
            }
        }
    }
}
