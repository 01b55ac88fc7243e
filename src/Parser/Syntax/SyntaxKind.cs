namespace DockerLint.Parser.Syntax;

/// <summary>The kind of a token or trivia in a Dockerfile syntax tree.</summary>
public enum SyntaxKind
{
    None = 0,

    // Tokens
    /// <summary>The instruction keyword, e.g. <c>RUN</c>; for an unknown instruction, its first word.</summary>
    KeywordToken,
    /// <summary>A builder flag such as <c>--from=build</c> or <c>--link</c>.</summary>
    FlagToken,
    /// <summary>The <c>--</c> that ends the flags of an instruction.</summary>
    FlagTerminatorToken,
    /// <summary>A word of the arguments (shell form, lists, key=value pairs).</summary>
    WordToken,
    /// <summary><c>[</c> of an exec-form (JSON) array.</summary>
    OpenBracketToken,
    /// <summary><c>]</c> of an exec-form (JSON) array.</summary>
    CloseBracketToken,
    /// <summary><c>,</c> between exec-form (JSON) elements.</summary>
    CommaToken,
    /// <summary>A JSON string literal of an exec-form array, quotes included.</summary>
    JsonStringToken,
    /// <summary>The body of a heredoc: every line between the instruction and the terminator.</summary>
    HeredocBodyToken,
    /// <summary>The line that closes a heredoc (its delimiter word).</summary>
    HeredocTerminatorToken,
    /// <summary>Zero-width token at the end of the file; carries the trailing comments as leading trivia.</summary>
    EndOfFileToken,

    // Trivia
    /// <summary>Spaces and tabs (and other white space) that separate tokens.</summary>
    WhitespaceTrivia,
    /// <summary>A line terminator: <c>\n</c>, <c>\r\n</c> (any <c>\r</c> run before <c>\n</c>).</summary>
    EndOfLineTrivia,
    /// <summary>The escape character at the end of a line, the blanks after it and the line terminator.</summary>
    LineContinuationTrivia,
    /// <summary>A comment line (from <c>#</c> to the end of the line, terminator excluded).</summary>
    CommentTrivia,
    /// <summary>A parser directive such as <c># escape=`</c> (terminator excluded).</summary>
    ParserDirectiveTrivia,
    /// <summary>The UTF-8 byte order mark at the start of the file.</summary>
    ByteOrderMarkTrivia,
}
