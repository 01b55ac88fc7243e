using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Suppressions;

/// <summary>One ID of a directive: what it was written as and the rules it stands for (empty for <c>all</c> and unknown IDs).</summary>
/// <param name="Written">The ID as written.</param>
/// <param name="RuleIds">The DockerLint rules it names.</param>
internal sealed record DirectiveTarget(WrittenId Written, ImmutableArray<string> RuleIds)
{
    /// <summary>True when the ID is <c>all</c> or names at least one rule.</summary>
    public bool Known => Written.IsAll || !RuleIds.IsEmpty;

    /// <summary>True when the target covers <paramref name="ruleId"/>.</summary>
    public bool Covers(string ruleId) => Written.IsAll || RuleIds.Contains(ruleId, StringComparer.Ordinal);
}

/// <summary>A suppression comment with the text it covers, in one file.</summary>
internal sealed class SuppressionDirective
{
    /// <summary>Creates a directive of <paramref name="comment"/> in <paramref name="path"/> covering <paramref name="ranges"/>.</summary>
    public SuppressionDirective(SuppressionComment comment, string path, Location location, ImmutableArray<TextSpan> ranges, ImmutableArray<DirectiveTarget> targets)
    {
        Comment = comment;
        Path = path;
        Location = location;
        Ranges = ranges;
        Targets = targets;
        Used = new bool[targets.Length];
    }

    /// <summary>The comment.</summary>
    public SuppressionComment Comment { get; }

    /// <summary>The file the comment is in, and whose findings it can suppress.</summary>
    public string Path { get; }

    /// <summary>Where the comment is.</summary>
    public Location Location { get; }

    /// <summary>The text covered; empty when the comment covers nothing (a blank line below it, the end of the file).</summary>
    public ImmutableArray<TextSpan> Ranges { get; }

    /// <summary>The IDs, resolved.</summary>
    public ImmutableArray<DirectiveTarget> Targets { get; }

    /// <summary>Per target: whether it suppressed a finding.</summary>
    public bool[] Used { get; }

    /// <summary>The scope of the directive.</summary>
    public SuppressionScope Scope => Comment.Verb switch
    {
        SuppressionVerb.GlobalIgnore => SuppressionScope.File,
        SuppressionVerb.Disable or SuppressionVerb.Enable => SuppressionScope.Block,
        _ => SuppressionScope.Next,
    };

    /// <summary>The suppression reports show for a finding this directive hid.</summary>
    public Suppression ToSuppression() => new(Comment.Syntax, Scope, Comment.Text, Location, Comment.Reason);

    /// <summary>True when the finding at <paramref name="span"/> of <paramref name="path"/> is in the covered text.</summary>
    public bool CoversSpan(string path, TextSpan span)
        => string.Equals(path, Path, StringComparison.Ordinal)
            && Ranges.Any(r => r.OverlapsWith(span) || r.Contains(span.Start) || (span.IsEmpty && span.Start == r.End));
}
