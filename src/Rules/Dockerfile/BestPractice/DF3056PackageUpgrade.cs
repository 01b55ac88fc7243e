using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>Every installed package is upgraded in a RUN (<c>apt-get upgrade</c>, <c>apk upgrade</c>, <c>yum update</c>…). Opt-in.</summary>
public sealed class DF3056PackageUpgrade : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DF3056",
        "All packages upgraded in a build",
        "'{0}' upgrades every installed package to whatever the mirror serves today; rebuild on a newer base image instead",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "A RUN upgrades all installed packages, so the image depends on the day of the build rather than on its base image.",
        "reproducibility");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Off by default. Reports upgrades of everything installed: `apt-get upgrade` / `apt upgrade`,
        `apk upgrade`, `yum`/`dnf`/`microdnf`/`tdnf` `update` or `upgrade` and `zypper update` written without
        package names. Upgrading named packages (`apk upgrade openssl`, `dnf update -y curl`) is not
        reported, nor are the distribution upgrades of DF3055. No other linter covers plain upgrades (Trivy's
        deprecated DS-0024 only looked at `dist-upgrade`).

        Why opt-in: the advice is contested. Upgrading in the build pulls in security fixes that the base
        image may not have yet, and many hardening guides recommend it; reproducibility-minded teams prefer
        to take fixes only from a newer base image. Turn it on when the second policy is yours.

        ## Why is this bad?

        The packages of the image become whatever the mirror serves on the day of the build, so two builds of
        the same commit differ, the image no longer matches the base image tag, and the layer repeats most
        of the base image's files (they are rewritten by the upgrade).

        ## Example

        ```dockerfile
        FROM alpine:3.20
        RUN apk upgrade --no-cache
        ```

        ## Use instead

        ```dockerfile
        FROM alpine:3.20.3
        RUN apk add --no-cache curl
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<RunInstruction>(Check);

    private static void Check(InstructionContext<RunInstruction> context)
    {
        foreach (var invocation in PackageManagerRules.Invocations(context.Instruction))
        {
            var upgradesAll = (invocation.Manager, invocation.Subcommand) switch
            {
                (PackageManager.Apt or PackageManager.Apk, "upgrade") => true,
                (PackageManager.Yum or PackageManager.Dnf or PackageManager.Microdnf or PackageManager.Tdnf, "update" or "upgrade") => true,
                (PackageManager.Zypper, "update") => true,
                _ => false,
            };
            if (upgradesAll && invocation.Packages.IsEmpty)
            {
                context.Report(PackageManagerRules.CommandSpan(invocation), PackageManagerRules.Display(invocation));
            }
        }
    }
}
