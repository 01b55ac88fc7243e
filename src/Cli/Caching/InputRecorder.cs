using System.Security.Cryptography;

namespace DockerLint.Cli.Caching;

/// <summary>What one input of a work item was when the item was analysed.</summary>
/// <param name="Path">The absolute path.</param>
/// <param name="IsDirectory">True for a folder whose existence was asked (a build context), false for a file.</param>
/// <param name="Hash">The SHA-256 of the file's bytes (hex); null when the file or folder did not exist; "dir" for an existing folder.</param>
/// <param name="Stamp">
/// The file's <see cref="FileTypes.Stamp"/> taken before it was read: when it is the same in a later run, the
/// file is taken as unchanged without reading it; null to always compare the content.
/// </param>
internal sealed record CacheInput(string Path, bool IsDirectory, string? Hash, string? Stamp = null);

/// <summary>
/// Records every file and folder one work item reads or looks for, with the content hash of what
/// was read, so that a later run can tell whether any input changed. Anything it cannot describe
/// (a file over the size limit, a pipe, a read error) makes the item uncacheable.
/// </summary>
internal sealed class InputRecorder
{
    private readonly Dictionary<string, CacheInput> _inputs = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>False once an input could not be recorded reliably; the item is then never cached.</summary>
    public bool Cacheable { get; private set; } = true;

    /// <summary>The inputs, in path order.</summary>
    public IReadOnlyList<CacheInput> Inputs
    {
        get
        {
            lock (_lock)
            {
                return [.. _inputs.Values.OrderBy(i => i.Path, StringComparer.Ordinal).ThenBy(i => i.IsDirectory)];
            }
        }
    }

    /// <summary>Records the bytes read from <paramref name="path"/> and the file's stamp taken before the read.</summary>
    public void Read(string path, byte[] bytes, string? stamp) => Add(new CacheInput(path, false, Hash(bytes), stamp));

    /// <summary>Records that the file <paramref name="path"/> does not exist.</summary>
    public void Absent(string path) => Add(new CacheInput(path, false, null));

    /// <summary>Records whether the folder <paramref name="path"/> exists and returns it.</summary>
    public bool Directory(string path, bool exists)
    {
        Add(new CacheInput(path, true, exists ? DirectoryMark : null));
        return exists;
    }

    /// <summary>Marks the item uncacheable (an input was skipped, unreadable or not a regular file).</summary>
    public void Unreliable() => Cacheable = false;

    /// <summary>The hash stored for an existing folder.</summary>
    public const string DirectoryMark = "dir";

    /// <summary>The hex SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private void Add(CacheInput input)
    {
        lock (_lock)
        {
            // The first observation is what the analysis used; a later, different one means the file changed under us.
            if (_inputs.TryGetValue(input.Path + (input.IsDirectory ? "/" : ""), out var known))
            {
                if (known with { Stamp = null } != input with { Stamp = null })
                {
                    Cacheable = false;
                }
                else if (known.Stamp != input.Stamp)
                {
                    // Same bytes, but the file was touched in between: compare the content next time.
                    _inputs[input.Path + (input.IsDirectory ? "/" : "")] = known with { Stamp = null };
                }

                return;
            }

            _inputs[input.Path + (input.IsDirectory ? "/" : "")] = input;
        }
    }
}
