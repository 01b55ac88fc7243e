using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Correctness;

/// <summary>
/// A <c># dockerlint ignore=</c>, <c>disable=</c>, <c>enable=</c> or <c>global ignore=</c> comment that
/// suppresses nothing. Reported by the engine's suppression pass (src/Rules/Suppressions), not by an action.
/// </summary>
public sealed class DF2090UnusedSuppression : DockerfileRule
{
    /// <summary>The descriptor, for the suppression pass.</summary>
    internal static readonly DiagnosticDescriptor Definition = CreateDescriptor(
        "DF2090",
        "Suppression comment that suppresses nothing",
        "{0}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Info,
        "A '# dockerlint' suppression comment names a rule that reports nothing where the comment applies, so the comment is stale or misplaced.",
        "suppression");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Definition;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports each ID of a `# dockerlint ignore=…`, `disable=…` or `global ignore=…` comment that
        suppressed no finding, and an `enable=…` that ends no `disable=…` block. An `ignore=` comment
        covers the instruction that starts on the first line below it that is not a comment; a
        blank line in between means it covers nothing, and that is reported too.

        Only rules that ran are checked: a suppression of a preview rule in a run without
        `--preview`, or of a rule configuration turned off, is left alone. `# hadolint ignore=` and
        `# check=skip=` comments are never reported: they also serve hadolint and BuildKit, which
        have rules DockerLint does not. With `--no-inline-suppressions` nothing is suppressed and
        this rule stays quiet.

        Turn it off while a suppression is kept on purpose for a rule that only fires in some
        configurations (another `target`, different options); for one comment, use `# dockerlint
        ignore=DF2090` above it.

        ## Why is this bad?

        A suppression that no longer suppresses anything hides the next real finding of that rule
        at that place. It usually means the problem was fixed, the instruction moved away from its
        comment, or the ID is the wrong one.

        ## Example

        ```dockerfile
        FROM alpine:3.20
        # dockerlint ignore=DF3001 -- the image is pinned
        RUN apk add --no-cache curl
        ```

        ## Use instead

        ```dockerfile
        FROM alpine:3.20
        RUN apk add --no-cache curl
        ```

        The severity is a note, so the rule does not fail a run at the default fail level. Keep a
        suppression on purpose with `# dockerlint global ignore=DF2090`.
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
    {
        // The suppression pass reports this rule once every other rule has run.
    }
}
