using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Engine;

/// <summary>Whether a rule runs by default.</summary>
public enum RuleStatus
{
    /// <summary>Runs by default.</summary>
    Stable,

    /// <summary>Runs only with <c>--preview</c>.</summary>
    Preview,
}

/// <summary>Which kind of file a rule reads.</summary>
public enum RuleTarget
{
    /// <summary>Dockerfiles (IDs DF…).</summary>
    Dockerfile,

    /// <summary>Compose projects (IDs DC…).</summary>
    Compose,
}

/// <summary>
/// A rule: its Roslyn <see cref="DiagnosticDescriptor"/> (the contract: ID, title, message,
/// category, default severity, help URI) and the metadata that documents it. Derived classes are
/// sealed, one per file, named after the ID and the pattern they flag (<c>DF1001RootUser</c>), and
/// found by reflection; see <see cref="DockerfileRule"/> and <see cref="ComposeRule"/>.
/// </summary>
public abstract class Rule
{
    /// <summary>The descriptor every finding of the rule is created from.</summary>
    public abstract DiagnosticDescriptor Descriptor { get; }

    /// <summary>Which kind of file the rule reads.</summary>
    public abstract RuleTarget Target { get; }

    /// <summary>
    /// Equivalent checks of other tools, as <c>tool:ID</c>: <c>hadolint:DL3002</c>, <c>buildkit:JSONArgsRecommended</c>,
    /// <c>trivy:DS-0002</c>, <c>checkov:CKV_DOCKER_3</c>, <c>kics:&lt;query UUID&gt;</c>, <c>dclint:no-build-and-image</c>,
    /// <c>dockerfile-utils:MULTIPLE_INSTRUCTIONS</c>; the allowed spellings are in <see cref="RuleAliases"/>.
    /// </summary>
    public virtual ImmutableArray<string> Aliases => [];

    /// <summary>Stable or preview.</summary>
    public virtual RuleStatus Status => RuleStatus.Stable;

    /// <summary>True when the rule offers a fix.</summary>
    public virtual bool FixAvailable => false;

    /// <summary>
    /// Markdown with the sections <c>## What it does</c>, <c>## Why is this bad?</c>, <c>## Example</c>
    /// and <c>## Use instead</c>.
    /// </summary>
    public abstract string Explanation { get; }

    /// <summary>
    /// The options the documented examples are linted with, for rules that stay silent until an
    /// option is set (<c>trusted-registries</c>, <c>allowed-ports</c>); null when they need none. The
    /// explanation should show the same values.
    /// </summary>
    public virtual RuleOptions? ExampleOptions => null;

    /// <summary>For security rules, the CVSS-like score GitHub shows (0.0–10.0); null otherwise.</summary>
    public virtual double? SecuritySeverity => null;

    /// <summary>The rule's ID.</summary>
    public string Id => Descriptor.Id;

    /// <summary>Tags: the category in lower case plus the descriptor's custom tags.</summary>
    public ImmutableArray<string> Tags => [Descriptor.Category.ToLowerInvariant(), .. Descriptor.CustomTags];

    /// <summary>The documentation page, relative to the repository root.</summary>
    public string HelpUri => Descriptor.HelpLinkUri;

    /// <summary>Creates a descriptor with DockerLint's conventions (help URI <c>docs/rules/ID.md</c>).</summary>
    protected static DiagnosticDescriptor CreateDescriptor(
        string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description, params string[] tags)
        => new(id, title, messageFormat, category, severity, isEnabledByDefault: true, description, $"docs/rules/{id}.md", tags);

    /// <summary>
    /// Creates the descriptor of an opt-in rule: off unless configuration turns it on (a severity in
    /// <c>.editorconfig</c>, <c>enable:</c> in <c>.dockerlint.yaml</c>). For contested policy and style.
    /// </summary>
    protected static DiagnosticDescriptor CreateOptInDescriptor(
        string id, string title, string messageFormat, string category, DiagnosticSeverity severity, string description, params string[] tags)
        => new(id, title, messageFormat, category, severity, isEnabledByDefault: false, description, $"docs/rules/{id}.md", tags);

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Descriptor.Title}";
}

/// <summary>The rule categories, which are also ID bands: x0xx syntax, x1xxx security, x2xxx correctness, x3xxx best practice, x5xxx style.</summary>
public static class RuleCategories
{
    /// <summary>Syntax and schema (x0xx).</summary>
    public const string Syntax = "Syntax";

    /// <summary>Security (x1xxx).</summary>
    public const string Security = "Security";

    /// <summary>Correctness (x2xxx).</summary>
    public const string Correctness = "Correctness";

    /// <summary>Best practice: reproducibility, image size, maintainability (x3xxx).</summary>
    public const string BestPractice = "BestPractice";

    /// <summary>Style (x5xxx).</summary>
    public const string Style = "Style";

    /// <summary>The category an ID's band stands for; null when the ID is not in a band.</summary>
    public static string? ForId(string id)
    {
        if (id.Length != 6 || !(id.StartsWith("DF", StringComparison.Ordinal) || id.StartsWith("DC", StringComparison.Ordinal)) || !id[2..].All(char.IsAsciiDigit))
        {
            return null;
        }

        return id[2] switch
        {
            '0' => Syntax,
            '1' => Security,
            '2' => Correctness,
            '3' => BestPractice,
            '5' => Style,
            _ => null,
        };
    }
}
