using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Dockerfile.Style;

/// <summary>Instruction keywords written in mixed case, or in the minority casing of the file.</summary>
public sealed class DF5010InconsistentInstructionCasing : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF5010",
        "Inconsistent instruction casing",
        "{0}",
        RuleCategories.Style,
        DiagnosticSeverity.Info,
        "Instruction keywords should all be upper case or all lower case; this one differs from the rest of the file or mixes cases.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["buildkit:ConsistentInstructionCasing", "dockerfile-utils:CASING_INSTRUCTION"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Counts the upper-case and lower-case instruction keywords of the file (ONBUILD triggers
        included) and reports each keyword written in the other casing, and each keyword in mixed case
        (`Run`, `From`). When the counts are equal, upper case wins. A file written all in lower case
        is consistent and is not reported. This rule is on by default because BuildKit reports the same
        thing on every build. Turn it off if your team does not mind.

        ## Why is this bad?

        Docker accepts keywords in any case, so this is only about reading: a file that switches case
        looks like it was pasted together, and a mixed-case `Run` is easy to mistake for something else.
        The convention is upper case.

        ## Example

        ```dockerfile
        FROM alpine:3.20
        run apk add --no-cache curl
        CMD ["curl", "--version"]
        ```

        ## Use instead

        ```dockerfile
        FROM alpine:3.20
        RUN apk add --no-cache curl
        CMD ["curl", "--version"]
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterFileAction(Check);

    private static void Check(DockerfileContext context)
    {
        var source = context.Model.Tree.Text;
        var keywords = context.Model.AllInstructions().Where(i => i is not UnknownInstruction).Select(i => i.Syntax.Keyword).ToList();
        var upper = keywords.Count(k => IsUpper(source, k.Span));
        var lower = keywords.Count(k => IsLower(source, k.Span));
        var expectUpper = upper >= lower;
        foreach (var keyword in keywords)
        {
            var isUpper = IsUpper(source, keyword.Span);
            var isLower = IsLower(source, keyword.Span);
            if (isUpper == expectUpper && (isUpper || isLower))
            {
                continue;
            }

            if (!expectUpper && isLower)
            {
                continue;
            }

            var text = keyword.Text;
            var wanted = expectUpper ? text.ToUpperInvariant() : text.ToLowerInvariant();
            var why = isUpper || isLower
                ? $"while most instructions of the file are {(expectUpper ? "upper" : "lower")} case"
                : "in mixed case";
            context.Report(keyword.Span, $"'{text}' is written {why}; write '{wanted}'");
        }
    }

    // Keywords are ASCII: read in the source, without copying them or building their upper- and lower-case forms.
    private static bool IsUpper(SourceText source, TextSpan span) => IsInOneCase(source, span, upper: true);

    private static bool IsLower(SourceText source, TextSpan span) => IsInOneCase(source, span, upper: false);

    private static bool IsInOneCase(SourceText source, TextSpan span, bool upper)
    {
        for (var i = span.Start; i < span.End; i++)
        {
            var c = source[i];
            if (!char.IsAscii(c))
            {
                var text = source.ToString(span);
                return text == (upper ? text.ToUpperInvariant() : text.ToLowerInvariant());
            }

            if (upper ? char.IsAsciiLetterLower(c) : char.IsAsciiLetterUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}
