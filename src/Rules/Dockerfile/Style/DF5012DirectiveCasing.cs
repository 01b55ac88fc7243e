using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Style;

/// <summary>A parser directive whose name is not lower case (opt-in).</summary>
public sealed class DF5012DirectiveCasing : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DF5012",
        "Parser directive not in lower case",
        "{0}",
        RuleCategories.Style,
        DiagnosticSeverity.Info,
        "Parser directive names (syntax, escape, check) are conventionally written in lower case.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["dockerfile-utils:CASING_DIRECTIVE"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports the name of a parser directive (`# syntax=`, `# escape=`, `# check=`) written with upper
        case letters. Off by default: Docker reads directive names in any case, BuildKit does not warn,
        and it is purely a matter of taste.

        Turn it on to keep directive names in one casing across a repository.

        ## Why is this bad?

        Directives look like comments; the lower-case spelling from Docker's documentation is the one
        readers and tools recognise at a glance.

        ## Example

        ```dockerfile
        # Syntax=docker/dockerfile:1
        FROM alpine:3.20
        ```

        ## Use instead

        ```dockerfile
        # syntax=docker/dockerfile:1
        FROM alpine:3.20
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterFileAction(Check);

    private static void Check(DockerfileContext context)
    {
        var text = context.Model.Tree.Text;
        foreach (var directive in context.Model.Tree.Root.Directives)
        {
            var name = text.ToString(directive.NameSpan);
            if (name != name.ToLowerInvariant())
            {
                context.Report(directive.NameSpan, $"The directive name '{name}' should be written in lower case: '{name.ToLowerInvariant()}'");
            }
        }
    }
}
