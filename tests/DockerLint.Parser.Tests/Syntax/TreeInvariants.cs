using DockerLint.Parser.Syntax;

namespace DockerLint.Parser.Tests.Syntax;

/// <summary>Structural checks that hold for every tree, whatever the input.</summary>
internal static class TreeInvariants
{
    /// <summary>Returns a description of the first broken invariant, or null.</summary>
    public static string? Check(DockerfileSyntaxTree tree)
    {
        var text = tree.Text.ToString();
        var expectedStart = 0;
        foreach (var token in tree.Root.AllTokens)
        {
            var position = expectedStart;
            foreach (var trivia in token.LeadingTrivia)
            {
                if (trivia.Span.Start != position)
                {
                    return $"leading trivia {trivia} of '{token}' does not start at {position}";
                }

                position = trivia.Span.End;
            }

            if (token.Span.Start != position)
            {
                return $"token {token.Kind} '{token}' at {token.Span} does not start at {position}";
            }

            foreach (var inner in token.InnerTrivia)
            {
                if (!token.Span.Contains(inner.Span))
                {
                    return $"inner trivia {inner} lies outside token {token.Span}";
                }
            }

            position = token.Span.End;
            foreach (var trivia in token.TrailingTrivia)
            {
                if (trivia.Span.Start != position)
                {
                    return $"trailing trivia {trivia} of '{token}' does not start at {position}";
                }

                position = trivia.Span.End;
            }

            expectedStart = position;
        }

        if (expectedStart != text.Length)
        {
            return $"tokens end at {expectedStart}, text at {text.Length}";
        }

        foreach (var trivia in tree.Root.DescendantTrivia())
        {
            var s = text.AsSpan(trivia.Span.Start, trivia.Span.Length);
            var ok = trivia.Kind switch
            {
                SyntaxKind.WhitespaceTrivia => s.Trim().IsEmpty && !s.Contains('\n'),
                SyntaxKind.EndOfLineTrivia => s.TrimStart('\r').SequenceEqual("\n") || s.Trim('\r').IsEmpty,
                SyntaxKind.LineContinuationTrivia => s[0] == tree.EscapeToken && s.Count('\n') <= 1,
                SyntaxKind.CommentTrivia or SyntaxKind.ParserDirectiveTrivia => s[0] == '#' && !s.Contains('\n'),
                SyntaxKind.ByteOrderMarkTrivia => s.SequenceEqual("\uFEFF"),
                _ => false,
            };
            if (!ok)
            {
                return $"trivia {trivia} has unexpected text '{s.ToString()}'";
            }
        }

        var previousEnd = -1;
        foreach (var instruction in tree.Root.Instructions)
        {
            if (instruction.Span.Start < previousEnd)
            {
                return $"instruction at {instruction.Span} overlaps the previous one";
            }

            previousEnd = instruction.Span.End;
        }

        var fromNodes = tree.Root.Instructions.SelectMany(i => i.Tokens).Append(tree.Root.EndOfFile).ToList();
        if (!fromNodes.SequenceEqual(tree.Root.AllTokens))
        {
            return "the instructions' tokens differ from the file's token list";
        }

        return null;
    }
}
