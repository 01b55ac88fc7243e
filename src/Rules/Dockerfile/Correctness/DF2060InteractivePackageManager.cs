using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Correctness;

/// <summary>A package manager that asks for confirmation runs without its "yes" flag (apt-get, yum, dnf, tdnf, zypper, pip uninstall).</summary>
public sealed class DF2060InteractivePackageManager : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF2060",
        "Package manager waits for a confirmation",
        "'{0}' asks for confirmation and a build cannot answer, so it aborts; add {1}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Warning,
        "A package manager command that asks 'Do you want to continue?' runs without -y (or its equivalent); during a build nobody answers and the command aborts.",
        "reliability");

    private static readonly string[] s_aptNeedles = ["Assume-Yes", "AssumeYes"];
    private static readonly string[] s_aptDirectories = ["apt.conf"];
    private static readonly string[] s_yumNeedles = ["assumeyes"];
    private static readonly string[] s_yumDirectories = ["yum.conf", "dnf.conf", "tdnf.conf", "/etc/yum", "/etc/dnf", "/etc/tdnf"];

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
    [
        "hadolint:DL3014",
        "hadolint:DL3030",
        "hadolint:DL3034",
        "hadolint:DL3038",
        "trivy:DS-0021",
        "kics:77783205-c4ca-4f80-bb80-c777f267c547",
        "kics:6e19193a-8753-436d-8a09-76dcff91bb03",
        "kics:7ebd323c-31b7-4e5b-b26f-de5e9e477af8",
        "kics:45e1fca5-f90e-465d-825f-c2cb63fa3944",
    ];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports package-manager commands that change packages and may stop to ask for confirmation, written
        without the flag that answers it: `apt-get`/`apt` `install`, `upgrade`, `dist-upgrade`, `remove`,
        `purge`, `autoremove`, `build-dep` without `-y`/`--yes`/`--assume-yes` (or `-qq`, which implies it);
        `yum`/`dnf`/`tdnf` `install`, `update`, `remove`… without `-y`/`--assumeyes`; `zypper install`,
        `update`, `dist-upgrade`… without `-n`/`--non-interactive` (before the subcommand) or `-y`/`--no-confirm`;
        and `pip uninstall` without `-y`. Combined short flags (`-qy`) count, and so does an answer piped in from
        `yes`, `echo` or `printf`. `apk`, `microdnf` and `pip install` never ask and are not reported.

        Commands are found wherever the shell runs them (after `&&`, in `if` branches, `sh -c "…"`, heredoc
        scripts, ONBUILD RUN), and `sudo`, `env` or `DEBIAN_FRONTEND=…` before them change nothing. It stays
        quiet when an earlier instruction of the stage chain sets the answer in the manager's configuration
        (`APT::Get::Assume-Yes` in apt.conf.d, `assumeyes=1` in yum.conf or dnf.conf, or a COPY into those
        directories), when an argument is an unknown variable (`apt-get install $APT_FLAGS curl` may hold `-y`),
        and under a non-POSIX SHELL (PowerShell, cmd).

        Do not turn it off: the missing answer fails the build on the day apt wants an extra
        dependency. When a wrapper or a base image's configuration answers the question in a way the
        rule cannot see, suppress that line with `# dockerlint ignore=DF2060`.

        ## Why is this bad?

        The command reads its answer from standard input, which is empty during `docker build`: apt-get
        prints `Abort.` and the build fails — but only on the day an extra dependency appears, because apt
        asks only when it installs more than what you named. Saying yes explicitly makes the build behave the
        same every time. `DEBIAN_FRONTEND=noninteractive` does not help: it silences debconf questions, not
        apt's confirmation.

        ## Example

        ```dockerfile
        FROM debian:12
        RUN apt-get update && apt-get install --no-install-recommends curl
        ```

        ## Use instead

        ```dockerfile
        FROM debian:12
        RUN apt-get update && apt-get install -y --no-install-recommends curl
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<RunInstruction>(Check);

    private static void Check(InstructionContext<RunInstruction> context)
    {
        foreach (var invocation in PackageManagerRules.Invocations(context.Instruction))
        {
            if (invocation.AssumesYes || Fix(invocation) is not { } fix || invocation.Command.Arguments.Any(a => !a.IsLiteral && a.Text.StartsWith('$')))
            {
                continue;
            }

            var configured = invocation.Manager switch
            {
                PackageManager.Apt => PackageManagerRules.ConfiguredEarlier(context.Instruction, s_aptNeedles, s_aptDirectories),
                PackageManager.Yum or PackageManager.Dnf or PackageManager.Tdnf => PackageManagerRules.ConfiguredEarlier(context.Instruction, s_yumNeedles, s_yumDirectories),
                _ => false,
            };
            if (configured)
            {
                continue;
            }

            context.Report(PackageManagerRules.CommandSpan(invocation), PackageManagerRules.Display(invocation), fix);
        }
    }

    /// <summary>The flag to add when the subcommand may ask; null when it never asks.</summary>
    private static string? Fix(PackageInvocation invocation) => invocation.Manager switch
    {
        PackageManager.Apt when invocation.Subcommand is "install" or "upgrade" or "dist-upgrade" or "full-upgrade"
            or "remove" or "purge" or "autoremove" or "autopurge" or "build-dep" or "reinstall" or "satisfy" => "-y",
        PackageManager.Yum or PackageManager.Dnf or PackageManager.Tdnf when invocation.Subcommand is "install" or "update" or "upgrade" or "remove"
            or "reinstall" or "downgrade" or "groupinstall" or "groupupdate" or "groupremove" or "localinstall" or "autoremove" or "distro-sync"
            or "swap" or "upgrade-minimal" or "update-minimal" or "module install" => "-y",
        PackageManager.Zypper when invocation.Subcommand is "install" or "remove" or "update" or "patch" or "dist-upgrade" or "source-install"
            or "install-new-recommends" => "-n (zypper -n install) or -y",
        PackageManager.Pip when invocation.Subcommand == "uninstall" => "-y",
        _ => null,
    };
}
