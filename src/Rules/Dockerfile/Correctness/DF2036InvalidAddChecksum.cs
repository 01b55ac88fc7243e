using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Correctness;

/// <summary><c>ADD --checksum</c> that BuildKit rejects: not a digest, or given for local files or several sources.</summary>
public sealed partial class DF2036InvalidAddChecksum : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF2036",
        "Invalid ADD --checksum",
        "{0}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Error,
        "ADD --checksum takes a digest (sha256:<64 hex digits>, sha384 or sha512) and applies to one URL or git source; BuildKit fails the build otherwise.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Checks the `--checksum` of `ADD` (ONBUILD triggers included) when its value is known: for a
        URL it must be a digest — `sha256:` and 64 lower-case hex digits, or `sha384:`/`sha512:` with 96
        or 128 — and the instruction must have exactly one source, a URL or a git repository (for git,
        the value is the commit and is not checked here). A checksum given for local files or for
        several sources is reported on the flag.

        Do not turn it off: BuildKit refuses a malformed `--checksum` or one given for local files, so
        the build fails; fix or remove the flag.

        ## Why is this bad?

        BuildKit refuses these at build time ("checksum can't be specified for non-HTTP(S) sources",
        "invalid checksum digest format"), so the build stops at this line. A digest with the wrong
        length usually lost a character when it was pasted.

        ## Example

        ```dockerfile
        FROM alpine:3.20
        ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc6 \
            https://mirrors.edge.kernel.org/pub/linux/kernel/Historic/linux-0.01.tar.gz /src/
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

    [GeneratedRegex("^(?:sha256:[0-9a-f]{64}|sha384:[0-9a-f]{96}|sha512:[0-9a-f]{128})$")]
    private static partial Regex Digest();

    private static void Check(InstructionContext<AddInstruction> context)
    {
        var add = context.Instruction;
        if (add.Checksum is not { } checksum || add.Sources.Any(s => !s.IsKnown && !FileTransfers.IsHeredoc(add, s)))
        {
            return;
        }

        var span = checksum.Flag.Token.Span;
        if (add.Sources.Length > 1)
        {
            context.Report(span, $"--checksum applies to a single source, but this ADD has {add.Sources.Length}; split it into one ADD per download");
            return;
        }

        if (add.Sources.IsEmpty)
        {
            return;
        }

        var source = add.Sources[0];
        var text = FileTransfers.TextOf(source);
        if (FileTransfers.IsHeredoc(add, source) || !FileTransfers.IsUrl(text))
        {
            context.Report(span, $"--checksum only applies to URL and git sources, not to '{source.Text}'; BuildKit refuses it");
        }
        else if (!FileTransfers.IsGit(text) && checksum.Value?.Value is { } value && !Digest().IsMatch(value))
        {
            context.Report(checksum.Flag.ValueSpan, $"'{value}' is not a digest: use sha256: followed by 64 lower-case hex digits (or sha384:/sha512:)");
        }
    }
}
