using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Dockerfile;

/// <summary>
/// What the RUN rules share: the commands of a RUN read by the parser's shell layer (nothing when the
/// stage's SHELL is not POSIX), and small questions about a command's arguments.
/// </summary>
internal static class RunCommands
{
    /// <summary>Programs that download: their output may be a script.</summary>
    public static readonly HashSet<string> Downloaders = new(StringComparer.Ordinal) { "curl", "wget", "fetch" };

    /// <summary>Shells and interpreters that run the script they read from standard input or a file argument.</summary>
    public static readonly HashSet<string> Interpreters = new(StringComparer.Ordinal)
    {
        "sh", "bash", "dash", "zsh", "ash", "ksh", "mksh", "python", "python2", "python3", "perl", "ruby", "node", "php", "pwsh",
    };

    /// <summary>The commands of a RUN (shell form, heredoc scripts, exec form, nested scripts); empty for a non-POSIX SHELL.</summary>
    public static ImmutableArray<ShellCommand> Of(RunInstruction run)
    {
        var script = ShellScript.Parse(run);
        return script.IsPosix ? script.Commands : [];
    }

    /// <summary>The arguments that are literal (their text is their value).</summary>
    public static IEnumerable<ShellWordToken> LiteralArguments(this ShellCommand command) => command.Arguments.Where(a => a.IsLiteral);

    /// <summary>
    /// True when the command has one of the options: a long option (<c>--insecure</c>, also as
    /// <c>--insecure=…</c>) or a short one, alone or combined with others (<c>-k</c> in <c>-fsSLk</c>).
    /// Arguments after <c>--</c> are not options.
    /// </summary>
    public static ShellWordToken? FindOption(this ShellCommand command, string? shortOption, params string[] longOptions)
    {
        foreach (var argument in command.Arguments)
        {
            var text = argument.Text;
            if (text == "--")
            {
                break;
            }

            if (!argument.IsLiteral)
            {
                continue;
            }

            if (text.StartsWith("--", StringComparison.Ordinal))
            {
                var name = text.Split('=', 2)[0];
                if (longOptions.Contains(name, StringComparer.Ordinal))
                {
                    return argument;
                }
            }
            else if (shortOption is not null && text.Length > 1 && text[0] == '-' && text[1..].All(char.IsAsciiLetterOrDigit) && text.Contains(shortOption, StringComparison.Ordinal))
            {
                return argument;
            }
        }

        return null;
    }

    /// <summary>The span from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
    public static TextSpan Through(this ShellCommand first, ShellCommand last)
        => TextSpan.FromBounds(Math.Min(first.Span.Start, last.Span.Start), Math.Max(first.Span.End, last.Span.End));

    /// <summary>
    /// The command that holds <paramref name="inner"/> in one of its words (<c>bash &lt;(curl …)</c>,
    /// <c>eval "$(curl …)"</c>): the command with the narrowest word around the inner command's span.
    /// </summary>
    public static (ShellCommand Command, int WordIndex)? Enclosing(ShellCommand inner)
    {
        (ShellCommand Command, int WordIndex)? best = null;
        var bestLength = int.MaxValue;
        foreach (var command in inner.Script.Commands)
        {
            if (ReferenceEquals(command, inner))
            {
                continue;
            }

            for (var i = 0; i < command.Words.Length; i++)
            {
                var span = command.Words[i].Span;
                // A nested script read from a word that is itself a substitution (sh -c "$(curl …)") yields
                // the substitution again as a program word: the real holder is the command around it.
                var echo = command.Parent is not null && i == command.ProgramIndex;
                if (span.Contains(inner.Span) && span.Length < bestLength && !command.Words[i].IsLiteral && !echo)
                {
                    best = (command, i);
                    bestLength = span.Length;
                }
            }
        }

        return best;
    }
}
