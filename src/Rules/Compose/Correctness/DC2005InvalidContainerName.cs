using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Correctness;

/// <summary>A <c>container_name</c> the engine refuses: it must match <c>[a-zA-Z0-9][a-zA-Z0-9_.-]+</c>.</summary>
public sealed partial class DC2005InvalidContainerName : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC2005",
        "Invalid container name",
        "The container_name '{0}' of service '{1}' is not a valid container name: use letters, digits, '_', '.' and '-', starting with a letter or digit, at least two characters",
        RuleCategories.Correctness,
        DiagnosticSeverity.Error,
        "The container_name does not match the pattern Docker accepts, so the container cannot be created.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["dclint:service-container-name-regex"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Checks each `container_name` (after interpolation; unknown values are skipped) against the
        pattern the Docker engine enforces: `[a-zA-Z0-9][a-zA-Z0-9_.-]+`.

        Do not turn it off: the Docker engine refuses such a name and the service cannot be created;
        fix the name.

        ## Why is this bad?

        The engine rejects the name when compose creates the container (`Invalid container name
        (my app), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`), so the service never starts.

        ## Example

        ```yaml
        services:
          app:
            image: example/app:1.4
            container_name: my app
        ```

        ## Use instead

        ```yaml
        services:
          app:
            image: example/app:1.4
            container_name: my-app
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterServiceAction(context =>
        {
            if (context.Service.ContainerName is { Value: { } name } value && !ValidName().IsMatch(name))
            {
                context.Report(value.Location, name, context.Service.Name);
            }
        });
    }

    [GeneratedRegex("^/?[a-zA-Z0-9][a-zA-Z0-9_.-]+$")]
    private static partial Regex ValidName();
}
