using System.Collections.Immutable;
using DockerLint.Parser.Compose.Yaml;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Compose.BestPractice;

/// <summary>The project sets no top-level <c>name</c> (opt-in).</summary>
public sealed class DC3022MissingProjectName : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DC3022",
        "No project name",
        "The project sets no top-level 'name', so its name comes from the folder it is run in",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "The project has no top-level name; docker compose names it after the project folder, so containers, networks and volumes change names when the folder does.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["dclint:require-project-name-field"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Off by default. Reports a project (all its files merged) without a top-level `name:`, at
        the start of its first file. A file with no services is not reported.

        Turn it on where several projects share a host or folder names are not unique, so each project
        must name itself instead of taking its directory's name.

        ## Why is this bad?

        Without `name`, the project name is the folder name (or `-p`, or `COMPOSE_PROJECT_NAME`).
        Two checkouts in folders of the same name share containers and volumes; a renamed folder
        orphans the old volumes. Many teams prefer the folder name, or set the name from the
        environment — they leave the rule off, which is why it is opt-in. Turned on, it fires on almost
        every file: nine in ten Compose files of DockerLint's corpus of real projects set no `name`.

        ## Example

        ```yaml
        services:
          web:
            image: nginx:1.27
        ```

        ## Use instead

        ```yaml
        name: shop
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
            if (context.Project.Name is not null || context.Project.Files.IsEmpty || context.Project.Services.IsEmpty)
            {
                return;
            }

            var first = context.Project.Files[0];
            var span = first.Root is YamlMapping { Entries: [var entry, ..] } ? entry.Key.Span : new TextSpan(0, 0);
            context.Report(first.Source.GetLocation(span));
        });
    }
}
