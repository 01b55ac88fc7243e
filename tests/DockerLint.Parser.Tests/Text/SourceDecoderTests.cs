using System.Text;
using DockerLint.Parser.Syntax;
using DockerLint.Parser.Text;
using Microsoft.CodeAnalysis;

namespace DockerLint.Parser.Tests.Text;

/// <summary>How file bytes become the text the parsers read, and what is reported on the way.</summary>
public sealed class SourceDecoderTests
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static string Describe(Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return $"{d.Id} {span.Path} {span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}";
    }

    [Test]
    public void Valid_UTF8_is_returned_as_is_without_diagnostics()
    {
        var decoded = SourceDecoder.Decode(s_utf8.GetBytes("FROM alpine:3.20\nLABEL owner=René 日本\n"), "/x/Dockerfile", SourceKind.Dockerfile);
        Assert.That(decoded.Text, Is.EqualTo("FROM alpine:3.20\nLABEL owner=René 日本\n"));
        Assert.That(decoded.Diagnostics, Is.Empty);
    }

    [Test]
    public void A_UTF8_byte_order_mark_stays_in_a_Dockerfile_and_is_dropped_from_YAML()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. s_utf8.GetBytes("a: 1\n")];
        Assert.That(SourceDecoder.Decode(bytes, "/x/Dockerfile", SourceKind.Dockerfile).Text, Is.EqualTo("\uFEFFa: 1\n"));
        Assert.That(SourceDecoder.Decode(bytes, "/x/compose.yaml", SourceKind.Compose).Text, Is.EqualTo("a: 1\n"));
    }

    [TestCase(SourceKind.Dockerfile, "DF0013")]
    [TestCase(SourceKind.Compose, "DC0006")]
    public void Over_the_limit_is_skipped(SourceKind kind, string id)
    {
        var decoded = SourceDecoder.Decode(new byte[11], "/x/f", kind, maxFileSize: 10);
        Assert.That(decoded.Text, Is.Null);
        Assert.That(decoded.Diagnostics.Select(Describe), Is.EqualTo(new[] { $"{id} /x/f 1:1" }));
        Assert.That(SourceDecoder.Decode(new byte[10], "/x/f", kind, maxFileSize: 10).Diagnostics.Select(d => d.Id), Does.Not.Contain(id), "the limit itself is allowed");
    }

    [TestCase(SourceKind.Dockerfile, "DF0014")]
    [TestCase(SourceKind.Compose, "DC0007")]
    public void A_NUL_byte_makes_a_binary_file_reported_where_the_NUL_is(SourceKind kind, string id)
    {
        byte[] bytes = [.. s_utf8.GetBytes("ab\r\nc\u00e9"), 0, 0x89, 0x50, 0x4E, 0x47];
        var decoded = SourceDecoder.Decode(bytes, "/x/f", kind);
        Assert.That(decoded.Text, Is.Null);
        Assert.That(decoded.Diagnostics.Select(Describe), Is.EqualTo(new[] { $"{id} /x/f 2:3" }));
        Assert.That(decoded.Diagnostics[0].GetMessage(), Does.Contain("byte offset 7"));
    }

    [TestCase(SourceKind.Dockerfile, "DF0015")]
    [TestCase(SourceKind.Compose, "DC0008")]
    public void Invalid_UTF8_is_decoded_with_replacement_characters_and_reported_at_the_first(SourceKind kind, string id)
    {
        byte[] bytes = [.. s_utf8.GetBytes("x: \u00e9\ny: "), 0xE9, 0x20, 0xFF, .. s_utf8.GetBytes("\n")];
        var decoded = SourceDecoder.Decode(bytes, "/x/f", kind);
        Assert.That(decoded.Text, Is.EqualTo("x: \u00e9\ny: \uFFFD \uFFFD\n"));
        Assert.That(decoded.Diagnostics.Select(Describe), Is.EqualTo(new[] { $"{id} /x/f 2:4" }));
        Assert.That(decoded.Diagnostics[0].GetMessage(), Does.Contain("byte offset 9"));
        Assert.That(decoded.Diagnostics[0].Location.SourceSpan.Length, Is.EqualTo(1), "the span covers the replacement character");
    }

    [TestCase(false, true)]
    [TestCase(true, true)]
    [TestCase(false, false)]
    [TestCase(true, false)]
    public void UTF16_is_decoded_and_a_Dockerfile_is_told_BuildKit_will_not_read_it(bool bigEndian, bool mark)
    {
        const string Text = "FROM alpine:3.20\nRUN echo é 日本\n";
        var encoding = new UnicodeEncoding(bigEndian, mark);
        byte[] bytes = [.. encoding.GetPreamble(), .. encoding.GetBytes(Text)];
        var dockerfile = SourceDecoder.Decode(bytes, "/x/Dockerfile", SourceKind.Dockerfile);
        Assert.That(dockerfile.Text, Is.EqualTo(mark ? "\uFEFF" + Text : Text));
        Assert.That(dockerfile.Diagnostics.Select(Describe), Is.EqualTo(new[] { "DF0016 /x/Dockerfile 1:1" }));
        Assert.That(dockerfile.Diagnostics[0].GetMessage(), Does.Contain(bigEndian ? "big-endian" : "little-endian").And.Contain(mark ? "(with a" : "(without a"));

        var compose = SourceDecoder.Decode(bytes, "/x/compose.yaml", SourceKind.Compose);
        Assert.That(compose.Text, Is.EqualTo(Text), "YAML reads UTF-16; the mark is dropped");
        Assert.That(compose.Diagnostics, Is.Empty);
    }

    [Test]
    public void A_few_NULs_in_text_of_even_length_are_binary_not_UTF16()
    {
        var decoded = SourceDecoder.Decode([.. s_utf8.GetBytes("FROM alpine\n"), 0, 0], "/x/Dockerfile", SourceKind.Dockerfile);
        Assert.That(decoded.Diagnostics.Select(Describe), Is.EqualTo(new[] { "DF0014 /x/Dockerfile 2:1" }));
    }

    [Test]
    public void Empty_input_is_empty_text()
    {
        var decoded = SourceDecoder.Decode([], "/x/Dockerfile", SourceKind.Dockerfile);
        Assert.That(decoded.Text, Is.Empty);
        Assert.That(decoded.Diagnostics, Is.Empty);
    }

    [Test]
    public void A_ten_MB_line_decodes_parses_and_round_trips()
    {
        var text = "FROM alpine:3.20\nRUN echo " + new string('a', 10_000_000) + "\n";
        var decoded = SourceDecoder.Decode(s_utf8.GetBytes(text), "/x/Dockerfile", SourceKind.Dockerfile);
        Assert.That(decoded.Diagnostics, Is.Empty);
        var tree = DockerfileSyntaxTree.Parse(decoded.Text!, "/x/Dockerfile");
        Assert.That(tree.ToFullString(), Is.EqualTo(text));
    }

    [Test]
    public void A_hundred_thousand_continuation_lines_parse_and_round_trip()
    {
        var builder = new StringBuilder("FROM alpine:3.20\nRUN echo start");
        for (var i = 0; i < 100_000; i++)
        {
            builder.Append(" \\\n    && echo ").Append(i);
        }

        var text = builder.Append('\n').ToString();
        var tree = DockerfileSyntaxTree.Parse(text, "/x/Dockerfile");
        Assert.That(tree.ToFullString(), Is.EqualTo(text));
    }
}
