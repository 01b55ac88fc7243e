using System.Collections;

namespace DockerLint.Cli;

/// <summary>
/// Paths kept in the order added, front-coded: each as the number of characters it shares with the
/// path before it and the characters after those, every number and character a variable-length
/// integer (one byte for ASCII). Paths found in order share most of their text with the one before,
/// so a path takes a few bytes here, where a string takes a hundred or more. Read back in order only.
/// </summary>
internal sealed class PathList : IEnumerable<string>
{
    private const int ChunkSize = 64 * 1024;

    private readonly List<(byte[] Bytes, int Used)> _chunks = [];
    private byte[] _current = [];
    private int _used;
    private string _last = "";

    /// <summary>How many paths were added.</summary>
    public int Count { get; private set; }

    /// <summary>The bytes held (for measurements).</summary>
    public long Bytes => _chunks.Sum(c => (long)c.Used) + _used;

    /// <summary>Adds <paramref name="path"/> after the others.</summary>
    public void Add(string path)
    {
        var shared = path.AsSpan().CommonPrefixLength(_last);
        var suffix = path.AsSpan(shared);

        // At most three bytes per character and five per count.
        var most = 10 + (3 * suffix.Length);
        if (_current.Length - _used < most)
        {
            if (_used > 0)
            {
                _chunks.Add((_current, _used));
            }

            _current = new byte[Math.Max(ChunkSize, most)];
            _used = 0;
        }

        Write((uint)shared);
        Write((uint)suffix.Length);
        foreach (var c in suffix)
        {
            Write(c);
        }

        _last = path;
        Count++;
    }

    private void Write(uint value)
    {
        while (value >= 0x80)
        {
            _current[_used++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _current[_used++] = (byte)value;
    }

    /// <summary>The paths in the order added.</summary>
    public IEnumerator<string> GetEnumerator()
    {
        var previous = "";
        var buffer = new char[256];
        foreach (var (bytes, used) in _chunks.Append((_current, _used)))
        {
            var at = 0;
            while (at < used)
            {
                var shared = (int)Read(bytes, ref at);
                var length = shared + (int)Read(bytes, ref at);
                if (buffer.Length < length)
                {
                    Array.Resize(ref buffer, Math.Max(length, buffer.Length * 2));
                }

                previous.CopyTo(0, buffer, 0, shared);
                for (var i = shared; i < length; i++)
                {
                    buffer[i] = (char)Read(bytes, ref at);
                }

                previous = new string(buffer, 0, length);
                yield return previous;
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static uint Read(byte[] bytes, ref int at)
    {
        uint value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = bytes[at++];
            value |= (uint)(b & 0x7F) << shift;
            shift += 7;
        }
        while (b >= 0x80);
        return value;
    }
}
