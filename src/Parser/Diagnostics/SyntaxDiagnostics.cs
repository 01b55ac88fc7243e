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

    /// <summary>Every descriptor of this class.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        UnknownInstruction, MissingArguments, UnterminatedHeredoc, InvalidParserDirective, EmptyContinuationLine,
        InvalidFlag, InvalidExecForm, NoInstructions, InvalidKeyValue, InvalidArguments, InstructionBeforeFrom,
        InvalidVariableExpansion,
    ];
}
