using System.Buffers;
using System.Globalization;
using System.Text;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis.Sarif;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Cli.Formats;

/// <summary>
/// Writes one SARIF result per finding as the indented JSON text of an item of <c>runs[0].results</c>,
/// byte for byte what the SARIF SDK's serializer writes for the <see cref="Result"/> the finding would
/// make (property order, the properties left out when they hold their default, Newtonsoft.Json's
/// string escaping, the SDK's URI conversion).
/// </summary>
/// <remarks>
/// Results are the only part of the log written without the SDK's object model: there is one per
/// finding (tens of thousands in a large repository), and the SDK serializes through Newtonsoft.Json's
/// reflection-based contracts, which under Native AOT cost more CPU than anything else in writing the
/// log (see bench/RESULTS.md). The log's skeleton — tool, rules, invocation, notifications — is written
/// once and keeps the SDK's model and serializer. The tests serialize findings both ways (the SDK's
/// path is kept there as the reference) and compare the bytes: the whole corpus, every character class
/// and every suppression and baseline combination, and generated findings.
/// </remarks>
internal sealed class SarifResultWriter
{
    /// <summary>The depth of a result in the indented log: <c>{ "runs": [ { "results": [ {</c>.</summary>
    private const int ResultDepth = 4;

    /// <summary>A line break and enough indentation for any depth written here (two spaces a level).</summary>
    private static readonly string s_lineBreaks = "\n" + new string(' ', 2 * (ResultDepth + 8));

    private readonly StringBuilder _text = new();
    private readonly IReadOnlyDictionary<string, int> _ruleIndex;
    private readonly ReportPaths _paths;
    private readonly bool _baselineApplied;

    // The last artifact of a finding and of a suppression: a file's findings share one, and so do their suppressions.
    private SarifArtifact? _findingArtifact;
    private SarifArtifact? _suppressionArtifact;

    /// <summary>Creates a writer for the results of one run.</summary>
    /// <param name="ruleIndex">Each listed rule's index in <c>tool.driver.rules</c>.</param>
    /// <param name="paths">How paths become artifact URIs.</param>
    /// <param name="baselineApplied">True when the run compared its findings with a baseline (every result then has a <c>baselineState</c>).</param>
    public SarifResultWriter(IReadOnlyDictionary<string, int> ruleIndex, ReportPaths paths, bool baselineApplied)
    {
        _ruleIndex = ruleIndex;
        _paths = paths;
        _baselineApplied = baselineApplied;
    }

    /// <summary>The artifact of a finding's file (the last one is remembered: a file's findings come together).</summary>
    public SarifArtifact Artifact(string path) => Remembered(ref _findingArtifact, path);

    /// <summary>The artifact of <paramref name="path"/>: <paramref name="last"/> when it is that file's, else made and remembered there.</summary>
    private SarifArtifact Remembered(ref SarifArtifact? last, string path)
        => last is { } known && known.Path == path ? known : last = SarifArtifact.For(path, _paths);

    /// <summary>The result of <paramref name="finding"/> with its fingerprint, indented at the depth of the log's results.</summary>
    public string Write(Finding finding, string fingerprint) => WriteText(finding, fingerprint).ToString();

    /// <summary>As <see cref="Write"/>, in the writer's own buffer: it holds the text only until the next result is written.</summary>
    public StringBuilder WriteText(Finding finding, string fingerprint)
    {
        var text = _text.Clear();
        var level = ResultDepth + 1;
        text.Append('{');
        Name(level, "ruleId", first: true);
        JsonText.AppendString(text, finding.Id);
        var ruleIndex = _ruleIndex.GetValueOrDefault(finding.Id, -1);
        if (ruleIndex != -1)
        {
            // The SDK leaves out -1, its "no index".
            Name(level, "ruleIndex");
            text.Append(ruleIndex.ToString(CultureInfo.InvariantCulture));
        }

        Name(level, "level");
        text.Append(Level(finding.Severity));
        Name(level, "message");
        text.Append('{');
        Name(level + 1, "text", first: true);
        JsonText.AppendString(text, finding.Message);
        End(level, '}');

        Name(level, "locations");
        text.Append('[');
        LineBreak(level + 1);
        text.Append('{');
        Name(level + 2, "physicalLocation", first: true);
        PhysicalLocation(level + 2, Artifact(finding.Path), finding.Span);
        End(level + 1, '}');
        End(level, ']');

        Name(level, "partialFingerprints");
        text.Append('{');
        Name(level + 1, SarifFormatter.FingerprintKey, first: true);
        JsonText.AppendString(text, fingerprint);
        End(level, '}');

        if (finding.Suppression is { } suppression)
        {
            Name(level, "suppressions");
            text.Append('[');
            LineBreak(level + 1);
            Suppression(level + 1, suppression);
            End(level, ']');
        }

        if (_baselineApplied)
        {
            // The SDK leaves out "none", its default: without a baseline there is no baselineState.
            Name(level, "baselineState");
            text.Append(finding.Suppression?.Kind == FindingSuppressionKind.Baseline ? "\"unchanged\"" : "\"new\"");
        }

        End(ResultDepth, '}');
        return text;
    }

    /// <summary>The JSON string of a level, as the SDK writes <see cref="FailureLevel"/>.</summary>
    private static string Level(Severity severity) => severity switch
    {
        Severity.Error => "\"error\"",
        Severity.Warning => "\"warning\"",
        _ => "\"note\"",
    };

    /// <summary>A suppression as <see cref="SarifFormatter"/> describes it: <c>inSource</c> with the comment's place, or <c>external</c>; always accepted.</summary>
    private void Suppression(int level, FindingSuppression suppression)
    {
        var text = _text;
        text.Append('{');
        Name(level + 1, "kind", first: true);
        text.Append(suppression.Kind == FindingSuppressionKind.InSource ? "\"inSource\"" : "\"external\"");
        Name(level + 1, "status");
        text.Append("\"accepted\"");
        if (suppression.Justification is { } justification)
        {
            Name(level + 1, "justification");
            JsonText.AppendString(text, justification);
        }

        if (suppression.Span is { } span)
        {
            var artifact = Remembered(ref _suppressionArtifact, suppression.Path);
            Name(level + 1, "location");
            text.Append('{');
            Name(level + 2, "physicalLocation", first: true);
            PhysicalLocation(level + 2, artifact, span);
            End(level + 1, '}');
        }

        End(level, '}');
    }

    /// <summary>A <c>physicalLocation</c> object (its opening brace is written here) whose properties are at <paramref name="level"/> + 1.</summary>
    private void PhysicalLocation(int level, SarifArtifact artifact, LinePositionSpan span)
    {
        var text = _text;
        text.Append('{');
        Name(level + 1, "artifactLocation", first: true);
        text.Append('{');
        Name(level + 2, "uri", first: true);
        JsonText.AppendString(text, artifact.Uri);
        if (artifact.UriBaseId is { } baseId)
        {
            Name(level + 2, "uriBaseId");
            JsonText.AppendString(text, baseId);
        }

        End(level + 1, '}');
        Name(level + 1, "region");
        text.Append('{');

        // 1-based and exclusive at the end, as Finding.StartLine..EndColumn; the SDK leaves out 0, its default.
        var first = true;
        RegionValue(level + 2, "startLine", span.Start.Line + 1, ref first);
        RegionValue(level + 2, "startColumn", span.Start.Character + 1, ref first);
        RegionValue(level + 2, "endLine", span.End.Line + 1, ref first);
        RegionValue(level + 2, "endColumn", span.End.Character + 1, ref first);
        if (first)
        {
            text.Append('}');
        }
        else
        {
            End(level + 1, '}');
        }

        End(level, '}');
    }

    private void RegionValue(int level, string name, int value, ref bool first)
    {
        if (value != 0)
        {
            Name(level, name, first);
            _text.Append(value.ToString(CultureInfo.InvariantCulture));
            first = false;
        }
    }

    /// <summary>A property's name on its own line at <paramref name="level"/>, after a comma unless it is the object's first.</summary>
    private void Name(int level, string name, bool first = false)
    {
        if (!first)
        {
            _text.Append(',');
        }

        LineBreak(level);
        _text.Append('"').Append(name).Append("\": ");
    }

    /// <summary>Closes an object or array whose closing character is at <paramref name="level"/>.</summary>
    private void End(int level, char close)
    {
        LineBreak(level);
        _text.Append(close);
    }

    private void LineBreak(int level) => _text.Append(s_lineBreaks, 0, 1 + (2 * level));
}

/// <summary>
/// Where a result's file is, as SARIF writes it: a URI relative to <c>%SRCROOT%</c> (each segment
/// escaped) when the file is under the source root, else the absolute <c>file://</c> URI.
/// </summary>
/// <param name="Path">The file's path, as findings give it.</param>
/// <param name="Uri">The <c>uri</c> as written (the SDK's converter: a relative URI as it was made, an absolute file URI escaped).</param>
/// <param name="UriBaseId"><c>%SRCROOT%</c> for a relative URI, else null.</param>
/// <param name="OriginalUri">The URI as it was made (what fingerprints hash).</param>
internal sealed record SarifArtifact(string Path, string Uri, string? UriBaseId, string OriginalUri)
{
    /// <summary>The artifact of <paramref name="path"/>.</summary>
    public static SarifArtifact For(string path, ReportPaths paths)
    {
        var location = SarifFormatter.Artifact(path, paths);
        var uri = location.Uri;

        // As the SDK's UriConverter writes a URI: an absolute file URI that was made from a path (not from
        // "file:" text) becomes its escaped AbsoluteUri; any other URI is written as it was made.
        var written = uri.IsAbsoluteUri && uri.Scheme.Equals("file", StringComparison.Ordinal) && !uri.OriginalString.StartsWith("file:", StringComparison.Ordinal)
            ? uri.AbsoluteUri
            : uri.OriginalString;
        return new SarifArtifact(path, written, location.UriBaseId, uri.OriginalString);
    }
}

/// <summary>JSON strings as Newtonsoft.Json's writer escapes them by default (<see cref="Newtonsoft.Json.StringEscapeHandling.Default"/>).</summary>
internal static class JsonText
{
    /// <summary>
    /// What Newtonsoft.Json escapes in a double-quoted string by default: control characters, the quote, the
    /// backslash, and the line separators JavaScript does not allow in strings (U+0085, U+2028, U+2029).
    /// Everything else — non-ASCII, <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, <c>'</c>, <c>/</c>, DEL, lone
    /// surrogates — is written as it is.
    /// </summary>
    private static readonly SearchValues<char> s_escaped = SearchValues.Create(
        "\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f" +
        "\"\\\u0085\u2028\u2029");

    /// <summary>Appends <paramref name="value"/> as a quoted, escaped JSON string.</summary>
    public static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        var rest = value.AsSpan();
        int next;
        while ((next = rest.IndexOfAny(s_escaped)) >= 0)
        {
            text.Append(rest[..next]);
            var c = rest[next];
            _ = c switch
            {
                '"' => text.Append("\\\""),
                '\\' => text.Append("\\\\"),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                '\f' => text.Append("\\f"),
                '\b' => text.Append("\\b"),
                _ => text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
            };
            rest = rest[(next + 1)..];
        }

        text.Append(rest).Append('"');
    }
}
