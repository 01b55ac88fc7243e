using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Suppressions;

/// <summary>
/// The suppression comments of the files of a Compose project, from the comments the YAML layer
/// keeps. A comment on the line(s) above a key covers the key and its whole value; above a list
/// item, the item; after a value on the same line, the key or item that starts on that line.
/// </summary>
internal static class ComposeSuppressions
{
    /// <summary>The directives of every file of the project.</summary>
    public static List<SuppressionDirective> Collect(IEnumerable<YamlFile> files, RuleIdResolver resolver)
    {
        var directives = new List<SuppressionDirective>();
        foreach (var file in files.DistinctBy(f => f.Source.Path))
        {
            var text = file.Source.Text;
            var comments = new List<FoundComment>();
            var commentLines = new HashSet<int>();
            foreach (var comment in file.Comments)
            {
                var span = comment.Span;
                if (span.IsEmpty || span.End > text.Length)
                {
                    continue;
                }

                var line = text.Lines.GetLineFromPosition(span.Start);
                var inline = !string.IsNullOrWhiteSpace(text.ToString(TextSpan.FromBounds(line.Start, span.Start)));
                if (!inline)
                {
                    commentLines.Add(line.LineNumber);
                }

                // The comment's text runs from '#' to the end of its line.
                var written = text.ToString(TextSpan.FromBounds(span.Start, line.End)).TrimEnd();
                // hadolint and BuildKit comments are about Dockerfiles; in YAML only DockerLint's own count.
                if (SuppressionComment.Parse(written, new TextSpan(span.Start, written.Length)) is { Syntax: SuppressionSyntax.DockerLint } parsed)
                {
                    comments.Add(new FoundComment(parsed, inline));
                }
            }

            if (comments.Count == 0)
            {
                continue;
            }

            var nodes = new Dictionary<int, TextSpan>();
            var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
            foreach (var document in file.Documents)
            {
                Walk(document, text, nodes, seen);
            }

            directives.AddRange(SuppressionCollector.Collect(file.Source.Path, text, comments, commentLines, line => nodes.TryGetValue(line, out var span) ? span : null, resolver));
        }

        return directives;
    }

    /// <summary>Records, per line, the widest key-with-value or list item that starts on it.</summary>
    private static void Walk(YamlNode node, SourceText text, Dictionary<int, TextSpan> nodes, HashSet<YamlNode> seen)
    {
        // A node shared through an alias is walked once (aliases of aliases would otherwise multiply the work).
        if (!seen.Add(node))
        {
            return;
        }

        switch (node)
        {
            case YamlMapping mapping:
                foreach (var entry in mapping.Entries.Where(e => !e.FromMerge && ReferenceEquals(e.Key.Source, node.Source)))
                {
                    Add(TextSpan.FromBounds(entry.Key.Span.Start, Math.Max(entry.Key.Span.End, entry.Value.Span.End)));
                    Walk(entry.Value, text, nodes, seen);
                }

                break;
            case YamlSequence sequence:
                foreach (var item in sequence.Items)
                {
                    Add(item.Span);
                    Walk(item, text, nodes, seen);
                }

                break;
        }

        void Add(TextSpan span)
        {
            if (span.End > text.Length || span.Start > span.End)
            {
                return;
            }

            var line = text.Lines.GetLineFromPosition(span.Start).LineNumber;
            if (!nodes.TryGetValue(line, out var existing) || span.Start < existing.Start || (span.Start == existing.Start && span.End > existing.End))
            {
                nodes[line] = span;
            }
        }
    }
}
