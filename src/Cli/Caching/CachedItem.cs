using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Cli.Caching;

/// <summary>
/// What the report needs from one work item: its findings (with severities), the findings an inline
/// comment hid, the Dockerfiles its Compose services build, and the files whose text snippets point
/// into (re-read from disk only when a format needs them). Items with tool problems are never cached.
/// </summary>
/// <param name="Findings">The reported findings (<see cref="Finding.Rule"/> is filled in again on load).</param>
/// <param name="Suppressed">The findings hidden by inline comments, each with its suppression.</param>
/// <param name="Builds">The Dockerfiles a Compose project's services build, with their build context folders.</param>
/// <param name="Sources">The files the item's parsers read, with how each was decoded.</param>
internal sealed record CachedItem(
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<Finding> Suppressed,
    IReadOnlyList<(string Context, string Dockerfile)> Builds,
    IReadOnlyList<(string Path, FileKind Kind)> Sources);

/// <summary>
/// The binary form of a cache entry: a magic string, the entry's key (a renamed or foreign file is a
/// miss), the inputs with their hashes, the configuration fingerprint, then the <see cref="CachedItem"/>.
/// Reading anything unexpected throws; the cache treats that as a miss.
/// </summary>
internal static class CacheEntryFormat
{
    /// <summary>Changes whenever the layout below changes.</summary>
    private const string Magic = "dockerlint-cache/2";

    /// <summary>Serialises an entry.</summary>
    public static byte[] Write(string key, IReadOnlyList<CacheInput> inputs, string configuration, CachedItem item)
    {
        using var memory = new MemoryStream();
        using (var writer = new BinaryWriter(memory, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(key);
            writer.Write(inputs.Count);
            foreach (var input in inputs)
            {
                writer.Write(input.Path);
                writer.Write(input.IsDirectory);
                WriteNullable(writer, input.Hash);
                WriteNullable(writer, input.Stamp);
            }

            writer.Write(configuration);
            WriteFindings(writer, item.Findings);
            WriteFindings(writer, item.Suppressed);
            writer.Write(item.Builds.Count);
            foreach (var (context, dockerfile) in item.Builds)
            {
                writer.Write(context);
                writer.Write(dockerfile);
            }

            writer.Write(item.Sources.Count);
            foreach (var (path, kind) in item.Sources)
            {
                writer.Write(path);
                writer.Write((byte)kind);
            }

            writer.Write(Magic);
        }

        return memory.ToArray();
    }

    /// <summary>Reads an entry; throws on anything malformed.</summary>
    public static (string Key, List<CacheInput> Inputs, string Configuration, CachedItem Item) Read(byte[] bytes)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes), Encoding.UTF8);
        Expect(reader.ReadString() == Magic);
        var key = reader.ReadString();
        var inputs = new List<CacheInput>();
        for (var count = Count(reader); count > 0; count--)
        {
            inputs.Add(new CacheInput(reader.ReadString(), reader.ReadBoolean(), ReadNullable(reader), ReadNullable(reader)));
        }

        var configuration = reader.ReadString();
        var findings = ReadFindings(reader);
        var suppressed = ReadFindings(reader);
        var builds = new List<(string, string)>();
        for (var count = Count(reader); count > 0; count--)
        {
            builds.Add((reader.ReadString(), reader.ReadString()));
        }

        var sources = new List<(string, FileKind)>();
        for (var count = Count(reader); count > 0; count--)
        {
            var path = reader.ReadString();
            var kind = (FileKind)reader.ReadByte();
            Expect(Enum.IsDefined(kind));
            sources.Add((path, kind));
        }

        Expect(reader.ReadString() == Magic && reader.BaseStream.Position == reader.BaseStream.Length);
        return (key, inputs, configuration, new CachedItem(findings, suppressed, builds, sources));
    }

    private static void WriteFindings(BinaryWriter writer, IReadOnlyList<Finding> findings)
    {
        writer.Write(findings.Count);
        foreach (var finding in findings)
        {
            writer.Write(finding.Id);
            writer.Write((byte)finding.Severity);
            writer.Write(finding.Message);
            writer.Write(finding.Path);
            WriteSpan(writer, finding.Span);
            writer.Write(finding.Suppression is not null);
            if (finding.Suppression is { } suppression)
            {
                writer.Write((byte)suppression.Kind);
                WriteNullable(writer, suppression.Justification);
                writer.Write(suppression.Path);
                writer.Write(suppression.Span.HasValue);
                if (suppression.Span is { } span)
                {
                    WriteSpan(writer, span);
                }

                WriteNullable(writer, suppression.Comment);
            }
        }
    }

    private static List<Finding> ReadFindings(BinaryReader reader)
    {
        var findings = new List<Finding>();
        for (var count = Count(reader); count > 0; count--)
        {
            var id = reader.ReadString();
            var severity = (Severity)reader.ReadByte();
            Expect(Enum.IsDefined(severity));
            var finding = new Finding(id, severity, reader.ReadString(), reader.ReadString(), ReadSpan(reader), null);
            if (reader.ReadBoolean())
            {
                var kind = (FindingSuppressionKind)reader.ReadByte();
                Expect(Enum.IsDefined(kind));
                var justification = ReadNullable(reader);
                var path = reader.ReadString();
                LinePositionSpan? span = reader.ReadBoolean() ? ReadSpan(reader) : null;
                finding = finding with { Suppression = new FindingSuppression(kind, justification, path, span, ReadNullable(reader)) };
            }

            findings.Add(finding);
        }

        return findings;
    }

    private static void WriteSpan(BinaryWriter writer, LinePositionSpan span)
    {
        writer.Write(span.Start.Line);
        writer.Write(span.Start.Character);
        writer.Write(span.End.Line);
        writer.Write(span.End.Character);
    }

    private static LinePositionSpan ReadSpan(BinaryReader reader)
    {
        var start = new LinePosition(NonNegative(reader.ReadInt32()), NonNegative(reader.ReadInt32()));
        var end = new LinePosition(NonNegative(reader.ReadInt32()), NonNegative(reader.ReadInt32()));
        Expect(start <= end);
        return new LinePositionSpan(start, end);
    }

    private static void WriteNullable(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null)
        {
            writer.Write(value);
        }
    }

    private static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    private static int Count(BinaryReader reader)
    {
        var count = reader.ReadInt32();
        Expect(count >= 0 && count <= reader.BaseStream.Length);
        return count;
    }

    private static int NonNegative(int value)
    {
        Expect(value >= 0);
        return value;
    }

    private static void Expect(bool condition)
    {
        if (!condition)
        {
            throw new InvalidDataException("not a DockerLint cache entry");
        }
    }
}
