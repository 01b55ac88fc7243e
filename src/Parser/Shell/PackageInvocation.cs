using System.Collections.Immutable;

namespace DockerLint.Parser.Shell;

/// <summary>A package manager <see cref="PackageInvocation"/> recognises.</summary>
public enum PackageManager
{
    /// <summary><c>apt-get</c>, <c>apt</c>, <c>aptitude</c>.</summary>
    Apt,

    /// <summary><c>apk</c> (Alpine).</summary>
    Apk,

    /// <summary><c>pip</c>, <c>pip3</c>, <c>pip3.12</c>, <c>python -m pip</c>.</summary>
    Pip,

    /// <summary><c>npm</c>.</summary>
    Npm,

    /// <summary><c>yarn</c>.</summary>
    Yarn,

    /// <summary><c>pnpm</c>.</summary>
    Pnpm,

    /// <summary><c>gem</c>.</summary>
    Gem,

    /// <summary><c>go install</c>, <c>go get</c>.</summary>
    Go,

    /// <summary><c>yum</c>.</summary>
    Yum,

    /// <summary><c>dnf</c>, <c>dnf5</c>.</summary>
    Dnf,

    /// <summary><c>microdnf</c>.</summary>
    Microdnf,

    /// <summary><c>tdnf</c>.</summary>
    Tdnf,

    /// <summary><c>zypper</c>.</summary>
    Zypper,

    /// <summary><c>rpm</c>.</summary>
    Rpm,
}

/// <summary>What a <see cref="PackageArgument"/> names.</summary>
public enum PackageArgumentKind
{
    /// <summary>A package from a repository, maybe with a version (<c>curl</c>, <c>curl=7.88.1-10</c>, <c>flask==3.0</c>).</summary>
    Package,

    /// <summary>A word holding an expansion or a glob (<c>$PKGS</c>, <c>lib*</c>): its value is unknown.</summary>
    Unknown,

    /// <summary>A requirements or constraints file (<c>pip install -r requirements.txt</c>).</summary>
    RequirementsFile,

    /// <summary>A local directory or project (<c>.</c>, <c>./pkg</c>, <c>/src</c>, <c>pip install -e .</c>, <c>go install ./...</c>).</summary>
    Path,

    /// <summary>A URL or VCS reference (<c>https://…</c>, <c>git+https://…</c>, <c>github:user/repo</c>).</summary>
    Url,

    /// <summary>A package file (<c>.deb</c>, <c>.rpm</c>, <c>.apk</c>, <c>.whl</c>, <c>.tar.gz</c>, <c>.tgz</c>, <c>.gem</c>).</summary>
    Archive,

    /// <summary>A group or pattern (<c>yum install @development</c>, <c>zypper install pattern:devel</c>).</summary>
    Group,
}

/// <summary>An operand of a package-manager invocation.</summary>
/// <param name="Word">The word as written.</param>
/// <param name="Kind">What the word names.</param>
/// <param name="Name">The package name without its version (the whole text for other kinds).</param>
/// <param name="Version">
/// The version constraint as written after the name, operator included where the manager has one
/// (<c>=7.88.1-10</c>, <c>==1.0</c>, <c>&gt;=1</c>, <c>@1.2</c>, <c>-1.2.3</c>, <c>:2.3</c>, or the value of
/// gem's <c>--version</c>); null when the package is not pinned.
/// </param>
public sealed record PackageArgument(ShellWordToken Word, PackageArgumentKind Kind, string Name, string? Version)
{
    /// <summary>True for a repository package written without any version.</summary>
    public bool IsUnpinnedPackage => Kind == PackageArgumentKind.Package && Version is null;
}

/// <summary>
/// A package-manager command of a <see cref="ShellScript"/>: the manager, its subcommand (normalised:
/// <c>i</c> → <c>install</c>, <c>dup</c> → <c>dist-upgrade</c>, <c>rpm -ivh</c> → <c>install</c>), its options
/// (with helpers that understand combined short flags), the packages it names with their version pins, and
/// whether the package cache is cleaned in the same RUN (a flag, a later cleanup command, or a BuildKit cache
/// mount on the cache's path).
/// </summary>
public sealed class PackageInvocation
{
    internal PackageInvocation(
        ShellCommand command,
        PackageManager manager,
        ShellWordToken program,
        ShellWordToken? subcommandWord,
        string? subcommand,
        ImmutableArray<ShellWordToken> options,
        ImmutableArray<PackageArgument> packages)
    {
        Command = command;
        Manager = manager;
        ProgramWord = program;
        SubcommandWord = subcommandWord;
        Subcommand = subcommand;
        Options = options;
        Packages = packages;
    }

    /// <summary>The shell command.</summary>
    public ShellCommand Command { get; }

    /// <summary>The package manager.</summary>
    public PackageManager Manager { get; }

    /// <summary>The program word (<c>apt-get</c>, <c>/usr/bin/pip3</c>, <c>python3</c> for <c>python3 -m pip</c>).</summary>
    public ShellWordToken ProgramWord { get; }

    /// <summary>The tool's name as written without a directory (<c>apt</c> and <c>apt-get</c> are both <see cref="PackageManager.Apt"/>).</summary>
    public string Tool => ProgramWord.CommandName;

    /// <summary>The subcommand word as written (for rpm, the mode option such as <c>-ivh</c>).</summary>
    public ShellWordToken? SubcommandWord { get; }

    /// <summary>The subcommand, normalised and lower case (<c>install</c>, <c>add</c>, <c>update</c>, <c>upgrade</c>, <c>dist-upgrade</c>, <c>clean</c>, <c>remove</c>…); null when none.</summary>
    public string? Subcommand { get; }

    /// <summary>The option words (starting with <c>-</c>), before and after the subcommand, without their separate values.</summary>
    public ImmutableArray<ShellWordToken> Options { get; }

    /// <summary>The operands after the subcommand, classified.</summary>
    public ImmutableArray<PackageArgument> Packages { get; }

    /// <summary>True when the subcommand installs packages (<c>install</c>, <c>add</c>, <c>reinstall</c>, <c>get</c> for go…).</summary>
    public bool IsInstall => Subcommand is "install" or "add" or "reinstall" or "get" or "groupinstall" or "localinstall" or "ci";

    /// <summary>True for <c>npm -g</c>, <c>yarn global add</c>, <c>pnpm add -g</c>.</summary>
    public bool IsGlobal { get; internal set; }

    /// <summary>
    /// True when the command will not stop for a confirmation: <c>-y</c>, <c>--yes</c>, <c>--assume-yes</c>,
    /// <c>-qq</c> or <c>-s</c> (apt), <c>--assumeyes</c> (yum/dnf), <c>-n</c>/<c>--non-interactive</c>/<c>--no-confirm</c> (zypper),
    /// <c>-o APT::Get::Assume-Yes=true</c>, input piped from <c>yes</c>, or a manager that never asks (apk, microdnf, pip install, npm…).
    /// </summary>
    public bool AssumesYes { get; internal set; }

    /// <summary>
    /// True when the manager's download cache (for apt: the package lists) does not stay in the layer: a flag
    /// (<c>apk --no-cache</c> or <c>--no-network</c>, <c>pip --no-cache-dir</c>, <c>PIP_NO_CACHE_DIR</c>), a cleanup later in the same RUN
    /// (<c>rm -rf /var/lib/apt/lists/*</c>, <c>apt-get dist-clean</c>, <c>yum clean all</c>, <c>zypper clean</c>, <c>yarn cache clean</c>…), or a
    /// BuildKit cache mount on the cache's path. Always false for gem, go and rpm, which have no cache rule.
    /// </summary>
    public bool CleansCache { get; internal set; }

    /// <summary>The option word matching one of <paramref name="names"/>: <c>--name</c>, <c>--name=value</c>, or a single-letter <c>-x</c> also inside combined short flags (<c>-qy</c>).</summary>
    public ShellWordToken? FindOption(params string[] names)
    {
        foreach (var option in Options)
        {
            var text = option.Text;
            foreach (var name in names)
            {
                if (text == name || (name.StartsWith("--", StringComparison.Ordinal) && text.StartsWith(name + "=", StringComparison.Ordinal)))
                {
                    return option;
                }

                if (name.Length == 2 && name[0] == '-' && name[1] != '-' && text.Length > 2 && text[0] == '-' && text[1] != '-'
                    && text.AsSpan(1).IndexOfAnyExcept(s_shortFlagLetters) < 0 && text.Contains(name[1], StringComparison.Ordinal))
                {
                    return option;
                }
            }
        }

        return null;
    }

    /// <summary>True when <see cref="FindOption"/> finds one of <paramref name="names"/>.</summary>
    public bool HasOption(params string[] names) => FindOption(names) is not null;

    private static readonly System.Buffers.SearchValues<char> s_shortFlagLetters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <inheritdoc />
    public override string ToString() => $"{Manager} {Subcommand}: {string.Join(' ', Packages.Select(p => p.Word.Text))}";
}
