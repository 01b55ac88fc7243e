using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary><c>COPY --from=0</c> or <c>RUN --mount from=1</c>: a stage referred to by its position.</summary>
public sealed class DF3014StageReferencedByIndex : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3014",
        "Stage referenced by index",
        "{0}",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "A --from refers to a stage by its position, which silently changes meaning when stages are added, removed or reordered.",
        "maintainability");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:68a51e22-ae5a-4d48-8e87-b01a323605c9"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports `COPY --from=<number>` and `RUN --mount=…,from=<number>` that name an existing stage by
        its index (ONBUILD triggers left out). The message gives the stage's name when it has one;
        otherwise name it with `AS`. An index that is no stage is DF2002's.

        Turn it off only for generated Dockerfiles whose stages have no stable names; in a
        hand-written file naming the stage with `AS` costs nothing.

        ## Why is this bad?

        `--from=0` means "whatever the first stage is today". Adding a stage at the top — a tools
        stage, a cache stage — makes it copy from another stage without any error, and a reader has
        to count `FROM` lines to know what is copied. A name says what the stage is for and survives
        reordering.

        ## Example

        ```dockerfile
        FROM golang:1.23
        RUN go build -o /out/app .
        FROM alpine:3.20
        COPY --from=0 /out/app /app
        ```

        ## Use instead

        ```dockerfile
        FROM golang:1.23 AS build
        RUN go build -o /out/app .
        FROM alpine:3.20
        COPY --from=build /out/app /app
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterFileAction(Check);

    private static void Check(DockerfileContext context)
    {
        foreach (var reference in StageReferences.All(context.Model))
        {
            if (reference is { IsIndex: true, Stage: { } stage })
            {
                var advice = stage.From.StageName is { } name
                    ? $"use its name: --from={name.Text}"
                    : $"name it (FROM {stage.From.ImageText?.Text ?? "…"} AS <name>) and use the name";
                context.Report(reference.Span, $"{reference.Shown} refers to stage {stage.Index} by its position, which changes when stages are added or reordered; {advice}");
            }
        }
    }
}
