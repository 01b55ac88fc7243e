using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>A package manager leaves its download cache or index in a layer of the final image.</summary>
public sealed class DF3053PackageCacheInLayer : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3053",
        "Package manager cache left in the image",
        "'{0}' leaves {1} in the layer; {2} in the same RUN, or use a cache mount",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "A package manager's index or download cache is written and not removed in the same RUN, so it stays in the image.",
        "image-size");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
    [
        "hadolint:DL3009",
        "hadolint:DL3019",
        "hadolint:DL3032",
        "hadolint:DL3036",
        "hadolint:DL3040",
        "hadolint:DL3042",
        "hadolint:DL3060",
        "trivy:DS-0015",
        "trivy:DS-0019",
        "trivy:DS-0020",
        "trivy:DS-0025",
        "trivy:DS-0027",
        "kics:df746b39-6564-4fed-bf85-e9c44382303c",
        "kics:ae9c56a6-3ed1-4ac0-9b54-31267f51151d",
        "kics:f2f903fb-b977-461e-98d7-b3e2185c6118",
        "kics:00481784-25aa-4a55-8633-3136dfcf4f37",
        "kics:295acb63-9246-4b21-b441-7c1f1fb62dc0",
        "kics:38300d1a-feb2-4a48-936a-d1ef1cd24313",
    ];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports, once per RUN and package manager, a command that fills a cache nobody removes in the same
        RUN:

        | Command | Accepted cleanup in the same RUN |
        |---|---|
        | `apt-get update` / `apt update` (the package lists) | `rm -rf /var/lib/apt/lists/*`, `apt-get dist-clean` (apt 2.9+) |
        | `apk add`, `apk upgrade`, `apk update` | `--no-cache` (or `--no-network`), `rm -rf /var/cache/apk/*`, `apk cache clean` |
        | `pip install` | `--no-cache-dir`, `PIP_NO_CACHE_DIR` (ENV, ARG or before the command), `pip cache purge`, `rm -rf ~/.cache/pip` |
        | `yarn install`, `yarn add` | `yarn cache clean` |
        | `yum`/`dnf`/`microdnf`/`tdnf` `install`, `update`, `upgrade`… | `<tool> clean all`, `rm -rf /var/cache/yum` (`dnf`, `tdnf`) |
        | `zypper install`, `update`, `dist-upgrade`, `patch` | `zypper clean` (`zypper cc`), `rm -rf /var/cache/zypp` |

        A BuildKit cache mount on the cache's path (`RUN --mount=type=cache,target=/var/lib/apt/lists …`,
        `target=/root/.cache/pip`, `/var/cache/apk`, `/var/cache/dnf`…) also satisfies the rule: the cache
        then never enters the layer.

        Only layers that end up in the final image are checked: the final stage, the stages it is built
        `FROM`, and ONBUILD RUN. A builder stage whose files are copied out with `COPY --from` can keep
        its caches. A cleanup in a later RUN does not count — the files are already in the earlier layer.
        npm's cache is not reported (npm keeps it outside the project and no peer tool reports it).
        A non-POSIX SHELL turns the rule off.

        Turn it off if you squash your images (`docker build --squash`, or a single-layer export),
        where a later removal does shrink the image, or only build throwaway CI images.

        ## Why is this bad?

        Each RUN is a layer, and a file deleted in a later layer still ships in the earlier one. Package
        lists and caches are tens to hundreds of megabytes that every pull downloads and every
        container carries, and stale package lists in an image also invite `apt-get install` without an
        update later.

        ## Example

        ```dockerfile
        FROM debian:12
        RUN apt-get update && apt-get install -y --no-install-recommends curl
        ```

        ## Use instead

        ```dockerfile
        FROM debian:12
        RUN apt-get update && apt-get install -y --no-install-recommends curl \
         && rm -rf /var/lib/apt/lists/*
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<RunInstruction>(Check);

    private static void Check(InstructionContext<RunInstruction> context)
    {
        if (!PackageManagerRules.InFinalImage(context.Model, context.Instruction))
        {
            return;
        }

        var reported = new HashSet<PackageManager>();
        foreach (var invocation in PackageManagerRules.Invocations(context.Instruction))
        {
            if (invocation.CleansCache || Cache(invocation) is not { } cache || !reported.Add(Family(invocation.Manager)))
            {
                continue;
            }

            context.Report(PackageManagerRules.CommandSpan(invocation), PackageManagerRules.Display(invocation), cache.What, cache.Cleanup);
        }
    }

    private static PackageManager Family(PackageManager manager)
        => manager is PackageManager.Dnf or PackageManager.Microdnf or PackageManager.Tdnf ? PackageManager.Yum : manager;

    private static (string What, string Cleanup)? Cache(PackageInvocation invocation) => (invocation.Manager, invocation.Subcommand) switch
    {
        (PackageManager.Apt, "update") => ("the package lists in /var/lib/apt/lists", "remove them with 'rm -rf /var/lib/apt/lists/*'"),
        (PackageManager.Apk, "update") => ("the package index in /var/cache/apk", "drop it and use 'apk add --no-cache', which fetches a fresh index (or remove /var/cache/apk/*)"),
        (PackageManager.Apk, "add" or "upgrade") => ("the package index in /var/cache/apk", "use --no-cache (or remove /var/cache/apk/*)"),
        (PackageManager.Pip, "install") => ("downloaded packages in ~/.cache/pip", "add --no-cache-dir (or set PIP_NO_CACHE_DIR=1)"),
        (PackageManager.Yarn, "install" or "add") => ("its package cache", "run 'yarn cache clean'"),
        (PackageManager.Yum or PackageManager.Dnf or PackageManager.Microdnf or PackageManager.Tdnf,
            "install" or "update" or "upgrade" or "reinstall" or "groupinstall" or "localinstall" or "makecache" or "distro-sync" or "module install")
            => ("metadata and packages in /var/cache", $"run '{invocation.Tool} clean all'"),
        (PackageManager.Zypper, "install" or "update" or "dist-upgrade" or "patch" or "source-install") => ("metadata and packages in /var/cache/zypp", "run 'zypper clean --all'"),
        _ => null,
    };
}
