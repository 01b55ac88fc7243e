using System.Text.RegularExpressions;

namespace DockerLint.Rules.Engine;

/// <summary>
/// The spelling of <see cref="Rule.Aliases"/> (<c>tool:ID</c>) and how a name a user writes is matched
/// against them. Every lookup (suppression comments, configuration files, <c>explain</c>) goes through
/// <see cref="Matches"/>, so the older spellings of another tool's IDs keep working: Trivy's
/// <c>DS002</c> and <c>AVD-DS-0002</c> both stand for <c>trivy:DS-0002</c>.
/// </summary>
public static partial class RuleAliases
{
    /// <summary>The tool prefixes an alias may carry, and the ID each tool's checks are written with.</summary>
    public static IReadOnlyDictionary<string, Regex> WellFormedIds { get; } = new Dictionary<string, Regex>(StringComparer.Ordinal)
    {
        ["hadolint"] = HadolintId(),
        ["buildkit"] = BuildKitId(),
        ["trivy"] = TrivyId(),
        ["kics"] = KicsId(),
        ["checkov"] = CheckovId(),
        ["dclint"] = DclintId(),
        ["dockerfile-utils"] = DockerfileUtilsId(),
    };

    /// <summary>
    /// True when <paramref name="alias"/> (<c>tool:ID</c>) is what <paramref name="name"/> means:
    /// the same <c>tool:ID</c>, or with <paramref name="bareAllowed"/> the ID without its tool; case-insensitive,
    /// with Trivy's older spellings normalised.
    /// </summary>
    public static bool Matches(string alias, string name, bool bareAllowed = true)
    {
        var wanted = Normalize(name.Trim());
        if (string.Equals(alias, wanted, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!bareAllowed || wanted.Contains(':', StringComparison.Ordinal))
        {
            return false;
        }

        var bare = alias[(alias.IndexOf(':', StringComparison.Ordinal) + 1)..];
        return string.Equals(bare, wanted, StringComparison.OrdinalIgnoreCase)
            || (alias.StartsWith("trivy:", StringComparison.OrdinalIgnoreCase) && string.Equals(bare, NormalizeTrivy(wanted), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// <paramref name="name"/> in the current spelling: <c>trivy:DS002</c> and <c>trivy:AVD-DS-0002</c> become
    /// <c>trivy:DS-0002</c>; anything else is returned unchanged.
    /// </summary>
    public static string Normalize(string name)
        => name.StartsWith("trivy:", StringComparison.OrdinalIgnoreCase)
            ? "trivy:" + NormalizeTrivy(name["trivy:".Length..])
            : name;

    private static string NormalizeTrivy(string id)
    {
        var match = LegacyTrivyId().Match(id);
        return match.Success ? "DS-" + match.Groups["n"].Value.PadLeft(4, '0') : id;
    }

    [GeneratedRegex(@"^(?:AVD-)?DS-?(?<n>\d{3,4})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LegacyTrivyId();

    [GeneratedRegex(@"^(?:DL\d{4}|SC\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex HadolintId();

    [GeneratedRegex(@"^[A-Z][A-Za-z]+$", RegexOptions.CultureInvariant)]
    private static partial Regex BuildKitId();

    [GeneratedRegex(@"^DS-\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex TrivyId();

    [GeneratedRegex(@"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex KicsId();

    [GeneratedRegex(@"^CKV2?_DOCKER_\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex CheckovId();

    [GeneratedRegex(@"^[a-z]+(?:-[a-z]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DclintId();

    [GeneratedRegex(@"^[A-Z]+(?:_[A-Z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DockerfileUtilsId();
}
