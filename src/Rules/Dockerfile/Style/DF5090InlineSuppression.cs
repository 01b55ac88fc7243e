using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Style;

/// <summary>
/// Any inline suppression comment (opt-in), for teams that want every exception in configuration
/// or a baseline. Reported by the engine's suppression pass (src/Rules/Suppressions), not by an action.
/// </summary>
public sealed class DF5090InlineSuppression : DockerfileRule
{
    /// <summary>The descriptor, for the suppression pass.</summary>
    internal static readonly DiagnosticDescriptor Definition = CreateOptInDescriptor(
        "DF5090",
        "Inline suppression comment",
        "{0}",
        RuleCategories.Style,
        DiagnosticSeverity.Warning,
        "A comment suppresses findings in the file itself (# dockerlint, # hadolint or # check=skip), where reviews rarely look.",
        "suppression");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => Definition;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL1001"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports every inline suppression comment: `# dockerlint ignore=`, `disable=`,
        `global ignore=`, `# hadolint ignore=`, `# hadolint global ignore=` and BuildKit's
        `# check=skip=` (the parser directive and the comment above an instruction). It is off by
        default. Turn it on for organisations that keep exceptions out of Dockerfiles. It still
        reports when `--no-inline-suppressions` makes the comments ineffective, so a pipeline can
        both ignore and forbid them.

        ## Why is this bad?

        A suppression in the file is easy to add in a pull request and hard to audit later: the
        exception lives next to the code instead of in the configuration (`.dockerlint.yaml`
        `disable:`, `.editorconfig` severities) or a baseline, where security reviewers look.

        ## Example

        ```dockerfile
        # hadolint ignore=DL3006
        FROM alpine
        ```

        ## Use instead

        ```dockerfile
        FROM alpine:3.20
        ```

        Most teams leave this rule off: a justified inline suppression with a reason is often the
        clearest record of an exception.
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
    {
        // The suppression pass reports this rule once every other rule has run.
    }
}
