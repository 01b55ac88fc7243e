using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Suppressions;

/// <summary>What a suppression comment does.</summary>
internal enum SuppressionVerb
{
    /// <summary><c>ignore=</c>: the next instruction, key or item.</summary>
    Ignore,

    /// <summary><c>global ignore=</c> or the <c>check=skip=</c> parser directive: the whole file.</summary>
    GlobalIgnore,

    /// <summary><c>disable=</c>: until <c>enable=</c> or the end of the file.</summary>
    Disable,

    /// <summary><c>enable=</c>: ends a <c>disable=</c> block.</summary>
    Enable,
}

/// <summary>A rule ID as written in a comment, and where.</summary>
/// <param name="Text">The ID as written (<c>DF1001</c>, <c>DL3008</c>, <c>JSONArgsRecommended</c>, <c>all</c>).</param>
/// <param name="Span">Where it is in the file.</param>
internal sealed record WrittenId(string Text, TextSpan Span)
{
    /// <summary>True for <c>all</c>.</summary>
    public bool IsAll => string.Equals(Text, "all", StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// A comment read as a suppression: <c># dockerlint [global] ignore|disable|enable=ID[,ID…] [-- reason]</c>,
/// <c># hadolint [global] ignore=ID[,ID…]</c> or <c># check=skip=Name[,Name…][;…]</c>. Keywords are
/// case-insensitive; blanks around <c>=</c> and <c>,</c> are allowed. A <c># dockerlint …</c> comment that is
/// not in this shape is <see cref="Malformed"/> (reported by DF2091/DC2091) rather than silently ignored.
/// </summary>
internal sealed partial record SuppressionComment(
    SuppressionSyntax Syntax, SuppressionVerb Verb, ImmutableArray<WrittenId> Ids, string? Reason, string Text, TextSpan Span, string? Malformed = null)
{
    /// <summary>Reads the comment <paramref name="text"/> (from <c>#</c>, one line) found at <paramref name="span"/>; null when it is no suppression.</summary>
    /// <param name="text">The comment, <c>#</c> included.</param>
    /// <param name="span">Where it is in its file.</param>
    /// <param name="isDirective">True for a Dockerfile parser directive: <c>check=skip</c> then covers the whole file.</param>
    public static SuppressionComment? Parse(string text, TextSpan span, bool isDirective = false)
    {
        var match = ToolComment().Match(text);
        if (match.Success)
        {
            var syntax = match.Groups["tool"].Value.Equals("hadolint", StringComparison.OrdinalIgnoreCase) ? SuppressionSyntax.Hadolint : SuppressionSyntax.DockerLint;
            var global = match.Groups["global"].Success;
            var verb = match.Groups["verb"].Value.ToLowerInvariant() switch
            {
                "disable" => SuppressionVerb.Disable,
                "enable" => SuppressionVerb.Enable,
                _ => global ? SuppressionVerb.GlobalIgnore : SuppressionVerb.Ignore,
            };
            if (syntax == SuppressionSyntax.Hadolint && verb is SuppressionVerb.Disable or SuppressionVerb.Enable)
            {
                return null;
            }

            if (global && verb is SuppressionVerb.Disable or SuppressionVerb.Enable)
            {
                return Bad("'global' goes with 'ignore=' only");
            }

            var ids = ReadIds(match.Groups["ids"], span.Start);
            var reason = match.Groups["rest"].Value.Trim();
            reason = reason.StartsWith("--", StringComparison.Ordinal) ? reason[2..].Trim() : reason.TrimStart(':').Trim();
            return new SuppressionComment(syntax, verb, ids, reason.Length == 0 ? null : reason, text, span);
        }

        if (OwnPrefix().IsMatch(text))
        {
            return Bad("expected '# dockerlint ignore=ID[,ID…] [-- reason]', 'disable=…', 'enable=…' or 'global ignore=…'");
        }

        var check = CheckComment().Match(text);
        if (check.Success)
        {
            // BuildKit's value is a ';'-separated list of settings; only skip= names rules.
            var value = check.Groups["value"];
            var offset = 0;
            foreach (var part in value.Value.Split(';'))
            {
                var skip = CheckSkip().Match(part);
                if (skip.Success)
                {
                    var ids = ReadIds(skip.Groups["ids"], span.Start + value.Index + offset);
                    return new SuppressionComment(SuppressionSyntax.BuildKit, isDirective ? SuppressionVerb.GlobalIgnore : SuppressionVerb.Ignore, ids, null, text, span);
                }

                offset += part.Length + 1;
            }
        }

        return null;

        SuppressionComment Bad(string why) => new(SuppressionSyntax.DockerLint, SuppressionVerb.Ignore, [], null, text, span, why);
    }

    private static ImmutableArray<WrittenId> ReadIds(Group group, int offset)
    {
        var ids = ImmutableArray.CreateBuilder<WrittenId>();
        foreach (Match id in IdPattern().Matches(group.Value))
        {
            ids.Add(new WrittenId(id.Value, new TextSpan(offset + group.Index + id.Index, id.Length)));
        }

        return ids.ToImmutable();
    }

    [GeneratedRegex(@"^#\s*(?<tool>dockerlint|hadolint)\s+(?:(?<global>global)\s+)?(?<verb>ignore|disable|enable)\s*=\s*(?<ids>[^\s,]+(?:\s*,\s*[^\s,]+)*)(?<rest>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ToolComment();

    [GeneratedRegex(@"^#\s*dockerlint\s*[:\s]\s*(?:global\b|ignore\b|disable\b|enable\b|\S+\s*=)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OwnPrefix();

    [GeneratedRegex(@"^#\s*check\s*=\s*(?<value>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CheckComment();

    [GeneratedRegex(@"^\s*skip\s*=\s*(?<ids>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CheckSkip();

    [GeneratedRegex(@"[^\s,]+", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
