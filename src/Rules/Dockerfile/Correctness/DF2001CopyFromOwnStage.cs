using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Correctness;

/// <summary><c>COPY --from</c> or <c>RUN --mount from=</c> names the stage it is in, or a stage that depends on it.</summary>
public sealed class DF2001CopyFromOwnStage : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF2001",
        "COPY --from its own stage",
        "{0}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Error,
        "A stage copies or mounts from itself, or from a stage that is built from it, so the stages depend on each other in a circle and the build fails.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL3023", "trivy:DS-0006", "kics:cdddb86f-95f6-4fc4-b5a1-483d9afceb2b"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports `COPY --from=<stage>` and `RUN --mount=…,from=<stage>` that name the stage they are
        in, by name (without regard to case) or by index, and those that name a stage which itself
        needs the current one — as its base (`FROM current`) or through its own `--from` — so the
        stages form a circle. ONBUILD triggers are left out: their `--from` is resolved in the build
        that uses the image.

        Do not turn it off: a stage that copies from itself or a circle of stages is a certain build
        failure; fix the `--from` instead. A generated file can still suppress one instruction with `#
        dockerlint ignore=DF2001`.

        ## Why is this bad?

        A stage cannot read files from itself or from a stage that waits for it: BuildKit stops
        with "circular dependency detected" before running anything. It is usually a stage renamed
        or a `FROM` line moved without updating the `--from`.

        ## Example

        ```dockerfile
        FROM golang:1.23 AS build
        RUN go build -o /out/app .
        COPY --from=build /out/app /usr/local/bin/app
        ```

        ## Use instead

        ```dockerfile
        FROM golang:1.23 AS build
        RUN go build -o /out/app .

        FROM gcr.io/distroless/static-debian12
        COPY --from=build /out/app /usr/local/bin/app
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterFileAction(Check);

    private static void Check(DockerfileContext context)
    {
        var model = context.Model;
        var references = StageReferences.All(model).ToList();
        foreach (var reference in references)
        {
            if (reference is not { Stage: { } target, Instruction.Stage: { } current })
            {
                continue;
            }

            if (target == current)
            {
                context.Report(reference.Span, $"{reference.Shown} names the stage it is in ({StageReferences.Describe(current)}); a stage cannot copy from itself, the build fails with a circular dependency");
            }
            else if (DependsOn(references, target, current) is { } path)
            {
                context.Report(reference.Span, $"{reference.Shown} names stage {StageReferences.Describe(target)}, which depends on this stage ({string.Join(" → ", path.Select(StageReferences.Describe))}); the stages form a circle and the build fails");
            }
        }
    }

    /// <summary>The chain of stages from <paramref name="from"/> to <paramref name="to"/> along dependencies, or null when there is none.</summary>
    private static List<Stage>? DependsOn(List<StageReference> references, Stage from, Stage to)
    {
        var previous = new Dictionary<Stage, Stage?> { [from] = null };
        var queue = new Queue<Stage>([from]);
        while (queue.TryDequeue(out var stage))
        {
            foreach (var next in StageReferences.Dependencies(stage, references))
            {
                if (!previous.TryAdd(next, stage))
                {
                    continue;
                }

                if (next == to)
                {
                    var path = new List<Stage>();
                    for (Stage? s = next; s is not null; s = previous[s])
                    {
                        path.Add(s);
                    }

                    path.Reverse();
                    return path;
                }

                queue.Enqueue(next);
            }
        }

        return null;
    }
}
