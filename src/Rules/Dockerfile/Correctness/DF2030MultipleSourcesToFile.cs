using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Correctness;

/// <summary>COPY or ADD with several sources whose destination does not end with <c>/</c>.</summary>
public sealed class DF2030MultipleSourcesToFile : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF2030",
        "Several sources copied to a destination without a trailing slash",
        "{0}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Warning,
        "With more than one source, the destination of COPY or ADD must be a folder written with a trailing /, as the Dockerfile reference requires.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
        ["hadolint:DL3021", "trivy:DS-0011", "kics:6db6e0c2-32a3-4a2e-93b5-72c35f4119db"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports the destination of a `COPY` or `ADD` (ONBUILD triggers included) that has two or more
        sources — files, folders, URLs or heredocs — when the destination does not end with `/` (or with
        `\`, the Windows separator, whatever the escape character). A destination whose value depends on an
        unknown variable is reported only when its written text ends with neither. A single wildcard
        source (`COPY *.json /app`) is not reported: whether it matches several files is only known at
        build time.

        Do not turn it off: the classic builder stops on it and other builders guess; add the trailing
        `/`. When the destination comes from a variable you know ends with `/`, suppress that line
        with `# dockerlint ignore=DF2030`.

        ## Why is this bad?

        The Dockerfile reference requires it: with several sources the destination is a folder and must
        end with `/`. The classic builder stops with "When using COPY with more than one source file, the
        destination must be a directory and end with a /"; other builders guess, and a destination that
        already exists as a file makes the copy fail or overwrite it. The trailing slash states the intent.
        `.` and paths ending in `/.` are folders already and are not reported.

        ## Example

        ```dockerfile
        FROM node:22-slim
        COPY package.json package-lock.json /app
        ```

        ## Use instead

        ```dockerfile
        FROM node:22-slim
        COPY package.json package-lock.json /app/
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<FileTransferInstruction>(Check);

    private static void Check(InstructionContext<FileTransferInstruction> context)
    {
        var transfer = context.Instruction;
        if (transfer.Sources.Length < 2 || transfer.Destination is not { } destination)
        {
            return;
        }

        var segments = destination.Expansion.Segments;
        if (destination.Value is null && (segments.Count == 0 || segments[^1].IsUnknown))
        {
            // ${DEST} may well end with a slash.
            return;
        }

        var text = destination.Value ?? segments[^1].Text;
        if (text.EndsWith('/') || text.EndsWith('\\') || text is "." or ".." || text.EndsWith("/.", StringComparison.Ordinal))
        {
            return;
        }

        context.Report(destination.Span, $"{transfer.Syntax.KeywordText} has {transfer.Sources.Length} sources, so the destination '{destination.Text}' must be a folder written with a trailing '/'");
    }
}
