using DockerLint.Parser.Compose;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Correctness;

/// <summary>The <c>build.context</c> of a service is a folder that does not exist.</summary>
public sealed class DC2010BuildContextMissing : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC2010",
        "Build context does not exist",
        "The build context of service '{0}' is '{1}', which does not exist",
        RuleCategories.Correctness,
        DiagnosticSeverity.Error,
        "The folder a service's build context names does not exist, so docker compose cannot build the service.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Resolves `build.context` (or `build: <path>`) the way docker compose does — relative to the
        project directory, to the include's project directory for an included file, or to the folder
        of the file an `extends` reads — after interpolation, and reports it when the folder does
        not exist. Remote contexts (git repositories, `https://` archives) and paths with unknown
        variables are not checked. Only runs when DockerLint reads the file system (the CLI does).

        Do not turn it off: docker compose cannot build a service whose context folder is missing.
        When the folder is created by an earlier step (a submodule checkout, a generated folder), run
        the linter after that step.

        ## Why is this bad?

        `docker compose build` (and `up`, which builds missing images) stops with `unable to prepare
        context: path "./api" not found`. It usually follows a moved folder or a compose file copied
        to another directory.

        ## Example

        ```yaml
        services:
          api:
            build: ./does-not-exist
        ```

        ## Use instead

        ```yaml
        services:
          api:
            build:
              context: .
              dockerfile_inline: |
                FROM alpine:3.20
                USER 10001
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterServiceAction(context =>
        {
            if (context.Build is { Kind: ServiceBuildKind.File or ServiceBuildKind.Inline, ContextExists: false, ContextDirectory: not null } build
                && build.Build.Context is { IsNull: false, Value: { } written } value
                && (build.Kind == ServiceBuildKind.File || !IsDefault(written)))
            {
                context.Report(value.Location, context.Service.Name, written);
            }
        });
    }

    private static bool IsDefault(string context) => context is "." or "./";
}
