using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Cli;

/// <summary>What hid a finding.</summary>
internal enum FindingSuppressionKind
{
    /// <summary>A comment in the file (<c># dockerlint ignore=</c>, <c># hadolint ignore=</c>, <c># check=skip=</c>): SARIF's <c>inSource</c>.</summary>
    InSource,

    /// <summary>The baseline file (<c>--baseline</c>): SARIF's <c>external</c>.</summary>
    Baseline,
}

/// <summary>Why a finding is not reported.</summary>
/// <param name="Kind">A comment or the baseline.</param>
/// <param name="Justification">The reason written in the comment, or which baseline; null when none was written.</param>
/// <param name="Path">The absolute path of the comment or of the baseline file.</param>
/// <param name="Span">Where the comment is; null for a baseline.</param>
/// <param name="Comment">The comment as written; null for a baseline.</param>
internal sealed record FindingSuppression(FindingSuppressionKind Kind, string? Justification, string Path, LinePositionSpan? Span, string? Comment)
{
    /// <summary>The name used in JSON: <c>inSource</c> or <c>baseline</c>.</summary>
    public string KindName => Kind == FindingSuppressionKind.InSource ? "inSource" : "baseline";
}
