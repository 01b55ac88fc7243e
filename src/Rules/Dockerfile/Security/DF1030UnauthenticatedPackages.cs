using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Security;

/// <summary>Packages are installed with signature checks turned off (<c>--allow-untrusted</c>, <c>--allow-unauthenticated</c>, <c>--nogpgcheck</c>, <c>--nosignature</c>…).</summary>
public sealed class DF1030UnauthenticatedPackages : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF1030",
        "Package signatures not checked",
        "{0}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "A package manager is told to accept packages or repositories whose signatures are missing or wrong, so a tampered package would be installed.",
        "supply-chain",
        "CWE-494");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
        ["checkov:CKV2_DOCKER_7", "checkov:CKV2_DOCKER_8", "checkov:CKV2_DOCKER_9", "checkov:CKV2_DOCKER_10", "checkov:CKV2_DOCKER_11"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 7.5;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports the options that make a package manager install what it cannot authenticate:
        `apk add --allow-untrusted`; `apt-get`/`apt` `--allow-unauthenticated`, `--allow-insecure-repositories`,
        `--force-yes` and `-o APT::Get::AllowUnauthenticated=true` (or `Acquire::AllowInsecureRepositories`);
        `yum`/`dnf`/`tdnf`/`microdnf` `--nogpgcheck` and `--setopt=gpgcheck=0`; `zypper --no-gpg-checks` and
        `--allow-unsigned-rpm`; `rpm` installs with `--nosignature`, `--nodigest`, `--nofiledigest` or
        `--noverify`. It also reports repository definitions written by `echo`/`printf` in a RUN that switch
        checks off: `deb [trusted=yes] …` or `[allow-insecure=yes]` for apt, `gpgcheck=0` for yum/dnf.

        It stays quiet when the packages are local files only (`apk add --allow-untrusted /tmp/pkgs/x.apk`,
        `rpm -i --nosignature ./x.rpm`) and for a trusted `file:` or `copy:` apt source: these are packages
        the build compiled or verified itself (the official nginx and postgres images build packages and
        install them from a local repository this way), and they have no repository signature to check.
        `apk index --allow-untrusted` (indexing local packages) is not an install.

        The option is found wherever the command runs (nested `sh -c`, heredoc scripts, ONBUILD RUN), and
        the finding sits on the option itself. A non-POSIX SHELL turns the rule off.

        Turn it off only for throwaway test images that install from an unsigned repository of your
        own that the rule does not recognise as local.

        ## Why is this bad?

        Signatures are what tie a package to its distribution: mirrors, proxies and repositories served
        over plain HTTP are trusted only because every package and index is signed. Turning the check off
        means anyone on the path (or a compromised mirror) can substitute a package, and it will be
        installed as root into the image. When a repository has no key, import its key
        (`signed-by=`, `rpm --import`, `apk` keys) instead.

        ## Example

        ```dockerfile
        FROM alpine:3.20
        RUN apk add --no-cache --allow-untrusted --repository https://packages.example.com/alpine mytool
        ```

        ## Use instead

        ```dockerfile
        FROM alpine:3.20
        COPY keys/packages.example.com.rsa.pub /etc/apk/keys/
        RUN apk add --no-cache --repository https://packages.example.com/alpine mytool
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<RunInstruction>(Check);

    private static void Check(InstructionContext<RunInstruction> context)
    {
        var script = ShellScript.Parse(context.Instruction);
        foreach (var invocation in script.Packages)
        {
            if (InstallsLocalFilesOnly(invocation))
            {
                continue;
            }

            foreach (var option in invocation.Options)
            {
                if (Describe(invocation, option.Text) is { } problem)
                {
                    context.Report(option.Span, $"'{option.Text}' makes {PackageManagerRules.Display(invocation)} {problem}");
                }
            }

            var words = invocation.Command.Arguments;
            for (var i = 0; i + 1 < words.Length; i++)
            {
                var value = words[i + 1];
                if ((words[i].Text is "-o" or "--option" && invocation.Manager == PackageManager.Apt && IsAptInsecureOption(value.Text))
                    || (words[i].Text == "--setopt" && IsGpgCheckOff(value.Text)))
                {
                    context.Report(value.Span, $"'{value.Text}' makes {PackageManagerRules.Display(invocation)} accept packages whose signatures are not checked; import the repository's key instead");
                }
            }
        }

        foreach (var command in script.Commands.Where(c => c.Name is "echo" or "printf"))
        {
            foreach (var word in command.Arguments)
            {
                if ((word.Text.Contains("trusted=yes", StringComparison.OrdinalIgnoreCase) || word.Text.Contains("allow-insecure=yes", StringComparison.OrdinalIgnoreCase))
                    && !word.Text.Contains("file:", StringComparison.OrdinalIgnoreCase) && !word.Text.Contains("copy:", StringComparison.OrdinalIgnoreCase))
                {
                    context.Report(word.Span, "This apt source is marked trusted (or insecure), so apt installs its packages without checking signatures; give it its key with signed-by= instead");
                }
                else if (IsGpgCheckOff(word.Text))
                {
                    context.Report(word.Span, "This repository definition sets gpgcheck=0, so yum/dnf install its packages without checking signatures; import its key (rpm --import) instead");
                }
            }
        }
    }

    /// <summary>
    /// Every operand is a local package file or directory (<c>apk add --allow-untrusted /tmp/pkgs/*.apk</c>): files the
    /// build produced or checked itself, which have no repository signature to verify. Where they came from is
    /// what matters, and that is not this option's business.
    /// </summary>
    private static bool InstallsLocalFilesOnly(PackageInvocation invocation)
        => !invocation.Packages.IsEmpty && invocation.Packages.All(p => p.Kind is PackageArgumentKind.Archive or PackageArgumentKind.Path)
            && !invocation.Options.Any(o => o.Text is "-X" or "--repository");

    private static string? Describe(PackageInvocation invocation, string option)
    {
        const string Unchecked = "install packages whose signatures are not checked; import the signing key instead";
        return (invocation.Manager, option) switch
        {
            (PackageManager.Apk, "--allow-untrusted") when invocation.Subcommand is "add" or "upgrade" or "fix" => Unchecked,
            (PackageManager.Apt, "--allow-unauthenticated" or "--allow-insecure-repositories") => Unchecked,
            (PackageManager.Apt, "--force-yes") => "install unauthenticated packages (and downgrades) without asking; it is deprecated — use -y, and import the signing key",
            (PackageManager.Yum or PackageManager.Dnf or PackageManager.Tdnf or PackageManager.Microdnf, "--nogpgcheck") => Unchecked,
            (PackageManager.Yum or PackageManager.Dnf or PackageManager.Tdnf or PackageManager.Microdnf, _) when option.StartsWith("--setopt=", StringComparison.Ordinal) && IsGpgCheckOff(option) => Unchecked,
            (PackageManager.Zypper, "--no-gpg-checks" or "--no-gpg-check" or "--allow-unsigned-rpm") => Unchecked,
            (PackageManager.Rpm, "--nosignature" or "--nodigest" or "--nofiledigest" or "--noverify") when invocation.Subcommand == "install" => Unchecked,
            _ => null,
        };
    }

    private static bool IsAptInsecureOption(string value)
        => (value.Contains("AllowUnauthenticated", StringComparison.OrdinalIgnoreCase) || value.Contains("AllowInsecureRepositories", StringComparison.OrdinalIgnoreCase)
            || value.Contains("AllowDowngradeToInsecureRepositories", StringComparison.OrdinalIgnoreCase))
            && (value.EndsWith("=true", StringComparison.OrdinalIgnoreCase) || value.EndsWith("=1", StringComparison.Ordinal) || value.EndsWith("=yes", StringComparison.OrdinalIgnoreCase));

    private static bool IsGpgCheckOff(string value)
    {
        var at = value.IndexOf("gpgcheck=", StringComparison.OrdinalIgnoreCase);
        if (at < 0 || (at > 0 && (char.IsAsciiLetter(value[at - 1]) || value[at - 1] == '_')))
        {
            // repo_gpgcheck and localpkg_gpgcheck are other settings; only the package check is read.
            return false;
        }

        var rest = value[(at + "gpgcheck=".Length)..];
        return rest.StartsWith('0') || rest.StartsWith("false", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("no", StringComparison.OrdinalIgnoreCase);
    }
}
