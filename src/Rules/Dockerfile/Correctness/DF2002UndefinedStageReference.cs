using System.Collections.Immutable;
using DockerLint.Parser.Images;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Correctness;

/// <summary>
/// <c>COPY --from</c> names a stage defined later, or a <c>--from</c> is a stage index with no stage,
/// or a name that is almost a stage's name.
/// </summary>
public sealed class DF2002UndefinedStageReference : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF2002",
        "COPY --from a stage that is not defined before",
        "{0}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Warning,
        "A --from names a stage defined later in the file, a stage index that does not exist, or a name that differs from a stage's name by a typo.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL3022"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports three kinds of `--from` of `COPY` and `RUN --mount` (ONBUILD triggers left out):

        - `COPY --from=<stage>` naming a stage that is defined further down. BuildKit accepts it,
          but the classic builder, Kaniko and Buildah fail, and a reader expects stages in build
          order. (`RUN --mount` is BuildKit-only, so a later stage is fine there.)
        - a stage index with no stage: `COPY --from=2` in a file with two stages (0 and 1).
        - a name that is not a stage but differs from one by one or two letters
          (`--from=biulder` with a stage `builder`): almost always a typo, which BuildKit would try
          to pull as the image `docker.io/library/biulder`.

        Other names that are no stage are left alone: they are images (`--from=nginx:1.27`) or
        named build contexts (`docker buildx build --build-context assets=…`).

        Turn it off only when every build of the file runs on BuildKit and the stages are deliberately
        written out of order; a missing index or a misspelt stage name is a real error and should be
        fixed, not silenced.

        ## Why is this bad?

        A typo or a missing stage is only found at build time — often as a confusing "pull access
        denied" — and a forward reference makes the file depend on one builder's behaviour.

        ## Example

        ```dockerfile
        FROM alpine:3.20
        COPY --from=builder /out/app /app
        FROM golang:1.23 AS builder
        RUN go build -o /out/app .
        ```

        ## Use instead

        ```dockerfile
        FROM golang:1.23 AS builder
        RUN go build -o /out/app .
        FROM alpine:3.20
        COPY --from=builder /out/app /app
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterFileAction(Check);

    /// <summary>The edit distance between two strings (insertions, deletions, substitutions and swaps of neighbours), without regard to case.</summary>
    internal static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    private static void Check(DockerfileContext context)
    {
        var model = context.Model;
        foreach (var reference in StageReferences.All(model))
        {
            if (reference.Instruction.Stage is not { } current)
            {
                continue;
            }

            if (reference.Stage is { } target)
            {
                if (!reference.IsMount && target.Index > current.Index)
                {
                    context.Report(reference.Span, $"{reference.Shown} names stage {StageReferences.Describe(target)}, which is defined later (stage {target.Index}, this is stage {current.Index}); only BuildKit accepts that: move the stage before this one");
                }

                continue;
            }

            if (reference.IsIndex)
            {
                var count = model.Stages.Length;
                context.Report(reference.Span, $"{reference.Shown}: there is no stage {reference.Value}, the file has {count} stage{(count == 1 ? "" : "s")} (0 to {count - 1}); the build fails");
                continue;
            }

            var image = ImageReference.Parse(reference.Value);
            if (!image.IsValid || !ImageUses.MayBeStageOrContext(model, image) || reference.Value.Length < 4)
            {
                continue;
            }

            var near = model.Stages
                .Where(s => s.Name is { Length: >= 4 } name && Distance(name, reference.Value) <= (name.Length >= 8 ? 2 : 1))
                .Select(s => s.From.StageName!.Text)
                .FirstOrDefault();
            if (near is not null)
            {
                context.Report(reference.Span, $"{reference.Shown} names no stage, but the stage '{near}' is almost the same; if it is a typo, BuildKit will try to pull an image called '{reference.Value}'");
            }
        }
    }
}
