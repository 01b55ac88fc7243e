using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>A port is exposed again in the same image: by an earlier EXPOSE of the stage or of a stage it is built on.</summary>
public sealed class DF3015DuplicateExposedPort : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3015",
        "Port exposed twice",
        "{0}",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "A port and protocol is exposed again although an earlier EXPOSE of the same image already exposes it.",
        "maintainability");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports an EXPOSE port that the same image already exposes: earlier in the stage, in the
        same EXPOSE, or in a stage it is built on (`FROM base`). Ports are compared with their
        protocol (`53/tcp` and `53/udp` are different) and ranges count (`EXPOSE 8000-8010` then
        `EXPOSE 8005`). Values from ARG and ENV are resolved; unknown values and ONBUILD triggers are
        not compared.

        Turn it off if your team repeats `EXPOSE` on purpose, to document in a stage a port that a
        stage it is built on already exposes; the repetition has no effect on the image.

        ## Why is this bad?

        Exposing a port twice does nothing more than exposing it once. The repetition is usually a
        leftover of an edit — one of the two lines may have been meant to change the port — and it
        makes the list of ports harder to review.

        ## Example

        ```dockerfile
        FROM nginx:1.27
        EXPOSE 80 443
        EXPOSE 80
        ```

        ## Use instead

        ```dockerfile
        FROM nginx:1.27
        EXPOSE 80 443
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterStageAction(Check);

    private static void Check(StageContext context)
    {
        var stage = context.Stage;
        var seen = new List<(ExposedPort Port, ExposeInstruction Expose)>();
        foreach (var ancestor in stage.Ancestors().Reverse())
        {
            foreach (var expose in ancestor.OfType<ExposeInstruction>())
            {
                seen.AddRange(expose.Ports.Where(p => p.IsKnown).Select(p => (p, expose)));
            }
        }

        foreach (var expose in stage.OfType<ExposeInstruction>())
        {
            foreach (var port in expose.Ports.Where(p => p.IsKnown))
            {
                var earlier = seen.FirstOrDefault(s => s.Port.Protocol == port.Protocol && s.Port.Start <= port.End && port.Start <= s.Port.End);
                if (earlier.Port is { } previous)
                {
                    var line = context.Model.Tree.GetLocation(earlier.Expose.KeywordSpan).GetLineSpan().StartLinePosition.Line + 1;
                    var where = earlier.Expose.Stage == stage ? $"line {line}" : $"line {line}, in stage {StageReferences.Describe(earlier.Expose.Stage!)} this one is built on";
                    var how = previous.Start <= port.Start && port.End <= previous.End ? "is already exposed" : "overlaps ports already exposed";
                    context.Report(port.Word.Span, $"EXPOSE {port.Text} {how} ({previous.Text} on {where}); remove the repetition");
                }

                seen.Add((port, expose));
            }
        }
    }
}
