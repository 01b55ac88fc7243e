using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using DockerLint.Parser.Model;

namespace DockerLint.Parser.Shell;

/// <summary>
/// The shell commands an instruction runs (RUN, ONBUILD RUN, CMD, ENTRYPOINT, HEALTHCHECK CMD), read the
/// way rules need them: every simple command with its words and spans, found in the shell-form line, in
/// heredoc bodies the shell runs, in exec-form <c>["sh","-c","…"]</c>, in nested <c>sh -c "…"</c>
/// scripts, in <c>$( … )</c> and backquotes, in subshells, groups and <c>if</c>/<c>for</c>/<c>while</c>/<c>case</c>
/// bodies; how commands are joined (<c>&amp;&amp;</c>, <c>||</c>, <c>;</c>, pipes), the working directory after
/// <c>cd</c>, <c>set -e</c>/<c>pipefail</c>, and the package-manager invocations (<see cref="Packages"/>).
/// <para>
/// It is SHELL-aware: when the stage's SHELL (inherited from a base stage, or <c>cmd</c> for a Windows base
/// image) is not a POSIX shell (pwsh, powershell, cmd…), a shell-form script is not read:
/// <see cref="IsPosix"/> is false and <see cref="Commands"/> is empty, so POSIX rules stay quiet.
/// Nothing is expanded: words that are not <see cref="ShellWordToken.IsLiteral"/> are unknown values.
/// </para>
/// </summary>
public sealed class ShellScript
{
    private static readonly ConditionalWeakTable<CommandInstruction, ShellScript> s_cache = [];
    private ImmutableArray<PackageInvocation>? _packages;

    internal ShellScript(CommandInstruction instruction, bool isPosix, string shell, ImmutableArray<ShellCommand> commands)
    {
        Instruction = instruction;
        IsPosix = isPosix;
        Shell = shell;
        Commands = commands;
        foreach (var command in commands)
        {
            command.Script = this;
        }
    }

    /// <summary>The instruction whose commands these are.</summary>
    public CommandInstruction Instruction { get; }

    /// <summary>
    /// False when the instruction's shell form runs under a non-POSIX SHELL (pwsh, powershell, cmd, or any
    /// program that is not a known POSIX shell); <see cref="Commands"/> is then empty. Exec form is always
    /// read (it runs no shell unless it names one) and is true.
    /// </summary>
    public bool IsPosix { get; }

    /// <summary>The shell program that runs the shell form (<c>/bin/sh</c> by default, or the SHELL's first word).</summary>
    public string Shell { get; }

    /// <summary>Every simple command, in the order the shell meets them (a substitution before the command that holds it; a nested script after its <c>sh -c</c>).</summary>
    public ImmutableArray<ShellCommand> Commands { get; }

    /// <summary>The package-manager invocations among <see cref="Commands"/>.</summary>
    public ImmutableArray<PackageInvocation> Packages => _packages ??= PackageInvocationReader.Read(this);

    /// <summary>The RUN's <c>--mount=type=cache</c> targets (empty for other instructions).</summary>
    public IEnumerable<string> CacheMountTargets
        => Instruction is RunInstruction run
            ? run.Mounts.Where(m => m.Type == "cache" && m.Target is not null).Select(m => m.Target!.TrimEnd('/'))
            : [];

    /// <summary>The commands after <paramref name="command"/> in the same instruction.</summary>
    public IEnumerable<ShellCommand> CommandsAfter(ShellCommand command) => Commands.Skip(command.Index + 1);

    /// <summary>
    /// True when the RUN has a BuildKit cache mount whose target is <paramref name="path"/> or a directory
    /// above or below it (<c>/var/cache/apt</c> covers <c>/var/cache/apt/archives</c>). A target of <c>~</c>
    /// or <c>$HOME</c> is read as <c>/root</c>.
    /// </summary>
    public bool HasCacheMount(params string[] paths)
    {
        foreach (var target in CacheMountTargets)
        {
            var normal = NormalizeHome(target);
            foreach (var path in paths)
            {
                var p = path.TrimEnd('/');
                if (normal == p || p.StartsWith(normal + "/", StringComparison.Ordinal) || normal.StartsWith(p + "/", StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The script of an instruction, read once and cached.</summary>
    public static ShellScript Parse(CommandInstruction instruction) => s_cache.GetValue(instruction, ShellScriptReader.Read);

    /// <summary>The scripts of every RUN in the model, ONBUILD RUN triggers included, in source order.</summary>
    public static IEnumerable<ShellScript> RunScripts(DockerfileModel model)
        => model.AllInstructions().OfType<RunInstruction>().Select(Parse);

    /// <summary>
    /// Reads a script that is not an instruction (a Compose <c>command:</c> string, a test input) as POSIX
    /// shell; <paramref name="spanOf"/> maps offsets of <paramref name="script"/> to source spans.
    /// </summary>
    public static ImmutableArray<ShellCommand> ParseText(string script, Func<int, int, Microsoft.CodeAnalysis.Text.TextSpan> spanOf)
        => ShellScriptReader.ReadText(script, spanOf);

    internal static string NormalizeHome(string path)
    {
        foreach (var home in (ReadOnlySpan<string>)["~", "$HOME", "${HOME}"])
        {
            if (path == home)
            {
                return "/root";
            }

            if (path.StartsWith(home + "/", StringComparison.Ordinal))
            {
                return "/root" + path[home.Length..];
            }
        }

        return path;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(" ; ", Commands);
}
