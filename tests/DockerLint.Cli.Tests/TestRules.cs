using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Cli.Tests;

/// <summary>
/// Rules owned by these tests. The format goldens and the discovery tests run with them instead of
/// DockerLint's own rules, so that rewording or adding a rule never changes what a test about the
/// CLI expects; the syntax diagnostics (DF0xxx, DC0xxx) still come from the parsers.
/// </summary>
internal static class TestRules
{
    /// <summary>The rules the CLI tests run with by default.</summary>
    public static ImmutableArray<Rule> All { get; } = [new DF9101RootUser(), new DC9101RootUser()];

    /// <summary>True for <c>root</c> and <c>0</c>.</summary>
    public static bool IsRoot(string? user) => user is "root" or "0";
}

/// <summary>A test rule: <c>USER root</c>, reported on the user.</summary>
internal sealed class DF9101RootUser : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF9101", "Root user (test rule)", "USER {0} runs the container as root", RuleCategories.Security, DiagnosticSeverity.Warning,
        "A rule of the CLI tests: reports USER root.", "CWE-250");

    public override DiagnosticDescriptor Descriptor => s_descriptor;

    public override ImmutableArray<string> Aliases => ["hadolint:DL3002"];

    public override double? SecuritySeverity => 7.5;

    public override string Explanation => """
        ## What it does

        Reports `USER root`.

        ## Why is this bad?

        The container runs as root.

        ## Example

        ```dockerfile
        USER root
        ```

        ## Use instead

        ```dockerfile
        USER app
        ```
        """;

    public override void Initialize(DockerfileAnalysisContext context)
        => context.RegisterInstructionAction<UserInstruction>(c =>
        {
            if (TestRules.IsRoot(c.Instruction.User))
            {
                c.Report(c.Instruction.UserSpan, c.Instruction.User);
            }
        });
}

/// <summary>A test rule: a Compose service with <c>user: root</c>, reported on the value.</summary>
internal sealed class DC9101RootUser : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC9101", "Root service (test rule)", "Service '{0}' runs as root (user: {1})", RuleCategories.Security, DiagnosticSeverity.Warning,
        "A rule of the CLI tests: reports user: root.");

    public override DiagnosticDescriptor Descriptor => s_descriptor;

    public override double? SecuritySeverity => 7.5;

    public override string Explanation => "## What it does\n\nReports `user: root`.\n\n## Why is this bad?\n\nRoot.\n\n## Example\n\n`user: root`\n\n## Use instead\n\n`user: app`";

    public override void Initialize(ComposeAnalysisContext context)
        => context.RegisterServiceAction(c =>
        {
            if (c.Service.User is { Value: { } value } user && TestRules.IsRoot(value.Split(':')[0]))
            {
                c.Report(user.Node, c.Service.Name, value);
            }
        });
}
