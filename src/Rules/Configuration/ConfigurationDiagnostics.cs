using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Configuration;

/// <summary>
/// Descriptors of the problems found in configuration files (<c>.dockerlint.yaml</c>,
/// <c>.hadolint.yaml</c>, <c>.editorconfig</c>): DF0090–DF0099. They sit in the Dockerfile syntax
/// band because they are problems of a file DockerLint reads, not of the linted files, and a finding
/// there points at the configuration file and line. A broken configuration never throws: it is
/// reported, and the parts that could be read still apply.
/// </summary>
public static class ConfigurationDiagnostics
{
    /// <summary>The category of every configuration diagnostic.</summary>
    public const string Category = "Syntax";

    /// <summary>DF0090: a key DockerLint does not know, or a value of the wrong shape.</summary>
    public static readonly DiagnosticDescriptor InvalidConfiguration = Create(
        "DF0090", "Invalid configuration", "{0}", DiagnosticSeverity.Error,
        "A .dockerlint.yaml holds invalid YAML, a key DockerLint does not know, or a value of the wrong type or format.");

    /// <summary>DF0091: a rule ID that names no rule.</summary>
    public static readonly DiagnosticDescriptor UnknownRule = Create(
        "DF0091", "Unknown rule in configuration", "'{0}' is not a DockerLint rule ID nor an alias of one (see 'dockerlint rules')", DiagnosticSeverity.Error,
        "The configuration names a rule that does not exist: a typo, or a rule of another tool DockerLint has no equivalent for.");

    /// <summary>DF0092: a hadolint rule with no DockerLint equivalent.</summary>
    public static readonly DiagnosticDescriptor UnmappedHadolintRule = Create(
        "DF0092", "hadolint rule without an equivalent", "{0} has no DockerLint equivalent; the setting in {1} is ignored", DiagnosticSeverity.Warning,
        "A .hadolint.yaml names a hadolint or ShellCheck rule that no DockerLint rule lists among its aliases, so that setting has no effect.");

    /// <summary>DF0093: an <c>.editorconfig</c> severity DockerLint cannot read.</summary>
    public static readonly DiagnosticDescriptor InvalidEditorConfig = Create(
        "DF0093", "Invalid .editorconfig severity", "{0}", DiagnosticSeverity.Warning,
        "An .editorconfig entry for a DockerLint rule or category has a value that is not a severity (none, silent, suggestion, warning, error, default).");

    /// <summary>Every configuration diagnostic.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = [InvalidConfiguration, UnknownRule, UnmappedHadolintRule, InvalidEditorConfig];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, description: description, helpLinkUri: $"docs/rules/{id}.md");
}
