using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Correctness;

/// <summary>A RUN only refreshes the package index (<c>apt-get update</c>, <c>apk update</c>…) and installs nothing.</summary>
public sealed class DF2061PackageIndexUpdateAlone : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF2061",
        "Package index refreshed in a RUN of its own",
        "This RUN only runs '{0}'; its layer is cached, so a later install reads a stale index; refresh and install in the same RUN",
        RuleCategories.Correctness,
        DiagnosticSeverity.Warning,
        "A RUN refreshes the package index without installing anything; the cached layer keeps an old index that later installs rely on.",
        "reliability",
        "reproducibility");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
        ["trivy:DS-0017", "kics:9bae49be-0aa3-4de5-bab2-4c3a069e40cd", "checkov:CKV_DOCKER_5"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a RUN whose only work is refreshing a package index: `apt-get update` / `apt update`,
        `apk update`, `zypper refresh`, or `yum`/`dnf`/`tdnf makecache`, with nothing else than
        `set`, `echo`, `true` or other refreshes beside it. A RUN that also installs, upgrades or runs any
        other program (a script that may install) is not reported, and neither is `yum update` or
        `dnf update` alone — those upgrade packages, they do not only refresh an index (Trivy and Checkov
        report them anyway). ONBUILD RUN is checked; a non-POSIX SHELL turns the rule off.

        Turn it off if you always build with `--no-cache`, so that no layer is ever reused.

        ## Why is this bad?

        Docker caches each layer by its instruction text. `RUN apt-get update` never changes, so after the
        first build its layer is reused for months while the `RUN apt-get install …` below it changes:
        the install then asks mirrors for package versions that no longer exist (`404 Not Found`) or
        installs outdated ones. Refreshing and installing in one RUN keeps them in step.

        ## Example

        ```dockerfile
        FROM ubuntu:24.04
        RUN apt-get update
        RUN apt-get install -y --no-install-recommends curl
        ```

        ## Use instead

        ```dockerfile
        FROM ubuntu:24.04
        RUN apt-get update \
         && apt-get install -y --no-install-recommends curl \
         && rm -rf /var/lib/apt/lists/*
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<RunInstruction>(Check);

    private static void Check(InstructionContext<RunInstruction> context)
    {
        var script = ShellScript.Parse(context.Instruction);
        var refreshes = script.Packages.Where(IsRefresh).ToList();
        if (refreshes.Count == 0)
        {
            return;
        }

        var refreshCommands = refreshes.Select(r => r.Command).ToHashSet();
        var alone = script.Commands.All(c => refreshCommands.Contains(c) || c.Program is null
            || c.Name is "set" or "echo" or "printf" or "true" or ":" or "export");
        if (alone)
        {
            var first = refreshes[0];
            context.Report(PackageManagerRules.CommandSpan(first), PackageManagerRules.Display(first));
        }
    }

    private static bool IsRefresh(PackageInvocation invocation) => (invocation.Manager, invocation.Subcommand) switch
    {
        (PackageManager.Apt or PackageManager.Apk, "update") => true,
        (PackageManager.Zypper, "refresh") => true,
        (PackageManager.Yum or PackageManager.Dnf or PackageManager.Tdnf or PackageManager.Microdnf, "makecache") => true,
        _ => false,
    };
}
