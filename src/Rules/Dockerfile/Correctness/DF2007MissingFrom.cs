using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Correctness;

/// <summary>A Dockerfile with ARG instructions and no FROM at all.</summary>
public sealed class DF2007MissingFrom : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF2007",
        "No FROM",
        "{0}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Error,
        "The Dockerfile declares build arguments but has no FROM, so there is no stage to build.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL3061", "dockerfile-utils:NO_SOURCE_IMAGE"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a Dockerfile whose instructions are only `ARG`s, with no `FROM`. A file where another
        instruction comes before (or without) a `FROM` is reported by the parser as DF0011, and an
        empty file as DF0008; this rule covers the case neither of them sees.

        Do not turn it off: a Dockerfile with no `FROM` cannot be built. A file that is only included
        into others (a fragment of a template) should not be linted as a Dockerfile.

        ## Why is this bad?

        Every build needs a stage: BuildKit stops with "no build stage in current context". A file
        that only declares arguments is usually a fragment meant to be concatenated with another, or
        a Dockerfile whose FROM was lost in an edit.

        ## Example

        ```dockerfile
        ARG NODE_VERSION=22
        ```

        ## Use instead

        ```dockerfile
        ARG NODE_VERSION=22
        FROM node:${NODE_VERSION}
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterFileAction(Check);

    private static void Check(DockerfileContext context)
    {
        var model = context.Model;
        if (model.Stages.IsEmpty && !model.Instructions.IsEmpty && model.Instructions.All(i => i is ArgInstruction))
        {
            context.Report(model.Instructions[0].KeywordSpan, "The Dockerfile has no FROM, only ARG, so there is no stage to build; add a FROM after the global ARGs");
        }
    }
}
