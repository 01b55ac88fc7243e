using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Configuration;

/// <summary>What a configuration source says about one rule.</summary>
public enum RuleSettingKind
{
    /// <summary>The rule's own default (on or off, at its default severity): <c>default</c>.</summary>
    Default,

    /// <summary>On, at the rule's default severity (<c>enable:</c>).</summary>
    On,

    /// <summary>Off (<c>none</c>, <c>disable:</c>, hadolint's <c>ignored:</c>).</summary>
    Off,

    /// <summary>On, at <see cref="RuleSetting.Severity"/>.</summary>
    Severity,
}

/// <summary>One setting of one rule, and where it was written.</summary>
/// <param name="Kind">What it says.</param>
/// <param name="Severity">The severity, for <see cref="RuleSettingKind.Severity"/> (Hidden is <c>silent</c>).</param>
/// <param name="Source">Where it was written: <c>path:line</c>, or <c>path [section]</c> for .editorconfig.</param>
public sealed record RuleSetting(RuleSettingKind Kind, DiagnosticSeverity Severity, string Source)
{
    /// <summary>Parses a severity word: <c>none</c>/<c>off</c>, <c>silent</c>, <c>suggestion</c> (<c>info</c>, <c>note</c>), <c>warning</c>, <c>error</c>, <c>default</c>; null when it is none of them.</summary>
    public static RuleSetting? Parse(string value, string source) => value.Trim().ToLowerInvariant() switch
    {
        "none" or "off" => new(RuleSettingKind.Off, DiagnosticSeverity.Hidden, source),
        "silent" or "hidden" => new(RuleSettingKind.Severity, DiagnosticSeverity.Hidden, source),
        "suggestion" or "info" or "note" => new(RuleSettingKind.Severity, DiagnosticSeverity.Info, source),
        "warning" or "warn" => new(RuleSettingKind.Severity, DiagnosticSeverity.Warning, source),
        "error" => new(RuleSettingKind.Severity, DiagnosticSeverity.Error, source),
        "default" => new(RuleSettingKind.Default, DiagnosticSeverity.Hidden, source),
        _ => null,
    };

    /// <summary>The setting for a Roslyn <see cref="ReportDiagnostic"/> (as .editorconfig's <c>dotnet_diagnostic.ID.severity</c> is read).</summary>
    public static RuleSetting From(ReportDiagnostic value, string source) => value switch
    {
        ReportDiagnostic.Suppress => new(RuleSettingKind.Off, DiagnosticSeverity.Hidden, source),
        ReportDiagnostic.Hidden => new(RuleSettingKind.Severity, DiagnosticSeverity.Hidden, source),
        ReportDiagnostic.Info => new(RuleSettingKind.Severity, DiagnosticSeverity.Info, source),
        ReportDiagnostic.Warn => new(RuleSettingKind.Severity, DiagnosticSeverity.Warning, source),
        ReportDiagnostic.Error => new(RuleSettingKind.Severity, DiagnosticSeverity.Error, source),
        _ => new(RuleSettingKind.Default, DiagnosticSeverity.Hidden, source),
    };

    /// <summary>The word configuration files use for a severity.</summary>
    public static string Word(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "suggestion",
        _ => "silent",
    };
}

/// <summary>How a rule runs on one file, after every configuration source is taken into account.</summary>
/// <param name="Enabled">Whether the rule runs (and its findings are kept).</param>
/// <param name="Severity">The severity its findings get (Hidden for <c>silent</c>: kept out of the command line's report).</param>
/// <param name="Source">The setting that decided it, or <c>default</c>.</param>
public sealed record RuleState(bool Enabled, DiagnosticSeverity Severity, string Source)
{
    /// <summary>The word for the state: <c>none</c> when off, else the severity's word.</summary>
    public string Word => Enabled ? RuleSetting.Word(Severity) : "none";
}
