using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>The final image defines no HEALTHCHECK: neither its stage nor the stages it is built on.</summary>
public sealed class DF3002MissingHealthcheck : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3002",
        "No HEALTHCHECK in the final image",
        "{0}",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "Neither the final stage nor the stages it is built on define a HEALTHCHECK, so Docker can only tell whether the process runs, not whether it works.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
        ["hadolint:DL3057", "checkov:CKV_DOCKER_2", "trivy:DS-0026", "kics:b03a748a-542d-44f4-bb86-9199ab4fd2d5"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Looks for a `HEALTHCHECK` in the final stage and in the stages it is built on (`FROM base`,
        nearest first), and reports the final `FROM` when there is none. `HEALTHCHECK NONE` counts as a
        decision: it explicitly turns off a check inherited from the base image (for example because an
        orchestrator probes the container instead), so it is not reported. A `HEALTHCHECK` inside
        `ONBUILD` does not count, since it only applies to images built from this one.

        A final stage on `scratch` is checked like any other when it runs something (a static binary
        with `ENTRYPOINT` or `CMD`): the check then has to be in exec form, with a probe built into
        the binary. A `scratch` image that runs nothing — an export stage holding build output for
        `docker build --output` — is not reported. A healthcheck the base image itself defines cannot be
        seen in the Dockerfile; the message says so.

        The final stage is the last one, or the stage named by the option `target` (what
        `docker build --target` builds, by name or index).

        Turn it off when an orchestrator probes the containers itself (Kubernetes liveness and
        readiness probes ignore `HEALTHCHECK`), or write `HEALTHCHECK NONE` to record that decision in
        the file.

        ## Why is this bad?

        Without a health check Docker only knows whether the main process is alive. A server that
        deadlocks, loses its database or stops answering keeps the status `running`; Compose's
        `depends_on: condition: service_healthy`, Swarm's rolling updates and restart automation then
        act on a container that does not work.

        The rule fires on practically every official image: the Docker Official Images leave the
        health check to the user on purpose, because what "healthy" means (which port, which query,
        which credentials) depends on how the image is configured and deployed. It stays on because an
        application image knows its own probe. A team that deploys only to Kubernetes, which ignores
        `HEALTHCHECK` and runs its own liveness and readiness probes, or that builds base images, turns
        it off.

        ## Example

        ```dockerfile
        FROM nginx:1.27
        COPY site/ /usr/share/nginx/html/
        ```

        ## Use instead

        ```dockerfile
        FROM nginx:1.27
        COPY site/ /usr/share/nginx/html/
        HEALTHCHECK --interval=30s --timeout=3s --retries=3 \
          CMD curl -fsS http://localhost/ || exit 1
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterFileAction(CheckFinalStage);

    private static void CheckFinalStage(DockerfileContext context)
    {
        if (StageReferences.Built(context) is not { } final)
        {
            return;
        }

        var chain = new[] { final }.Concat(final.Ancestors()).ToList();
        if (chain.Any(stage => stage.OfType<HealthcheckInstruction>().Any(h => !h.IsTrigger)))
        {
            // HEALTHCHECK CMD defines a check; HEALTHCHECK NONE is an explicit decision to have none.
            return;
        }

        var root = chain[^1];
        var runsSomething = chain.Any(stage => stage.Instructions.Any(i => i is CmdInstruction or EntrypointInstruction));
        if (root.BaseKind == ImageSourceKind.Scratch && !runsSomething)
        {
            return;
        }

        var message = root.BaseKind switch
        {
            ImageSourceKind.Scratch =>
                "No HEALTHCHECK in the final image, so Docker cannot tell when the container stops working; a scratch image has no shell, so add HEALTHCHECK CMD [\"/app\", \"healthcheck\"] (exec form) with a probe built into the binary",
            ImageSourceKind.Image =>
                $"No HEALTHCHECK in the final image, so Docker cannot tell when the container stops working (unless {root.From.ImageText!.Value} defines one, which the Dockerfile does not show); add HEALTHCHECK CMD … or HEALTHCHECK NONE to state there is none",
            _ =>
                "No HEALTHCHECK in the final image, so Docker cannot tell when the container stops working (unless the base image, unknown here, defines one); add HEALTHCHECK CMD … or HEALTHCHECK NONE to state there is none",
        };
        context.Report(final.From.KeywordSpan, message);
    }
}
