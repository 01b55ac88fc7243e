using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Correctness;

/// <summary><c>build.target</c> names a stage the Dockerfile does not have.</summary>
public sealed class DC2012BuildTargetMissing : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC2012",
        "Build target is not a stage",
        "Service '{0}' builds the target '{1}', but its Dockerfile has no such stage ({2})",
        RuleCategories.Correctness,
        DiagnosticSeverity.Error,
        "build.target names a stage that the Dockerfile the service builds does not define.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reads the Dockerfile a service builds (a file in its context, or `dockerfile_inline`) and
        reports `build.target` when no `FROM … AS <target>` defines that stage (stage names are
        compared without regard to case, as BuildKit does). A target with an unknown variable, or a
        Dockerfile DockerLint cannot read, is not checked.

        Do not turn it off: BuildKit fails when the target stage does not exist; fix the `target` or
        the stage name.

        ## Why is this bad?

        The build fails with `target stage "prod" could not be found`. Stages get renamed in the
        Dockerfile while the compose file keeps the old name.

        ## Example

        ```yaml
        services:
          api:
            build:
              target: prod
              dockerfile_inline: |
                FROM alpine:3.20 AS build
                FROM alpine:3.20 AS production
        ```

        ## Use instead

        ```yaml
        services:
          api:
            build:
              target: production
              dockerfile_inline: |
                FROM alpine:3.20 AS build
                FROM alpine:3.20 AS production
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterServiceAction(context =>
        {
            if (context.Build is { Dockerfile: { } model, Build.Target: { Value: { Length: > 0 } name } target } && model.FindStage(name) is null)
            {
                var stages = model.Stages.Where(s => s.Name is not null).Select(s => s.From.StageName!.Text).ToList();
                var known = stages.Count == 0 ? "it names no stage" : $"stages: {string.Join(", ", stages)}";
                context.Report(target.Location, context.Service.Name, name, known);
            }
        });
    }
}
