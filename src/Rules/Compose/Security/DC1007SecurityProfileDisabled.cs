using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>
/// A service turns off a confinement Docker applies by default: <c>seccomp:unconfined</c>,
/// <c>apparmor:unconfined</c>, <c>label:disable</c>, <c>systempaths=unconfined</c> or
/// <c>no-new-privileges:false</c>.
/// </summary>
public sealed class DC1007SecurityProfileDisabled : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC1007",
        "Security profile disabled",
        "security_opt '{0}' {1} ({2}); keep the default profile or write a narrower one",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "The service turns off seccomp, AppArmor, SELinux labelling or the masking of /proc and /sys, which stand between root in the container and the host's kernel.",
        "CWE-693",
        "CWE-250");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:404fde2c-bc4b-4371-9747-7054132ac953"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 7.0;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports an entry of a service's `security_opt:` that switches a default protection off,
        written with `:` or `=`, in any case:

        - `seccomp:unconfined` — no system-call filter;
        - `apparmor:unconfined` — no AppArmor profile;
        - `label:disable` or `label:type:spc_t` — no SELinux separation;
        - `systempaths=unconfined` — `/proc` and `/sys` no longer masked or read-only;
        - `no-new-privileges:false` — written out, it undoes a daemon-wide `no-new-privileges`.

        A custom profile (`seccomp:./profile.json`, `apparmor:my-profile`) is not reported, nor is
        a value from an unknown variable. A service with no `security_opt` is left to DC1008.

        Turn it off for debugging set-ups (profilers, `strace`) that are never deployed.

        ## Why is this bad?

        Seccomp blocks the system calls most kernel exploits use, AppArmor and SELinux keep root in
        the container away from host files and processes, and the masked `/proc` and `/sys` paths
        hide kernel knobs. Each is a layer that has stopped real container escapes; turning one off
        to get a tool working leaves it off for everything else the container does.

        ## Example

        ```yaml
        services:
          app:
            image: example/app:1.4
            security_opt:
              - seccomp:unconfined
              - apparmor=unconfined
        ```

        ## Use instead

        ```yaml
        services:
          app:
            image: example/app:1.4
            security_opt:
              - no-new-privileges:true
              - seccomp:./seccomp/app.json   # the default profile plus the one call the app needs
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterProjectAction(context =>
        {
            var findings = new ServiceFindings(context);
            foreach (var service in context.Project.Services)
            {
                foreach (var option in service.SecurityOpt)
                {
                    if (option.Value is { } value && Describe(value) is { } what)
                    {
                        findings.Add(service, option.Node, option.Span, value, what);
                    }
                }
            }

            findings.ReportAll();
        });
    }

    /// <summary>What the option turns off, as a phrase; null when it turns nothing off.</summary>
    private static string? Describe(string option)
    {
        var (key, value) = Split(option);
        return (key, value) switch
        {
            ("seccomp", "unconfined") => "turns off the seccomp system-call filter",
            ("apparmor", "unconfined") => "turns off AppArmor",
            ("label", "disable") => "turns off SELinux separation",
            ("label", "type:spc_t") => "runs as SELinux's unconfined super-privileged type",
            ("systempaths", "unconfined") => "unmasks /proc and /sys",
            ("no-new-privileges", "false") => "lets processes gain privileges through setuid binaries",
            _ => null,
        };
    }

    /// <summary><c>seccomp:unconfined</c> or <c>seccomp=unconfined</c> → (seccomp, unconfined), lower case.</summary>
    internal static (string Key, string Value) Split(string option)
    {
        var text = option.Trim().ToLowerInvariant();
        var at = text.IndexOfAny([':', '=']);
        return at < 0 ? (text, "") : (text[..at].Trim(), text[(at + 1)..].Trim());
    }
}
