using DockerLint.Parser.Shell;
using DockerLint.Parser.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Model;

/// <summary>
/// A word of an instruction as written and as BuildKit expands it (quotes removed, variables
/// substituted). When a variable's value cannot be known statically the word is unknown:
/// <see cref="Value"/> is null and <see cref="Expansion"/> tells which parts are literal.
/// </summary>
public sealed class ExpandedWord
{
    internal ExpandedWord(SyntaxValue syntax, ShellExpansion expansion)
    {
        Syntax = syntax;
        Expansion = expansion;
    }

    /// <summary>The word as written.</summary>
    public SyntaxValue Syntax { get; }

    /// <summary>The expansion: value, or literal and unknown segments, or an error.</summary>
    public ShellExpansion Expansion { get; }

    /// <summary>True when the value is known.</summary>
    public bool IsKnown => Expansion.IsKnown;

    /// <summary>The expanded value, or null when unknown (or malformed).</summary>
    public string? Value => Expansion.Value;

    /// <summary>The text as written (continuations removed).</summary>
    public string Text => Syntax.Text;

    /// <summary>Where the word was written.</summary>
    public TextSpan Span => Syntax.Span;

    /// <summary>True when the value is the written text itself (no quotes, escapes or variables), so sub-spans are exact.</summary>
    public bool IsVerbatim => Expansion.Value is { } value && value == Syntax.Text && Syntax.IsVerbatim;

    /// <summary>The source span of part of <see cref="Value"/>: exact when <see cref="IsVerbatim"/>, else the whole word.</summary>
    public TextSpan GetSpan(int start, int length) => IsVerbatim ? Syntax.GetSpan(start, length) : Syntax.Span;

    /// <inheritdoc />
    public override string ToString() => Value ?? Expansion.ToString() ?? Text;
}
