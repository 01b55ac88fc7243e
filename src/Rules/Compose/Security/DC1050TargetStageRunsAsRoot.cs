using DockerLint.Parser.Compose;
using DockerLint.Parser.Model;
using DockerLint.Rules.Dockerfile.Security;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>A service builds a <c>build.target</c> stage that runs as root, and sets no <c>user:</c>.</summary>
public sealed class DC1050TargetStageRunsAsRoot : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC1050",
        "Service built from a stage that runs as root",
        "Service '{0}' runs as root: it sets no user, and the stage '{1}' it builds {2}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "The stage a service builds (build.target) runs as root, and the service does not set a user, so its processes run as root.",
        "CWE-250");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override double? SecuritySeverity => 6.5;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Judges the user a service runs as from the Compose file and the Dockerfile together. A
        service with `build.target` runs the target stage, not the last one: when that stage (with
        the stages it is built on) ends with `USER root`/`0`, or sets no `USER`, and the service has
        no `user:`, the `target` is reported. The other cases have one owner each, so nothing is
        reported twice: `user: root` in Compose is DC1001; a root final stage is DF1001 in the
        Dockerfile (linted once, also when only the compose file is named); a service whose `user:`
        is not root runs as that user whatever the Dockerfile says, and is not reported here.

        Turn it off for projects whose target stages must start as root and drop privileges
        themselves; otherwise set `user:` or a `USER` in the stage.

        ## Why is this bad?

        A Dockerfile whose last stage switches to an unprivileged user passes DF1001, but a compose
        file that builds an earlier stage (`target: dev`, `target: debug`) gets an image that still
        runs as root — and those targets are often what runs on shared development hosts.

        ## Example

        ```yaml
        services:
          api:
            build:
              target: dev
              dockerfile_inline: |
                FROM node:22 AS dev
                CMD ["npm", "run", "dev"]
                FROM node:22
                USER node
        ```

        ## Use instead

        ```yaml
        services:
          api:
            build:
              target: dev
              dockerfile_inline: |
                FROM node:22 AS dev
                USER node
                CMD ["npm", "run", "dev"]
                FROM node:22
                USER node
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterServiceAction(context =>
        {
            if (context.Service.Node["user"] is not null
                || context.Build is not { TargetStage: { } stage, Dockerfile: { } model, Build.Target: { } target }
                || ReferenceEquals(stage, model.FinalStage)
                || RootReason(stage) is not { } reason)
            {
                return;
            }

            context.Report(target.Location, context.Service.Name, target.Value, reason);
        });
    }

    private static string? RootReason(Stage stage)
    {
        var chain = new[] { stage }.Concat(stage.Ancestors()).ToList();
        var lastUser = chain.Select(s => s.OfType<UserInstruction>().LastOrDefault(u => !u.IsTrigger)).FirstOrDefault(u => u is not null);
        if (lastUser is not null)
        {
            return lastUser.User is { } user && DF1001RootUser.IsRoot(user) ? $"ends with USER {lastUser.Argument!.Value}" : null;
        }

        var root = chain[^1];
        if (root.BaseKind == ImageSourceKind.Image && root.From.Image is { Tag: { } tag } && tag.Text.Contains("nonroot", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return root.BaseKind is ImageSourceKind.Image or ImageSourceKind.Scratch
            ? $"sets no USER, so it runs as the user of {root.From.ImageText?.Value ?? root.From.ImageText?.Text ?? "its base image"} (most images use root)"
            : null;
    }
}
