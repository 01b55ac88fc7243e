using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary><c>COPY --from=&lt;stage&gt; / …</c> copies the whole file system of a stage built on an image.</summary>
public sealed class DF3013CopyWholeFilesystemFromStage : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3013",
        "COPY of a stage's whole file system",
        "{0}",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "COPY --from copies / of a build stage that runs commands on a base image, so the final image receives the whole build environment.",
        "image-size");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL3067"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports `COPY --from=<stage>` whose source is the root of the stage (`/`, `/.`, `/*`) when
        that stage is built, directly or through other stages, on a base image and runs commands
        (a `RUN`), which shows that the image has a shell and a distribution. A stage built
        `FROM scratch` holds only what was put into it, so copying its root is the usual way to
        export an artefact (`FROM scratch AS export` + `COPY --from=build /out /`) and is not
        reported. Neither is a stage that only names an image (`FROM tonistiigi/xx AS xx`,
        `FROM moby/moby-bin AS engine`): such images are often built from scratch to carry a few
        files, and copying their root is how they are meant to be used.

        Turn it off if you copy a stage's root on purpose to flatten an image into one layer (`FROM
        scratch` then `COPY --from=full / /`), accepting that the image's metadata (`ENV`, `USER`,
        `CMD`) has to be written again.

        ## Why is this bad?

        The root of a stage built on `golang`, `node` or `ubuntu` is the whole build environment:
        compilers, package caches, shells and the base image's own files. Copying it defeats the
        point of a multi-stage build — the final image is as big as the build stage and carries
        its tools and vulnerabilities — and it overwrites the final base image's files with the
        other distribution's.

        ## Example

        ```dockerfile
        FROM golang:1.23 AS build
        RUN go build -o /out/app .
        FROM gcr.io/distroless/static-debian12
        COPY --from=build / /
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
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<CopyInstruction>(Check);

    private static void Check(InstructionContext<CopyInstruction> context)
    {
        var copy = context.Instruction;
        if (copy is not { IsTrigger: false, FromKind: ImageSourceKind.Stage, FromStage: { } source })
        {
            return;
        }

        var chain = new[] { source }.Concat(source.Ancestors()).ToList();
        var root = chain[^1];
        if (root.BaseKind != ImageSourceKind.Image || !chain.Any(s => s.OfType<RunInstruction>().Any(r => !r.IsTrigger)))
        {
            return;
        }

        foreach (var word in copy.Sources)
        {
            if (word.Value is "/" or "/." or "/*" or "//" or "/./")
            {
                context.Report(word.Span, $"COPY --from={copy.From!.Value!.Value} {word.Text} copies the whole file system of stage {StageReferences.Describe(source)}, which is built on {root.From.ImageText!.Value}; copy only the files the image needs");
            }
        }
    }
}
