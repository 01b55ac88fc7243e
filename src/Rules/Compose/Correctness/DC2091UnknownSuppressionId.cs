using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Correctness;

/// <summary>
/// A <c># dockerlint</c> suppression comment in a Compose file names an ID that is no rule, or cannot be
/// read. Reported by the engine's suppression pass (src/Rules/Suppressions).
/// </summary>
public sealed class DC2091UnknownSuppressionId : ComposeRule
{
    /// <summary>The descriptor, for the suppression pass.</summary>
    internal static readonly DiagnosticDescriptor Definition = CreateDescriptor(
        "DC2091",
        "Suppression comment with an unknown rule ID",
        "{0}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Warning,
        "A '# dockerlint' suppression comment in a Compose file names an ID that is neither a DockerLint rule nor another tool's ID one of its rules stands for, or is not written as a suppression can be.",
        "suppression");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Definition;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports an ID in a `# dockerlint ignore=…`, `disable=…`, `enable=…` or `global ignore=…`
        comment of a Compose file that DockerLint does not know: not a rule ID (`DC1001`, any case),
        not an alias (`dclint:no-build-and-image`), not another tool's bare ID one of the rules
        stands for, and not `all`. Also reports a `# dockerlint` comment that cannot be read as a
        suppression (`# dockerlint ignroe=DC1001`).

        Do not turn it off: an unknown ID in a suppression comment silences nothing, so the comment is
        a typo or names a rule that no longer exists; fix or delete it.

        ## Why is this bad?

        A mistyped ID suppresses nothing: the finding is still reported, or the author believes a
        rule is silenced that is not.

        ## Example

        ```yaml
        services:
          web:
            # dockerlint ignore=DC10001
            image: nginx:1.27
            user: root
        ```

        ## Use instead

        ```yaml
        services:
          web:
            image: nginx:1.27
            # dockerlint ignore=DC1001 -- the entrypoint drops privileges itself
            user: root
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        // The suppression pass reports this rule once every other rule has run.
    }
}
