using System.Text.Json;
using CsCheck;
using DockerLint.Cli.Formats;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Cli.Tests;

/// <summary>
/// SARIF results are written by hand (<see cref="SarifResultWriter"/>) and must be byte for byte what the
/// SDK's serializer writes for the same finding (<see cref="SdkSarifResults"/>): hand-made findings with every
/// awkward character class, path and suppression/baseline combination; generated findings; every result of
/// the corpus.
/// </summary>
public sealed class SarifResultWriterTests
{
    /// <summary>The fixed CsCheck seed (set <c>DOCKERLINT_PROPERTY_SEED</c> to draw with another).</summary>
    private const string Seed = "0N0XIzNsQ0O2";

    private const string Fingerprint = "0123456789abcdef0123456789abcdef";

    private static readonly string s_root = Path.Combine(Path.GetTempPath(), "dockerlint-sarif-root");

    private static readonly ReportPaths s_paths = new(s_root, s_root);

    private static readonly Dictionary<string, int> s_ruleIndex = new(StringComparer.Ordinal) { ["DF0001"] = 0, ["DF1001"] = 7, ["DC3010"] = 123_456 };

    /// <summary>Texts with each kind of character Newtonsoft.Json escapes, or might be thought to.</summary>
    private static readonly string[] s_texts =
    [
        "",
        "plain text, with 'single quotes' and a/slash",
        "\"quoted\" and back\\slash\\",
        string.Concat(Enumerable.Range(0, 0x20).Select(c => (char)c)) + "\u007f",
        "line\nbreaks\r\nand\ttabs\fform\bfeed",
        "C1 controls \u0080\u0085\u009f, separators \u2028 and \u2029, NBSP \u00a0",
        "<script>alert('&amp;')</script> <!-- > -->",
        "non-ASCII: é ü ß ñ 中文 日本語 한국어 עברית العربية",
        "astral: 😀 𝄞 👍🏽 and a BOM \ufeff and \uffff \ufffe",
        "lone high \ud800 surrogate",
        "lone low \udc00 surrogate",
        "reversed \udc00\ud800 pair and a high at the end \udbff",
        "\u0000 NUL first",
        "ends with a backslash \\",
        new string('x', 5000) + "\n" + new string('é', 3000),
    ];

    /// <summary>Paths inside the source root (relative URIs, each segment escaped) and outside it (absolute file URIs).</summary>
    private static readonly string[] s_files =
    [
        Path.Combine(s_root, "Dockerfile"),
        Path.Combine(s_root, "deploy", "app", "compose.yaml"),
        Path.Combine(s_root, "with space", "Dockerfile.dev"),
        Path.Combine(s_root, "ünï cödé", "中文", "Dockerfile"),
        Path.Combine(s_root, "percent%41 hash# question? brackets[] at@ amp& plus+ comma, semi; equals= quote' paren()", "Dockerfile"),
        Path.Combine(s_root, "back\\slash", "Dockerfile"),
        Path.Combine(s_root, "emoji 😀", "Dockerfile"),
        "/elsewhere/Dockerfile",
        "/elsewhere/with space/ünï/%41#?/Dockerfile",
        "/elsewhere/emoji 😀/Dockerfile",
        "/",
    ];

    [Test]
    public void Every_text_is_escaped_as_Newtonsoft_escapes_it()
    {
        var count = 0;
        foreach (var text in s_texts)
        {
            foreach (var severity in new[] { Severity.Error, Severity.Warning, Severity.Note })
            {
                var finding = new Finding("DF1001", severity, text, s_files[0], Span(1, 2, 1, 6), null);
                AssertSame(finding, text, baselineApplied: false);
                count++;
            }

            // In a justification and in the fingerprint too.
            AssertSame(new Finding("DF0001", Severity.Warning, "m", s_files[0], Span(0, 0, 0, 1), null) { Suppression = new FindingSuppression(FindingSuppressionKind.InSource, text, s_files[0], Span(0, 0, 0, 9), "# c") }, text, baselineApplied: true);
            count++;
        }

        TestContext.Out.WriteLine($"{count} findings compared");
    }

    [Test]
    public void Every_path_suppression_and_baseline_combination_is_written_as_the_SDK_writes_it()
    {
        var suppressions = new List<FindingSuppression?> { null };
        foreach (var justification in new[] { null, "", "a reason", "reason with \"quotes\"\nand a line break é 😀" })
        {
            foreach (var path in new[] { s_files[0], s_files[4], s_files[8] })
            {
                suppressions.Add(new FindingSuppression(FindingSuppressionKind.InSource, justification, path, Span(2, 0, 2, 30), "# dockerlint ignore=DF1001"));
            }

            suppressions.Add(new FindingSuppression(FindingSuppressionKind.InSource, justification, s_files[0], null, null));
            suppressions.Add(new FindingSuppression(FindingSuppressionKind.Baseline, justification, Path.Combine(s_root, "dockerlint-baseline.json"), null, null));
            suppressions.Add(new FindingSuppression(FindingSuppressionKind.Baseline, justification, "/elsewhere/baseline.json", Span(0, 0, 0, 1), null));
        }

        var count = 0;
        foreach (var path in s_files)
        {
            foreach (var id in new[] { "DF0001", "DF1001", "DC3010", "DF9999" })
            {
                foreach (var span in new[] { Span(0, 0, 0, 0), Span(3, 4, 7, 0), Span(1_000_000, 2_000, 1_000_001, 3), Span(int.MaxValue - 1, int.MaxValue - 1, int.MaxValue, int.MaxValue) })
                {
                    foreach (var suppression in suppressions)
                    {
                        foreach (var baselineApplied in new[] { false, true })
                        {
                            AssertSame(new Finding(id, Severity.Warning, "message", path, span, null) { Suppression = suppression }, Fingerprint, baselineApplied);
                            count++;
                        }
                    }
                }
            }
        }

        TestContext.Out.WriteLine($"{count} findings compared");
    }

    [Test]
    public void Generated_findings_are_written_as_the_SDK_writes_them()
    {
        var seed = Environment.GetEnvironmentVariable("DOCKERLINT_PROPERTY_SEED") is { Length: > 0 } replay ? replay : Seed;
        var count = 0;
        var failing = 0;
        s_findings.Sample(
            c =>
            {
                failing += AssertSame(c.Finding, c.Fingerprint, c.BaselineApplied) ? 0 : 1;
                count++;
            },
            seed: seed,
            iter: 3_000,
            threads: 1,
            print: c => $"{c}");
        TestContext.Out.WriteLine($"{count} generated findings compared, {failing} of them failing alike for want of a URI (seed {seed})");
        Assert.That(failing, Is.LessThan(count / 10), "most generated paths make a URI");
    }

    [Test]
    public void Normalized_lines_and_fingerprints_are_what_splitting_joining_and_hashing_the_whole_text_give()
    {
        var seed = Environment.GetEnvironmentVariable("DOCKERLINT_PROPERTY_SEED") is { Length: > 0 } replay ? replay : Seed;
        var spaces = Gen.OneOf(' ', ' ', ' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u0085', '\u1680', '\u2000', '\u2028', '\u2029', '\u3000', '\u200b', '\ufeff');
        var text = Gen.Frequency((3, s_char), (2, spaces), (3, Gen.Int['a', 'z'].Select(i => (char)i))).Array[0, 60].Select(chars => new string(chars));
        var cases = Gen.Select(text, Gen.Int[0, 4], Gen.Int[0, 4], Gen.Int[0, 3], Gen.Int[0, 1_000]);
        var count = 0;
        cases.Sample(
            c =>
            {
                var (content, startLine, lines, endCharacter, occurrence) = c;
                var path = Path.Combine(s_root, "Dockerfile");
                var sources = new SourceCache(_ => throw new InvalidOperationException("the text is in the cache"));
                sources.Add(path, SourceText.From(content));
                var finding = new Finding("DF1001", Severity.Warning, "m", path, Span(startLine, 0, startLine + lines, endCharacter), null);

                var last = lines > 0 && endCharacter == 0 ? startLine + lines - 1 : startLine + lines;
                var expected = string.Join('\n', Enumerable.Range(startLine, last - startLine + 1)
                    .Select(line => string.Join(' ', (sources.Line(path, line) ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))));
                var normalized = SarifFormatter.NormalizedLines(finding, sources);
                Assert.That(normalized, Is.EqualTo(expected), content);

                var input = $"DF1001\n{path}\n{normalized}\n{occurrence}";
                var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(input)))[..32];
                Assert.That(SarifFormatter.Fingerprint("DF1001", path, normalized, occurrence), Is.EqualTo(hash), input);
                count++;
            },
            seed: seed,
            iter: 3_000,
            threads: 1);
        Assert.That(SarifFormatter.Fingerprint("DF1001", new string('é', 5_000), "x", 0), Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"DF1001\n{new string('é', 5_000)}\nx\n0")))[..32]), "a long input");
        TestContext.Out.WriteLine($"{count} generated texts compared (seed {seed})");
    }

    [Test]
    [CancelAfter(600_000)]
    public void Every_result_of_the_corpus_is_written_as_the_SDK_writes_it()
    {
        var corpus = SharedCorpus.FolderOrIgnore("the corpus SARIF identity test");
        var files = SharedCorpus.Files(corpus, "dockerfiles", "compose");
        var harness = new CliHarness(corpus) { Rules = null };
        var paths = new ReportPaths(corpus, corpus);

        // Without a baseline; then with one recorded from the Dockerfiles only, so that results are both "unchanged" (external suppressions) and "new".
        var plain = Compare(harness, paths, ["--no-cache", .. files], baselineApplied: false);
        var baseline = Path.Combine(CliHarness.TempDir(), "baseline.json");
        harness.Run(["--no-cache", "--format", "gcc", "--write-baseline", baseline, .. SharedCorpus.Files(corpus, "dockerfiles")]);
        var withBaseline = Compare(harness, paths, ["--no-cache", "--baseline", baseline, .. files], baselineApplied: true);

        Assert.That(plain.Results, Is.GreaterThan(1_000), "the corpus gives results");
        Assert.That(plain.InSource, Is.Positive, "the corpus has suppression comments");
        Assert.That(withBaseline.External, Is.Positive, "the baseline hides findings");
        Assert.That(withBaseline.New, Is.Positive, "findings of files outside the baseline are new");
        TestContext.Out.WriteLine($"without a baseline: {plain}; with one: {withBaseline}");
    }

    /// <summary>
    /// Runs the CLI over the corpus in SARIF and in JSON; every SARIF result's text must be what the SDK writes for
    /// the finding it stands for. The findings are read back from the SARIF log, and the JSON report (written by
    /// another writer) must list the same findings, so that a field the hand-written result left out would show.
    /// </summary>
    private static Counts Compare(CliHarness harness, ReportPaths paths, string[] arguments, bool baselineApplied)
    {
        var sarif = harness.Run(["--format", "sarif", "--fail-level", "none", .. arguments]);
        var json = harness.Run(["--format", "json", "--fail-level", "none", .. arguments]);
        Assert.That(sarif.ExitCode, Is.EqualTo(ExitCodes.Success), sarif.Error);
        using var log = JsonDocument.Parse(sarif.Output);
        var run = log.RootElement.GetProperty("runs")[0];
        var ruleIndex = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray()
            .Select((rule, index) => (Id: rule.GetProperty("id").GetString()!, index))
            .ToDictionary(r => r.Id, r => r.index, StringComparer.Ordinal);

        var counts = new Counts();
        var fromSarif = new List<string>();
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var (finding, fingerprint) = FindingOf(result, paths.SourceRoot);
            var expected = SdkSarifResults.Json(finding, fingerprint, ruleIndex, paths, baselineApplied);
            var actual = result.GetRawText();
            if (actual != expected)
            {
                Assert.That(actual, Is.EqualTo(expected), $"result {counts.Results} ({finding.Id} at {finding.Path}:{finding.StartLine})");
            }

            counts.Add(finding, baselineApplied);
            fromSarif.Add(Key(finding.Id, finding.Severity.Name(), finding.Message, paths.Relative(finding.Path), finding.StartLine, finding.StartColumn, finding.EndLine, finding.EndColumn, finding.Suppression?.KindName, finding.Suppression?.Justification, finding.Suppression?.Span?.Start.Line + 1));
        }

        using var report = JsonDocument.Parse(json.Output);
        var fromJson = new List<string>();
        foreach (var finding in report.RootElement.GetProperty("findings").EnumerateArray().Concat(report.RootElement.GetProperty("suppressed").EnumerateArray()))
        {
            var suppression = finding.TryGetProperty("suppression", out var s) ? s : (JsonElement?)null;
            fromJson.Add(Key(
                finding.GetProperty("id").GetString()!, finding.GetProperty("severity").GetString()!, finding.GetProperty("message").GetString()!, finding.GetProperty("path").GetString()!,
                finding.GetProperty("startLine").GetInt32(), finding.GetProperty("startColumn").GetInt32(), finding.GetProperty("endLine").GetInt32(), finding.GetProperty("endColumn").GetInt32(),
                suppression?.GetProperty("kind").GetString(), suppression?.GetProperty("justification").GetString(),
                suppression is { } present && present.TryGetProperty("line", out var line) ? line.GetInt32() : null));
        }

        Assert.That(fromSarif.Order(StringComparer.Ordinal), Is.EqualTo(fromJson.Order(StringComparer.Ordinal)), "the SARIF results are the findings the JSON report lists");
        return counts;
    }

    private static string Key(string id, string severity, string message, string path, int startLine, int startColumn, int endLine, int endColumn, string? kind, string? justification, int? line)
        => JsonSerializer.Serialize(new object?[] { id, severity, message, path, startLine, startColumn, endLine, endColumn, kind, justification, line });

    /// <summary>The finding a SARIF result stands for, read back from the result, and its fingerprint.</summary>
    private static (Finding Finding, string Fingerprint) FindingOf(JsonElement result, string sourceRoot)
    {
        var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
        var level = result.GetProperty("level").GetString();
        var finding = new Finding(
            result.GetProperty("ruleId").GetString()!,
            level == "error" ? Severity.Error : level == "warning" ? Severity.Warning : Severity.Note,
            result.GetProperty("message").GetProperty("text").GetString()!,
            PathOf(location.GetProperty("artifactLocation"), sourceRoot),
            SpanOf(location.GetProperty("region")),
            null);
        if (result.TryGetProperty("suppressions", out var suppressions))
        {
            var suppression = suppressions[0];
            var justification = suppression.TryGetProperty("justification", out var j) ? j.GetString() : null;
            finding = suppression.TryGetProperty("location", out var place)
                ? finding with { Suppression = new FindingSuppression(FindingSuppressionKind.InSource, justification, PathOf(place.GetProperty("physicalLocation").GetProperty("artifactLocation"), sourceRoot), SpanOf(place.GetProperty("physicalLocation").GetProperty("region")), null) }
                : finding with { Suppression = new FindingSuppression(suppression.GetProperty("kind").GetString() == "inSource" ? FindingSuppressionKind.InSource : FindingSuppressionKind.Baseline, justification, "", null, null) };
        }

        return (finding, result.GetProperty("partialFingerprints").GetProperty(SarifFormatter.FingerprintKey).GetString()!);
    }

    private static string PathOf(JsonElement artifactLocation, string sourceRoot)
    {
        var uri = artifactLocation.GetProperty("uri").GetString()!;
        return artifactLocation.TryGetProperty("uriBaseId", out _)
            ? Path.Combine(sourceRoot, string.Join('/', uri.Split('/').Select(Uri.UnescapeDataString)))
            : new Uri(uri).LocalPath;
    }

    private static LinePositionSpan SpanOf(JsonElement region)
        => Span(region.GetProperty("startLine").GetInt32() - 1, region.GetProperty("startColumn").GetInt32() - 1, region.GetProperty("endLine").GetInt32() - 1, region.GetProperty("endColumn").GetInt32() - 1);

    private static LinePositionSpan Span(int startLine, int startCharacter, int endLine, int endCharacter)
        => new(new LinePosition(startLine, startCharacter), new LinePosition(endLine, endCharacter));

    /// <summary>Asserts that both ways give the same text, or fail alike; returns false when they fail.</summary>
    private static bool AssertSame(Finding finding, string fingerprint, bool baselineApplied)
    {
        string expected;
        try
        {
            expected = SdkSarifResults.Json(finding, fingerprint, s_ruleIndex, s_paths, baselineApplied);
        }
        catch (Exception e) when (e is UriFormatException or ArgumentException)
        {
            // A path no URI can be made of: the hand-written result fails the same way.
            Assert.That(() => new SarifResultWriter(s_ruleIndex, s_paths, baselineApplied).Write(finding, fingerprint), Throws.TypeOf(e.GetType()), $"{finding}: {e.Message}");
            return false;
        }

        var actual = new SarifResultWriter(s_ruleIndex, s_paths, baselineApplied).Write(finding, fingerprint);
        if (actual != expected)
        {
            Assert.That(actual, Is.EqualTo(expected), $"{finding} (baseline applied: {baselineApplied})");
        }

        return true;
    }

    /// <summary>Any character, with the ones escaping is about more often than chance would draw them.</summary>
    private static readonly Gen<char> s_char = Gen.Frequency(
        (4, Gen.Int[0, 0xFFFF].Select(i => (char)i)),
        (2, Gen.Int['a', 'z'].Select(i => (char)i)),
        (2, Gen.Int[0, 0x20].Select(i => (char)i)),
        (2, Gen.OneOf('"', '\\', '/', '\'', '<', '>', '&', '\u007f', '\u0085', '\u2028', '\u2029', '\ud83d', '\ude00', '\ufeff', 'é', ' ')));

    private static readonly Gen<string> s_text = s_char.Array[0, 40].Select(chars => new string(chars));

    /// <summary>A path segment: any characters but the separator and NUL (which no file name holds).</summary>
    private static readonly Gen<string> s_segment = s_char.Where(c => c is not '/' and not '\0').Array[1, 12].Select(chars => new string(chars));

    private static readonly Gen<string> s_path = Gen.Select(Gen.Bool, s_segment.Array[1, 4], (inside, segments) => (inside ? s_root : "/elsewhere") + "/" + string.Join('/', segments));

    private static readonly Gen<LinePositionSpan> s_span = Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue])
        .Select((a, b, c, d) => a < c || (a == c && b <= d) ? Span(a, b, c, d) : Span(c, d, a, b));

    private static readonly Gen<LinePositionSpan> s_smallSpan = Gen.Select(Gen.Int[0, 300], Gen.Int[0, 120], Gen.Int[0, 3], Gen.Int[0, 120])
        .Select((line, column, lines, endColumn) => Span(line, column, line + lines, lines == 0 ? Math.Max(column, endColumn) : endColumn));

    private static readonly Gen<FindingSuppression?> s_suppression = Gen.Frequency(
        (2, Gen.Const((FindingSuppression?)null)),
        (2, Gen.Select(s_text.Null(0.3), s_path, Gen.Frequency((3, s_smallSpan), (1, s_span)))
            .Select((justification, path, span) => (FindingSuppression?)new FindingSuppression(FindingSuppressionKind.InSource, justification, path, span, "# c"))),
        (1, Gen.Select(s_text.Null(0.5), s_path).Select((justification, path) => (FindingSuppression?)new FindingSuppression(FindingSuppressionKind.Baseline, justification, path, null, null))));

    private static readonly Gen<(Finding Finding, string Fingerprint, bool BaselineApplied)> s_findings = Gen.Select(
        Gen.Select(Gen.OneOf("DF0001", "DF1001", "DC3010", "XX9999"), Gen.OneOf(Severity.Error, Severity.Warning, Severity.Note), s_text, s_path),
        Gen.Frequency((3, s_smallSpan), (1, s_span)),
        s_suppression,
        Gen.Frequency((3, Gen.Const(Fingerprint)), (1, s_text)),
        Gen.Bool,
        (head, span, suppression, fingerprint, baselineApplied) =>
            (new Finding(head.Item1, head.Item2, head.Item3, head.Item4, span, null) { Suppression = suppression }, fingerprint, baselineApplied));

    /// <summary>What the corpus results covered.</summary>
    private sealed class Counts
    {
        public int Results { get; private set; }

        public int InSource { get; private set; }

        public int External { get; private set; }

        public int New { get; private set; }

        public void Add(Finding finding, bool baselineApplied)
        {
            Results++;
            InSource += finding.Suppression?.Kind == FindingSuppressionKind.InSource ? 1 : 0;
            External += finding.Suppression?.Kind == FindingSuppressionKind.Baseline ? 1 : 0;
            New += baselineApplied && finding.Suppression?.Kind != FindingSuppressionKind.Baseline ? 1 : 0;
        }

        public override string ToString() => $"{Results} results, {InSource} suppressed in source, {External} by the baseline, {New} new";
    }
}
