using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Security;

/// <summary>The final image runs as root: its last USER is root/0, or no stage of its chain sets a USER.</summary>
public sealed class DF1001RootUser : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF1001",
        "Container runs as root",
        "{0}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "The last USER of the final stage is root, or no USER is set, so the container's processes run as root.",
        "CWE-250");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL3002", "trivy:DS-0002", "checkov:CKV_DOCKER_3", "checkov:CKV_DOCKER_8", "kics:fd54f200-402c-4333-a5a4-36ef6709af2f", "kics:67fd0c4a-68cf-46d7-8c41-bc9fba7e40ae"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 6.5;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Looks at the user the final image runs as: the last `USER` of the final stage, or of the
        stages it is built on (`FROM build`). It reports a `USER` that is `root` or `0` (with or
        without a group, and Windows' `ContainerAdministrator`), and a final image whose stages set
        no `USER` at all — then the base image decides, and most run as root. A `USER` inside
        `ONBUILD` that switches to root is reported too. A user given through a variable whose value
        is unknown is not reported, and neither are base images whose tag says `nonroot`.

        The final stage is the last one, or the stage named by the option `target` (what
        `docker build --target` builds, by name or index).

        Turn it off for images that must start as root by design and drop privileges themselves (init
        systems, images whose entrypoint switches user with `gosu` or `su-exec`); for one image, put
        `# dockerlint ignore=DF1001` above its `FROM` or `USER`.

        ## Why is this bad?

        A process that runs as root in a container is root on the host as soon as it escapes the
        container through a kernel or runtime flaw, and it can change everything inside the
        container meanwhile. Running as an unprivileged user is the first hardening step of every
        container benchmark (CIS Docker 4.1).

        The rule fires on most official images (nearly nine in ten of the Docker Official Images'
        Dockerfiles in our test corpus): they are base images that leave `USER` to the image built on
        them, and many start as root on purpose — to fix the ownership of a mounted volume or bind a
        low port — then drop to a service user in their entrypoint (`gosu`, `su-exec`). It stays on
        because an application image built on them runs as root unless it sets `USER` itself. A team
        that publishes base images, or whose entrypoint drops privileges, turns it off for those files
        (an `overrides` entry in `.dockerlint.yaml`) or suppresses it above the final `FROM`.

        ## Example

        ```dockerfile
        FROM node:22
        WORKDIR /app
        COPY . .
        CMD ["node", "server.js"]
        ```

        ## Use instead

        ```dockerfile
        FROM node:22
        WORKDIR /app
        COPY --chown=node:node . .
        USER node
        CMD ["node", "server.js"]
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
    {
        context.RegisterFileAction(CheckFinalStage);
        context.RegisterInstructionAction<UserInstruction>(CheckOnbuildUser);
    }

    private static void CheckFinalStage(DockerfileContext context)
    {
        if (StageReferences.Built(context) is not { } final)
        {
            return;
        }

        var chain = new[] { final }.Concat(final.Ancestors());
        var lastUser = chain
            .Select(stage => stage.OfType<UserInstruction>().LastOrDefault(u => !u.IsTrigger))
            .FirstOrDefault(u => u is not null);

        if (lastUser is not null)
        {
            if (lastUser.User is { } user && IsRoot(user))
            {
                context.Report(lastUser.UserSpan, $"The final image runs as root: USER {lastUser.Argument!.Value}; switch to an unprivileged user");
            }

            return;
        }

        var root = chain.Last();
        if (root.BaseKind == ImageSourceKind.Image && root.From.Image is { Tag: { } tag } && tag.Text.Contains("nonroot", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var baseText = root.BaseKind switch
        {
            ImageSourceKind.Scratch => "scratch, which runs as root",
            ImageSourceKind.Image => $"{root.From.ImageText!.Value}, whose default user DockerLint cannot see (most images use root)",
            _ => $"{root.From.ImageText?.Text ?? "an unknown image"}, which is not known statically",
        };
        context.Report(final.From.KeywordSpan, $"No USER is set, so the final image runs as the base image's user: {baseText}; add USER with an unprivileged user");
    }

    private static void CheckOnbuildUser(InstructionContext<UserInstruction> context)
    {
        var user = context.Instruction;
        if (user.IsTrigger && user.User is { } name && IsRoot(name))
        {
            context.Report(user.UserSpan, $"ONBUILD USER {user.Argument!.Value} makes every image built from this one run as root");
        }
    }

    /// <summary>True for root by name or id (<c>root</c>, <c>0</c>, Windows <c>ContainerAdministrator</c>).</summary>
    internal static bool IsRoot(string user)
        => user is "0" || string.Equals(user, "root", StringComparison.Ordinal)
            || string.Equals(user, "ContainerAdministrator", StringComparison.OrdinalIgnoreCase);
}
