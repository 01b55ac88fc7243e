using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Style;

/// <summary>The <c>AS</c> of a FROM is not in the same case as its <c>FROM</c>.</summary>
public sealed class DF5011FromAsCasing : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF5011",
        "FROM and AS in different cases",
        "{0}",
        RuleCategories.Style,
        DiagnosticSeverity.Info,
        "The AS keyword of a FROM line should be written in the same case as FROM.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["buildkit:FromAsCasing"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports the `AS` of `FROM image AS name` when `FROM` is upper case and `AS` is not, or `FROM` is
        lower case and `AS` is not. On by default, as in BuildKit, which warns about it on every build.

        Turn it off if your team does not mind mixed casing in `FROM … AS`; Docker reads the keyword
        in any case.

        ## Why is this bad?

        Only readability: `FROM node:22 as build` mixes the two conventions on one line.

        ## Example

        ```dockerfile
        FROM node:22 as build
        ```

        ## Use instead

        ```dockerfile
        FROM node:22 AS build
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<FromInstruction>(Check);

    private static void Check(InstructionContext<FromInstruction> context)
    {
        var syntax = context.Instruction.Syntax;
        if (syntax.Arguments.Length != 3 || !string.Equals(syntax.Arguments[1].Text, "as", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var from = syntax.Keyword.Text;
        var asWord = syntax.Arguments[1];
        var fromUpper = from == from.ToUpperInvariant();
        var fromLower = from == from.ToLowerInvariant();
        if ((fromUpper && asWord.Text != "AS") || (fromLower && asWord.Text != "as"))
        {
            var wanted = fromUpper ? "AS" : "as";
            context.Report(asWord.Span, $"'{asWord.Text}' does not match the case of '{from}'; write '{wanted}'");
        }
    }
}
