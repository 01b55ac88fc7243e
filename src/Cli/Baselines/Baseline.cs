using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using DockerLint.Cli.Formats;

namespace DockerLint.Cli.Baselines;

/// <summary>One accepted finding (or several identical ones) of a baseline.</summary>
/// <param name="Rule">The rule ID.</param>
/// <param name="Path">The file, relative to the source root (the git repository, else the current folder), with <c>/</c>.</param>
/// <param name="Fingerprint">What the finding flags: the SARIF fingerprint of the flagged lines (see <see cref="SarifFormatter.Fingerprint"/>), not its line.</param>
/// <param name="Count">How many identical findings the file had.</param>
/// <param name="Message">The message of the first, for people reading the file (not used for matching).</param>
internal sealed record BaselineEntry(string Rule, string Path, string Fingerprint, int Count, string Message)
{
    /// <summary>The key findings are matched by.</summary>
    public (string Rule, string Path, string Fingerprint) Key => (Rule, Path, Fingerprint);
}

/// <summary>
/// The findings a team accepted (<c>--write-baseline FILE</c>), so that <c>--baseline FILE</c> reports only
/// new ones. A finding is known by its rule, its file (relative to the source root, so the file works in
/// every checkout) and the fingerprint of the lines it flags — the same one SARIF's
/// <c>partialFingerprints</c> carries — never by its line number: lines inserted or removed elsewhere
/// in the file do not make it new, while a change of the flagged text does. Identical findings in one
/// file are counted. The file is JSON, ordered by path, rule and fingerprint so it diffs well:
/// <code>
/// { "version": 1, "tool": "DockerLint",
///   "findings": [ { "rule", "path", "fingerprint", "count", "message" } ] }
/// </code>
/// </summary>
internal sealed class Baseline
{
    /// <summary>The version of the file's shape.</summary>
    public const int Version = 1;

    private Baseline(ImmutableArray<BaselineEntry> entries)
    {
        Entries = entries;
    }

    /// <summary>The entries, in file order.</summary>
    public ImmutableArray<BaselineEntry> Entries { get; }

    /// <summary>How many findings the baseline holds (counts included).</summary>
    public int FindingCount => Entries.Sum(e => e.Count);

    /// <summary>An empty baseline.</summary>
    public static Baseline Empty { get; } = new([]);

    /// <summary>A baseline of <paramref name="entries"/>, ordered by path, rule and fingerprint.</summary>
    public static Baseline Of(IEnumerable<BaselineEntry> entries)
        => new([.. entries
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.Rule, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal)]);

    /// <summary>Reads a baseline file; the error is a sentence when the file cannot be read or is not a baseline.</summary>
    public static (Baseline? Baseline, string? Error) Read(string path, Func<string, byte[]> readFile)
    {
        byte[] bytes;
        try
        {
            bytes = readFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read the baseline '{path}': {(e is FileNotFoundException or DirectoryNotFoundException ? "it does not exist (create it with --write-baseline)" : e.Message)}");
        }

        try
        {
            using var document = JsonDocument.Parse(bytes);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("version", out var version) || version.ValueKind != JsonValueKind.Number)
            {
                return (null, $"'{path}' is not a DockerLint baseline: it has no \"version\"");
            }

            if (version.GetInt32() != Version)
            {
                return (null, $"the baseline '{path}' has version {version.GetRawText()}; this DockerLint reads version {Version}");
            }

            var entries = ImmutableArray.CreateBuilder<BaselineEntry>();
            if (root.TryGetProperty("findings", out var findings) && findings.ValueKind == JsonValueKind.Array)
            {
                foreach (var entry in findings.EnumerateArray())
                {
                    var rule = entry.GetProperty("rule").GetString();
                    var file = entry.GetProperty("path").GetString();
                    var fingerprint = entry.GetProperty("fingerprint").GetString();
                    var count = entry.TryGetProperty("count", out var c) ? c.GetInt32() : 1;
                    var message = entry.TryGetProperty("message", out var m) ? m.GetString() ?? "" : "";
                    if (rule is null || file is null || fingerprint is null || count < 1)
                    {
                        return (null, $"the baseline '{path}' has an entry without rule, path or fingerprint");
                    }

                    entries.Add(new BaselineEntry(rule, file, fingerprint, count, message));
                }
            }

            return (new Baseline(entries.ToImmutable()), null);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return (null, $"'{path}' is not a valid DockerLint baseline: {e.Message}");
        }
    }

    /// <summary>Writes the baseline as JSON (LF line ends, final line break).</summary>
    public void Write(TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteString("tool", ToolInfo.Name);
            json.WriteStartArray("findings");
            foreach (var entry in Entries)
            {
                json.WriteStartObject();
                json.WriteString("rule", entry.Rule);
                json.WriteString("path", entry.Path);
                json.WriteString("fingerprint", entry.Fingerprint);
                json.WriteNumber("count", entry.Count);
                json.WriteString("message", entry.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.Write('\n');
    }

    /// <summary>
    /// This baseline updated with today's findings: entries of the files analysed in this run are
    /// replaced, entries of other files (a run over part of the repository) are kept. Also returns how
    /// many accepted findings are gone (fixed, or changed so that they no longer match) and how many are new.
    /// </summary>
    public (Baseline Updated, int Fixed, int Added) Update(Baseline today, IReadOnlySet<string> analysedPaths)
    {
        var kept = Entries.Where(e => !analysedPaths.Contains(e.Path)).ToList();
        var todayCounts = today.Entries.ToDictionary(e => e.Key, e => e.Count);
        var fixedCount = Entries.Where(e => analysedPaths.Contains(e.Path)).Sum(e => Math.Max(0, e.Count - todayCounts.GetValueOrDefault(e.Key)));
        var oldCounts = Entries.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Count));
        var added = today.Entries.Sum(e => Math.Max(0, e.Count - oldCounts.GetValueOrDefault(e.Key)));
        var merged = kept.Concat(today.Entries)
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.Rule, StringComparer.Ordinal)
            .ThenBy(e => e.Fingerprint, StringComparer.Ordinal);
        return (new Baseline([.. merged]), fixedCount, added);
    }

    /// <summary>The path of a file as a baseline names it: relative to the source root with <c>/</c>, else absolute.</summary>
    public static string PathOf(string path, ReportPaths paths) => paths.SourceRelative(path) ?? path.Replace('\\', '/');

    /// <summary>Each finding with its baseline key: rule, path, and the fingerprint of what it flags.</summary>
    public static IEnumerable<((string Rule, string Path, string Fingerprint) Key, Finding Finding)> Keys(IEnumerable<Finding> findings, SourceCache sources, ReportPaths paths)
    {
        foreach (var finding in findings)
        {
            var path = PathOf(finding.Path, paths);
            var text = SarifFormatter.NormalizedLines(finding, sources);
            yield return ((finding.Id, path, SarifFormatter.Fingerprint(finding.Id, path, text, 0)), finding);
        }
    }
}
