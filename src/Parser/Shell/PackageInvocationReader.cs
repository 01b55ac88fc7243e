using System.Collections.Immutable;
using DockerLint.Parser.Model;

namespace DockerLint.Parser.Shell;

/// <summary>Finds and reads the package-manager commands of a <see cref="ShellScript"/>.</summary>
internal static class PackageInvocationReader
{
    /// <summary>Options that take a separate value, per manager (the value is neither subcommand nor package).</summary>
    private static readonly Dictionary<PackageManager, string[]> s_valueOptions = new()
    {
        [PackageManager.Apt] = ["-o", "--option", "-t", "--target-release", "--default-release", "-c", "--config-file", "-a", "--host-architecture"],
        [PackageManager.Apk] = ["-X", "--repository", "-t", "--virtual", "-p", "--root", "--arch", "--keys-dir", "--cache-dir", "--repositories-file"],
        [PackageManager.Pip] = ["-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--trusted-host",
            "--platform", "--python-version", "--implementation", "--abi", "--src", "--upgrade-strategy", "--progress-bar", "--log", "--cache-dir",
            "--timeout", "--retries", "--proxy", "--cert", "--client-cert", "--global-option", "--install-option", "--config-settings", "-C",
            "--only-binary", "--no-binary", "--report", "--python", "--exists-action", "--root-user-action", "--use-feature", "--use-deprecated"],
        [PackageManager.Npm] = ["--prefix", "--registry", "-w", "--workspace", "--omit", "--include", "--loglevel", "--cache", "--userconfig", "--tag"],
        [PackageManager.Yarn] = ["--cwd", "--registry", "--cache-folder", "--modules-folder", "--network-timeout", "--mutex", "--global-folder"],
        [PackageManager.Pnpm] = ["--dir", "-C", "--filter", "-F", "--registry", "--store-dir"],
        [PackageManager.Gem] = ["-i", "--install-dir", "-n", "--bindir", "--source", "-s", "-P", "--trust-policy", "--platform", "-g", "--file", "--build-root"],
        [PackageManager.Go] = ["-C", "-p", "-o", "-tags", "-ldflags", "-gcflags", "-asmflags", "-mod", "-modfile", "-pkgdir", "-toolexec", "-exec", "-buildmode", "-compiler", "-overlay", "-pgo"],
        [PackageManager.Yum] = ["--setopt", "--enablerepo", "--disablerepo", "--installroot", "--releasever", "-c", "--config", "-x", "--exclude", "--repo", "--repofrompath", "-d", "-e", "--disableplugin", "--enableplugin", "--forcearch"],
        [PackageManager.Zypper] = ["-t", "--type", "-r", "--repo", "--from", "-R", "--root", "-D", "--reposd-root", "--installroot", "-c", "--config"],
        [PackageManager.Rpm] = ["--root", "--dbpath", "--define", "-D", "--prefix", "--relocate"],
    };

    private static readonly ImmutableHashSet<string> s_archiveSuffixes = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, ".deb", ".rpm", ".apk", ".whl", ".tar.gz", ".tgz", ".tar.bz2", ".zip", ".gem", ".egg", ".tar.xz");

    public static ImmutableArray<PackageInvocation> Read(ShellScript script)
    {
        var result = ImmutableArray.CreateBuilder<PackageInvocation>();
        foreach (var command in script.Commands)
        {
            if (ReadCommand(command) is { } invocation)
            {
                invocation.AssumesYes = AssumesYes(invocation);
                invocation.CleansCache = CleansCache(script, invocation);
                result.Add(invocation);
            }
        }

        return result.ToImmutable();
    }

    private static PackageManager? ManagerOf(ShellCommand command, out int argStart)
    {
        argStart = 0;
        var name = command.Name;
        switch (name)
        {
            case "apt-get" or "apt" or "aptitude":
                return PackageManager.Apt;
            case "apk":
                return PackageManager.Apk;
            case "npm":
                return PackageManager.Npm;
            case "yarn" or "yarnpkg":
                return PackageManager.Yarn;
            case "pnpm":
                return PackageManager.Pnpm;
            case "gem":
                return PackageManager.Gem;
            case "go":
                return PackageManager.Go;
            case "yum":
                return PackageManager.Yum;
            case "dnf" or "dnf5" or "dnf-3":
                return PackageManager.Dnf;
            case "microdnf":
                return PackageManager.Microdnf;
            case "tdnf":
                return PackageManager.Tdnf;
            case "zypper":
                return PackageManager.Zypper;
            case "rpm":
                return PackageManager.Rpm;
        }

        if (name.StartsWith("pip", StringComparison.Ordinal) && name[3..].All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            return PackageManager.Pip;
        }

        if (name.StartsWith("python", StringComparison.Ordinal) && name[6..].All(c => char.IsAsciiDigit(c) || c == '.'))
        {
            // python -m pip …: the module comes after the interpreter's options.
            var args = command.Arguments;
            for (var i = 0; i + 1 < args.Length; i++)
            {
                if (args[i].Text == "-m")
                {
                    if (args[i + 1].Text is "pip" or "pip3")
                    {
                        argStart = i + 2;
                        return PackageManager.Pip;
                    }

                    return null;
                }

                if (!args[i].Text.StartsWith('-'))
                {
                    return null;
                }
            }
        }

        return null;
    }

    private static PackageInvocation? ReadCommand(ShellCommand command)
    {
        if (command.Program is not { IsLiteral: true } program || ManagerOf(command, out var argStart) is not { } manager)
        {
            return null;
        }

        var args = command.Arguments[argStart..];
        var valueOptions = s_valueOptions.GetValueOrDefault(manager is PackageManager.Dnf or PackageManager.Microdnf or PackageManager.Tdnf ? PackageManager.Yum : manager) ?? [];
        var options = ImmutableArray.CreateBuilder<ShellWordToken>();
        var operands = new List<ShellWordToken>();
        var valueOf = new List<(ShellWordToken Option, ShellWordToken Value)>();
        var afterDashes = false;
        for (var i = 0; i < args.Length; i++)
        {
            var word = args[i];
            var text = word.Text;
            if (!afterDashes && text == "--")
            {
                afterDashes = true;
                if (manager == PackageManager.Gem)
                {
                    break;
                }

                continue;
            }

            if (!afterDashes && text.Length > 1 && text[0] == '-' && word.IsLiteral | text.StartsWith("--", StringComparison.Ordinal))
            {
                options.Add(word);
                if (valueOptions.Contains(text) && i + 1 < args.Length)
                {
                    valueOf.Add((word, args[i + 1]));
                    i++;
                }
                else if (manager == PackageManager.Gem && text is "-v" or "--version" && i + 1 < args.Length)
                {
                    valueOf.Add((word, args[i + 1]));
                    i++;
                }
                else if (manager == PackageManager.Pip && text is "-r" or "--requirement" or "-c" or "--constraint" or "-e" or "--editable" && i + 1 < args.Length)
                {
                    valueOf.Add((word, args[i + 1]));
                    i++;
                }

                continue;
            }

            operands.Add(word);
        }

        ShellWordToken? subcommandWord = null;
        string? subcommand = null;
        var isGlobal = false;
        if (manager == PackageManager.Rpm)
        {
            foreach (var option in options)
            {
                var t = option.Text;
                var mode = t switch
                {
                    "--install" or "--upgrade" or "--freshen" or "--reinstall" => "install",
                    "--erase" => "erase",
                    "--import" => "import",
                    "--query" => "query",
                    "--verify" => "verify",
                    _ when t.Length > 1 && t[0] == '-' && t[1] != '-' => t[1] switch
                    {
                        'i' or 'U' or 'F' => "install",
                        'e' => "erase",
                        'q' => "query",
                        'V' => "verify",
                        _ => null,
                    },
                    _ => null,
                };
                if (mode is not null)
                {
                    subcommandWord = option;
                    subcommand = mode;
                    break;
                }
            }
        }
        else if (operands.Count > 0)
        {
            subcommandWord = operands[0];
            subcommand = Normalize(manager, operands[0].Text.ToLowerInvariant());
            operands.RemoveAt(0);
            if (manager == PackageManager.Yarn && subcommand == "global" && operands.Count > 0)
            {
                isGlobal = true;
                subcommandWord = operands[0];
                subcommand = Normalize(manager, operands[0].Text.ToLowerInvariant());
                operands.RemoveAt(0);
            }
            else if (manager is PackageManager.Apk or PackageManager.Npm or PackageManager.Yarn or PackageManager.Pnpm or PackageManager.Zypper
                && subcommand == "cache" && operands.Count > 0)
            {
                subcommand = "cache " + operands[0].Text.ToLowerInvariant();
                operands.RemoveAt(0);
            }
            else if (manager is PackageManager.Yum or PackageManager.Dnf or PackageManager.Microdnf or PackageManager.Tdnf or PackageManager.Pip
                && subcommand is "clean" or "cache" or "module" && operands.Count > 0 && !(subcommand == "module" && operands.Count < 2))
            {
                subcommand = subcommand + " " + operands[0].Text.ToLowerInvariant();
                operands.RemoveAt(0);
            }
        }

        if (manager is PackageManager.Npm or PackageManager.Pnpm && options.Any(o => o.Text is "-g" or "--global" or "--location=global"))
        {
            isGlobal = true;
        }

        var gemVersion = manager == PackageManager.Gem ? valueOf.FirstOrDefault(v => v.Option.Text is "-v" or "--version").Value.Text : null;
        gemVersion ??= manager == PackageManager.Gem ? options.FirstOrDefault(o => o.Text.StartsWith("--version=", StringComparison.Ordinal)).Text?["--version=".Length..] : null;
        var packages = ImmutableArray.CreateBuilder<PackageArgument>();
        foreach (var (option, value) in valueOf)
        {
            if (option.Text is "-r" or "--requirement" or "-c" or "--constraint")
            {
                packages.Add(new PackageArgument(value, PackageArgumentKind.RequirementsFile, value.Text, null));
            }
            else if (option.Text is "-e" or "--editable")
            {
                packages.Add(Classify(manager, value) is { Kind: PackageArgumentKind.Package or PackageArgumentKind.Unknown } ? new PackageArgument(value, PackageArgumentKind.Path, value.Text, null) : Classify(manager, value));
            }
        }

        // zypper -t pattern|patch|product, yum groupinstall, dnf group install: the operands are not packages.
        var groups = (manager == PackageManager.Zypper && valueOf.Any(v => v.Option.Text is "-t" or "--type" && v.Value.Text != "package"))
            || (manager is PackageManager.Yum or PackageManager.Dnf or PackageManager.Microdnf or PackageManager.Tdnf && (subcommand is "groupinstall" or "groupupdate" or "groupremove" or "group" || subcommand?.StartsWith("module", StringComparison.Ordinal) == true));
        foreach (var operand in operands)
        {
            var argument = groups ? new PackageArgument(operand, PackageArgumentKind.Group, operand.Text, null) : Classify(manager, operand);
            if (gemVersion is not null && argument is { Kind: PackageArgumentKind.Package, Version: null })
            {
                argument = argument with { Version = gemVersion };
            }

            packages.Add(argument);
        }

        return new PackageInvocation(command, manager, program, subcommandWord, subcommand, options.ToImmutable(), packages.ToImmutable())
        {
            IsGlobal = isGlobal,
        };
    }

    private static string Normalize(PackageManager manager, string subcommand) => (manager, subcommand) switch
    {
        (PackageManager.Npm, "i" or "isntall" or "add" or "in" or "ins" or "inst" or "insta" or "instal" or "isnt" or "isnta" or "isntal") => "install",
        (PackageManager.Npm, "clean-install" or "ic" or "install-clean" or "isntall-clean") => "ci",
        (PackageManager.Pnpm, "i") => "install",
        (PackageManager.Gem, "i") => "install",
        (PackageManager.Zypper, "in") => "install",
        (PackageManager.Zypper, "rm") => "remove",
        (PackageManager.Zypper, "up") => "update",
        (PackageManager.Zypper, "dup") => "dist-upgrade",
        (PackageManager.Zypper, "ref") => "refresh",
        (PackageManager.Zypper, "cc") => "clean",
        (PackageManager.Zypper, "ar") => "addrepo",
        (PackageManager.Apk, "del") => "del",
        (PackageManager.Yum or PackageManager.Dnf or PackageManager.Tdnf or PackageManager.Microdnf, "erase") => "remove",
        _ => subcommand,
    };

    private static PackageArgument Classify(PackageManager manager, ShellWordToken word)
    {
        var text = word.Text;
        if (!word.IsLiteral)
        {
            // A glob under a literal directory (/tmp/pkgs/*.apk) is still a local path; anything else is unknown.
            var local = !text.Contains('$', StringComparison.Ordinal) && !text.Contains('`', StringComparison.Ordinal)
                && (text.StartsWith('/') || text.StartsWith("./", StringComparison.Ordinal) || text.StartsWith("../", StringComparison.Ordinal));
            return new PackageArgument(word, local ? PackageArgumentKind.Path : PackageArgumentKind.Unknown, text, null);
        }

        if (text.Contains("://", StringComparison.Ordinal) || text.StartsWith("git+", StringComparison.Ordinal) || text.StartsWith("git@", StringComparison.Ordinal)
            || (manager is PackageManager.Npm or PackageManager.Yarn or PackageManager.Pnpm && (text.StartsWith("github:", StringComparison.Ordinal) || text.StartsWith("file:", StringComparison.Ordinal))))
        {
            return new PackageArgument(word, PackageArgumentKind.Url, text, null);
        }

        if (s_archiveSuffixes.Any(s => text.EndsWith(s, StringComparison.OrdinalIgnoreCase)))
        {
            return new PackageArgument(word, PackageArgumentKind.Archive, text, null);
        }

        if (text is "." or ".." || text.StartsWith("./", StringComparison.Ordinal) || text.StartsWith("../", StringComparison.Ordinal)
            || text.StartsWith('/') || text.StartsWith('~'))
        {
            return new PackageArgument(word, PackageArgumentKind.Path, text, null);
        }

        switch (manager)
        {
            case PackageManager.Apt:
                return Split(word, text.IndexOf('='));
            case PackageManager.Apk:
                return Split(word, text.IndexOfAny(['=', '~', '<', '>']));
            case PackageManager.Pip:
                {
                    if (text.Contains('/', StringComparison.Ordinal))
                    {
                        return new PackageArgument(word, PackageArgumentKind.Path, text, null);
                    }

                    var at = text.IndexOfAny(['=', '<', '>', '!', '~', '@']);
                    var name = at < 0 ? text : text[..at];
                    var bracket = name.IndexOf('[');
                    return new PackageArgument(word, PackageArgumentKind.Package, bracket < 0 ? name : name[..bracket], at < 0 ? null : text[at..]);
                }

            case PackageManager.Npm or PackageManager.Yarn or PackageManager.Pnpm:
                {
                    var at = text.IndexOf('@', 1);
                    if (at < 0 && text.Contains('/', StringComparison.Ordinal) && !text.StartsWith('@'))
                    {
                        // user/repo: a GitHub shorthand.
                        return new PackageArgument(word, PackageArgumentKind.Url, text, null);
                    }

                    return at < 0
                        ? new PackageArgument(word, PackageArgumentKind.Package, text, null)
                        : new PackageArgument(word, PackageArgumentKind.Package, text[..at], text[at..]);
                }

            case PackageManager.Gem:
                return Split(word, text.IndexOf(':'));
            case PackageManager.Go:
                {
                    var at = text.IndexOf('@');
                    return at < 0
                        ? new PackageArgument(word, PackageArgumentKind.Package, text, null)
                        : new PackageArgument(word, PackageArgumentKind.Package, text[..at], text[at..]);
                }

            case PackageManager.Yum or PackageManager.Dnf or PackageManager.Microdnf or PackageManager.Tdnf or PackageManager.Zypper:
                {
                    if (text.StartsWith('@') || (manager == PackageManager.Zypper && text.Contains(':', StringComparison.Ordinal)))
                    {
                        return new PackageArgument(word, PackageArgumentKind.Group, text, null);
                    }

                    var op = text.IndexOfAny(['=', '<', '>']);
                    if (op > 0)
                    {
                        return Split(word, op);
                    }

                    // name-1.2.3 or name-1.2-3.el8: a hyphen followed by a digit starts the version.
                    for (var i = 1; i + 1 < text.Length; i++)
                    {
                        if (text[i] == '-' && char.IsAsciiDigit(text[i + 1]))
                        {
                            return new PackageArgument(word, PackageArgumentKind.Package, text[..i], text[i..]);
                        }
                    }

                    return new PackageArgument(word, PackageArgumentKind.Package, text, null);
                }

            default:
                return new PackageArgument(word, PackageArgumentKind.Archive, text, null);
        }
    }

    private static PackageArgument Split(ShellWordToken word, int at)
        => at <= 0
            ? new PackageArgument(word, PackageArgumentKind.Package, word.Text, null)
            : new PackageArgument(word, PackageArgumentKind.Package, word.Text[..at], word.Text[at..]);

    private static bool AssumesYes(PackageInvocation invocation)
    {
        if (invocation.Command.PipedFrom is { Name: "yes" })
        {
            return true;
        }

        switch (invocation.Manager)
        {
            case PackageManager.Apt:
                {
                    if (invocation.HasOption("-y", "--yes", "--assume-yes", "-q=2", "--quiet=2", "-s", "--simulate", "--dry-run", "--just-print", "--no-act", "--recon", "--print-uris"))
                    {
                        return true;
                    }

                    if (invocation.Options.Any(o => o.Text.StartsWith('-') && !o.Text.StartsWith("--", StringComparison.Ordinal) && o.Text.Count(c => c == 'q') >= 2))
                    {
                        return true;
                    }

                    var words = invocation.Command.Words;
                    for (var i = 0; i + 1 < words.Length; i++)
                    {
                        if (words[i].Text is "-o" or "--option" && words[i + 1].Text.StartsWith("APT::Get::Assume-Yes=", StringComparison.OrdinalIgnoreCase)
                            && words[i + 1].Text.EndsWith("true", StringComparison.OrdinalIgnoreCase))
                        {
                            return true;
                        }
                    }

                    return false;
                }

            case PackageManager.Yum or PackageManager.Dnf or PackageManager.Tdnf:
                return invocation.HasOption("-y", "--assumeyes", "--assume-yes");
            case PackageManager.Zypper:
                return invocation.HasOption("-y", "-n", "--non-interactive", "--no-confirm");
            case PackageManager.Pip:
                return invocation.Subcommand != "uninstall" || invocation.HasOption("-y", "--yes");
            default:
                return true;
        }
    }

    private static bool CleansCache(ShellScript script, PackageInvocation invocation)
    {
        var later = script.CommandsAfter(invocation.Command).ToList();
        bool Removes(params string[] paths) => later.Any(c => c.Name is "rm" or "find" or "rmdir"
            && c.Arguments.Any(a => paths.Any(p => ShellScript.NormalizeHome(a.Text).StartsWith(p, StringComparison.Ordinal))));
        bool Runs(Func<PackageInvocation, bool> match) => later.Any(c => ReadCommand(c) is { } other && match(other));

        switch (invocation.Manager)
        {
            case PackageManager.Apt:
                return Removes("/var/lib/apt/lists") || script.HasCacheMount("/var/lib/apt/lists")
                    || Runs(o => o.Manager == PackageManager.Apt && o.Subcommand == "dist-clean");
            case PackageManager.Apk:
                return invocation.HasOption("--no-cache", "--no-network") || Removes("/var/cache/apk", "/etc/apk/cache")
                    || Runs(o => o.Manager == PackageManager.Apk && o.Subcommand is "cache clean" or "cache purge")
                    || script.HasCacheMount("/var/cache/apk", "/etc/apk/cache");
            case PackageManager.Pip:
                return invocation.HasOption("--no-cache-dir", "--no-cache") || NoCacheVariable(script, invocation.Command)
                    || Removes("/root/.cache/pip", "/root/.cache")
                    || later.Any(c => c.Name is "rm" && c.Arguments.Any(a => a.Text.Contains(".cache/pip", StringComparison.Ordinal)))
                    || Runs(o => o.Manager == PackageManager.Pip && o.Subcommand is "cache purge" or "cache remove")
                    || script.CacheMountTargets.Any(t => t.EndsWith(".cache/pip", StringComparison.Ordinal) || t.EndsWith("/.cache", StringComparison.Ordinal))
                    || script.HasCacheMount("/root/.cache/pip");
            case PackageManager.Npm:
                return Runs(o => o.Manager == PackageManager.Npm && o.Subcommand is "cache clean" or "cache rm")
                    || later.Any(c => c.Name is "rm" && c.Arguments.Any(a => a.Text.TrimEnd('/', '*').EndsWith("/.npm", StringComparison.Ordinal) || a.Text.TrimEnd('/', '*') == "~/.npm"))
                    || script.CacheMountTargets.Any(t => t.EndsWith("/.npm", StringComparison.Ordinal) || t.EndsWith("/_cacache", StringComparison.Ordinal));
            case PackageManager.Yarn:
                return Runs(o => o.Manager == PackageManager.Yarn && o.Subcommand is "cache clean")
                    || later.Any(c => c.Name is "rm" && c.Arguments.Any(a => a.Text.Contains("cache/yarn", StringComparison.Ordinal) || a.Text.Contains(".yarn/cache", StringComparison.Ordinal) || a.Text.Contains("yarn-cache", StringComparison.Ordinal)))
                    || script.CacheMountTargets.Any(t => t.Contains("yarn", StringComparison.Ordinal));
            case PackageManager.Pnpm:
                return Runs(o => o.Manager == PackageManager.Pnpm && o.Subcommand is "store")
                    || script.CacheMountTargets.Any(t => t.Contains("pnpm", StringComparison.Ordinal));
            case PackageManager.Yum or PackageManager.Dnf or PackageManager.Microdnf or PackageManager.Tdnf:
                return Runs(o => o.Manager is PackageManager.Yum or PackageManager.Dnf or PackageManager.Microdnf or PackageManager.Tdnf && o.Subcommand == "clean all")
                    || Removes("/var/cache/yum", "/var/cache/dnf", "/var/cache/tdnf", "/var/cache/libdnf5")
                    || script.HasCacheMount("/var/cache/yum", "/var/cache/dnf", "/var/cache/tdnf", "/var/cache/libdnf5");
            case PackageManager.Zypper:
                return Runs(o => o.Manager == PackageManager.Zypper && o.Subcommand == "clean")
                    || Removes("/var/cache/zypp") || script.HasCacheMount("/var/cache/zypp");
            default:
                return false;
        }
    }

    private static bool NoCacheVariable(ShellScript script, ShellCommand command)
    {
        if (command.GetAssignment("PIP_NO_CACHE_DIR") is { } value)
        {
            return value is not ("" or "0" or "false" or "no");
        }

        return script.Instruction.Scope.Find("PIP_NO_CACHE_DIR") is not null;
    }
}
