using System.Text;
using System.Text.RegularExpressions;

namespace DockerLint.Rules.Configuration;

/// <summary>
/// A path pattern of <c>overrides[].files</c>, relative to the folder of the configuration file that
/// holds it, with .editorconfig's and .gitignore's conventions: <c>*</c> and <c>?</c> stay within one
/// path segment, <c>**</c> crosses folders, <c>{a,b}</c> is either, <c>[abc]</c> a character class; a
/// pattern without <c>/</c> (a trailing one aside) matches a name at any depth, one with a <c>/</c>
/// at its start or in its middle is relative to the folder; a pattern that matches a folder matches
/// everything under it (<c>legacy</c> and <c>legacy/</c> match every folder named legacy,
/// <c>/legacy</c> and <c>legacy/**</c> only the one next to the configuration file).
/// Patterns are translated to a regular expression at run time: they come from the user's file.
/// </summary>
public sealed class PathGlob
{
    private readonly Regex _regex;

    private PathGlob(string pattern, string baseDirectory, Regex regex)
    {
        Pattern = pattern;
        BaseDirectory = baseDirectory;
        _regex = regex;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>The folder the pattern is relative to.</summary>
    public string BaseDirectory { get; }

    /// <summary>Creates a glob; null with <paramref name="error"/> when the pattern is malformed.</summary>
    public static PathGlob? Create(string pattern, string baseDirectory, out string? error)
    {
        error = null;
        var text = pattern.Replace('\\', '/').Trim();
        if (text.Length == 0)
        {
            error = "an empty pattern matches nothing";
            return null;
        }

        text = text.TrimEnd('/');
        if (text.StartsWith('/'))
        {
            text = text.TrimStart('/');
        }
        else if (!text.Contains('/'))
        {
            text = "**/" + text;
        }

        var regex = new StringBuilder("^");
        var braces = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '*' when i + 1 < text.Length && text[i + 1] == '*':
                    var slash = i + 2 < text.Length && text[i + 2] == '/';
                    regex.Append(slash ? "(?:.*/)?" : ".*");
                    i += slash ? 2 : 1;
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '?':
                    regex.Append("[^/]");
                    break;
                case '{':
                    braces++;
                    regex.Append("(?:");
                    break;
                case '}' when braces > 0:
                    braces--;
                    regex.Append(')');
                    break;
                case ',' when braces > 0:
                    regex.Append('|');
                    break;
                case '[':
                    var close = text.IndexOf(']', i + 1);
                    if (close < 0)
                    {
                        error = "'[' is never closed";
                        return null;
                    }

                    var set = text[(i + 1)..close];
                    regex.Append('[').Append(set.StartsWith('!') ? "^" + Regex.Escape(set[1..]) : Regex.Escape(set)).Append(']');
                    i = close;
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        if (braces > 0)
        {
            error = "'{' is never closed";
            return null;
        }

        regex.Append('$');
        return new PathGlob(pattern, baseDirectory, new Regex(regex.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }

    /// <summary>True when <paramref name="path"/> (absolute) or one of its folders matches.</summary>
    public bool IsMatch(string path)
    {
        var relative = System.IO.Path.GetRelativePath(BaseDirectory, path).Replace('\\', '/');
        if (relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || System.IO.Path.IsPathRooted(relative))
        {
            return false;
        }

        for (var end = relative.Length; end > 0; end = relative.LastIndexOf('/', end - 1))
        {
            if (_regex.IsMatch(relative[..end]))
            {
                return true;
            }
        }

        return false;
    }
}
