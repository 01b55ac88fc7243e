using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Correctness;

/// <summary>The Dockerfile a service builds (<c>build.dockerfile</c>, or <c>Dockerfile</c> in the context) does not exist.</summary>
public sealed class DC2011DockerfileMissing : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC2011",
        "Dockerfile not found",
        "Service '{0}' builds '{1}', which does not exist in its build context '{2}'",
        RuleCategories.Correctness,
        DiagnosticSeverity.Error,
        "The Dockerfile a service builds is not in its build context, so docker compose cannot build the service.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        For a service whose build context exists (see DC2010 for one that does not), reports
        `build.dockerfile` — resolved relative to the context, as docker compose does — when that
        file does not exist, or the `build:` key when no `dockerfile` is given and the context has
        neither `Dockerfile` nor `dockerfile`. Paths with unknown variables are not checked. Only
        runs when DockerLint reads the file system (the CLI does).

        Do not turn it off: the build fails without its Dockerfile. When the Dockerfile is generated
        by an earlier step, run the linter after that step.

        ## Why is this bad?

        The build fails at once with `failed to read dockerfile: open Dockerfile: no such file or
        directory`. A frequent cause is writing `dockerfile:` relative to the compose file instead of
        relative to the context.

        ## Example

        ```yaml
        services:
          api:
            build:
              context: .
              dockerfile: docker/Dockerfile.api
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
            if (context.Build is not { DockerfileMissing: true, DockerfilePath: { } path, ContextDirectory: { } directory } build)
            {
                return;
            }

            var written = build.Build.Dockerfile is { IsNull: false } dockerfile ? dockerfile : null;
            var location = written?.Location ?? build.Service.Entry("build")!.Key.Location;
            context.Report(location, context.Service.Name, written?.Value ?? "Dockerfile", Relative(context, directory));
        });
    }

    private static string Relative(ComposeProjectContext context, string directory)
    {
        var relative = Path.GetRelativePath(context.Project.ProjectDirectory, directory);
        return relative == "." ? "." : relative.StartsWith("..", StringComparison.Ordinal) ? directory : "./" + relative.Replace('\\', '/');
    }
}
