using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Suppressions;

/// <summary>A suppression comment found in a file, and whether code precedes it on its line (a YAML comment after a value).</summary>
/// <param name="Comment">The comment, read.</param>
/// <param name="IsInline">True when the comment follows code on its line: it then covers that line's node.</param>
internal sealed record FoundComment(SuppressionComment Comment, bool IsInline = false);

/// <summary>
/// Turns the suppression comments of one file into directives with the text they cover, the same
/// way for Dockerfiles and Compose files: <c>ignore=</c> covers the node that starts on the first line
/// below the comment that is not itself a comment (stacked comments add up; a blank line in between
/// ends the stack, so the comment covers nothing), <c>disable=</c> covers the text up to the
/// <c>enable=</c> naming the same ID (or <c>all</c>) or to the end of the file, <c>global ignore=</c>
/// covers the file.
/// </summary>
internal static class SuppressionCollector
{
    /// <summary>The directives of one file.</summary>
    /// <param name="path">The file, as locations name it.</param>
    /// <param name="text">Its text.</param>
    /// <param name="comments">Its suppression comments, in source order.</param>
    /// <param name="commentLines">The 0-based lines that hold only a comment.</param>
    /// <param name="nodeAt">The text of the node (instruction, key with its value, list item) starting on a 0-based line; null for none.</param>
    /// <param name="resolver">Reads the IDs.</param>
    public static List<SuppressionDirective> Collect(
        string path, SourceText text, IReadOnlyList<FoundComment> comments, IReadOnlySet<int> commentLines, Func<int, TextSpan?> nodeAt, RuleIdResolver resolver)
    {
        var directives = new List<SuppressionDirective>();
        var open = new List<(SuppressionComment Comment, DirectiveTarget Target, int Start)>();
        foreach (var (comment, inline) in comments)
        {
            var targets = comment.Ids.Select(id => new DirectiveTarget(id, id.IsAll ? [] : resolver.Resolve(id.Text, comment.Syntax))).ToImmutableArray();
            var location = Location.Create(path, comment.Span, text.Lines.GetLinePositionSpan(comment.Span));
            switch (comment.Verb)
            {
                case SuppressionVerb.GlobalIgnore:
                    directives.Add(new SuppressionDirective(comment, path, location, [new TextSpan(0, text.Length)], targets));
                    break;

                case SuppressionVerb.Disable:
                    open.AddRange(targets.Select(t => (comment, t, comment.Span.End)));
                    break;

                case SuppressionVerb.Enable:
                    var enable = new SuppressionDirective(comment, path, location, [], targets);
                    for (var i = 0; i < targets.Length; i++)
                    {
                        var closing = targets[i];
                        var closed = open.Where(o => closing.Written.IsAll || string.Equals(o.Target.Written.Text, closing.Written.Text, StringComparison.OrdinalIgnoreCase)
                            || o.Target.RuleIds.Intersect(closing.RuleIds, StringComparer.Ordinal).Any()).ToList();
                        foreach (var block in closed)
                        {
                            directives.Add(Block(block.Comment, block.Target, block.Start, comment.Span.Start));
                            open.Remove(block);
                        }

                        enable.Used[i] = closed.Count > 0;
                    }

                    directives.Add(enable);
                    break;

                default:
                    var line = text.Lines.GetLineFromPosition(comment.Span.Start).LineNumber;
                    directives.Add(new SuppressionDirective(comment, path, location, Below(line, inline), targets));
                    break;
            }
        }

        directives.AddRange(open.Select(o => Block(o.Comment, o.Target, o.Start, text.Length)));
        return directives;

        SuppressionDirective Block(SuppressionComment comment, DirectiveTarget target, int start, int end)
            => new(comment, path, Location.Create(path, comment.Span, text.Lines.GetLinePositionSpan(comment.Span)), [TextSpan.FromBounds(start, Math.Max(start, end))], [target]);

        ImmutableArray<TextSpan> Below(int line, bool inline)
        {
            var target = inline ? line : line + 1;
            while (!inline && commentLines.Contains(target))
            {
                target++;
            }

            if (target >= text.Lines.Count || string.IsNullOrWhiteSpace(text.ToString(text.Lines[target].Span)))
            {
                return [];
            }

            return [nodeAt(target) is { } node ? TextSpan.FromBounds(Math.Min(node.Start, text.Lines[target].Start), node.End) : text.Lines[target].Span];
        }
    }
}
