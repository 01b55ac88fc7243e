using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>A relative WORKDIR with no absolute WORKDIR before it, so it depends on the base image's working directory.</summary>
public sealed class DF3032RelativeWorkdir : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3032",
        "Relative WORKDIR",
        "{0}",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "A relative WORKDIR is resolved against the current working directory; with no absolute WORKDIR before it, that is the base image's choice.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
    [
        "hadolint:DL3000", "buildkit:WorkdirRelativePath", "trivy:DS-0009", "checkov:CKV_DOCKER_10",
        "kics:6b376af8-cfe8-49ab-a08d-f32de23661a4",
    ];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a `WORKDIR` with a relative path when no absolute `WORKDIR` comes before it in the stage
        or in the stages it is built on — BuildKit's reading: `WORKDIR /app` then `WORKDIR src` is a clear
        `/app/src` and is not reported, unlike hadolint, Trivy, KICS and Checkov, which report every
        relative path. Windows paths (`C:\app`, `\app`) are absolute. A path that starts with a variable
        whose value is unknown is not reported; one whose value is known is judged by that value. A
        `WORKDIR` in ONBUILD is reported like any other, since it runs on an unknown working directory.

        Turn it off only if you deliberately build on the working directory of a base image you
        control.

        ## Why is this bad?

        The resulting folder depends on the base image's working directory (`/` for most images, `/go`
        for `golang`…) and changes silently when the base image does. Commands that follow then run, and
        files land, somewhere the Dockerfile does not show.

        ## Example

        ```dockerfile
        FROM node:22-slim
        WORKDIR app
        ```

        ## Use instead

        ```dockerfile
        FROM node:22-slim
        WORKDIR /app
        WORKDIR src
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterStageAction(Check);

    private static void Check(StageContext context)
    {
        var windows = context.Model.Tree.EscapeToken == '`';
        var anchored = context.Stage.Ancestors().Any(s => s.OfType<WorkdirInstruction>().Any(w => !w.IsTrigger && IsAbsolute(w, windows) == true));
        foreach (var instruction in context.Stage.Instructions)
        {
            var workdir = instruction as WorkdirInstruction ?? (instruction as OnbuildInstruction)?.Trigger as WorkdirInstruction;
            if (workdir is null)
            {
                continue;
            }

            var absolute = IsAbsolute(workdir, windows);
            if (absolute == false && (workdir.IsTrigger || !anchored))
            {
                var onbuild = workdir.IsTrigger ? "ONBUILD " : "";
                context.Report(workdir.Path!.Span, $"{onbuild}WORKDIR '{workdir.Path.Text}' is relative and no absolute WORKDIR comes before it, so it depends on the base image's working directory; use an absolute path");
            }

            if (!workdir.IsTrigger && absolute != false)
            {
                // An absolute WORKDIR anchors what follows; so does one whose value is unknown (it may well be absolute).
                anchored = true;
            }
        }
    }

    /// <summary>True or false when known; null when the path starts with an unknown variable.</summary>
    private static bool? IsAbsolute(WorkdirInstruction workdir, bool windows)
    {
        if (workdir.Path is not { } path)
        {
            return null;
        }

        var segments = path.Expansion.Segments;
        var text = path.Value ?? (segments.Count > 0 && !segments[0].IsUnknown ? segments[0].Text : null);
        if (text is null || text.Length == 0)
        {
            return null;
        }

        return FileTransfers.IsAbsolute(text) || (windows && text.StartsWith('\\'));
    }
}
