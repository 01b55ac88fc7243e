namespace DockerLint.Parser.Images;

/// <summary>Why an image reference was rejected by <see cref="ImageReference.Parse"/>.</summary>
public enum ImageReferenceErrorKind
{
    /// <summary>The reference is valid.</summary>
    None,

    /// <summary>The reference is the empty string.</summary>
    Empty,

    /// <summary>The reference contains whitespace (leading, trailing or embedded).</summary>
    Whitespace,

    /// <summary>The reference is a bare 64-character lowercase hexadecimal string (an image ID), which Docker refuses as a name.</summary>
    HexIdentifier,

    /// <summary>The first path element was taken to be a registry host (it contains <c>.</c> or <c>:</c>, is <c>localhost</c>, or has uppercase letters) but is not a valid <c>host[:port]</c>.</summary>
    InvalidRegistry,

    /// <summary>The repository path contains an uppercase letter.</summary>
    UppercaseRepository,

    /// <summary>The repository path breaks the path-component grammar (bad character, empty component, misplaced separator).</summary>
    InvalidRepository,

    /// <summary>The normalised repository path is longer than <see cref="ImageReference.MaxRepositoryLength"/> characters.</summary>
    RepositoryTooLong,

    /// <summary>A <c>:</c> is not followed by a tag.</summary>
    EmptyTag,

    /// <summary>The tag contains a character outside <c>[A-Za-z0-9_.-]</c> or starts with <c>.</c> or <c>-</c>.</summary>
    InvalidTag,

    /// <summary>The tag is longer than <see cref="ImageReference.MaxTagLength"/> characters.</summary>
    TagTooLong,

    /// <summary>The text after <c>@</c> is not <c>algorithm:hex</c> with lowercase hex of at least 32 digits.</summary>
    InvalidDigest,

    /// <summary>The digest algorithm is well formed but not one Docker supports (<c>sha256</c>, <c>sha384</c>, <c>sha512</c>).</summary>
    UnsupportedDigestAlgorithm,

    /// <summary>The digest has the wrong number of hex digits for its algorithm.</summary>
    InvalidDigestLength,
}
