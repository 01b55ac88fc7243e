using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Syntax;

/// <summary>Text that belongs to no token: white space, line ends, continuations, comments, directives.</summary>
/// <param name="Kind">What the trivia is.</param>
/// <param name="Span">Where it is in the source.</param>
public readonly record struct SyntaxTrivia(SyntaxKind Kind, TextSpan Span)
{
    /// <summary>True for trivia that ends a physical line.</summary>
    public bool EndsLine => Kind is SyntaxKind.EndOfLineTrivia or SyntaxKind.LineContinuationTrivia;

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Span}";
}
