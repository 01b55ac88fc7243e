using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Suppressions;

/// <summary>Which comment syntax a suppression was written in.</summary>
public enum SuppressionSyntax
{
    /// <summary><c># dockerlint ignore=…</c>, <c>disable=</c>, <c>enable=</c>, <c>global ignore=</c>.</summary>
    DockerLint,

    /// <summary><c># hadolint ignore=…</c> and <c># hadolint global ignore=…</c>, read through the rules' <c>hadolint:</c> aliases.</summary>
    Hadolint,

    /// <summary>BuildKit's <c># check=skip=…</c> (a parser directive, or a comment right above an instruction), read through the <c>buildkit:</c> aliases.</summary>
    BuildKit,
}

/// <summary>What a suppression comment covers.</summary>
public enum SuppressionScope
{
    /// <summary>The instruction, key or list item right below the comment (or, inside a continued RUN, the next line).</summary>
    Next,

    /// <summary>From a <c>disable=</c> comment to the matching <c>enable=</c> comment or the end of the file.</summary>
    Block,

    /// <summary>The whole file (<c>global ignore=</c>, the <c>check=skip=</c> parser directive).</summary>
    File,
}

/// <summary>Why a finding is not reported: the comment that suppressed it.</summary>
/// <param name="Syntax">The comment syntax.</param>
/// <param name="Scope">What the comment covers.</param>
/// <param name="Comment">The comment as written (first line, <c>#</c> included).</param>
/// <param name="Location">Where the comment is.</param>
/// <param name="Reason">The justification written after the IDs (<c>-- reason</c>), or null.</param>
public sealed record Suppression(SuppressionSyntax Syntax, SuppressionScope Scope, string Comment, Location Location, string? Reason);

/// <summary>A finding an inline suppression hid, kept so reports (SARIF, JSON) can list it as suppressed.</summary>
/// <param name="Diagnostic">The finding.</param>
/// <param name="Suppression">The comment that suppressed it.</param>
public sealed record SuppressedDiagnostic(Diagnostic Diagnostic, Suppression Suppression);
