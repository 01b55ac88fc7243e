using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Engine;

/// <summary>
/// A parser, loader or schema diagnostic (DF0xxx, DC0xxx) presented as a rule, so that it is listed,
/// documented and configured like every other finding. It never runs: the parser reports it.
/// </summary>
internal sealed class SyntaxRule : Rule
{
    private readonly string? _language;

    public SyntaxRule(DiagnosticDescriptor descriptor, RuleTarget target, string? language = null)
    {
        Descriptor = descriptor;
        Target = target;
        _language = language;
    }


    public override DiagnosticDescriptor Descriptor { get; }

    public override RuleTarget Target { get; }

    public override ImmutableArray<string> Aliases
        => SyntaxRuleExamples.AliasesById.TryGetValue(Id, out var aliases) ? [.. aliases] : [];

    public override string Explanation => $"""
        ## What it does

        {Descriptor.Description}

        ## Why is this bad?

        {Why}

        ## Example

        {Fence(Example.Bad)}

        ## Use instead

        {Fence(Example.Good)}
        """;

    private string Why => SyntaxRuleExamples.WhyById.TryGetValue(Id, out var why)
        ? why
        : Target == RuleTarget.Dockerfile
            ? "BuildKit reads the file the same way and fails, or warns, at this place."
            : "docker compose reads the file the same way and fails, or misreads the value, at this place.";

    private (string Bad, string Good) Example => SyntaxRuleExamples.ById.TryGetValue(Id, out var example)
        ? example
        : ("(see the message: it names the exact problem)", "(write it the way the message says)");

    private string Fence(string code)
    {
        var language = _language ?? (Target == RuleTarget.Dockerfile ? "dockerfile" : "yaml");
        return $"```{language}\n{code}\n```";
    }
}
