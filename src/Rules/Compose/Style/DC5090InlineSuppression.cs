using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Style;

/// <summary>
/// Any inline suppression comment in a Compose file (opt-in). Reported by the engine's suppression
/// pass (src/Rules/Suppressions), not by an action.
/// </summary>
public sealed class DC5090InlineSuppression : ComposeRule
{
    /// <summary>The descriptor, for the suppression pass.</summary>
    internal static readonly DiagnosticDescriptor Definition = CreateOptInDescriptor(
        "DC5090",
        "Inline suppression comment",
        "{0}",
        RuleCategories.Style,
        DiagnosticSeverity.Warning,
        "A comment suppresses findings in the Compose file itself, where reviews rarely look.",
        "suppression");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Definition;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports every inline suppression comment of a Compose file: `# dockerlint ignore=`,
        `disable=` and `global ignore=`. It is off by default. Turn it on for organisations that keep
        exceptions out of the files. It still reports when `--no-inline-suppressions` makes the
        comments ineffective.

        ## Why is this bad?

        A suppression in the file is easy to add in a pull request and hard to audit: the exception
        belongs in the configuration (`.dockerlint.yaml` `disable:`, `.editorconfig` severities) or a
        baseline, where security reviewers look.

        ## Example

        ```yaml
        services:
          web:
            image: nginx:1.27
            # dockerlint ignore=DC1001
            user: root
        ```

        ## Use instead

        ```yaml
        services:
          web:
            image: nginx:1.27
            user: "1000"
        ```

        Most teams leave this rule off: a justified inline suppression with a reason is often the
        clearest record of an exception.
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        // The suppression pass reports this rule once every other rule has run.
    }
}
