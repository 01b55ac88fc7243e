using System.Text.RegularExpressions;

namespace DockerLint.Parser.Tests.Images;

/// <summary>
/// A test-only transcription of distribution/reference's <c>ParseNormalizedNamed</c> built from its
/// published grammar with regular expressions, used as an independent oracle for
/// <see cref="DockerLint.Parser.Images.ImageReference"/>. Returns (domain, path, tag, digest) for a
/// valid reference and null otherwise.
/// </summary>
internal static partial class RegexOracle
{
    // Character classes are spelled out (no \w, no $) so .NET matches Go's ASCII-only RE2 semantics.
    private const string PathComponent = "[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*";
    private const string RemoteName = PathComponent + "(?:/" + PathComponent + ")*";
    private const string DomainComponent = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private const string DomainAndPort =
        "(?:" + DomainComponent + "(?:\\." + DomainComponent + ")*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?";
    private const string Tag = "[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}";
    private const string Digest = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";

    public static (string Domain, string Path, string Tag, string Digest)? Parse(string s)
    {
        if (HexIdentifierRegex().IsMatch(s))
        {
            return null;
        }

        var (domain, remainder) = SplitDockerDomain(s);
        var tagSeparator = remainder.IndexOf(':');
        var remote = tagSeparator >= 0 ? remainder[..tagSeparator] : remainder;
        if (remote.ToLowerInvariant() != remote)
        {
            return null;
        }

        var match = ReferenceRegex().Match(domain + "/" + remainder);
        if (!match.Success)
        {
            return null;
        }

        var name = AnchoredNameRegex().Match(match.Groups[1].Value);
        var path = name.Groups[2].Value;
        if (path.Length > 255)
        {
            return null;
        }

        var digest = match.Groups[3].Value;
        if (digest.Length > 0 && !IsSupportedDigest(digest))
        {
            return null;
        }

        return (name.Groups[1].Value, path, match.Groups[2].Value, digest);
    }

    private static (string Domain, string Remainder) SplitDockerDomain(string name)
    {
        var slash = name.IndexOf('/');
        if (slash < 0)
        {
            return ("docker.io", "library/" + name);
        }

        var maybeDomain = name[..slash];
        var maybeRemote = name[(slash + 1)..];
        string domain, remainder;
        if (maybeDomain == "localhost")
        {
            (domain, remainder) = (maybeDomain, maybeRemote);
        }
        else if (maybeDomain == "index.docker.io")
        {
            (domain, remainder) = ("docker.io", maybeRemote);
        }
        else if (maybeDomain.IndexOfAny(['.', ':']) >= 0 || maybeDomain.ToLowerInvariant() != maybeDomain)
        {
            (domain, remainder) = (maybeDomain, maybeRemote);
        }
        else
        {
            (domain, remainder) = ("docker.io", name);
        }

        if (domain == "docker.io" && !remainder.Contains('/'))
        {
            remainder = "library/" + remainder;
        }

        return (domain, remainder);
    }

    private static bool IsSupportedDigest(string digest)
    {
        var colon = digest.IndexOf(':');
        var expected = digest[..colon] switch
        {
            "sha256" => 64,
            "sha384" => 96,
            "sha512" => 128,
            _ => 0,
        };
        var hex = digest[(colon + 1)..];
        return expected != 0 && hex.Length == expected && LowerHexRegex().IsMatch(hex);
    }

    [GeneratedRegex("^[a-f0-9]{64}\\z")]
    private static partial Regex HexIdentifierRegex();

    [GeneratedRegex("^((?:" + DomainAndPort + "/)?" + RemoteName + ")(?::(" + Tag + "))?(?:@(" + Digest + "))?\\z")]
    private static partial Regex ReferenceRegex();

    [GeneratedRegex("^(?:(" + DomainAndPort + ")/)?(" + RemoteName + ")\\z")]
    private static partial Regex AnchoredNameRegex();

    [GeneratedRegex("^[a-f0-9]+\\z")]
    private static partial Regex LowerHexRegex();
}
