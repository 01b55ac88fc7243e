using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>ADD copies local files that are not archives, which COPY does more plainly.</summary>
public sealed class DF3030AddForLocalFiles : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3030",
        "ADD used to copy local files",
        "{0}",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "ADD copies local files that are not tar archives; COPY does the same without ADD's extra behaviour (unpacking, downloading).");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
        ["hadolint:DL3020", "trivy:DS-0005", "checkov:CKV_DOCKER_4", "kics:9513a694-aa0d-41d8-be61-3271e056f36b"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports an `ADD` (ONBUILD triggers included) that has a local source which is not a tar archive
        judged by its name (`.tar`, `.tar.gz`, `.tgz`, `.tar.xz`, `.tar.zst`, `.gz`, `.bz2`, `.xz` …). ADD
        with only URLs, git repositories or archives is what ADD is for and is not reported; neither are
        heredoc sources, sources whose value is unknown, and wildcards whose extension is not given
        (`ADD dist/* /opt/`), which may match archives. Unlike Trivy and Checkov, which report every
        ADD, DockerLint leaves the uses COPY cannot replace alone.

        Turn it off if the team uses ADD on purpose for its automatic unpacking of archives whose
        names do not show it.

        ## Why is this bad?

        ADD does more than copy: it unpacks local tar archives and downloads URLs. Used for plain files it
        hides that behaviour from the reader — a file renamed to `.tar.gz` later is silently unpacked — and
        a `.zip` is *not* unpacked, which surprises people who expect it. COPY says exactly what happens.

        ## Example

        ```dockerfile
        FROM nginx:1.27
        ADD nginx.conf /etc/nginx/nginx.conf
        ```

        ## Use instead

        ```dockerfile
        FROM nginx:1.27
        COPY nginx.conf /etc/nginx/nginx.conf
        ADD rootfs.tar.gz /
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<AddInstruction>(Check);

    /// <summary>A wildcard whose last part has no extension (<c>dist/*</c>, <c>app-*</c>) may match archives.</summary>
    private static bool MayMatchArchives(string source)
    {
        var name = source[(source.LastIndexOf('/') + 1)..];
        if (name.IndexOfAny(['*', '?', '[']) < 0)
        {
            return false;
        }

        var dot = name.LastIndexOf('.');
        return dot < 0 || name[(dot + 1)..].IndexOfAny(['*', '?', '[']) >= 0;
    }

    private static void Check(InstructionContext<AddInstruction> context)
    {
        var add = context.Instruction;
        var plain = add.Sources
            .Where(s => s.Value is { } value && !FileTransfers.IsHeredoc(add, s) && !FileTransfers.IsUrl(value) && !FileTransfers.IsArchive(value) && !MayMatchArchives(value))
            .ToList();
        if (plain.Count == 0)
        {
            return;
        }

        var names = string.Join(", ", plain.Select(s => $"'{s.Text}'"));
        context.Report(add.KeywordSpan, $"ADD copies {names}, which {(plain.Count == 1 ? "is a local file or folder" : "are local files or folders")}, not an archive or URL; use COPY");
    }
}
