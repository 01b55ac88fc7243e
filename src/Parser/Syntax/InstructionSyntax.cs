using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Syntax;

/// <summary>
/// One instruction: keyword, flags, arguments and heredocs, read with BuildKit's grammar.
/// An <c>ONBUILD</c> holds its trigger instruction in <see cref="Trigger"/>.
/// </summary>
public sealed class InstructionSyntax
{
    internal InstructionSyntax(
        InstructionKind kind,
        SyntaxToken keyword,
        ImmutableArray<FlagSyntax> flags,
        SyntaxToken? flagTerminator,
        ImmutableArray<SyntaxToken> argumentTokens,
        SyntaxValue? argumentsText,
        ImmutableArray<SyntaxValue> arguments,
        ImmutableArray<KeyValueSyntax> keyValues,
        bool isExecForm,
        InstructionSyntax? trigger,
        LogicalLine line)
    {
        Kind = kind;
        Keyword = keyword;
        Flags = flags;
        FlagTerminator = flagTerminator;
        ArgumentTokens = argumentTokens;
        ArgumentsText = argumentsText;
        Arguments = arguments;
        KeyValues = keyValues;
        IsExecForm = isExecForm;
        Trigger = trigger;
        Line = line;
        if (trigger is not null)
        {
            trigger.Parent = this;
        }
    }

    /// <summary>Which instruction this is.</summary>
    public InstructionKind Kind { get; }

    /// <summary>The keyword as written (any case).</summary>
    public SyntaxToken Keyword { get; }

    /// <summary>The builder flags, in order.</summary>
    public ImmutableArray<FlagSyntax> Flags { get; }

    /// <summary>The <c>--</c> that ended the flags, if written.</summary>
    public SyntaxToken? FlagTerminator { get; }

    /// <summary>The tokens of the arguments (words, or JSON punctuation and strings).</summary>
    public ImmutableArray<SyntaxToken> ArgumentTokens { get; }

    /// <summary>Everything after the keyword and flags, trimmed, continuations removed; null when empty.</summary>
    public SyntaxValue? ArgumentsText { get; }

    /// <summary>
    /// The arguments as BuildKit's parser lists them: the JSON elements in exec form, the command in
    /// shell form, the words of FROM/EXPOSE/COPY/ADD/VOLUME/ARG; for HEALTHCHECK the type then the command.
    /// Empty for ENV and LABEL (see <see cref="KeyValues"/>) and for ONBUILD (see <see cref="Trigger"/>).
    /// </summary>
    public ImmutableArray<SyntaxValue> Arguments { get; }

    /// <summary>The pairs of ENV and LABEL.</summary>
    public ImmutableArray<KeyValueSyntax> KeyValues { get; }

    /// <summary>True when the arguments are a JSON string array (exec form).</summary>
    public bool IsExecForm { get; }

    /// <summary>The instruction an ONBUILD registers.</summary>
    public InstructionSyntax? Trigger { get; }

    /// <summary>The ONBUILD this instruction is the trigger of.</summary>
    public InstructionSyntax? Parent { get; private set; }

    /// <summary>Heredocs opened by this instruction, in order.</summary>
    public ImmutableArray<HeredocSyntax> Heredocs { get; internal set; } = [];

    /// <summary>The keyword text in upper case, e.g. <c>RUN</c> (for unknown instructions, as written).</summary>
    public string KeywordText => Kind == InstructionKind.Unknown ? Keyword.Value : Kind.ToKeyword();

    /// <summary>From the keyword to the end of the last heredoc terminator or argument.</summary>
    public TextSpan Span
    {
        get
        {
            var last = LastToken;
            return TextSpan.FromBounds(Keyword.Span.Start, last.Span.End);
        }
    }

    /// <summary>Every token of the instruction in source order (trigger and heredocs included).</summary>
    public IEnumerable<SyntaxToken> Tokens
    {
        get
        {
            yield return Keyword;
            foreach (var flag in Flags)
            {
                yield return flag.Token;
            }

            if (FlagTerminator is not null)
            {
                yield return FlagTerminator;
            }

            if (Trigger is not null)
            {
                foreach (var token in Trigger.Tokens)
                {
                    yield return token;
                }
            }

            foreach (var token in ArgumentTokens)
            {
                yield return token;
            }

            foreach (var heredoc in Heredocs)
            {
                yield return heredoc.Body;
                if (heredoc.Terminator is not null)
                {
                    yield return heredoc.Terminator;
                }
            }
        }
    }

    /// <summary>The last token of the instruction.</summary>
    public SyntaxToken LastToken
    {
        get
        {
            if (!Heredocs.IsEmpty)
            {
                return Heredocs[^1].Terminator ?? Heredocs[^1].Body;
            }

            if (!ArgumentTokens.IsEmpty)
            {
                return ArgumentTokens[^1];
            }

            if (Trigger is not null)
            {
                return Trigger.LastToken;
            }

            return FlagTerminator ?? (Flags.IsEmpty ? Keyword : Flags[^1].Token);
        }
    }

    /// <summary>Adds <see cref="Tokens"/> to <paramref name="tokens"/> (without an iterator).</summary>
    internal void AddTokensTo(List<SyntaxToken> tokens)
    {
        tokens.Add(Keyword);
        foreach (var flag in Flags)
        {
            tokens.Add(flag.Token);
        }

        if (FlagTerminator is not null)
        {
            tokens.Add(FlagTerminator);
        }

        Trigger?.AddTokensTo(tokens);
        foreach (var token in ArgumentTokens)
        {
            tokens.Add(token);
        }

        foreach (var heredoc in Heredocs)
        {
            tokens.Add(heredoc.Body);
            if (heredoc.Terminator is not null)
            {
                tokens.Add(heredoc.Terminator);
            }
        }
    }

    /// <summary>Looks up a flag by name (case-sensitive, as BuildKit); the last one wins when repeated.</summary>
    public FlagSyntax? GetFlag(string name)
    {
        FlagSyntax? found = null;
        foreach (var flag in Flags)
        {
            if (flag.Name == name)
            {
                found = flag;
            }
        }

        return found;
    }

    internal LogicalLine Line { get; }

    /// <inheritdoc />
    public override string ToString() => Line.ToString();
}

/// <summary>The root of a Dockerfile tree.</summary>
public sealed class DockerfileSyntax
{
    private readonly TokenSource _file;

    internal DockerfileSyntax(ImmutableArray<ParserDirective> directives, ImmutableArray<InstructionSyntax> instructions, SyntaxToken endOfFile, ImmutableArray<SyntaxToken> tokens, TokenSource file)
    {
        _file = file;
        Directives = directives;
        Instructions = instructions;
        EndOfFile = endOfFile;
        AllTokens = tokens;
    }

    /// <summary>Parser directives at the top of the file.</summary>
    public ImmutableArray<ParserDirective> Directives { get; }

    /// <summary>Top-level instructions in order.</summary>
    public ImmutableArray<InstructionSyntax> Instructions { get; }

    /// <summary>The end-of-file token; trailing comments are its leading trivia.</summary>
    public SyntaxToken EndOfFile { get; }

    /// <summary>Every token of the file in source order, end of file last.</summary>
    public ImmutableArray<SyntaxToken> AllTokens { get; }

    /// <summary>Every trivia of the file in source order, including trivia inside tokens (each token's leading, inner, then trailing trivia).</summary>
    public SyntaxTriviaList DescendantTrivia() => new(_file.Trivia, 0, _file.Trivia.Length);
}
