using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Correctness;

/// <summary>
/// A <c># dockerlint ignore=</c>, <c>disable=</c>, <c>enable=</c> or <c>global ignore=</c> comment in a
/// Compose file that suppresses nothing. Reported by the engine's suppression pass (src/Rules/Suppressions).
/// </summary>
public sealed class DC2090UnusedSuppression : ComposeRule
{
    /// <summary>The descriptor, for the suppression pass.</summary>
    internal static readonly DiagnosticDescriptor Definition = CreateDescriptor(
        "DC2090",
        "Suppression comment that suppresses nothing",
        "{0}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Info,
        "A '# dockerlint' suppression comment in a Compose file names a rule that reports nothing where the comment applies, so the comment is stale or misplaced.",
        "suppression");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Definition;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports each ID of a `# dockerlint ignore=…`, `disable=…` or `global ignore=…` comment in a
        Compose file (or a file it includes or extends) that suppressed no finding, and an
        `enable=…` that ends no `disable=…` block. An `ignore=` comment covers the key (with its whole
        value) or the list item that starts on the first line below it that is not a comment, or,
        written after a value, the key or item of its own line.

        Only rules that ran are checked, and with `--no-inline-suppressions` this rule stays quiet.

        Turn it off while a suppression is kept on purpose for a rule that only fires in some
        configurations (other override files or options); for one comment, use `# dockerlint
        ignore=DC2090` above it.

        ## Why is this bad?

        A suppression that no longer suppresses anything hides the next real finding of that rule
        at that place: the problem was fixed, the key moved, or the ID is the wrong one.

        ## Example

        ```yaml
        services:
          web:
            # dockerlint ignore=DC1001 -- runs as root
            image: nginx:1.27
        ```

        ## Use instead

        ```yaml
        services:
          web:
            image: nginx:1.27
        ```

        The severity is a note, so the rule does not fail a run at the default fail level.
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        // The suppression pass reports this rule once every other rule has run.
    }
}
