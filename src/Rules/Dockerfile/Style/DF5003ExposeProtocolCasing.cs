using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Style;

/// <summary><c>EXPOSE 80/TCP</c>: a protocol not written in lower case.</summary>
public sealed class DF5003ExposeProtocolCasing : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF5003",
        "EXPOSE protocol not in lower case",
        "{0}",
        RuleCategories.Style,
        DiagnosticSeverity.Info,
        "An EXPOSE protocol is written with upper-case letters (80/TCP).");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["buildkit:ExposeProtoCasing"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports EXPOSE ports whose protocol has upper-case letters (`80/TCP`, `53/Udp`), also when the
        port comes from an ARG or ENV value. Invalid ports and protocols are reported by the parser
        (DF0010).

        Turn it off if your team writes protocols in upper case; Docker reads them in any case.

        ## Why is this bad?

        Docker accepts any case and lower-cases the protocol, but the image configuration, `docker
        inspect`, Compose files and orchestrators all write `tcp`, `udp` and `sctp`; mixed case makes
        ports harder to search for and compare. BuildKit warns about it.

        ## Example

        ```dockerfile
        FROM nginx:1.27
        EXPOSE 80/TCP
        ```

        ## Use instead

        ```dockerfile
        FROM nginx:1.27
        EXPOSE 80/tcp
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<ExposeInstruction>(Check);

    private static void Check(InstructionContext<ExposeInstruction> context)
    {
        foreach (var port in context.Instruction.Ports)
        {
            if (port is not { IsKnown: true, Text: { } text } || text.IndexOf('/') is var slash && slash < 0)
            {
                continue;
            }

            var protocol = text[(slash + 1)..];
            if (protocol == protocol.ToLowerInvariant())
            {
                continue;
            }

            var word = port.Word;
            var span = word.IsVerbatim && word.Value == text ? word.GetSpan(slash + 1, protocol.Length) : word.Span;
            context.Report(span, $"EXPOSE {text}: write the protocol in lower case ({text[..slash]}/{protocol.ToLowerInvariant()})");
        }
    }
}
