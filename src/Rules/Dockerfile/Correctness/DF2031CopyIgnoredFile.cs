using System.Collections.Immutable;
using DockerLint.Parser.Context;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Correctness;

/// <summary>A COPY or ADD source that the build context's <c>.dockerignore</c> excludes.</summary>
public sealed class DF2031CopyIgnoredFile : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF2031",
        "COPY or ADD of a path excluded by .dockerignore",
        "{0}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Warning,
        "The source is excluded from the build context by .dockerignore, so the builder never receives it: the instruction fails, or copies less than it says.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["buildkit:CopyIgnoredFile"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reads the `.dockerignore` of the build context — `<Dockerfile name>.dockerignore` next to the
        Dockerfile when it exists, else `.dockerignore` at the context root, as Docker does — and reports
        each `COPY` or `ADD` source (ONBUILD triggers included) that it excludes, naming the pattern and
        its line. Patterns follow Docker's rules: anchored at the context root, `*` and `?` within one
        folder, `**` across folders, a folder pattern excludes everything below it, and the last matching
        pattern wins, so `!` exceptions put paths back. A source is left alone when an exception may put
        back something below it (`node_modules` excluded, `!node_modules/keep` kept).

        Not checked: `COPY --from` (a stage, an image or a named context is not the build context), URLs
        and git sources of ADD, heredocs, sources whose value is unknown, and `.` (the whole context).
        Without a known build context — a Dockerfile read from standard input — the rule is silent. The
        DockerLint CLI takes the Dockerfile's folder as the context.

        Turn it off when builds do not use the `.dockerignore` next to the Dockerfile (the context is
        assembled by another tool with its own filters), since the rule then reads the wrong patterns.

        ## Why is this bad?

        The builder only receives what `.dockerignore` lets through. A source it excludes is missing
        at build time: a plain path fails the build ("not found"), a wildcard silently copies fewer files
        than intended, and the image differs from what the Dockerfile says. Usually the ignore file grew a
        broad pattern (`*.md`, `config`) after the Dockerfile started to need one of those files.

        When the image is built with another context than the Dockerfile's folder, pass it with
        `--context` rather than turning the rule off.

        ## Example

        ```dockerfile
        FROM nginx:1.27
        COPY docs/index.md /usr/share/nginx/html/
        ```

        ```dockerignore
        *.md
        docs
        ```

        ## Use instead

        ```dockerfile
        FROM nginx:1.27
        COPY docs/index.md /usr/share/nginx/html/
        ```

        ```dockerignore
        *.md
        docs
        !docs/index.md
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<FileTransferInstruction>(Check);

    private static void Check(InstructionContext<FileTransferInstruction> context)
    {
        var transfer = context.Instruction;
        if (context.BuildContext?.DockerIgnore is not { } ignore || transfer is CopyInstruction { From: not null })
        {
            return;
        }

        var windows = context.Model.Tree.EscapeToken == '`';
        foreach (var source in transfer.Sources)
        {
            if (source.Value is not { } value || FileTransfers.IsHeredoc(transfer, source) || FileTransfers.IsUrl(value))
            {
                continue;
            }

            var path = DockerIgnore.CleanPath(windows ? value.Replace('\\', '/') : value).TrimStart('/');
            if (path is "" or "." || path.StartsWith("../", StringComparison.Ordinal))
            {
                continue;
            }

            if (ignore.ExcludedBy(path) is not { } pattern || MayBeReincluded(ignore, path))
            {
                continue;
            }

            var file = Path.GetFileName(context.BuildContext.DockerIgnorePath) ?? ".dockerignore";
            context.Report(source.Span, $"'{source.Text}' is excluded from the build context by '{pattern.Text}' ({file} line {pattern.Line}), so {transfer.Syntax.KeywordText} cannot read it");
        }
    }

    /// <summary>True when an exception pattern may put back something below <paramref name="path"/>.</summary>
    private static bool MayBeReincluded(DockerIgnore ignore, string path)
        => ignore.Patterns.Any(p => p.IsException
            && (path.IndexOfAny(['*', '?', '[']) >= 0 || p.Text.StartsWith(path + "/", StringComparison.Ordinal) || p.Text.StartsWith('*') || p.Text.StartsWith('[') || p.Text.StartsWith('?')));
}
