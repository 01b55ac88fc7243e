using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>COPY or ADD to a relative destination in a stage where no WORKDIR was set.</summary>
public sealed class DF3031RelativeDestinationWithoutWorkdir : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3031",
        "COPY to a relative path without WORKDIR",
        "{0}",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "A relative destination is resolved against the working directory, which no WORKDIR of this Dockerfile sets, so it is whatever the base image chose.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL3045"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports the destination of `COPY` or `ADD` when it is a relative path (`app/`, `.`) and neither
        the stage nor the stages it is built on (`FROM base`) set a `WORKDIR` before it. Absolute
        destinations (`/app`, and on Windows `C:\app`) are fine, and so is a destination that starts with
        a variable whose value is unknown. ONBUILD triggers are not checked: they run in an image whose
        working directory this file cannot know.

        Turn it off if the team relies on the working directory of well-known base images (`golang`'s
        `/go`) or of a base image of its own.

        ## Why is this bad?

        The files land relative to the base image's working directory: `/` for most images, but `/go`
        for `golang`, `/usr/src/app` or others for some language images, and it can change when the
        base image is updated. The Dockerfile then depends on a detail it does not show. Setting
        `WORKDIR` (or writing an absolute destination) makes the layout explicit.

        ## Example

        ```dockerfile
        FROM python:3.12-slim
        COPY requirements.txt .
        ```

        ## Use instead

        ```dockerfile
        FROM python:3.12-slim
        WORKDIR /app
        COPY requirements.txt .
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterStageAction(Check);

    private static void Check(StageContext context)
    {
        if (context.Stage.Ancestors().Any(s => s.OfType<WorkdirInstruction>().Any(w => !w.IsTrigger)))
        {
            return;
        }

        var windows = context.Model.Tree.EscapeToken == '`';
        foreach (var instruction in context.Stage.Instructions)
        {
            if (instruction is WorkdirInstruction)
            {
                return;
            }

            if (instruction is not FileTransferInstruction { Destination: { } destination } transfer)
            {
                continue;
            }

            var segments = destination.Expansion.Segments;
            var text = destination.Value ?? (segments.Count > 0 && !segments[0].IsUnknown ? segments[0].Text : null);
            if (text is null || text.Length == 0 || FileTransfers.IsAbsolute(text) || (windows && text.StartsWith('\\')))
            {
                continue;
            }

            context.Report(destination.Span, $"{transfer.Syntax.KeywordText} to the relative path '{destination.Text}' without a WORKDIR, so it lands in the base image's working directory; set WORKDIR or use an absolute path");
        }
    }
}
