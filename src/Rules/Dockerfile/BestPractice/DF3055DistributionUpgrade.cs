using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary><c>apt-get dist-upgrade</c>/<c>full-upgrade</c> or <c>zypper dist-upgrade</c> in a RUN.</summary>
public sealed class DF3055DistributionUpgrade : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3055",
        "Distribution upgrade in a build",
        "'{0}' may add and remove packages (and, for zypper, move to another release); rebuild on a newer base image instead",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "dist-upgrade and full-upgrade may install new packages, remove others or change the distribution release, so the image drifts from its base.",
        "reproducibility");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL3035", "trivy:DS-0024"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports `apt-get dist-upgrade`, `apt-get full-upgrade` (and the same with `apt`) and
        `zypper dist-upgrade` / `zypper dup` in a RUN, ONBUILD RUN and nested scripts included; the finding
        sits on the command. A plain `upgrade` is the opt-in rule DF3056. A non-POSIX SHELL turns the rule off.

        Turn it off for images built on a rolling distribution (openSUSE Tumbleweed), which is
        upgraded with `zypper dup` by design.

        ## Why is this bad?

        A distribution upgrade resolves conflicts by installing new packages and removing installed ones,
        and `zypper dup` follows whatever repositories are configured, which can move the image to another
        release. The result depends on the day of the build and no longer matches the base image tag you
        pinned. Take the fixes from a newer base image (rebuild on `debian:12` as it is republished, or
        bump the tag) and install only what you need.

        ## Example

        ```dockerfile
        FROM debian:12
        RUN apt-get update && apt-get dist-upgrade -y && rm -rf /var/lib/apt/lists/*
        ```

        ## Use instead

        ```dockerfile
        FROM debian:12
        RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<RunInstruction>(Check);

    private static void Check(InstructionContext<RunInstruction> context)
    {
        foreach (var invocation in PackageManagerRules.Invocations(context.Instruction))
        {
            if (invocation is { Manager: PackageManager.Apt, Subcommand: "dist-upgrade" or "full-upgrade" } or { Manager: PackageManager.Zypper, Subcommand: "dist-upgrade" })
            {
                context.Report(PackageManagerRules.CommandSpan(invocation), PackageManagerRules.Display(invocation));
            }
        }
    }
}
