namespace DockerLint.Parser.Images;

/// <summary>
/// A parsed container image reference such as <c>ubuntu:22.04</c> or
/// <c>registry.example.com:5000/team/app:1.2@sha256:…</c>.
/// </summary>
/// <remarks>
/// <para>
/// Validity follows what BuildKit accepts for <c>FROM</c>: the grammar of
/// <c>github.com/distribution/reference</c> as applied by <c>ParseNormalizedNamed</c>, i.e.
/// <c>[host[:port]/]path-component(/path-component)*[:tag][@digest]</c> where the first element is
/// only a registry host when it contains <c>.</c> or <c>:</c>, is <c>localhost</c>, or contains an
/// uppercase letter; path components are <c>[a-z0-9]+((\.|_|__|-+)[a-z0-9]+)*</c>; tags are
/// <c>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}</c>; digests are <c>sha256</c>/<c>sha384</c>/<c>sha512</c>
/// with the exact number of lowercase hex digits; the normalised path (including an implied
/// <c>library/</c> prefix on Docker Hub) is at most 255 characters.
/// </para>
/// <para>
/// <see cref="Parse"/> never throws. An invalid reference has <see cref="IsValid"/> false, an
/// <see cref="ErrorKind"/>, a message and the offset of the first character that cannot be part of a
/// valid reference (equal to the string length when the input ends too early); its component and
/// derived properties are then empty. When the first element is taken for a registry host, a problem
/// in it is reported as <see cref="ImageReferenceErrorKind.InvalidRegistry"/> because that is how
/// Docker reads it (<c>ubuntu:a/b</c> is host <c>ubuntu</c> with the bad port <c>a</c>).
/// </para>
/// </remarks>
public sealed class ImageReference
{
    /// <summary>The registry used when a reference names none.</summary>
    public const string DefaultDomain = "docker.io";

    /// <summary>The legacy Docker Hub host, normalised to <see cref="DefaultDomain"/>.</summary>
    public const string LegacyDefaultDomain = "index.docker.io";

    /// <summary>The Docker Hub namespace of official images.</summary>
    public const string OfficialRepositoryPrefix = "library/";

    /// <summary>The special base image name that denotes an empty file system.</summary>
    public const string ScratchName = "scratch";

    /// <summary>The longest allowed normalised repository path.</summary>
    public const int MaxRepositoryLength = 255;

    /// <summary>The longest allowed tag.</summary>
    public const int MaxTagLength = 128;

    private const int MinDigestHexLength = 32;

    private ImageReference(string text)
    {
        Text = text;
    }

    /// <summary>The string that was parsed; all offsets are relative to it.</summary>
    public string Text { get; }

    /// <summary>True when the reference is one BuildKit would accept.</summary>
    public bool IsValid => ErrorKind == ImageReferenceErrorKind.None;

    /// <summary>Why the reference is invalid; <see cref="ImageReferenceErrorKind.None"/> when valid.</summary>
    public ImageReferenceErrorKind ErrorKind { get; private init; }

    /// <summary>A human-readable description of the problem; null when valid.</summary>
    public string? ErrorMessage { get; private init; }

    /// <summary>
    /// Offset of the first invalid character (the string length when the input ends too early);
    /// -1 when valid.
    /// </summary>
    public int ErrorOffset { get; private init; } = -1;

    /// <summary>The registry host with optional port, as written; null when the reference names none.</summary>
    public ImageReferencePart? Registry { get; private init; }

    /// <summary>The repository path as written (without registry, tag or digest); null when invalid.</summary>
    public ImageReferencePart? Repository { get; private init; }

    /// <summary>The tag without its <c>:</c>; null when absent.</summary>
    public ImageReferencePart? Tag { get; private init; }

    /// <summary>The digest (<c>algorithm:hex</c>) without its <c>@</c>; null when absent.</summary>
    public ImageReferencePart? Digest { get; private init; }

    /// <summary>
    /// The normalised registry: <see cref="DefaultDomain"/> when none is written or it is
    /// <see cref="LegacyDefaultDomain"/>, otherwise the host as written. Empty when invalid, and
    /// also in the rare case where the first element looks like a host but is only valid as a path
    /// component (for example <c>my_host.com/app</c>), which Docker keeps without a registry.
    /// </summary>
    public string Domain { get; private init; } = "";

    /// <summary>The normalised repository path, e.g. <c>library/ubuntu</c>; empty when invalid.</summary>
    public string Path { get; private init; } = "";

    /// <summary>The fully qualified name, e.g. <c>docker.io/library/ubuntu</c>; empty when invalid.</summary>
    public string FullName => Domain.Length == 0 ? Path : Domain + "/" + Path;

    /// <summary>
    /// The short name Docker shows, e.g. <c>ubuntu</c> or <c>user/app</c> for Docker Hub and the full
    /// name elsewhere; empty when invalid.
    /// </summary>
    public string FamiliarName
    {
        get
        {
            if (!IsDockerHub)
            {
                return FullName;
            }

            return IsOfficialImage ? Path[OfficialRepositoryPrefix.Length..] : Path;
        }
    }

    /// <summary>True when the normalised registry is Docker Hub (<see cref="DefaultDomain"/>).</summary>
    public bool IsDockerHub => IsValid && Domain == DefaultDomain;

    /// <summary>True for Docker Hub official images: <c>docker.io/library/&lt;name&gt;</c> with a single-component name.</summary>
    public bool IsOfficialImage =>
        IsDockerHub
        && Path.StartsWith(OfficialRepositoryPrefix, StringComparison.Ordinal)
        && Path.IndexOf('/', OfficialRepositoryPrefix.Length) < 0;

    /// <summary>True when a tag is written.</summary>
    public bool HasTag => Tag.HasValue;

    /// <summary>True when a digest is written.</summary>
    public bool HasDigest => Digest.HasValue;

    /// <summary>True when the written tag is exactly <c>latest</c> (tags are case-sensitive).</summary>
    public bool IsLatest => Tag is { Text: "latest" };

    /// <summary>
    /// True when the reference is exactly <c>scratch</c>, which BuildKit treats as the empty base
    /// image (case-sensitive, no tag or digest, no registry).
    /// </summary>
    public bool IsScratch => Text == ScratchName;

    /// <summary>Parses <paramref name="text"/> as an image reference. Never throws; a null string is treated as empty.</summary>
    public static ImageReference Parse(string text)
    {
        text ??= "";
        if (text.Length == 0)
        {
            return Invalid(text, new Failure(ImageReferenceErrorKind.Empty, 0, "image reference must not be empty"));
        }

        if (IsHexIdentifier(text))
        {
            return Invalid(text, new Failure(
                ImageReferenceErrorKind.HexIdentifier,
                0,
                "invalid repository name, cannot specify 64-byte hexadecimal strings"));
        }

        var slash = text.IndexOf('/');
        if (slash < 0)
        {
            // A single element is always a Docker Hub official image name ("ubuntu", "localhost:5000" = tag 5000).
            return Build(text, registryEnd: -1, DefaultDomain, ScanRemainder(text, 0, DefaultDomain));
        }

        // Docker's heuristic: the first element is a registry host when it is localhost, contains
        // '.' or ':', or has uppercase letters (which a repository path cannot have).
        var candidate = text.AsSpan(0, slash);
        var hasHostMarks = candidate is "localhost" or LegacyDefaultDomain || candidate.IndexOfAny('.', ':') >= 0;
        var upperOnly = !hasHostMarks && HasUpper(candidate);
        if (!hasHostMarks && !upperOnly)
        {
            return Build(text, registryEnd: -1, DefaultDomain, ScanRemainder(text, 0, DefaultDomain));
        }

        var hostFailure = ScanHost(text, slash);
        if (hostFailure is null)
        {
            var domain = candidate is LegacyDefaultDomain ? DefaultDomain : candidate.ToString();
            return Build(text, registryEnd: slash, domain, ScanRemainder(text, slash + 1, domain));
        }

        // Docker's regular expression falls back to reading the first element as a path component
        // when it is not a valid host, so "my_host.com/app" is a (registry-less) valid reference.
        var asPath = ScanRemainder(text, 0, domain: "");
        if (asPath.Failure is null)
        {
            return Build(text, registryEnd: -1, domain: "", asPath);
        }

        // "My_Org/app" was only taken for a host because of its capitals: the real problem is case.
        var failure = upperOnly && asPath.Failure.Value.Kind == ImageReferenceErrorKind.UppercaseRepository
            ? asPath.Failure.Value
            : hostFailure.Value;
        return Invalid(text, failure);
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    private static ImageReference Build(string text, int registryEnd, string domain, RemainderScan scan)
    {
        if (scan.Failure is { } failure)
        {
            return Invalid(text, failure);
        }

        var pathStart = registryEnd < 0 ? 0 : registryEnd + 1;
        var repository = Part(text, pathStart, scan.PathEnd);
        return new ImageReference(text)
        {
            Registry = registryEnd < 0 ? null : Part(text, 0, registryEnd),
            Repository = repository,
            Tag = scan.TagStart < 0 ? null : Part(text, scan.TagStart, scan.TagEnd),
            Digest = scan.DigestStart < 0 ? null : Part(text, scan.DigestStart, text.Length),
            Domain = domain,
            Path = NeedsLibraryPrefix(domain, repository.Text)
                ? OfficialRepositoryPrefix + repository.Text
                : repository.Text,
        };
    }

    private static ImageReference Invalid(string text, Failure failure) => new(text)
    {
        ErrorKind = failure.Kind,
        ErrorOffset = failure.Offset,
        ErrorMessage = failure.Message,
    };

    private static ImageReferencePart Part(string text, int start, int end) =>
        new(start, end - start, text[start..end]);

    private static bool NeedsLibraryPrefix(string domain, ReadOnlySpan<char> path) =>
        domain == DefaultDomain && path.IndexOf('/') < 0;

    private static bool IsHexIdentifier(string text)
    {
        if (text.Length != 64)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsLowerHex(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool HasUpper(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (char.ToLowerInvariant(c) != c)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Validates <c>text[0..end)</c> as <c>(domain-name | "[" ipv6 "]") [":" port]</c>.</summary>
    private static Failure? ScanHost(string text, int end)
    {
        var i = 0;
        if (text[0] == '[')
        {
            i = 1;
            while (i < end && (char.IsAsciiHexDigit(text[i]) || text[i] == ':'))
            {
                i++;
            }

            if (i == 1 || i >= end || text[i] != ']')
            {
                return HostFailure(text, i, end);
            }

            i++;
        }
        else
        {
            while (true)
            {
                // domain-component := [A-Za-z0-9] ([A-Za-z0-9-]* [A-Za-z0-9])?
                if (i >= end || !char.IsAsciiLetterOrDigit(text[i]))
                {
                    return HostFailure(text, i, end);
                }

                while (i < end && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '-'))
                {
                    i++;
                }

                if (text[i - 1] == '-')
                {
                    return HostFailure(text, i, end);
                }

                if (i < end && text[i] == '.')
                {
                    i++;
                    continue;
                }

                break;
            }
        }

        if (i < end && text[i] == ':')
        {
            i++;
            var portStart = i;
            while (i < end && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            if (i == portStart)
            {
                return HostFailure(text, i, end);
            }
        }

        return i == end ? null : HostFailure(text, i, end);
    }

    private static Failure HostFailure(string text, int offset, int end)
    {
        if (IsWhitespace(text, offset))
        {
            return WhitespaceFailure(offset);
        }

        var message = offset >= end
            ? "invalid registry host: unexpected end of host before '/'"
            : $"invalid registry host: unexpected {Describe(text[offset])}";
        return new Failure(ImageReferenceErrorKind.InvalidRegistry, offset, message);
    }

    /// <summary>
    /// Scans <c>path[":" tag]["@" digest]</c> from <paramref name="start"/> to the end of the text;
    /// <paramref name="domain"/> is the normalised registry, used for the path length limit.
    /// </summary>
    private static RemainderScan ScanRemainder(string text, int start, string domain)
    {
        var pathEnd = ScanPath(text, start, out var failure);
        if (failure is not null)
        {
            return new RemainderScan(failure);
        }

        var path = text.AsSpan(start, pathEnd - start);
        var prefixLength = NeedsLibraryPrefix(domain, path) ? OfficialRepositoryPrefix.Length : 0;
        if (path.Length + prefixLength > MaxRepositoryLength)
        {
            return new RemainderScan(new Failure(
                ImageReferenceErrorKind.RepositoryTooLong,
                start + MaxRepositoryLength - prefixLength,
                $"repository name must not be more than {MaxRepositoryLength} characters"));
        }

        int tagStart = -1, tagEnd = -1, i = pathEnd;
        if (i < text.Length && text[i] == ':')
        {
            tagStart = i + 1;
            tagEnd = ScanTag(text, tagStart, out failure);
            if (failure is not null)
            {
                return new RemainderScan(failure);
            }

            i = tagEnd;
        }

        var digestStart = -1;
        if (i < text.Length)
        {
            // ScanPath and ScanTag only stop early at '@'.
            digestStart = i + 1;
            failure = ScanDigest(text, digestStart);
            if (failure is not null)
            {
                return new RemainderScan(failure);
            }
        }

        return new RemainderScan(null, pathEnd, tagStart, tagEnd, digestStart);
    }

    /// <summary>Scans <c>path-component ("/" path-component)*</c>; returns the offset where the path ends (at ':' '@' or the end).</summary>
    private static int ScanPath(string text, int start, out Failure? failure)
    {
        var i = start;
        while (true)
        {
            if (!IsLowerAlnum(text, i))
            {
                failure = PathFailure(text, i, "repository path component must start with a lowercase letter or digit");
                return i;
            }

            while (true)
            {
                while (IsLowerAlnum(text, i))
                {
                    i++;
                }

                if (i >= text.Length)
                {
                    failure = null;
                    return i;
                }

                var c = text[i];
                if (c is '.' or '_' or '-')
                {
                    // separator := "." | "_" | "__" | "-"+
                    i++;
                    if (c == '_' && i < text.Length && text[i] == '_')
                    {
                        i++;
                    }
                    else if (c == '-')
                    {
                        while (i < text.Length && text[i] == '-')
                        {
                            i++;
                        }
                    }

                    if (!IsLowerAlnum(text, i))
                    {
                        failure = PathFailure(text, i, "a separator in a repository path must be followed by a lowercase letter or digit");
                        return i;
                    }

                    continue;
                }

                break;
            }

            switch (text[i])
            {
                case '/':
                    i++;
                    continue;
                case ':' or '@':
                    failure = null;
                    return i;
                default:
                    failure = PathFailure(text, i, "invalid repository name");
                    return i;
            }
        }
    }

    private static Failure PathFailure(string text, int offset, string context)
    {
        if (offset >= text.Length)
        {
            return new Failure(ImageReferenceErrorKind.InvalidRepository, offset, $"{context}: unexpected end of reference");
        }

        var c = text[offset];
        if (char.IsAsciiLetterUpper(c))
        {
            return new Failure(
                ImageReferenceErrorKind.UppercaseRepository,
                offset,
                $"repository name must be lowercase: unexpected '{c}'");
        }

        return IsWhitespace(text, offset)
            ? WhitespaceFailure(offset)
            : new Failure(ImageReferenceErrorKind.InvalidRepository, offset, $"{context}: unexpected {Describe(c)}");
    }

    /// <summary>Scans a tag starting at <paramref name="start"/>; returns its end (at '@' or the end of the text).</summary>
    private static int ScanTag(string text, int start, out Failure? failure)
    {
        if (start >= text.Length || text[start] is '@' or ':')
        {
            failure = new Failure(ImageReferenceErrorKind.EmptyTag, start, "tag must not be empty after ':'");
            return start;
        }

        if (!IsWordChar(text[start]))
        {
            failure = TagFailure(text, start, "a tag must start with a letter, digit or underscore");
            return start;
        }

        var i = start + 1;
        while (i < text.Length && text[i] != '@')
        {
            if (i - start >= MaxTagLength)
            {
                failure = new Failure(
                    ImageReferenceErrorKind.TagTooLong,
                    i,
                    $"tag must not be more than {MaxTagLength} characters");
                return i;
            }

            var c = text[i];
            if (!IsWordChar(c) && c != '.' && c != '-')
            {
                failure = TagFailure(text, i, "a tag may only contain letters, digits, '_', '.' and '-'");
                return i;
            }

            i++;
        }

        failure = null;
        return i;
    }

    private static Failure TagFailure(string text, int offset, string context) =>
        IsWhitespace(text, offset)
            ? WhitespaceFailure(offset)
            : new Failure(ImageReferenceErrorKind.InvalidTag, offset, $"invalid tag: {context}, found {Describe(text[offset])}");

    /// <summary>Validates <c>algorithm ":" hex</c> from <paramref name="start"/> to the end of the text.</summary>
    private static Failure? ScanDigest(string text, int start)
    {
        // digest-algorithm := component ([-_+.] component)*, component := [A-Za-z][A-Za-z0-9]*
        var i = start;
        while (true)
        {
            if (i >= text.Length || !char.IsAsciiLetter(text[i]))
            {
                return DigestFailure(text, i, "a digest algorithm component must start with a letter");
            }

            i++;
            while (i < text.Length && char.IsAsciiLetterOrDigit(text[i]))
            {
                i++;
            }

            if (i < text.Length && text[i] is '-' or '_' or '+' or '.')
            {
                i++;
                continue;
            }

            break;
        }

        if (i >= text.Length || text[i] != ':')
        {
            return DigestFailure(text, i, "expected ':' after the digest algorithm");
        }

        var algorithmEnd = i;
        var hexStart = ++i;
        var firstUpper = -1;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (!char.IsAsciiHexDigit(c))
            {
                return DigestFailure(text, i, "a digest may only contain hexadecimal digits after ':'");
            }

            if (firstUpper < 0 && !IsLowerHex(c))
            {
                firstUpper = i;
            }
        }

        var hexLength = text.Length - hexStart;
        if (hexLength < MinDigestHexLength)
        {
            return DigestFailure(text, text.Length, $"a digest must have at least {MinDigestHexLength} hexadecimal digits");
        }

        var algorithm = text.AsSpan(start, algorithmEnd - start);
        var expected = algorithm switch
        {
            "sha256" => 64,
            "sha384" => 96,
            "sha512" => 128,
            _ => 0,
        };
        if (expected == 0)
        {
            return new Failure(
                ImageReferenceErrorKind.UnsupportedDigestAlgorithm,
                start,
                $"unsupported digest algorithm '{algorithm}' (expected sha256, sha384 or sha512)");
        }

        if (hexLength != expected)
        {
            return new Failure(
                ImageReferenceErrorKind.InvalidDigestLength,
                hexLength > expected ? hexStart + expected : text.Length,
                $"invalid digest length: {algorithm} needs {expected} hexadecimal digits, found {hexLength}");
        }

        return firstUpper < 0
            ? null
            : new Failure(ImageReferenceErrorKind.InvalidDigest, firstUpper, "invalid digest format: hexadecimal digits must be lowercase");
    }

    private static Failure DigestFailure(string text, int offset, string context)
    {
        if (IsWhitespace(text, offset))
        {
            return WhitespaceFailure(offset);
        }

        var found = offset >= text.Length ? "unexpected end of reference" : $"found {Describe(text[offset])}";
        return new Failure(ImageReferenceErrorKind.InvalidDigest, offset, $"invalid digest format: {context}, {found}");
    }

    private static Failure WhitespaceFailure(int offset) =>
        new(ImageReferenceErrorKind.Whitespace, offset, "image reference must not contain whitespace");

    private static bool IsWhitespace(string text, int offset) => offset < text.Length && char.IsWhiteSpace(text[offset]);

    private static bool IsLowerAlnum(string text, int offset) =>
        offset < text.Length && (char.IsAsciiLetterLower(text[offset]) || char.IsAsciiDigit(text[offset]));

    private static bool IsLowerHex(char c) => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f';

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static string Describe(char c) =>
        c is < ' ' or '\u007f' || char.IsSurrogate(c) || char.IsControl(c)
            ? $"U+{(int)c:X4}"
            : $"'{c}'";

    private readonly record struct Failure(ImageReferenceErrorKind Kind, int Offset, string Message);

    private readonly record struct RemainderScan(
        Failure? Failure,
        int PathEnd = -1,
        int TagStart = -1,
        int TagEnd = -1,
        int DigestStart = -1);
}
