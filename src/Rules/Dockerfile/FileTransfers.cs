using DockerLint.Parser.Model;

namespace DockerLint.Rules.Dockerfile;

/// <summary>What the sources of COPY and ADD are: heredocs, URLs, git repositories, archives, local paths.</summary>
internal static class FileTransfers
{
    private static readonly string[] s_archiveSuffixes =
    [
        ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".tzst", ".tar.lz", ".tar.lzma", ".tlz",
        ".gz", ".bz2", ".xz", ".zst", ".lz", ".lzma", ".z",
    ];

    /// <summary>True when the source is a heredoc marker (<c>&lt;&lt;EOF</c>), an inline file with no path.</summary>
    public static bool IsHeredoc(FileTransferInstruction transfer, ExpandedWord source)
        => transfer.Heredocs.Any(h => h.Marker.Span == source.Span);

    /// <summary>The source's text for classification: its value when known, else as written.</summary>
    public static string TextOf(ExpandedWord source) => source.Value ?? source.Text;

    /// <summary>True for <c>http://</c>, <c>https://</c> and other URL sources (git repositories included).</summary>
    public static bool IsUrl(string text)
        => text.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase)
            || IsGit(text);

    /// <summary>True for a git repository source (<c>git@…</c>, <c>git://</c>, <c>ssh://</c>, <c>….git</c>, <c>….git#ref</c>, <c>….git?ref=…</c>).</summary>
    public static bool IsGit(string text)
    {
        if (text.StartsWith("git@", StringComparison.Ordinal) || text.StartsWith("git://", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("ssh://", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var end = text.IndexOfAny(['#', '?']);
        var path = end < 0 ? text : text[..end];
        return path.Contains("://", StringComparison.Ordinal) && path.EndsWith(".git", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True for a local file ADD unpacks (tar, possibly compressed), judged by its name.</summary>
    public static bool IsArchive(string text)
        => s_archiveSuffixes.Any(s => text.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the path is absolute: <c>/…</c>, or on Windows <c>C:\…</c>, <c>C:/…</c> or <c>\…</c>.</summary>
    public static bool IsAbsolute(string path)
        => path.StartsWith('/') || path.StartsWith('\\')
            || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':');
}
