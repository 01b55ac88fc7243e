using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;
using SyntaxKind = DockerLint.Parser.Syntax.SyntaxKind;
using SyntaxToken = DockerLint.Parser.Syntax.SyntaxToken;
using SyntaxTrivia = DockerLint.Parser.Syntax.SyntaxTrivia;

namespace DockerLint.Rules.Dockerfile.Style;

/// <summary>A comment right above a named FROM or an ARG that does not start with the stage or argument name (opt-in).</summary>
public sealed class DF5015DefinitionDescription : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DF5015",
        "Description comment not in the '# <name> <description>' format",
        "{0}",
        RuleCategories.Style,
        DiagnosticSeverity.Info,
        "A comment directly above a named stage or an ARG is read as its description, which should start with the stage or argument name.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["buildkit:InvalidDefinitionDescription"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Looks at the comment lines directly above a `FROM … AS name` or an `ARG` (no blank line between)
        and reports the block when its first line does not start with the stage or argument name —
        the format `docker buildx build --call=outline` shows as a description: `# <name> <description>`.
        For an `ARG` with several names the first one counts. Off by default, like BuildKit's
        experimental `InvalidDefinitionDescription`: most comments above a `FROM` are not meant as
        descriptions. A blank line, or an empty `#` line, between comment and instruction keeps a comment
        from being read as a description.

        Turn it on when your team documents stages and arguments for `docker buildx build
        --call=outline`.

        ## Why is this bad?

        `docker buildx build --call=outline` and `--call=targets` list build arguments and stages with the
        description taken from these comments; a comment in another shape shows up there as noise.

        ## Example

        ```dockerfile
        # Build the server binary
        FROM golang:1.23 AS build
        ```

        ## Use instead

        ```dockerfile
        # build compiles the server binary
        FROM golang:1.23 AS build
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
    {
        context.RegisterInstructionAction<FromInstruction>(c => Check(c, c.Instruction.StageName?.Text, c.Instruction));
        context.RegisterInstructionAction<ArgInstruction>(c =>
        {
            if (!c.Instruction.IsTrigger && !c.Instruction.Declarations.IsEmpty)
            {
                Check(c, c.Instruction.Declarations[0].Name, c.Instruction);
            }
        });
    }

    private static void Check(DockerfileContext context, string? name, Instruction instruction)
    {
        if (name is null || DescriptionOf(instruction.Syntax.Keyword) is not { } first)
        {
            return;
        }

        var text = context.Model.Tree.Text.ToString(first.Span).TrimStart('#').TrimStart();
        if (text.Length == 0 || text == name || text.StartsWith(name + " ", StringComparison.Ordinal) || text.StartsWith(name + "\t", StringComparison.Ordinal))
        {
            return;
        }

        var what = instruction is FromInstruction ? "stage" : "argument";
        context.Report(first.Span, $"A comment directly above the {what} '{name}' is its description and should read '# {name} <description>'; add a blank line if it is not a description");
    }

    /// <summary>The first comment line of the block directly above the keyword (no blank line between), if any.</summary>
    private static SyntaxTrivia? DescriptionOf(SyntaxToken keyword)
    {
        var trivia = keyword.LeadingTrivia;
        SyntaxTrivia? first = null;
        var i = trivia.Length - 1;
        while (i >= 0 && trivia[i].Kind == SyntaxKind.WhitespaceTrivia)
        {
            i--;
        }

        // Walk back over "comment, end of line" pairs; a bare end of line is a blank line and ends the block.
        while (i >= 1 && trivia[i].Kind == SyntaxKind.EndOfLineTrivia)
        {
            var j = i - 1;
            while (j >= 0 && trivia[j].Kind == SyntaxKind.WhitespaceTrivia)
            {
                j--;
            }

            if (j < 0 || trivia[j].Kind != SyntaxKind.CommentTrivia)
            {
                break;
            }

            first = trivia[j];
            i = j - 1;
            while (i >= 0 && trivia[i].Kind == SyntaxKind.WhitespaceTrivia)
            {
                i--;
            }
        }

        return first;
    }
}
