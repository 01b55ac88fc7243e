using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;

namespace DockerLint.Parser.Context;

/// <summary>One pattern of a <c>.dockerignore</c> file.</summary>
/// <param name="Text">The pattern as Docker keeps it: trimmed, cleaned, forward slashes, no leading <c>/</c> or <c>!</c>.</param>
/// <param name="IsException">True for a <c>!</c> pattern, which puts back what earlier patterns excluded.</param>
/// <param name="Line">The 1-based line of the file the pattern was read from.</param>
public sealed record DockerIgnorePattern(string Text, bool IsException, int Line)
{
    internal Regex? Regex { get; init; }

    /// <summary>True when the whole path matches the pattern (not a parent of it).</summary>
    public bool Matches(string path)
    {
        try
        {
            return Regex is { } regex ? regex.IsMatch(path) : Text == path;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}

/// <summary>
/// A parsed <c>.dockerignore</c>, matching paths of the build context the way Docker does
/// (moby's <c>dockerignore.ReadAll</c> and <c>patternmatcher</c>): lines starting with <c>#</c> are
/// comments; each pattern is trimmed, cleaned like a path (<c>./a/../b</c> is <c>b</c>) and anchored
/// at the context root (a leading <c>/</c> means nothing); <c>*</c> and <c>?</c> never cross a
/// <c>/</c>, <c>**</c> matches any number of folders, <c>[…]</c> is a character class and <c>\</c>
/// escapes the next character. A path is excluded when the last pattern that matches it, or one of its
/// parent folders, is not an exception (<c>!pattern</c>).
/// </summary>
public sealed class DockerIgnore
{
    private DockerIgnore(ImmutableArray<DockerIgnorePattern> patterns)
    {
        Patterns = patterns;
    }

    /// <summary>The patterns in file order (comments and blank lines left out).</summary>
    public ImmutableArray<DockerIgnorePattern> Patterns { get; }

    /// <summary>True when some pattern is an exception (<c>!…</c>).</summary>
    public bool HasExceptions => Patterns.Any(p => p.IsException);

    /// <summary>Reads the text of a <c>.dockerignore</c> file. Never throws: a pattern that cannot be compiled matches only itself.</summary>
    public static DockerIgnore Parse(string text)
    {
        var patterns = ImmutableArray.CreateBuilder<DockerIgnorePattern>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (i == 0)
            {
                line = line.TrimStart('\uFEFF');
            }

            if (line.StartsWith('#'))
            {
                continue;
            }

            var pattern = line.Trim();
            if (pattern.Length == 0)
            {
                continue;
            }

            var exception = pattern[0] == '!';
            if (exception)
            {
                pattern = pattern[1..].Trim();
            }

            if (pattern.Length > 0)
            {
                pattern = CleanPath(pattern);
                if (pattern.Length > 1 && pattern[0] == '/')
                {
                    pattern = pattern[1..];
                }
            }

            if (pattern.Length == 0 || (exception && pattern == "."))
            {
                continue;
            }

            patterns.Add(new DockerIgnorePattern(pattern, exception, i + 1) { Regex = Compile(pattern) });
        }

        return new DockerIgnore(patterns.ToImmutable());
    }

    /// <summary>
    /// The pattern that decides whether <paramref name="path"/> (relative to the context root, <c>/</c>
    /// separators) is excluded, or null when it is sent to the builder. Parent folders count: <c>node_modules</c>
    /// excludes <c>node_modules/a/b.js</c>.
    /// </summary>
    public DockerIgnorePattern? ExcludedBy(string path)
    {
        path = CleanPath(path);
        if (path.Length > 1 && path[0] == '/')
        {
            path = path[1..];
        }

        var parents = ParentsOf(path);
        DockerIgnorePattern? decider = null;
        var excluded = false;
        foreach (var pattern in Patterns)
        {
            // An exclusion only matters for a path not excluded yet, an exception for one that is.
            if (pattern.IsException != excluded)
            {
                continue;
            }

            if (pattern.Matches(path) || parents.Any(pattern.Matches))
            {
                excluded = !pattern.IsException;
                decider = pattern;
            }
        }

        return excluded ? decider : null;
    }

    /// <summary>True when <paramref name="path"/> is excluded from the build context.</summary>
    public bool IsExcluded(string path) => ExcludedBy(path) is not null;

    /// <summary>Cleans a path the way Go's <c>path.Clean</c> does: no <c>.</c> or empty elements, <c>..</c> resolved lexically.</summary>
    public static string CleanPath(string path)
    {
        if (path.Length == 0)
        {
            return ".";
        }

        var rooted = path[0] == '/';
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (parts.Count > 0 && parts[^1] != "..")
                {
                    parts.RemoveAt(parts.Count - 1);
                }
                else if (!rooted)
                {
                    parts.Add(part);
                }

                continue;
            }

            parts.Add(part);
        }

        var joined = string.Join('/', parts);
        return rooted ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    private static List<string> ParentsOf(string path)
    {
        var parents = new List<string>();
        for (var slash = path.IndexOf('/'); slash > 0; slash = path.IndexOf('/', slash + 1))
        {
            parents.Add(path[..slash]);
        }

        return parents;
    }

    /// <summary>Translates a pattern to an anchored regular expression, as patternmatcher does.</summary>
    private static Regex? Compile(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*' when i + 1 < pattern.Length && pattern[i + 1] == '*':
                    i++;
                    if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                    {
                        i++;
                    }

                    // "**" at the end matches everything below; "**/" any number of folders, none included.
                    regex.Append(i + 1 >= pattern.Length ? ".*" : "(.*/)?");
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '[' or ']':
                    regex.Append(c);
                    break;
                case '\\':
                    if (i + 1 < pattern.Length)
                    {
                        regex.Append(Regex.Escape(pattern[++i].ToString()));
                    }
                    else
                    {
                        regex.Append(@"\\");
                    }

                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        regex.Append('$');
        try
        {
            return new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
