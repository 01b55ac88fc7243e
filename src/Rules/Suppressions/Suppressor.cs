using System.Globalization;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Suppressions;

/// <summary>The descriptors of the rules about suppressions for one kind of file, and whether each runs.</summary>
/// <param name="Unused">A suppression that suppressed nothing (DF2090/DC2090); null when the rule does not run.</param>
/// <param name="Unknown">An ID that names no rule, or an unreadable <c># dockerlint</c> comment (DF2091/DC2091); null when it does not run.</param>
/// <param name="Inline">Any inline suppression (DF5090/DC5090, opt-in); null when it does not run.</param>
internal sealed record SuppressionRules(DiagnosticDescriptor? Unused, DiagnosticDescriptor? Unknown, DiagnosticDescriptor? Inline);

/// <summary>
/// Applies the directives of a file (or project) to its findings: a finding covered by a directive
/// naming its rule is moved aside with the suppression that hid it. Then reports DockerLint's own
/// comments that suppressed nothing or name unknown IDs, and — when asked — every inline
/// suppression. hadolint and BuildKit comments are honoured but never reported as unused or
/// unknown: they also serve the other tool, whose rules DockerLint may not have.
/// </summary>
internal static class Suppressor
{
    /// <summary>Splits <paramref name="diagnostics"/> into the reported ones and the suppressed ones.</summary>
    /// <param name="diagnostics">The findings.</param>
    /// <param name="directives">The directives found.</param>
    /// <param name="honour">False when inline suppressions are switched off: nothing is suppressed and only the opt-in rule that reports every suppression runs.</param>
    /// <param name="isActive">Whether a rule ran (an unused suppression of a rule that did not run is not reported).</param>
    /// <param name="rules">The rules about suppressions.</param>
    public static (List<Diagnostic> Reported, List<SuppressedDiagnostic> Suppressed) Apply(
        List<Diagnostic> diagnostics, List<SuppressionDirective> directives, bool honour, Func<string, bool> isActive, SuppressionRules rules)
    {
        if (directives.Count == 0)
        {
            return (diagnostics, []);
        }

        var reported = new List<Diagnostic>();
        var suppressed = new List<SuppressedDiagnostic>();
        var applicable = directives
            .Where(d => honour && d.Comment.Malformed is null && d.Comment.Verb != SuppressionVerb.Enable)
            .OrderBy(d => d.Scope)
            .ThenByDescending(d => d.Comment.Span.Start)
            .ToList();
        Split(diagnostics);

        var extra = new List<Diagnostic>();
        foreach (var directive in directives)
        {
            if (honour && directive.Comment.Syntax == SuppressionSyntax.DockerLint)
            {
                ReportProblems(directive, isActive, rules, extra);
            }
        }

        if (rules.Inline is { } inline)
        {
            foreach (var directive in directives.Where(d => d.Comment.Malformed is null && d.Comment.Verb != SuppressionVerb.Enable).DistinctBy(d => d.Comment.Span))
            {
                extra.Add(Diagnostic.Create(inline, directive.Location, $"Inline suppression '{directive.Comment.Text.Trim()}': fix the finding or record it in configuration or a baseline"));
            }
        }

        // The findings about suppressions can be suppressed too (a file that keeps an unused
        // suppression on purpose says so with a global ignore of DF2090) — except the ones that
        // forbid inline suppressions, which a comment must not silence.
        Split([.. extra.Where(d => d.Descriptor != rules.Inline)]);
        reported.AddRange(extra.Where(d => d.Descriptor == rules.Inline));
        return (reported, suppressed);

        void Split(List<Diagnostic> findings)
        {
            foreach (var diagnostic in findings)
            {
                Suppression? first = null;
                var path = diagnostic.Location.GetLineSpan().Path;
                var span = diagnostic.Location.SourceSpan;
                foreach (var directive in applicable)
                {
                    if (!directive.CoversSpan(path, span))
                    {
                        continue;
                    }

                    for (var i = 0; i < directive.Targets.Length; i++)
                    {
                        if (directive.Targets[i].Covers(diagnostic.Id))
                        {
                            // Every directive that covers the finding counts as used; the most specific is the one reported.
                            directive.Used[i] = true;
                            first ??= directive.ToSuppression();
                        }
                    }
                }

                if (first is null)
                {
                    reported.Add(diagnostic);
                }
                else
                {
                    suppressed.Add(new SuppressedDiagnostic(diagnostic, first));
                }
            }
        }
    }

    private static void ReportProblems(SuppressionDirective directive, Func<string, bool> isActive, SuppressionRules rules, List<Diagnostic> extra)
    {
        var comment = directive.Comment;
        if (comment.Malformed is { } why)
        {
            if (rules.Unknown is { } malformed)
            {
                extra.Add(Diagnostic.Create(malformed, directive.Location, $"Cannot read this suppression comment: {why}"));
            }

            return;
        }

        var verb = comment.Verb switch
        {
            SuppressionVerb.GlobalIgnore => "global ignore",
            SuppressionVerb.Disable => "disable",
            SuppressionVerb.Enable => "enable",
            _ => "ignore",
        };
        for (var i = 0; i < directive.Targets.Length; i++)
        {
            var target = directive.Targets[i];
            var location = Location.Create(directive.Path, target.Written.Span, Shift(directive, target.Written.Span));
            var id = target.Written.Text;
            if (!target.Known)
            {
                if (rules.Unknown is { } unknown)
                {
                    extra.Add(Diagnostic.Create(unknown, location, string.Format(CultureInfo.InvariantCulture, "'{0}' is not a DockerLint rule ID or another tool's ID one of its rules stands for, so '{1}={0}' suppresses nothing", id, verb)));
                }
            }
            else if (!directive.Used[i] && rules.Unused is { } unused && (target.Written.IsAll || target.RuleIds.Any(isActive)))
            {
                var message = comment.Verb == SuppressionVerb.Enable
                    ? $"'enable={id}' ends no 'disable={id}' block above it"
                    : comment.Verb == SuppressionVerb.Ignore && directive.Ranges.IsEmpty
                        ? $"'ignore={id}' covers nothing: no instruction, key or item starts on the line below it (a blank line ends a stack of comments)"
                        : $"'{verb}={id}' suppresses nothing: no {(target.Written.IsAll ? "" : id + " ")}finding is reported where it applies";
                extra.Add(Diagnostic.Create(unused, location, message));
            }
        }
    }

    /// <summary>The line span of an ID inside a one-line comment: the comment's line, the ID's columns.</summary>
    private static Microsoft.CodeAnalysis.Text.LinePositionSpan Shift(SuppressionDirective directive, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        var comment = directive.Location.GetLineSpan().Span;
        var start = comment.Start.Character + (span.Start - directive.Comment.Span.Start);
        return new(new(comment.Start.Line, start), new(comment.Start.Line, start + span.Length));
    }
}
