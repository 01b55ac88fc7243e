using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>An OS package (apt, apk, yum, dnf, microdnf, tdnf, zypper) is installed without a version. Opt-in.</summary>
public sealed class DF3050UnpinnedOsPackage : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DF3050",
        "OS package installed without a version",
        "'{0}' is installed by {1} without a version; pin it ({2}) for a reproducible build",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "A distribution package is installed without a version, so each build may get another one.",
        "reproducibility");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
    [
        "hadolint:DL3008",
        "hadolint:DL3018",
        "hadolint:DL3033",
        "hadolint:DL3037",
        "hadolint:DL3041",
        "kics:965a08d7-ef86-4f14-8792-4a3b2098937e",
        "kics:d3499f6d-1651-41bb-a9a7-de925fea487b",
        "kics:6452c424-1d92-4deb-bb18-a03e95d579c4",
        "kics:93d88cf7-f078-46a8-8ddc-178e03aeacf1",
        "kics:562952e4-0348-4dea-9826-44f3a2c6117b",
    ];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Off by default; turn it on where exact OS package versions are policy. Reports each package named
        without a version by `apt-get`/`apt install` (`curl=7.88.1-10`), `apk add` (`curl=8.9.1-r0`, `~`, `<`, `>`),
        `yum`/`dnf`/`microdnf`/`tdnf install` (`curl-7.76.1`, `curl = …`) and `zypper install` (`curl=8.6.0`,
        `curl>=8`). The finding sits on the package word. Local files (`./x.deb`, `*.rpm`), URLs, groups
        (`@development`, `pattern:devel`) and words whose value is unknown (`$PACKAGES`, `lib*`) are not
        guessed at. ONBUILD RUN is checked; a non-POSIX SHELL turns the rule off.

        Why opt-in: pinning distribution packages is contested. Debian, Ubuntu and Alpine remove old
        versions from their mirrors when a fixed one ships, so a pinned `apt-get install curl=7.88.1-10`
        starts failing on the next security update, and teams that rebuild often prefer the newest patched
        packages of a release whose base image tag they already pin. Turn it on when builds must be
        reproducible byte for byte (and you run a mirror or snapshot service such as snapshot.debian.org).
        On the 3,008 real Dockerfiles of our corpus it reports about half of the files — the common practice is
        not to pin, which is the other reason it is off by default.

        ## Why is this bad?

        Without a version the package is whatever the mirror serves on the day of the build: two builds of
        the same Dockerfile can differ, and a new upstream version can change behaviour without any change
        in your repository.

        ## Example

        ```dockerfile
        FROM debian:12
        RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
        ```

        ## Use instead

        ```dockerfile
        FROM debian:12
        RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8 && rm -rf /var/lib/apt/lists/*
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<RunInstruction>(Check);

    private static void Check(InstructionContext<RunInstruction> context)
    {
        foreach (var invocation in PackageManagerRules.Invocations(context.Instruction))
        {
            if (Example(invocation) is not { } example)
            {
                continue;
            }

            foreach (var package in invocation.Packages.Where(p => p.IsUnpinnedPackage))
            {
                context.Report(package.Word.Span, package.Name, PackageManagerRules.Display(invocation), string.Format(System.Globalization.CultureInfo.InvariantCulture, example, package.Name));
            }
        }
    }

    /// <summary>How a pinned package is written for this manager, or null when the command installs nothing by name.</summary>
    private static string? Example(PackageInvocation invocation) => (invocation.Manager, invocation.Subcommand) switch
    {
        (PackageManager.Apt, "install") => "{0}=<version>",
        (PackageManager.Apk, "add") => "{0}=<version>",
        (PackageManager.Yum or PackageManager.Dnf or PackageManager.Microdnf or PackageManager.Tdnf, "install" or "reinstall") => "{0}-<version>",
        (PackageManager.Zypper, "install") => "{0}=<version>",
        _ => null,
    };
}
