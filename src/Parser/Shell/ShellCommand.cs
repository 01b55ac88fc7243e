using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Shell;

/// <summary>How a command is joined to the command before it in its list.</summary>
public enum ShellConnector
{
    /// <summary>The first command of its list (or of a subshell, group, branch or nested script).</summary>
    None = 0,

    /// <summary><c>a &amp;&amp; b</c>: runs when the previous command succeeded.</summary>
    And = 1,

    /// <summary><c>a || b</c>: runs when the previous command failed.</summary>
    Or = 2,

    /// <summary><c>a ; b</c> or a new line: runs after the previous command whatever its status.</summary>
    Sequence = 3,

    /// <summary><c>a | b</c>: reads the previous command's output (see <see cref="ShellCommand.PipedFrom"/>).</summary>
    Pipe = 4,

    /// <summary><c>a &amp; b</c>: the previous command was sent to the background.</summary>
    Background = 5,
}

/// <summary>Where a command sits in the script's structure (several may hold at once).</summary>
[Flags]
public enum ShellContext
{
    /// <summary>A plain command of the top-level list.</summary>
    None = 0,

    /// <summary>Inside <c>( … )</c>: a subshell (a <c>cd</c> there does not outlive it).</summary>
    Subshell = 1 << 0,

    /// <summary>Inside <c>{ …; }</c>.</summary>
    Group = 1 << 1,

    /// <summary>The condition of <c>if</c>, <c>elif</c>, <c>while</c> or <c>until</c>.</summary>
    Condition = 1 << 2,

    /// <summary>A <c>then</c>/<c>else</c> branch or a <c>case</c> arm: it may not run.</summary>
    Branch = 1 << 3,

    /// <summary>The body of <c>for</c>, <c>while</c>, <c>until</c> or <c>select</c>.</summary>
    Loop = 1 << 4,

    /// <summary>Inside <c>$( … )</c>, backquotes or a process substitution <c>&lt;( … )</c>.</summary>
    Substitution = 1 << 5,

    /// <summary>Inside the script of <c>sh -c "…"</c>, <c>bash -c '…'</c>, <c>su -c "…"</c> or an exec-form <c>["sh","-c","…"]</c>.</summary>
    NestedScript = 1 << 6,

    /// <summary>In the body of a heredoc the shell runs as a script (<c>RUN &lt;&lt;EOF</c>, <c>RUN bash &lt;&lt;EOF</c>).</summary>
    Heredoc = 1 << 7,

    /// <summary>After <c>!</c>: the command's status is inverted.</summary>
    Negated = 1 << 8,
}

/// <summary>A redirection of a command: <c>&gt; file</c>, <c>2&gt;&amp;1</c>, <c>&lt; input</c>, <c>&lt;&lt;EOF</c>.</summary>
/// <param name="Operator">The operator as written without the descriptor (<c>&gt;</c>, <c>&gt;&gt;</c>, <c>&gt;&amp;</c>, <c>&lt;&lt;</c>, <c>&amp;&gt;</c>…).</param>
/// <param name="Target">The file, descriptor or heredoc delimiter.</param>
public readonly record struct ShellRedirection(string Operator, ShellWordToken Target);

/// <summary>
/// A simple command of a <see cref="ShellScript"/>: its words as written, the environment assignments and
/// wrappers (<c>sudo</c>, <c>env</c>, <c>xargs</c>, <c>nice</c>, <c>exec</c>…) before the program, the program
/// and its arguments, and where it runs (connector, pipeline, context, working directory, shell options).
/// </summary>
public sealed class ShellCommand
{
    // Derived from Words and ProgramIndex on first use: rules ask for them on every command, many times.
    private ImmutableArray<ShellWordToken> _arguments;
    private string? _name;
    private int _spanEnd = -1;

    internal ShellCommand(
        ImmutableArray<ShellWordToken> words,
        int programIndex,
        ImmutableArray<ShellWordToken> assignments,
        ImmutableArray<ShellWordToken> wrappers,
        ImmutableArray<ShellRedirection> redirections)
    {
        Words = words;
        ProgramIndex = programIndex;
        Assignments = assignments;
        Wrappers = wrappers;
        Redirections = redirections;
    }

    /// <summary>Every word of the command in order (assignments, wrappers, program, arguments); redirections excluded.</summary>
    public ImmutableArray<ShellWordToken> Words { get; }

    /// <summary>Index in <see cref="Words"/> of the program; equal to the length when there is none (<c>A=1</c> alone).</summary>
    public int ProgramIndex { get; }

    /// <summary><c>NAME=value</c> words before the program, including those given to <c>env</c> or <c>sudo</c>.</summary>
    public ImmutableArray<ShellWordToken> Assignments { get; }

    /// <summary>The wrapper programs before the real one (<c>sudo</c>, <c>env</c>, <c>xargs</c>, <c>exec</c>, <c>nice</c>…), without their options.</summary>
    public ImmutableArray<ShellWordToken> Wrappers { get; }

    /// <summary>The redirections written on the command.</summary>
    public ImmutableArray<ShellRedirection> Redirections { get; }

    /// <summary>The program word, or null for a command of assignments only.</summary>
    public ShellWordToken? Program => ProgramIndex < Words.Length ? Words[ProgramIndex] : null;

    /// <summary>The program's name without its directory (<c>/usr/bin/apt-get</c> → <c>apt-get</c>); empty when there is none.</summary>
    public string Name => _name ??= ProgramIndex < Words.Length ? Words[ProgramIndex].CommandName : "";

    /// <summary>The words after the program.</summary>
    public ImmutableArray<ShellWordToken> Arguments
    {
        get
        {
            if (_arguments.IsDefault)
            {
                _arguments = ProgramIndex + 1 < Words.Length ? Words[(ProgramIndex + 1)..] : [];
            }

            return _arguments;
        }
    }

    /// <summary>The position of the command in <see cref="ShellScript.Commands"/>.</summary>
    public int Index { get; internal set; }

    /// <summary>The script the command belongs to.</summary>
    public ShellScript Script { get; internal set; } = null!;

    /// <summary>How the command is joined to the one before it in its list.</summary>
    public ShellConnector Connector { get; internal set; }

    /// <summary>Where the command sits: subshell, group, condition, branch, loop, substitution, nested script, heredoc.</summary>
    public ShellContext Context { get; internal set; }

    /// <summary>The command whose output this one reads (<c>a | b</c>: for <c>b</c>, <c>a</c>).</summary>
    public ShellCommand? PipedFrom { get; internal set; }

    /// <summary>The command that reads this one's output.</summary>
    public ShellCommand? PipesInto { get; internal set; }

    /// <summary>The command whose script argument holds this one (<c>sh -c "…"</c>, <c>su -c "…"</c>), if any.</summary>
    public ShellCommand? Parent { get; internal set; }

    /// <summary>True when a <c>cd</c> (or <c>pushd</c>/<c>popd</c>) earlier in the same RUN changed the directory this command runs in.</summary>
    public bool AfterCd { get; internal set; }

    /// <summary>
    /// When <see cref="AfterCd"/>: the directory, when every <c>cd</c> before was literal (absolute, or relative
    /// to a known directory); null when it is not known. Null too when no <c>cd</c> ran (the WORKDIR applies).
    /// </summary>
    public string? Directory { get; internal set; }

    /// <summary>True when <c>set -e</c> (or the shell's <c>-e</c>) is in effect when the command runs.</summary>
    public bool Errexit { get; internal set; }

    /// <summary>True when <c>set -o pipefail</c> (or the SHELL's <c>-o pipefail</c>) is in effect when the command runs.</summary>
    public bool Pipefail { get; internal set; }

    /// <summary>The whole command as written (from its first to its last word).</summary>
    public TextSpan Span => Words.IsEmpty ? default : TextSpan.FromBounds(Words[0].Span.Start, _spanEnd >= 0 ? _spanEnd : _spanEnd = LastEnd());

    /// <summary>True for a command that may not run although the RUN succeeds: in a branch, a condition, after <c>||</c>.</summary>
    public bool IsConditional => (Context & (ShellContext.Branch | ShellContext.Condition)) != 0 || Connector == ShellConnector.Or;

    /// <summary>The value of an assignment before the program (<c>DEBIAN_FRONTEND=noninteractive apt-get …</c>), if written.</summary>
    public string? GetAssignment(string name)
    {
        foreach (var word in Assignments)
        {
            if (word.Text.Length > name.Length && word.Text[name.Length] == '=' && word.Text.StartsWith(name, StringComparison.Ordinal))
            {
                return word.Text[(name.Length + 1)..];
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => string.Join(' ', Words.Select(w => w.Text));

    private int LastEnd()
    {
        var end = 0;
        foreach (var word in Words)
        {
            end = Math.Max(end, word.Span.End);
        }

        return end;
    }
}
