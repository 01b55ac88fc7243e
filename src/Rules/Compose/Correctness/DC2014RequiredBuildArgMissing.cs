using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Correctness;

/// <summary>A FROM uses a global ARG without default that the service's <c>build.args</c> does not supply.</summary>
public sealed class DC2014RequiredBuildArgMissing : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC2014",
        "Build argument the FROM needs is not supplied",
        "Service '{0}' does not pass the build argument '{1}', which has no default and is used by '{2}'",
        RuleCategories.Correctness,
        DiagnosticSeverity.Error,
        "A FROM of the Dockerfile uses a global ARG that has no default, and the service's build.args do not supply it, so the base image name is empty.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reads the Dockerfile a service builds and looks at the `FROM` lines of the stages the build
        involves. When a `FROM` uses a global `ARG` (`$BASE`, `${BASE}`) declared without a default,
        and the service's `build.args` has no entry for it, the service's `build:` key is reported.
        A `FROM` that gives its own default (`${BASE:-alpine:3.20}`) is not reported.

        Do not turn it off: without a value the image reference of the `FROM` line is empty or partial
        and the build fails; pass the argument in `build.args` or give the `ARG` a default.

        ## Why is this bad?

        Compose passes only `build.args` to the build, not the environment: the image reference
        expands to an empty or partial name and the build fails (`base name (${BASE}) should not
        be blank`, or `invalid reference format`). BuildKit's own check (InvalidDefaultArgInFrom)
        sees the Dockerfile alone and cannot tell whether a caller supplies the value.

        ## Example

        ```yaml
        services:
          api:
            build:
              dockerfile_inline: |
                ARG BASE
                FROM $${BASE}
        ```

        ## Use instead

        ```yaml
        services:
          api:
            build:
              args:
                BASE: alpine:3.20
              dockerfile_inline: |
                ARG BASE
                FROM $${BASE}
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterServiceAction(context =>
        {
            if (context.Build is not { Dockerfile: { } model, TargetStage: { } target } build)
            {
                return;
            }

            var withoutDefault = model.GlobalArgs.SelectMany(a => a.Declarations).Where(d => d.Default is null).Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
            var supplied = build.Build.Args.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (var stage in BuildStages.Closure(model, target))
            {
                if (stage.From.ImageText is not { } image)
                {
                    continue;
                }

                foreach (var name in withoutDefault.Where(n => !supplied.Contains(n) && UsesBare(image.Text, n) && reported.Add(n)))
                {
                    var location = build.Service.Entry("build")!.Key.Location;
                    context.Report(location, context.Service.Name, name, $"FROM {image.Text}");
                }
            }
        });
    }

    /// <summary>True when <paramref name="text"/> uses the variable as <c>$NAME</c> or <c>${NAME}</c> (no default of its own).</summary>
    private static bool UsesBare(string text, string name)
    {
        if (text.Contains("${" + name + "}", StringComparison.Ordinal))
        {
            return true;
        }

        for (var i = text.IndexOf("$" + name, StringComparison.Ordinal); i >= 0; i = text.IndexOf("$" + name, i + 1, StringComparison.Ordinal))
        {
            var end = i + 1 + name.Length;
            if (end == text.Length || !(char.IsAsciiLetterOrDigit(text[end]) || text[end] == '_'))
            {
                return true;
            }
        }

        return false;
    }
}
