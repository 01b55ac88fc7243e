using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Correctness;

/// <summary>
/// A <c># dockerlint</c> suppression comment names an ID that is no rule, or cannot be read. Reported by
/// the engine's suppression pass (src/Rules/Suppressions), not by an action.
/// </summary>
public sealed class DF2091UnknownSuppressionId : DockerfileRule
{
    /// <summary>The descriptor, for the suppression pass.</summary>
    internal static readonly DiagnosticDescriptor Definition = CreateDescriptor(
        "DF2091",
        "Suppression comment with an unknown rule ID",
        "{0}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Warning,
        "A '# dockerlint' suppression comment names an ID that is neither a DockerLint rule nor another tool's ID one of its rules stands for, or is not written as a suppression can be.",
        "suppression");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Definition;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports an ID in a `# dockerlint ignore=…`, `disable=…`, `enable=…` or `global ignore=…`
        comment that DockerLint does not know. An ID is known when it is a DockerLint rule (`DF3001`,
        any case), another tool's ID written as an alias (`hadolint:DL3006`), another tool's bare ID
        that one of DockerLint's rules stands for (`DL3006`), or `all`. Also reports a comment that
        starts with `# dockerlint` but cannot be read as a suppression (`# dockerlint ignroe=DF3001`).

        `# hadolint ignore=` and `# check=skip=` comments are not checked: they may name rules
        DockerLint does not have.

        Do not turn it off: an unknown ID in a suppression comment silences nothing, so the comment is
        a typo or refers to a rule that no longer exists; fix or delete it.

        ## Why is this bad?

        A mistyped ID suppresses nothing, so the finding the comment was written for is still
        reported — or, worse, the author believes a rule is silenced that is not.

        ## Example

        ```dockerfile
        # dockerlint ignore=DF30001 -- typo
        FROM alpine
        ```

        ## Use instead

        ```dockerfile
        # dockerlint ignore=DF3001 -- the CI job pins the digest at build time
        FROM alpine
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
    {
        // The suppression pass reports this rule once every other rule has run.
    }
}
