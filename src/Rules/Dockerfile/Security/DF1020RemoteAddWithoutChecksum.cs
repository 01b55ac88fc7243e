using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Security;

/// <summary><c>ADD https://…</c> downloads a file without <c>--checksum</c>, so nothing verifies what was fetched.</summary>
public sealed class DF1020RemoteAddWithoutChecksum : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF1020",
        "ADD of a remote URL without --checksum",
        "{0}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "ADD downloads a file from a URL and nothing checks what arrived: add --checksum=sha256:… so a changed or tampered download fails the build.",
        "supply-chain");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:4b410d24-1cbe-4430-a632-62c9a931cf1c"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 5.3;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports each `http://`, `https://` or `ftp://` source of `ADD` (ONBUILD triggers included) when the
        instruction has no `--checksum`. The finding sits on the URL. A URL written through a variable is
        recognised by its literal beginning (`ADD https://example.com/${FILE} /x`). Git sources
        (`ADD https://github.com/org/repo.git#v1.2.3 /src`) are left alone: their integrity comes from the
        commit they name.

        Turn it off for the lines that download files which legitimately change (a nightly build), by
        suppressing them with `# dockerlint ignore=DF1020`; everywhere else add `--checksum`.

        ## Why is this bad?

        Whatever the server sends on the day of the build goes into the image: a file replaced on the
        server, a compromised mirror or a redirect to another host all build without a sign. With
        `--checksum=sha256:<digest>` (Dockerfile syntax 1.6 and later) BuildKit verifies the download
        and fails the build when it differs. Other linters (KICS) advise `RUN curl` instead; that is
        no safer unless the script checks a hash itself, and it loses ADD's caching, so DockerLint
        asks for the checksum.

        ## Example

        ```dockerfile
        FROM alpine:3.20
        ADD https://mirrors.edge.kernel.org/pub/linux/kernel/Historic/linux-0.01.tar.gz /src/
        ```

        ## Use instead

        ```dockerfile
        FROM alpine:3.20
        ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d \
            https://mirrors.edge.kernel.org/pub/linux/kernel/Historic/linux-0.01.tar.gz /src/
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<AddInstruction>(Check);

    private static void Check(InstructionContext<AddInstruction> context)
    {
        var add = context.Instruction;
        if (add.Checksum is not null)
        {
            return;
        }

        foreach (var source in add.Sources)
        {
            var text = FileTransfers.TextOf(source);
            if (FileTransfers.IsHeredoc(add, source) || !FileTransfers.IsUrl(text) || FileTransfers.IsGit(text))
            {
                continue;
            }

            var onbuild = add.IsTrigger ? "ONBUILD " : "";
            context.Report(source.Span, $"{onbuild}ADD downloads '{source.Text}' without --checksum, so nothing verifies the file; add --checksum=sha256:<digest>");
        }
    }
}
