using Microsoft.CodeAnalysis;

namespace DockerLint.Parser.Diagnostics;

/// <summary>
/// Descriptors of the problems the Dockerfile parser and model report (the <c>DF0xxx</c> band).
/// The parser never throws on bad input: each problem becomes one of these, and parsing goes on.
/// </summary>
public static class SyntaxDiagnostics
{
    /// <summary>The category of every syntax diagnostic.</summary>
    public const string Category = "Syntax";

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, description: description, helpLinkUri: $"docs/rules/{id}.md");

    /// <summary>DF0001: the keyword is not a Dockerfile instruction.</summary>
    public static readonly DiagnosticDescriptor UnknownInstruction = Create(
        "DF0001", "Unknown instruction", "Unknown instruction '{0}'", DiagnosticSeverity.Error,
        "BuildKit rejects an instruction it does not know; the build fails at this line.");

    /// <summary>DF0002: the instruction lacks arguments it needs.</summary>
    public static readonly DiagnosticDescriptor MissingArguments = Create(
        "DF0002", "Missing arguments", "{0} requires {1}", DiagnosticSeverity.Error,
        "The instruction does not have the arguments BuildKit needs to run it.");

    /// <summary>DF0003: a heredoc has no terminator line.</summary>
    public static readonly DiagnosticDescriptor UnterminatedHeredoc = Create(
        "DF0003", "Unterminated heredoc", "The heredoc '{0}' is never closed: no line reads '{0}' before the end of the file", DiagnosticSeverity.Error,
        "A heredoc body runs until a line that holds only its delimiter; without that line BuildKit fails.");

    /// <summary>DF0004: a parser directive is invalid or repeated.</summary>
    public static readonly DiagnosticDescriptor InvalidParserDirective = Create(
        "DF0004", "Invalid parser directive", "{0}", DiagnosticSeverity.Error,
        "Parser directives (# syntax=, # escape=, # check=) may appear once each, and escape accepts only \\ or `.");

    /// <summary>DF0005: a blank line inside a line continuation.</summary>
    public static readonly DiagnosticDescriptor EmptyContinuationLine = Create(
        "DF0005", "Empty continuation line", "Empty line inside a continued {0} instruction", DiagnosticSeverity.Warning,
        "BuildKit ignores blank lines inside a line continuation but warns that they will become errors.");

    /// <summary>DF0006: a flag is malformed or not accepted by the instruction.</summary>
    public static readonly DiagnosticDescriptor InvalidFlag = Create(
        "DF0006", "Invalid flag", "{0}", DiagnosticSeverity.Error,
        "The flag is not one the instruction accepts, or it is written in a way BuildKit rejects.");

    /// <summary>DF0007: a JSON array with elements that are not strings.</summary>
    public static readonly DiagnosticDescriptor InvalidExecForm = Create(
        "DF0007", "Exec form with non-string elements", "Exec form arrays may only contain strings", DiagnosticSeverity.Error,
        "A JSON array in exec form must hold strings only; BuildKit rejects other JSON values.");

    /// <summary>DF0008: the file has no instruction at all.</summary>
    public static readonly DiagnosticDescriptor NoInstructions = Create(
        "DF0008", "File with no instructions", "The Dockerfile contains no instructions", DiagnosticSeverity.Error,
        "BuildKit refuses a Dockerfile that is empty or holds only comments.");

    /// <summary>DF0009: an ENV or LABEL pair is malformed.</summary>
    public static readonly DiagnosticDescriptor InvalidKeyValue = Create(
        "DF0009", "Invalid key-value pair", "{0}", DiagnosticSeverity.Error,
        "ENV and LABEL take key=value pairs, or the legacy form with a key and a value separated by white space.");

    /// <summary>DF0010: the instruction's arguments are malformed.</summary>
    public static readonly DiagnosticDescriptor InvalidArguments = Create(
        "DF0010", "Invalid instruction arguments", "{0}", DiagnosticSeverity.Error,
        "BuildKit rejects the instruction's arguments as written.");

    /// <summary>DF0011: an instruction other than ARG before the first FROM.</summary>
    public static readonly DiagnosticDescriptor InstructionBeforeFrom = Create(
        "DF0011", "Instruction before FROM", "{0} appears before the first FROM; only ARG may precede it", DiagnosticSeverity.Error,
        "Every build step needs a stage; only ARG (global build arguments) may come before the first FROM.");

    /// <summary>DF0012: a variable reference that BuildKit cannot expand.</summary>
    public static readonly DiagnosticDescriptor InvalidVariableExpansion = Create(
        "DF0012", "Invalid variable expansion", "{0}", DiagnosticSeverity.Error,
        "The word has a malformed variable reference or quoting that BuildKit's expansion rejects.");

    /// <summary>DF0013: the file is larger than the size limit, so it is not analysed.</summary>
    public static readonly DiagnosticDescriptor FileTooLarge = Create(
        "DF0013", "File too large", "The file is {0} bytes, more than the limit of {1} bytes (--max-file-size); it is not analysed", DiagnosticSeverity.Error,
        "DockerLint skips a file larger than the size limit (10 MiB unless --max-file-size says otherwise), so that no input makes memory or time grow without bound. Nothing else in the file is checked.");

    /// <summary>DF0014: the file holds a NUL byte, so it is binary and not analysed.</summary>
    public static readonly DiagnosticDescriptor BinaryFile = Create(
        "DF0014", "Binary file", "The file holds a NUL byte (at byte offset {0}), so it is binary, not a Dockerfile; it is not analysed", DiagnosticSeverity.Error,
        "A Dockerfile is text; a NUL byte (that is not part of UTF-16 text) means the file is binary, or was saved in an encoding BuildKit cannot read. Nothing else in the file is checked.");

    /// <summary>DF0015: the file is not valid UTF-8; it is analysed with U+FFFD for the bad bytes.</summary>
    public static readonly DiagnosticDescriptor InvalidUtf8 = Create(
        "DF0015", "Invalid UTF-8", "The file is not valid UTF-8 (the first bad byte is at byte offset {0}); it is analysed with U+FFFD in place of each bad sequence", DiagnosticSeverity.Warning,
        "BuildKit reads a Dockerfile as UTF-8; bytes that are not UTF-8 (often a file saved as Latin-1 or Windows-1252) reach the build as garbage. Save the file as UTF-8.");

    /// <summary>DF0016: the file is UTF-16, which BuildKit does not read.</summary>
    public static readonly DiagnosticDescriptor Utf16Encoding = Create(
        "DF0016", "Dockerfile saved as UTF-16", "The file is {0} ({1} a byte order mark); BuildKit reads Dockerfiles as UTF-8 and fails on it", DiagnosticSeverity.Error,
        "Some Windows editors and PowerShell's Out-File save text as UTF-16. DockerLint decodes it and analyses the text, but docker build reads the bytes as UTF-8 and fails at the first line. Save the file as UTF-8.");

    /// <summary>Every descriptor of this class.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        UnknownInstruction, MissingArguments, UnterminatedHeredoc, InvalidParserDirective, EmptyContinuationLine,
        InvalidFlag, InvalidExecForm, NoInstructions, InvalidKeyValue, InvalidArguments, InstructionBeforeFrom,
        InvalidVariableExpansion, FileTooLarge, BinaryFile, InvalidUtf8, Utf16Encoding,
    ];
}
