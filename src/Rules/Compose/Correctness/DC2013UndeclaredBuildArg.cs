using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Correctness;

/// <summary>A <c>build.args</c> key that no ARG of the built stages declares.</summary>
public sealed class DC2013UndeclaredBuildArg : ComposeRule
{
    // BuildKit's predefined arguments: usable without an ARG.
    private static readonly HashSet<string> s_predefined = new(StringComparer.Ordinal)
    {
        "HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "FTP_PROXY", "ftp_proxy", "NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy",
        "SOURCE_DATE_EPOCH",
    };

    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC2013",
        "Build argument not declared in the Dockerfile",
        "Service '{0}' passes the build argument '{1}', but no ARG {1} is declared {2}; the value is ignored",
        RuleCategories.Correctness,
        DiagnosticSeverity.Warning,
        "A build argument is passed that the Dockerfile does not declare with ARG, so it never reaches the build.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reads the Dockerfile a service builds and reports each `build.args` key that is declared by
        no `ARG` — neither a global one (before the first `FROM`) nor one of the stages the build of
        `build.target` (or of the last stage) involves: that stage, the stages it is built on and
        those it copies or mounts from. BuildKit's predefined arguments (`HTTP_PROXY` and the other
        proxy variables, `SOURCE_DATE_EPOCH`, `BUILDKIT_*`) are not reported.

        Turn it off when one `build.args` block is shared (through an anchor or `extends`) by services
        whose Dockerfiles need different arguments, so unused keys are expected.

        ## Why is this bad?

        An argument without a matching `ARG` is silently dropped (BuildKit only warns that it was
        not consumed): the image is built with the Dockerfile's defaults, not the version or flag the
        compose file sets. It is usually a typo, or an `ARG` that was renamed or moved into a stage
        the target does not build.

        ## Example

        ```yaml
        services:
          api:
            build:
              args:
                NODE_VERSON: "22"
              dockerfile_inline: |
                ARG NODE_VERSION=20
                FROM node:$${NODE_VERSION}-alpine
        ```

        ## Use instead

        ```yaml
        services:
          api:
            build:
              args:
                NODE_VERSION: "22"
              dockerfile_inline: |
                ARG NODE_VERSION=20
                FROM node:$${NODE_VERSION}-alpine
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterServiceAction(context =>
        {
            if (context.Build is not { Dockerfile: { } model, TargetStage: { } target } build || build.Build.Args.IsEmpty)
            {
                return;
            }

            var declared = BuildStages.DeclaredArgs(model, BuildStages.Closure(model, target));
            var where = build.Build.Target is null ? "in the stages the build involves" : $"in the stages the target '{target.From.StageName?.Text}' involves";
            foreach (var arg in build.Build.Args)
            {
                if (!declared.Contains(arg.Key) && !s_predefined.Contains(arg.Key) && !arg.Key.StartsWith("BUILDKIT_", StringComparison.Ordinal))
                {
                    context.Report(arg.KeyNode, context.Service.Name, arg.Key, where);
                }
            }
        });
    }
}
