using System.Runtime.InteropServices;
using System.Text;

namespace DockerLint.Cli;

/// <summary>
/// Tells a regular file from a device, a pipe or a socket, which .NET shows alike
/// (<see cref="FileInfo.Exists"/> is true and the attributes are <c>Normal</c> for <c>/dev/null</c>).
/// The report writer must not rename a file over <c>/dev/null</c> (as root it could). The C
/// library's <c>statx</c> (Linux) or <c>stat</c> (macOS, FreeBSD) is looked up at run time, so a
/// system without it, or with a C library under another name, falls back to a path check instead
/// of failing.
/// </summary>
internal static unsafe class FileTypes
{
    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const int StatxModeOffset = 0x1C;
    private const uint StatxMtime = 0x40;
    private const uint StatxCtime = 0x80;
    private const uint StatxIno = 0x100;
    private const uint StatxSize = 0x200;
    private const int StatxInoOffset = 0x20;
    private const int StatxSizeOffset = 0x28;
    private const int StatxCtimeOffset = 0x60;
    private const int StatxMtimeOffset = 0x70;
    private const int StatxDevMajorOffset = 0x88;
    private const int StatxDevMinorOffset = 0x8C;
    private const int BsdStatModeOffset = 4;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;
    private const int FolderType = 0x4000;

    // statx(int dirfd, const char *path, int flags, unsigned int mask, struct statx *buf)
    private static readonly delegate* unmanaged<int, byte*, int, uint, byte*, int> s_statx =
        OperatingSystem.IsLinux() ? (delegate* unmanaged<int, byte*, int, uint, byte*, int>)Export(["libc.so.6", "libc"], "statx") : null;

    // stat(const char *path, struct stat *buf)
    private static readonly delegate* unmanaged<byte*, byte*, int> s_stat =
        OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? (delegate* unmanaged<byte*, byte*, int>)Export(["libSystem.dylib", "libc.so.7", "libc"], "stat") : null;

    /// <summary>
    /// True when <paramref name="path"/> (symbolic links followed) is a regular file; false for a
    /// folder, a device, a pipe or a socket, and when it does not exist.
    /// </summary>
    public static bool IsRegularFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true; // File.Exists is false for folders, and device names are not files on disk
        }

        // Larger than struct statx (256 bytes) and struct stat; only the mode is read.
        var buffer = stackalloc byte[512];
        var name = Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* pathBytes = name)
        {
            if (s_statx != null)
            {
                return s_statx(AtCurrentDirectory, pathBytes, 0, StatxType, buffer) == 0 && (*(ushort*)(buffer + StatxModeOffset) & TypeMask) == RegularFile;
            }

            if (s_stat != null)
            {
                return s_stat(pathBytes, buffer) == 0 && (*(ushort*)(buffer + BsdStatModeOffset) & TypeMask) == RegularFile;
            }
        }

        // No way to ask the system: at least never take a device file for a regular one.
        return !Path.GetFullPath(path).StartsWith("/dev/", StringComparison.Ordinal);
    }

    /// <summary>What <see cref="Probe"/> found at a path.</summary>
    public enum Found
    {
        /// <summary>Nothing, or nothing that can be looked at.</summary>
        Nothing,

        /// <summary>A regular file.</summary>
        RegularFile,

        /// <summary>A folder.</summary>
        Folder,

        /// <summary>A device, a pipe or a socket.</summary>
        Other,
    }

    /// <summary>
    /// What is at <paramref name="path"/> (symbolic links followed) and, for a regular file, its size, in
    /// one call to the system (<see cref="IsRegularFile"/> and <see cref="FileInfo"/> take three); null
    /// where the system cannot be asked that way (only Linux's <c>statx</c> is).
    /// </summary>
    public static (Found What, long Size)? Probe(string path)
    {
        if (s_statx == null)
        {
            return null;
        }

        var buffer = stackalloc byte[512];
        if (!Statx(path, StatxType | StatxSize, buffer))
        {
            return (Found.Nothing, 0);
        }

        return (*(ushort*)(buffer + StatxModeOffset) & TypeMask) switch
        {
            RegularFile => (Found.RegularFile, (long)*(ulong*)(buffer + StatxSizeOffset)),
            FolderType => (Found.Folder, 0),
            _ => (Found.Other, 0),
        };
    }

    /// <summary>
    /// The identity and change times of the regular file at <paramref name="path"/> (device, inode, size,
    /// modification and status-change times in nanoseconds), which the cache compares to skip reading an
    /// unchanged file; null where the system cannot tell them (only Linux's <c>statx</c> is asked), for
    /// anything but a regular file, and for a file changed in the last <see cref="StampTrustDelay"/>
    /// (a write in the same clock tick as the stamp would go unseen: git's "racily clean" files).
    /// The status-change time cannot be set back by a program (<c>touch -d</c> sets it to now), so a file
    /// rewritten with the same size and its modification time restored still shows as changed.
    /// </summary>
    public static string? Stamp(string path)
    {
        if (s_statx == null)
        {
            return null;
        }

        var buffer = stackalloc byte[512];
        if (!Statx(path, StatxType | StatxIno | StatxSize | StatxMtime | StatxCtime, buffer)
            || (*(ushort*)(buffer + StatxModeOffset) & TypeMask) != RegularFile)
        {
            return null;
        }

        var modified = *(long*)(buffer + StatxMtimeOffset);
        var changed = *(long*)(buffer + StatxCtimeOffset);
        var recent = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - (long)StampTrustDelay.TotalSeconds;
        if (modified >= recent || changed >= recent)
        {
            return null;
        }

        return string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{*(uint*)(buffer + StatxDevMajorOffset)}:{*(uint*)(buffer + StatxDevMinorOffset)}:{*(ulong*)(buffer + StatxInoOffset)}:{*(ulong*)(buffer + StatxSizeOffset)}:{modified}.{*(uint*)(buffer + StatxMtimeOffset + 8)}:{changed}.{*(uint*)(buffer + StatxCtimeOffset + 8)}");
    }

    /// <summary>How long after its last change a file's <see cref="Stamp"/> is trusted.</summary>
    public static TimeSpan StampTrustDelay { get; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Linux's <c>statx</c> of <paramref name="path"/> (links followed) into <paramref name="buffer"/> (512 bytes,
    /// more than <c>struct statx</c>); true when it answered with every field of <paramref name="wanted"/>.
    /// </summary>
    private static bool Statx(string path, uint wanted, byte* buffer)
    {
        var name = Encoding.UTF8.GetBytes(path + "\0");
        fixed (byte* pathBytes = name)
        {
            return s_statx(AtCurrentDirectory, pathBytes, 0, wanted, buffer) == 0 && (*(uint*)buffer & wanted) == wanted;
        }
    }

    private static nint Export(string[] libraries, string function)
    {
        foreach (var library in libraries)
        {
            if (NativeLibrary.TryLoad(library, out var handle) && NativeLibrary.TryGetExport(handle, function, out var address))
            {
                return address;
            }
        }

        return 0;
    }
}
