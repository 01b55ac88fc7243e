using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>A local archive COPY'd into the image and then unpacked by a RUN: ADD unpacks it in one layer.</summary>
public sealed class DF3097ArchiveCopiedThenExtracted : DockerfileRule
{
    private static readonly string[] s_archives = [".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst"];

    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3097",
        "Archive copied, then extracted",
        "'{0}' is copied and then unpacked by tar on line {1}; 'ADD {0} <dir>' unpacks it without keeping the archive in a layer",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "A tar archive from the build context is COPY'd into the image and unpacked by a later RUN, which keeps both the archive and its contents in layers.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL3010"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a `COPY` of a local tar archive (`.tar`, `.tar.gz`, `.tgz`, `.tar.bz2`, `.tar.xz`,
        `.tar.zst`) when a later RUN of the same stage unpacks that file with `tar -x`. Archives copied
        from another stage (`COPY --from`), zip files (ADD does not unpack them) and archives that are
        only copied are not reported. A non-POSIX `SHELL` is not read.

        Turn it off if you prefer COPY's explicit behaviour to ADD's automatic unpacking.

        ## Why is this bad?

        The COPY layer keeps the whole archive even if the RUN deletes it afterwards, so the image
        carries the data twice. `ADD` unpacks a local tar archive into the destination directory in
        a single layer.

        ## Example

        ```dockerfile
        FROM debian:12
        COPY app.tar.gz /tmp/
        RUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz
        ```

        ## Use instead

        ```dockerfile
        FROM debian:12
        ADD app.tar.gz /opt/
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
        => context.RegisterStageAction(context =>
        {
            var instructions = context.Stage.Instructions;
            for (var i = 0; i < instructions.Length; i++)
            {
                if (instructions[i] is not CopyInstruction { From: null } copy)
                {
                    continue;
                }

                foreach (var source in copy.Sources)
                {
                    if (source.Value is not { } path || !s_archives.Any(a => path.EndsWith(a, StringComparison.OrdinalIgnoreCase)))
                    {
                        continue;
                    }

                    var name = path[(path.LastIndexOf('/') + 1)..];
                    var extract = instructions.Skip(i + 1).OfType<RunInstruction>()
                        .SelectMany(run => RunCommands.Of(run))
                        .FirstOrDefault(c => c.Name == "tar" && IsExtract(c) && c.Arguments.Any(a => a.IsLiteral && a.Text.EndsWith(name, StringComparison.Ordinal)));
                    if (extract is not null)
                    {
                        var line = context.Model.Tree.Text.Lines.GetLineFromPosition(extract.Span.Start).LineNumber + 1;
                        context.Report(source.Span, path, line);
                    }
                }
            }
        });

    private static bool IsExtract(Parser.Shell.ShellCommand tar)
        => tar.Arguments.Any(a => a.Text is "--extract" or "--get" || (a.Text.Length > 1 && a.Text[0] == '-' && a.Text[1] != '-' && a.Text.Contains('x', StringComparison.Ordinal)))
            || (tar.Arguments.FirstOrDefault() is { } first && !first.Text.StartsWith('-') && first.Text.Contains('x', StringComparison.Ordinal));
}
