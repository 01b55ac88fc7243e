using Microsoft.CodeAnalysis;

namespace DockerLint.Parser.Compose;

/// <summary>
/// Descriptors of the problems the Compose loader reports (the <c>DC0xxx</c> band): YAML
/// (DC0001–DC0009), schema (DC0010–DC0019), interpolation and env files (DC0020–DC0029),
/// merging, include and extends (DC0030–DC0039), YAML 1.1 traps (DC0040–DC0049).
/// </summary>
public static class ComposeDiagnostics
{
    /// <summary>The category of every Compose loading diagnostic.</summary>
    public const string Category = "Syntax";

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, description: description, helpLinkUri: $"docs/rules/{id}.md");

    /// <summary>DC0001: the file is not valid YAML.</summary>
    public static readonly DiagnosticDescriptor InvalidYaml = Create(
        "DC0001", "Invalid YAML", "Invalid YAML: {0}", DiagnosticSeverity.Error,
        "The file cannot be read as YAML, so docker compose cannot load it.");

    /// <summary>DC0002: a mapping repeats a key.</summary>
    public static readonly DiagnosticDescriptor DuplicateKey = Create(
        "DC0002", "Duplicate key", "The key '{0}' is already defined in this mapping (line {1})", DiagnosticSeverity.Error,
        "docker compose rejects a mapping that defines the same key twice.");

    /// <summary>DC0003: the YAML exceeds a safety limit (alias expansion, nesting depth, size).</summary>
    public static readonly DiagnosticDescriptor YamlLimitExceeded = Create(
        "DC0003", "YAML limit exceeded", "{0}", DiagnosticSeverity.Error,
        "The file expands beyond a safety limit (for example an alias bomb); the rest of it is not analysed.");

    /// <summary>DC0004: a YAML tag Compose does not understand.</summary>
    public static readonly DiagnosticDescriptor UnknownTag = Create(
        "DC0004", "Unknown YAML tag", "Unknown YAML tag '{0}'", DiagnosticSeverity.Warning,
        "Compose understands the standard YAML tags and its own !reset and !override.");

    /// <summary>DC0005: a file could not be read.</summary>
    public static readonly DiagnosticDescriptor FileNotReadable = Create(
        "DC0005", "File not readable", "Cannot read '{0}': {1}", DiagnosticSeverity.Error,
        "A Compose file, or a file it refers to, is missing or cannot be read.");

    /// <summary>DC0006: the file is larger than the size limit, so it is not analysed.</summary>
    public static readonly DiagnosticDescriptor FileTooLarge = Create(
        "DC0006", "File too large", "The file is {0} bytes, more than the limit of {1} bytes (--max-file-size); it is not analysed", DiagnosticSeverity.Error,
        "DockerLint skips a file larger than the size limit (10 MiB unless --max-file-size says otherwise), so that no input makes memory or time grow without bound. Nothing else in the file is checked.");

    /// <summary>DC0007: the file holds a NUL byte, so it is binary and not analysed.</summary>
    public static readonly DiagnosticDescriptor BinaryFile = Create(
        "DC0007", "Binary file", "The file holds a NUL byte (at byte offset {0}), so it is binary, not YAML; it is not analysed", DiagnosticSeverity.Error,
        "YAML is text; a NUL byte (that is not part of UTF-16 text) means the file is binary. Nothing else in the file is checked.");

    /// <summary>DC0008: the file is not valid UTF-8; it is analysed with U+FFFD for the bad bytes.</summary>
    public static readonly DiagnosticDescriptor InvalidUtf8 = Create(
        "DC0008", "Invalid UTF-8", "The file is not valid UTF-8 (the first bad byte is at byte offset {0}); it is analysed with U+FFFD in place of each bad sequence", DiagnosticSeverity.Warning,
        "docker compose reads YAML as UTF-8 (or UTF-16) and rejects other bytes; the file was probably saved as Latin-1 or Windows-1252. Save it as UTF-8.");

    /// <summary>DC0010: a value breaks the Compose schema.</summary>
    public static readonly DiagnosticDescriptor SchemaViolation = Create(
        "DC0010", "Compose schema violation", "{0}", DiagnosticSeverity.Error,
        "The file does not follow the Compose Specification's JSON schema, so docker compose rejects it.");

    /// <summary>DC0011: a key the schema does not know (often a typo).</summary>
    public static readonly DiagnosticDescriptor UnknownKey = Create(
        "DC0011", "Unknown key", "{0}", DiagnosticSeverity.Error,
        "The key is not part of the Compose Specification at this place; docker compose rejects it.");

    /// <summary>DC0020: a required variable (<c>${VAR:?err}</c>) is not set.</summary>
    public static readonly DiagnosticDescriptor RequiredVariableMissing = Create(
        "DC0020", "Required variable not set", "{0}", DiagnosticSeverity.Error,
        "The file requires a variable that is set neither in the environment given nor in the .env file.");

    /// <summary>DC0021: an interpolation is malformed.</summary>
    public static readonly DiagnosticDescriptor InvalidInterpolation = Create(
        "DC0021", "Invalid interpolation", "{0}", DiagnosticSeverity.Error,
        "The value has a malformed ${...} expression; write $$ for a literal dollar sign.");

    /// <summary>DC0022: a line of an env file cannot be read.</summary>
    public static readonly DiagnosticDescriptor InvalidEnvFile = Create(
        "DC0022", "Invalid env file", "{0}", DiagnosticSeverity.Error,
        "A line of the env file is not NAME=value.");

    /// <summary>DC0030: include/extends/merge cannot be resolved.</summary>
    public static readonly DiagnosticDescriptor InvalidReference = Create(
        "DC0030", "Unresolvable include or extends", "{0}", DiagnosticSeverity.Error,
        "An include, extends or merge refers to a file or service that cannot be found, or forms a cycle.");

    /// <summary>DC0040: an unquoted YAML 1.1 boolean where Compose expects a string.</summary>
    public static readonly DiagnosticDescriptor YamlBooleanTrap = Create(
        "DC0040", "Unquoted YAML boolean", "'{0}' is read as a boolean by YAML 1.1 parsers; quote it to keep the text", DiagnosticSeverity.Warning,
        "Unquoted yes/no/on/off/true/false in environment values and labels are booleans for many YAML parsers; quote them.");

    /// <summary>DC0041: a port written like HH:MM that YAML 1.1 reads as a base-60 number.</summary>
    public static readonly DiagnosticDescriptor YamlSexagesimalTrap = Create(
        "DC0041", "Port read as a base-60 number", "'{0}' is a base-60 number for YAML 1.1 parsers; quote ports written as HOST:CONTAINER", DiagnosticSeverity.Warning,
        "An unquoted port mapping such as 22:22 with both parts under 60 is read as a sexagesimal integer by YAML 1.1 parsers.");

    /// <summary>Every descriptor of this class.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        InvalidYaml, DuplicateKey, YamlLimitExceeded, UnknownTag, FileNotReadable, FileTooLarge, BinaryFile, InvalidUtf8, SchemaViolation, UnknownKey,
        RequiredVariableMissing, InvalidInterpolation, InvalidEnvFile, InvalidReference, YamlBooleanTrap, YamlSexagesimalTrap,
    ];
}
