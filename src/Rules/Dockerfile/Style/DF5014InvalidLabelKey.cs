using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Style;

/// <summary>A label key outside Docker's key guidelines: reserved namespace, upper case, bad characters (opt-in).</summary>
public sealed partial class DF5014InvalidLabelKey : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateOptInDescriptor(
        "DF5014",
        "Label key outside Docker's guidelines",
        "{0}",
        RuleCategories.Style,
        DiagnosticSeverity.Info,
        "Label keys should be lower-case reverse-DNS names (letters, digits, '.' and '-'), and must stay out of the namespaces Docker reserves.");

    private static readonly string[] s_reserved = ["com.docker.", "io.docker.", "org.dockerproject."];

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL3048"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a `LABEL` key (ONBUILD triggers included) that does not follow Docker's guidelines for
        label keys: it uses a namespace Docker reserves (`com.docker.*`, `io.docker.*`,
        `org.dockerproject.*`), or it is not made of lower-case letters, digits, `.` and `-`, starting
        and ending with a letter or digit, without `..` or `--`. Keys whose value is unknown are skipped.
        Off by default: Docker accepts any key, and many published images use keys such as `Name` or
        `description_long`; turn it on to hold your images to the convention.

        Turn it on to hold your images to Docker's convention for label keys.

        ## Why is this bad?

        Consistent reverse-DNS keys (`org.opencontainers.image.source`, `com.example.team`) avoid clashes
        between tools that read labels, and the reserved namespaces belong to Docker's own tooling.

        ## Example

        ```dockerfile
        FROM alpine:3.20
        LABEL Maintainer_Team="platform"
        ```

        ## Use instead

        ```dockerfile
        FROM alpine:3.20
        LABEL com.example.team="platform"
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<LabelInstruction>(Check);

    [GeneratedRegex(@"^[a-z0-9](?:[a-z0-9.\-]*[a-z0-9])?$")]
    private static partial Regex ValidKey();

    private static void Check(InstructionContext<LabelInstruction> context)
    {
        foreach (var pair in context.Instruction.Pairs)
        {
            if (pair.Key.Value is not { Length: > 0 } key)
            {
                continue;
            }

            string? problem = null;
            if (s_reserved.FirstOrDefault(r => key.StartsWith(r, StringComparison.OrdinalIgnoreCase)) is { } reserved)
            {
                problem = $"uses the namespace {reserved}*, which Docker reserves";
            }
            else if (!ValidKey().IsMatch(key) || key.Contains("..", StringComparison.Ordinal) || key.Contains("--", StringComparison.Ordinal))
            {
                problem = "should be made of lower-case letters, digits, '.' and '-', start and end with a letter or digit, and have no '..' or '--'";
            }

            if (problem is not null)
            {
                context.Report(pair.Key.Span, $"Label key '{key}' {problem}");
            }
        }
    }
}
