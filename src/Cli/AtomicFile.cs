using System.Text;

namespace DockerLint.Cli;

/// <summary>
/// Writes a file so that readers see the old content or the new one, never a part: the content
/// goes to a temporary file in the same folder (so the rename stays on one file system), is
/// flushed to disk, and then replaces the target by a rename. If anything fails the temporary file
/// is removed and the target is left as it was. A target that exists but is not a regular file (a
/// folder, a device, a pipe) is never replaced; a symbolic link is followed, and the file it points
/// to is replaced.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="write"/>'s text to <paramref name="path"/>; returns null on success, else why it failed.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="write">Writes the content.</param>
    /// <param name="wrap">Wraps the temporary file's stream (a seam for tests that fail half-way).</param>
    public static string? Write(string path, Action<TextWriter> write, Func<Stream, Stream>? wrap = null)
        => WriteStream(path, stream =>
        {
            // The wrapper is flushed, not disposed: the file stream is flushed to disk and closed by the caller.
            var wrapped = wrap?.Invoke(stream) ?? stream;
            using var writer = new StreamWriter(wrapped, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true) { NewLine = "\n" };
            write(writer);
            writer.Flush();
            wrapped.Flush();
        });

    /// <summary>
    /// Writes <paramref name="content"/> to <paramref name="path"/>, atomically but without waiting for
    /// the disk (for files whose readers detect a torn write themselves, such as cache entries); returns
    /// null on success, else why it failed.
    /// </summary>
    public static string? WriteBytes(string path, ReadOnlyMemory<byte> content)
        => WriteStream(path, stream => stream.Write(content.Span), flushToDisk: false);

    private static string? WriteStream(string path, Action<Stream> write, bool flushToDisk = true)
    {
        string target;
        try
        {
            target = Target(Path.GetFullPath(path));
        }
        catch (IOException e)
        {
            return $"cannot write {path}: {e.Message}; nothing was written"; // a loop of symbolic links
        }

        if (Directory.Exists(target))
        {
            return $"{path} is a folder, not a file; nothing was written";
        }

        if (File.Exists(target) && !FileTypes.IsRegularFile(target))
        {
            return $"{path} is not a regular file (a device, a pipe or a socket); nothing was written. Use the shell's redirection to write there.";
        }

        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder))
        {
            return $"the folder of {path} does not exist; nothing was written";
        }

        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk);
            }

            if (!OperatingSystem.IsWindows() && File.Exists(target))
            {
                // The replacement keeps the permissions of the file it replaces (a report kept private stays private).
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
            }

            File.Move(temporary, target, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            TryDelete(temporary);
            return $"cannot write {path}: {e.Message}; the file was left as it was";
        }
        catch
        {
            // Anything else (a formatter bug): the target stays as it was, and the error goes on up.
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>The file a write to <paramref name="path"/> replaces: the final target of a symbolic link, else the path itself.</summary>
    private static string Target(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } linked ? linked.FullName : path;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temporary file is harmless and hidden.
        }
    }
}
