using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.BestPractice;

/// <summary>The file sets the obsolete top-level <c>version</c>.</summary>
public sealed class DC3021ObsoleteVersion : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC3021",
        "Obsolete top-level version",
        "The top-level 'version' is obsolete and ignored by docker compose; remove it",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "The Compose Specification has no version: docker compose ignores the field and warns about it.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["dclint:no-version-field"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports the top-level `version:` key of each file of the project that has one.

        Turn it off only if you still run the legacy Python docker-compose v1, which requires
        `version:`.

        ## Why is this bad?

        Compose V2 implements the Compose Specification, which dropped the version: docker compose
        prints `the attribute 'version' is obsolete, it will be ignored` on every run. The field
        suggests a file format (2.x, 3.x) whose rules no longer apply — `3.8` does not turn off
        features, nor does `2.4` enable them. It is still in many older files (in DockerLint's corpus
        of real projects, in about a third of them), which is why the rule is a warning only.

        ## Example

        ```yaml
        version: "3.8"
        services:
          web:
            image: nginx:1.27
        ```

        ## Use instead

        ```yaml
        services:
          web:
            image: nginx:1.27
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterProjectAction(context =>
        {
            foreach (var file in context.Project.Files)
            {
                foreach (var document in file.Documents)
                {
                    if (document is Parser.Compose.Yaml.YamlMapping mapping && mapping.GetEntry("version") is { } entry)
                    {
                        context.Report(entry.Key);
                    }
                }
            }
        });
    }
}
