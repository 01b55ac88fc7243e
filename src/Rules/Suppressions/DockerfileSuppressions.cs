using System.Collections.Immutable;
using DockerLint.Parser.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Suppressions;

/// <summary>
/// The suppression comments of a Dockerfile, read from the syntax tree's comment trivia (never from
/// the raw text, so a <c>#</c> in a heredoc or in an argument is not one). A comment above an
/// instruction covers the whole instruction, continuation lines and heredocs included; a comment
/// line inside a continued instruction (which BuildKit drops) covers the next line of it. The
/// <c># check=skip=…</c> parser directive covers the file, as in BuildKit.
/// </summary>
internal static class DockerfileSuppressions
{
    /// <summary>The directives of <paramref name="tree"/>.</summary>
    public static List<SuppressionDirective> Collect(DockerfileSyntaxTree tree, RuleIdResolver resolver)
    {
        var text = tree.Text;
        var comments = new List<FoundComment>();
        var commentLines = new HashSet<int>();
        // The file's trivia are stored once, in source order: one pass over them, no per-token arrays.
        AddComments(tree.Root.DescendantTrivia(), text, comments, commentLines);

        if (comments.Count == 0)
        {
            return [];
        }

        var instructions = new Dictionary<int, TextSpan>();
        foreach (var instruction in tree.Root.Instructions)
        {
            instructions.TryAdd(text.Lines.GetLineFromPosition(instruction.Span.Start).LineNumber, instruction.Span);
        }

        return SuppressionCollector.Collect(tree.FilePath, text, comments, commentLines, line => instructions.TryGetValue(line, out var span) ? span : null, resolver);
    }

    /// <summary>
    /// False when the comment cannot be a suppression: every form is <c>#</c>, white space, then
    /// <c>dockerlint</c>, <c>hadolint</c> or <c>check</c> (see <see cref="SuppressionComment"/>). Checked on
    /// the source, so the text of ordinary comments is never copied.
    /// </summary>
    private static bool MayBeSuppression(SourceText text, TextSpan span)
    {
        if (span.IsEmpty || text[span.Start] != '#')
        {
            return false;
        }

        var i = span.Start + 1;
        while (i < span.End && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i < span.End && text[i] is 'd' or 'D' or 'h' or 'H' or 'c' or 'C';
    }

    private static void AddComments(SyntaxTriviaList trivia, SourceText text, List<FoundComment> comments, HashSet<int> commentLines)
    {
        foreach (var t in trivia)
        {
            if (t.Kind is not (SyntaxKind.CommentTrivia or SyntaxKind.ParserDirectiveTrivia))
            {
                continue;
            }

            commentLines.Add(text.Lines.GetLineFromPosition(t.Span.Start).LineNumber);
            if (MayBeSuppression(text, t.Span) && SuppressionComment.Parse(text.ToString(t.Span), t.Span, t.Kind == SyntaxKind.ParserDirectiveTrivia) is { } comment)
            {
                comments.Add(new FoundComment(comment));
            }
        }
    }
}
