using System.Buffers;
using System.Collections.Immutable;
using System.Text;
using System.Text.Unicode;
using DockerLint.Parser.Compose;
using DockerLint.Parser.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Text;

/// <summary>What a file is decoded for: the two kinds report through different descriptor bands.</summary>
public enum SourceKind
{
    /// <summary>A Dockerfile (DF0013–DF0016).</summary>
    Dockerfile,

    /// <summary>A Compose or env file (DC0006–DC0008).</summary>
    Compose,
}

/// <summary>The text of a file's bytes, or null when the file is skipped, with what decoding found wrong.</summary>
/// <param name="Text">The text to parse; null when the file is too large or binary.</param>
/// <param name="Diagnostics">The problems of the bytes themselves, each at the position it concerns.</param>
public sealed record DecodedSource(string? Text, ImmutableArray<Diagnostic> Diagnostics);

/// <summary>
/// Turns the bytes of a file into the text the parsers read, never throwing: a file over the size
/// limit or holding NUL bytes (binary) is skipped with one diagnostic; UTF-16 with a byte order mark,
/// or without one but with NUL bytes at every other position, is decoded; invalid UTF-8 is read with
/// U+FFFD in place of each bad sequence and reported at the first. A UTF-8 byte order mark stays in a
/// Dockerfile's text (the parser keeps it as trivia) and is dropped from YAML, as YAML parsers do.
/// </summary>
public static class SourceDecoder
{
    /// <summary>The default largest file read, in bytes (10 MiB).</summary>
    public const long DefaultMaxFileSize = 10 * 1024 * 1024;

    /// <summary>How many leading bytes the UTF-16-without-BOM heuristic looks at.</summary>
    private const int SampleSize = 8192;

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Decodes <paramref name="bytes"/>, read from <paramref name="path"/>, for a file of <paramref name="kind"/>.</summary>
    public static DecodedSource Decode(byte[] bytes, string path, SourceKind kind, long maxFileSize = DefaultMaxFileSize)
    {
        if (bytes.LongLength > maxFileSize)
        {
            return new DecodedSource(null, [TooLarge(path, kind, bytes.LongLength, maxFileSize)]);
        }

        var compose = kind == SourceKind.Compose;
        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            var bigEndian = bytes[0] == 0xFE;
            var encoding = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
            var text = encoding.GetString(bytes, compose ? 2 : 0, bytes.Length - (compose ? 2 : 0));
            return new DecodedSource(text, compose ? [] : [Utf16(path, bigEndian, withMark: true)]);
        }

        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            if (LooksLikeUtf16(bytes) is { } bigEndian)
            {
                var text = (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode).GetString(bytes);
                return new DecodedSource(text, compose ? [] : [Utf16(path, bigEndian, withMark: false)]);
            }

            var prefix = SourceText.From(s_utf8.GetString(bytes, 0, nul));
            var position = prefix.Lines.GetLinePosition(prefix.Length);
            var descriptor = compose ? ComposeDiagnostics.BinaryFile : SyntaxDiagnostics.BinaryFile;
            var location = Location.Create(path, new TextSpan(prefix.Length, 0), new LinePositionSpan(position, position));
            return new DecodedSource(null, [Diagnostic.Create(descriptor, location, nul)]);
        }

        var skip = compose && bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        var body = bytes.AsSpan(skip);
        var decoded = s_utf8.GetString(body);
        var bad = FirstInvalidUtf8(body);
        if (bad is not { } at)
        {
            return new DecodedSource(decoded, []);
        }

        var source = SourceText.From(decoded);
        var span = new TextSpan(at.CharOffset, 1);
        var invalid = Diagnostic.Create(
            compose ? ComposeDiagnostics.InvalidUtf8 : SyntaxDiagnostics.InvalidUtf8,
            Location.Create(path, span, source.Lines.GetLinePositionSpan(span)),
            at.ByteOffset + skip);
        return new DecodedSource(decoded, [invalid]);
    }

    /// <summary>The diagnostic of a file of <paramref name="size"/> bytes over <paramref name="maxFileSize"/>, at its first character.</summary>
    public static Diagnostic TooLarge(string path, SourceKind kind, long size, long maxFileSize)
        => Diagnostic.Create(
            kind == SourceKind.Compose ? ComposeDiagnostics.FileTooLarge : SyntaxDiagnostics.FileTooLarge,
            Location.Create(path, default, default),
            size,
            maxFileSize);

    /// <summary>
    /// The diagnostic of a stream (standard input) read only up to one byte past <paramref name="maxFileSize"/>,
    /// whose full size is therefore unknown, at its first character.
    /// </summary>
    public static Diagnostic TooLargeStream(string path, SourceKind kind, long maxFileSize)
        => Diagnostic.Create(
            kind == SourceKind.Compose ? ComposeDiagnostics.FileTooLarge : SyntaxDiagnostics.FileTooLarge,
            Location.Create(path, default, default),
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"at least {maxFileSize + 1}"),
            maxFileSize);

    private static Diagnostic Utf16(string path, bool bigEndian, bool withMark)
        => Diagnostic.Create(
            SyntaxDiagnostics.Utf16Encoding,
            Location.Create(path, default, default),
            bigEndian ? "UTF-16 big-endian" : "UTF-16 little-endian",
            withMark ? "with" : "without");

    /// <summary>
    /// True (big-endian) or false (little-endian) when the leading bytes read as UTF-16 text: an even
    /// length, and NUL bytes at most odd (little-endian) or even (big-endian) positions of half the pairs
    /// or more, against at most an eighth as many at the other positions; null otherwise.
    /// </summary>
    private static bool? LooksLikeUtf16(byte[] bytes)
    {
        if (bytes.Length % 2 != 0)
        {
            return null;
        }

        var length = Math.Min(bytes.Length, SampleSize);
        int even = 0, odd = 0;
        for (var i = 0; i < length; i++)
        {
            if (bytes[i] == 0)
            {
                if (i % 2 == 0)
                {
                    even++;
                }
                else
                {
                    odd++;
                }
            }
        }

        var pairs = length / 2;
        if (odd * 2 >= pairs && even * 8 <= odd)
        {
            return false;
        }

        return even * 2 >= pairs && odd * 8 <= even ? true : null;
    }

    /// <summary>The byte and character offsets of the first invalid UTF-8 sequence; null when there is none.</summary>
    private static (int ByteOffset, int CharOffset)? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
        {
            return null;
        }

        var buffer = ArrayPool<char>.Shared.Rent(bytes.Length + 1);
        try
        {
            Utf8.ToUtf16(bytes, buffer, out var read, out var written, replaceInvalidSequences: false);
            return (read, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}
