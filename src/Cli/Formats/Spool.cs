using System.Buffers;
using System.Text;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Cli.Formats;

/// <summary>
/// Findings a format is handed now but writes later in its output (SARIF's results, which follow the
/// notifications only known at the end; JSON's suppressed findings, which follow the reported ones).
/// The first few megabytes stay in memory; beyond that they move to a temporary file, so that memory
/// does not grow with the number of findings. The file is deleted when the spool is disposed (and by
/// the system when the process dies). Where no temporary file can be made, the records stay in memory.
/// </summary>
internal sealed class Spool : IDisposable
{
    /// <summary>Bytes kept in memory before the records move to a temporary file.</summary>
    public const int MemoryLimit = 4 * 1024 * 1024;

    private Stream _stream = new MemoryStream();
    private BinaryWriter _writer;
    private bool _inFile;
    private BinaryReader? _reader;

    /// <summary>Creates an empty spool.</summary>
    public Spool()
    {
        _writer = new BinaryWriter(_stream, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>How many records were added.</summary>
    public int Count { get; private set; }

    /// <summary>Adds a record: a finding and a text that goes with it (its fingerprint, or nothing); returns where it starts.</summary>
    public long Add(Finding finding, string extra = "")
    {
        var position = _stream.Position;
        WriteFinding(finding);
        _writer.Write(extra);
        return Added(position);
    }

    /// <summary>
    /// Adds a record whose text is what <paramref name="extra"/> holds now (a SARIF result written early),
    /// stored as <see cref="Add(Finding, string)"/> stores a string, without making one; returns where it starts.
    /// </summary>
    public long Add(Finding finding, StringBuilder extra)
    {
        var position = _stream.Position;
        WriteFinding(finding);
        var chars = ArrayPool<char>.Shared.Rent(extra.Length);
        byte[]? bytes = null;
        try
        {
            extra.CopyTo(0, chars, extra.Length);
            var text = chars.AsSpan(0, extra.Length);
            var length = Encoding.UTF8.GetByteCount(text);
            bytes = ArrayPool<byte>.Shared.Rent(length);
            Encoding.UTF8.GetBytes(text, bytes);
            _writer.Write7BitEncodedInt(length);
            _writer.Write(bytes, 0, length);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            if (bytes is not null)
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }

        return Added(position);
    }

    private long Added(long position)
    {
        Count++;
        if (!_inFile && _stream.Length > MemoryLimit)
        {
            MoveToFile();
        }

        return position;
    }

    private void WriteFinding(Finding finding)
    {
        _writer.Write(finding.Id);
        _writer.Write((byte)finding.Severity);
        _writer.Write(finding.Message);
        _writer.Write(finding.Path);
        Write(finding.Span);
        _writer.Write(finding.Suppression is not null);
        if (finding.Suppression is { } suppression)
        {
            _writer.Write((byte)suppression.Kind);
            WriteNullable(suppression.Justification);
            _writer.Write(suppression.Path);
            _writer.Write(suppression.Span is not null);
            if (suppression.Span is { } span)
            {
                Write(span);
            }

            WriteNullable(suppression.Comment);
        }
    }

    /// <summary>The records in the order they were added, each finding with the rule <paramref name="rules"/> gives for its ID; the spool takes no more records after this.</summary>
    public IEnumerable<(Finding Finding, string Extra)> Read(IReadOnlyDictionary<string, Rule> rules)
    {
        _writer.Flush();
        _stream.Position = 0;
        using var reader = new BinaryReader(_stream, Encoding.UTF8, leaveOpen: true);
        for (var i = 0; i < Count; i++)
        {
            yield return ReadRecord(reader, rules);
        }
    }

    /// <summary>
    /// As <see cref="Read"/>, with each record's text decoded into a buffer that is reused: it holds the text only
    /// until the next record is read. For texts copied to the output as they are (SARIF results written early),
    /// with no string made of each.
    /// </summary>
    public IEnumerable<(Finding Finding, ReadOnlyMemory<char> Extra)> ReadBuffered(IReadOnlyDictionary<string, Rule> rules)
    {
        _writer.Flush();
        _stream.Position = 0;
        using var reader = new BinaryReader(_stream, Encoding.UTF8, leaveOpen: true);
        var bytes = Array.Empty<byte>();
        var chars = Array.Empty<char>();
        for (var i = 0; i < Count; i++)
        {
            var finding = ReadFinding(reader, rules);
            var length = reader.Read7BitEncodedInt();
            if (bytes.Length < length)
            {
                bytes = new byte[Math.Max(length, 2 * bytes.Length)];
                chars = new char[bytes.Length];
            }

            reader.BaseStream.ReadExactly(bytes, 0, length);
            yield return (finding, chars.AsMemory(0, Encoding.UTF8.GetChars(bytes, 0, length, chars, 0)));
        }
    }

    /// <summary>The record that starts at <paramref name="position"/> (which <see cref="Add"/> returned); the spool takes no more records after this.</summary>
    public Finding ReadAt(long position, IReadOnlyDictionary<string, Rule> rules)
    {
        _writer.Flush();
        _stream.Position = position;
        _reader ??= new BinaryReader(_stream, Encoding.UTF8, leaveOpen: true);
        return ReadRecord(_reader, rules).Finding;
    }

    private static (Finding Finding, string Extra) ReadRecord(BinaryReader reader, IReadOnlyDictionary<string, Rule> rules)
        => (ReadFinding(reader, rules), ReadString(reader));

    private static Finding ReadFinding(BinaryReader reader, IReadOnlyDictionary<string, Rule> rules)
    {
        var id = ReadString(reader);
        var finding = new Finding(id, (Severity)reader.ReadByte(), ReadString(reader), ReadString(reader), ReadSpan(reader), rules.GetValueOrDefault(id));
        if (reader.ReadBoolean())
        {
            var kind = (FindingSuppressionKind)reader.ReadByte();
            var justification = ReadNullable(reader);
            var path = ReadString(reader);
            LinePositionSpan? span = reader.ReadBoolean() ? ReadSpan(reader) : null;
            finding = finding with { Suppression = new FindingSuppression(kind, justification, path, span, ReadNullable(reader)) };
        }

        return finding;
    }

    /// <summary>
    /// A string as <see cref="BinaryWriter.Write(string)"/> wrote it (its UTF-8 length, then its UTF-8 bytes),
    /// decoded at once: <see cref="BinaryReader.ReadString"/> builds a string longer than its 128-byte buffer
    /// in a <see cref="StringBuilder"/> first, a second copy of every long record (SARIF results written early).
    /// </summary>
    private static string ReadString(BinaryReader reader)
    {
        var length = reader.Read7BitEncodedInt();
        if (length <= 256)
        {
            Span<byte> small = stackalloc byte[length];
            reader.BaseStream.ReadExactly(small);
            return Encoding.UTF8.GetString(small);
        }

        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            reader.BaseStream.ReadExactly(rented, 0, length);
            return Encoding.UTF8.GetString(rented, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _reader?.Dispose();
        _writer.Dispose();
        _stream.Dispose();
    }

    private static LinePositionSpan ReadSpan(BinaryReader reader)
        => new(new LinePosition(reader.ReadInt32(), reader.ReadInt32()), new LinePosition(reader.ReadInt32(), reader.ReadInt32()));

    private static string? ReadNullable(BinaryReader reader) => reader.ReadBoolean() ? ReadString(reader) : null;

    private void Write(LinePositionSpan span)
    {
        _writer.Write(span.Start.Line);
        _writer.Write(span.Start.Character);
        _writer.Write(span.End.Line);
        _writer.Write(span.End.Character);
    }

    private void WriteNullable(string? value)
    {
        _writer.Write(value is not null);
        if (value is not null)
        {
            _writer.Write(value);
        }
    }

    private void MoveToFile()
    {
        _inFile = true;
        FileStream file;
        try
        {
            var path = Path.Combine(Path.GetTempPath(), $"dockerlint-{Guid.NewGuid():N}.spool");
            file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return; // no temporary folder: the records stay in memory
        }

        _writer.Flush();
        _stream.Position = 0;
        _stream.CopyTo(file);
        _writer.Dispose();
        _stream.Dispose();
        _stream = file;
        _writer = new BinaryWriter(_stream, Encoding.UTF8, leaveOpen: true);
    }
}
