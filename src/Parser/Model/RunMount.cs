using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Model;

/// <summary>One <c>key[=value]</c> field of a <c>RUN --mount</c>.</summary>
/// <param name="Key">The key in lower case.</param>
/// <param name="Value">The value; null for a bare key such as <c>readonly</c>.</param>
/// <param name="Span">Where the field is written (exact when the flag is written without quotes).</param>
public sealed record MountOption(string Key, string? Value, TextSpan Span);

/// <summary>A parsed <c>RUN --mount=…</c>: its type and options, in any order.</summary>
public sealed class RunMount
{
    internal RunMount(ExpandedFlag flag, ImmutableArray<MountOption> options)
    {
        Flag = flag;
        Options = options;
    }

    /// <summary>The flag it was read from.</summary>
    public ExpandedFlag Flag { get; }

    /// <summary>The fields in the order written.</summary>
    public ImmutableArray<MountOption> Options { get; }

    /// <summary>The last option with that key (or one of its aliases).</summary>
    public MountOption? Get(params string[] keys)
    {
        MountOption? found = null;
        foreach (var option in Options)
        {
            if (Array.IndexOf(keys, option.Key) >= 0)
            {
                found = option;
            }
        }

        return found;
    }

    /// <summary><c>type</c>: bind (default), cache, tmpfs, secret or ssh.</summary>
    public string Type => Get("type")?.Value?.ToLowerInvariant() ?? "bind";

    /// <summary><c>target</c> (or <c>dst</c>, <c>destination</c>).</summary>
    public string? Target => Get("target", "dst", "destination")?.Value;

    /// <summary><c>source</c> (or <c>src</c>).</summary>
    public string? Source => Get("source", "src")?.Value;

    /// <summary><c>from</c>: a stage or image to mount from.</summary>
    public string? From => Get("from")?.Value;

    /// <summary><c>id</c> (cache, secret, ssh).</summary>
    public string? Id => Get("id")?.Value;

    /// <summary><c>sharing</c> for cache mounts (shared, private, locked).</summary>
    public string? Sharing => Get("sharing")?.Value;

    /// <summary><c>mode</c> (octal file mode).</summary>
    public string? Mode => Get("mode")?.Value;

    /// <summary><c>env</c> of a secret mount.</summary>
    public string? Env => Get("env")?.Value;

    /// <summary>True when <c>readonly</c>/<c>ro</c> is set (bind mounts are read-only by default).</summary>
    public bool IsReadOnly
    {
        get
        {
            var ro = Get("readonly", "ro");
            var rw = Get("readwrite", "rw");
            if (rw is not null && (rw.Value is null || IsTrue(rw.Value)))
            {
                return false;
            }

            if (ro is not null)
            {
                return ro.Value is null || IsTrue(ro.Value);
            }

            return Type == "bind";
        }
    }

    /// <summary><c>required</c> for secret and ssh mounts.</summary>
    public bool IsRequired => Get("required") is { } r && (r.Value is null || IsTrue(r.Value));

    private static bool IsTrue(string value) => value is "1" or "t" or "T" or "true" or "TRUE" or "True";
}
