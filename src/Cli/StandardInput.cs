namespace DockerLint.Cli;

/// <summary>Reads standard input (<c>-</c>) under the same size limit as files (<c>--max-file-size</c>).</summary>
internal static class StandardInput
{
    private const int ChunkSize = 81920;

    /// <summary>
    /// Reads <paramref name="input"/> to its end or until one byte past <paramref name="maxFileSize"/>,
    /// whichever comes first, and never further: an endless or huge input costs at most the limit plus
    /// one byte of memory. A result longer than <paramref name="maxFileSize"/> means the input is too large.
    /// </summary>
    public static byte[] Read(Stream input, long maxFileSize)
    {
        var limit = (int)Math.Min(maxFileSize, Array.MaxLength - 1) + 1;
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        while (buffer.Length < limit)
        {
            var read = input.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length));
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
