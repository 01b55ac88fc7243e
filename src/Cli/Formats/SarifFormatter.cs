using System.Buffers;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;

namespace DockerLint.Cli.Formats;

/// <summary>
/// SARIF 2.1.0, written with the SARIF SDK's object model: one run whose driver lists every rule
/// (syntax diagnostics included) with its documentation, and one result per finding with a
/// repository-relative location (<c>%SRCROOT%</c>), a full region and a fingerprint that survives
/// line moves. The results alone are written by hand, byte for byte as the SDK's serializer writes
/// them (see <see cref="SarifResultWriter"/> for why). Tool problems are the invocation's <c>toolExecutionNotifications</c>, and
/// <c>executionSuccessful</c> is false when there is any. The log is valid against the SARIF 2.1.0
/// schema whatever the input, no input and only broken inputs included.
/// </summary>
/// <remarks>
/// GitHub code scanning's documented limits for an uploaded SARIF file ("SARIF support for code
/// scanning" and "SARIF results exceed one or more limits" in GitHub's code security docs): at most
/// 20 runs per file, 25,000 results per run (only the top 5,000 are shown), 25,000 rules per run,
/// 20 tags per rule (10 shown), 1,000 locations per result, and 10 MB per gzip-compressed file.
/// An upload over a limit is rejected whole, so results, rules and tags are capped here —
/// deterministically, with a notification saying what was left out. We write one run and one
/// location per result. GitHub documents no limit on the length of a message.
/// </remarks>
internal sealed class SarifFormatter : IReportFormatter
{
    /// <summary>Results per run GitHub accepts.</summary>
    public const int MaxResults = 25_000;

    /// <summary>Rules per run GitHub accepts.</summary>
    public const int MaxRules = 25_000;

    /// <summary>Tags per rule GitHub accepts.</summary>
    public const int MaxTagsPerRule = 20;

    /// <summary>The length of a fingerprint (see <see cref="Fingerprint"/>).</summary>
    private const int FingerprintLength = 32;

    /// <summary>The key of our entry in <c>partialFingerprints</c>.</summary>
    public const string FingerprintKey = "dockerlint/v1";

    /// <summary>The base every artifact URI is relative to.</summary>
    public const string SourceRootId = "%SRCROOT%";

    /// <summary>The address of the SARIF 2.1.0 schema written into <c>$schema</c>.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Results before the cap; tests lower it to exercise truncation.</summary>
    internal int ResultLimit { get; init; } = MaxResults;

    /// <summary>Serializes results as files are written (see <c>Writer.File</c>); tests turn it off to compare.</summary>
    internal bool SerializeEarly { get; init; } = true;

    /// <inheritdoc />
    public IReportWriter Begin(ReportStart start, FormatContext context, TextWriter writer) => new Writer(this, start, context, writer);

    /// <summary>
    /// Computes each result's fingerprint while its file's text is at hand, writes the result's text
    /// and spools it (or, beyond what the cap can keep, the finding and its fingerprint); the log is
    /// written at the end, when the notifications (which come before the results) are known, with the
    /// results read back one at a time from the spool.
    /// </summary>
    private sealed class Writer : IReportWriter
    {
        // Reported before suppressed, then the most severe first: the order in which results are kept under the cap.
        private const int Categories = 6;

        private static readonly FindingSuppression s_suppressed = new(FindingSuppressionKind.InSource, null, "", null, null);

        private readonly ReportStart _start;
        private readonly FormatContext _context;
        private readonly TextWriter _output;
        private readonly UnixLines _text;
        private readonly int _limit;
        private readonly Spool _results = new();
        private readonly int[] _counts = new int[Categories];
        private readonly Dictionary<string, int> _ruleIndex;
        private readonly SarifResultWriter _resultWriter;
        private readonly JsonSerializer _serializer = Serializer();
        private readonly bool _early;
        private readonly Task _warmUp;
        private int _serializedEarly;

        public Writer(SarifFormatter formatter, ReportStart start, FormatContext context, TextWriter output)
        {
            _start = start;
            _context = context;
            _output = output;
            _text = new UnixLines(output);
            _limit = formatter.ResultLimit;
            _early = formatter.SerializeEarly;
            _ruleIndex = start.Rules.Take(MaxRules).Select((rule, index) => (rule.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
            _resultWriter = new SarifResultWriter(_ruleIndex, context.Paths, start.BaselineApplied);
            _warmUp = Task.Run(WarmUp);
        }

        public void File(FileReport file, SourceCache sources)
        {
            // Suppressed findings are results too, with their suppression, so code scanning shows them dismissed.
            var findings = file.Suppressed.IsEmpty ? (IEnumerable<Finding>)file.Findings : file.Findings.Concat(file.Suppressed).Order(Finding.Order);
            var occurrences = new Dictionary<(string, string), int>();
            foreach (var finding in findings)
            {
                var artifact = _resultWriter.Artifact(finding.Path);
                var text = NormalizedLines(finding, sources);
                var occurrence = occurrences.GetValueOrDefault((finding.Id, text));
                occurrences[(finding.Id, text)] = occurrence + 1;
                var fingerprint = Fingerprint(finding.Id, artifact.OriginalUri, text, occurrence);

                // The result is serialized now, while the analysis of later files keeps the other cores
                // busy, rather than all at the end — unless results that rank before it already fill the
                // cap (it cannot be kept), or the cap's worth were serialized early already: in a run with
                // far more results than it writes, the ones that end up kept are serialized at the end.
                // The spool keeps the result's JSON text (an object, so it starts with '{') with only what its
                // category is made of, or else the finding and its fingerprint.
                var category = Category(finding);
                var early = _early && _serializedEarly < _limit && RankingBefore(category) < _limit;
                _serializedEarly += early ? 1 : 0;
                if (early)
                {
                    _results.Add(CategoryOnly(finding), _resultWriter.WriteText(finding, fingerprint));
                }
                else
                {
                    _results.Add(finding, fingerprint);
                }

                _counts[category]++;
            }
        }

        public void End(ReportSummary summary)
        {
            var notifications = new List<Notification>();
            var rules = _start.Rules.Take(MaxRules).ToList();
            if (_start.Rules.Length > MaxRules)
            {
                notifications.Add(Note(FailureLevel.Warning, $"Only the first {MaxRules:N0} rules are listed (GitHub's limit per run); {_start.Rules.Length - MaxRules:N0} were left out."));
            }

            // Over the cap, the results kept are the reported ones before the suppressed ones, the most severe,
            // then the first in report order, as GitHub would show them: every result of the categories before
            // the one the cap falls in, and the first ones of that category.
            var keep = new int[Categories];
            var left = _limit;
            for (var category = 0; category < Categories; category++)
            {
                keep[category] = Math.Min(left, _counts[category]);
                left -= keep[category];
            }

            if (_results.Count > _limit)
            {
                notifications.Add(Note(FailureLevel.Warning, $"Only {_limit:N0} of {_results.Count:N0} results are included (GitHub's limit per run), the most severe first."));
            }

            foreach (var problem in summary.Problems)
            {
                var notification = Note(FailureLevel.Error, problem.Describe(_context.Paths));
                if (problem.Path is not null)
                {
                    notification.Locations = [new Location { PhysicalLocation = new PhysicalLocation { ArtifactLocation = Artifact(problem.Path, _context.Paths) } }];
                }

                if (problem.RuleId is not null && _ruleIndex.TryGetValue(problem.RuleId, out var index))
                {
                    notification.AssociatedRule = new ReportingDescriptorReference { Id = problem.RuleId, Index = index };
                }

                notifications.Add(notification);
            }

            var byId = _start.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
            var log = Log(rules, notifications, !summary.Incomplete, json => WriteKept(json, keep, byId));
            _warmUp.Wait();
            using var json = new JsonTextWriter(_text) { Formatting = Formatting.Indented, CloseOutput = false };
            _serializer.Serialize(json, log);
            json.Flush();
            _output.Write('\n');
        }

        public void Dispose() => _results.Dispose();

        /// <summary>
        /// The SDK's serializer makes its contract of each type by reflection the first time it meets the type:
        /// ~30 ms under Native AOT, at the end of the run, when nothing else runs beside it. So a log with one
        /// rule and no notification (the shapes every log has; a notification's own would cost a run without
        /// any more than it saves) is serialized to nowhere on a pool thread while the files are analysed, and
        /// the real log finds those contracts made. (A failure here changes nothing: the real log makes what it
        /// needs, and reports its own failures.)
        /// </summary>
        private void WarmUp()
        {
            try
            {
                using var json = new JsonTextWriter(TextWriter.Null) { Formatting = Formatting.Indented };
                _serializer.Serialize(json, Log(_start.Rules.Take(1), [], true, _ => { }));
            }
            catch (Exception)
            {
                // Nothing made in advance: the real log makes it, and fails with its own error if it must.
            }
        }

        /// <summary>The log: the tool with <paramref name="rules"/>, one invocation, and the results <paramref name="writeResults"/> writes.</summary>
        private SarifLog Log(IEnumerable<Rule> rules, List<Notification> notifications, bool successful, Action<JsonWriter> writeResults) => new()
        {
            SchemaUri = new Uri(SchemaUri),
            Version = SarifVersion.Current,
            Runs =
            [
                new Run
                {
                    Tool = new Tool
                    {
                        Driver = new ToolComponent
                        {
                            Name = ToolInfo.Name,
                            SemanticVersion = ToolInfo.Version,
                            InformationUri = new Uri(ToolInfo.InformationUri, UriKind.Absolute),
                            Rules = [.. rules.Select(r => Descriptor(r, _start.ActiveRuleIds.Contains(r.Id)))],
                        },
                    },
                    Invocations =
                    [
                        new Invocation
                        {
                            ExecutionSuccessful = successful,
                            ToolExecutionNotifications = notifications,
                        },
                    ],
                    OriginalUriBaseIds = new Dictionary<string, ArtifactLocation>
                    {
                        [SourceRootId] = new ArtifactLocation { Uri = _context.Paths.SourceRootUri },
                    },
                    AutomationDetails = new RunAutomationDetails { Id = "dockerlint/" },
                    Results = new StreamedResults(writeResults),
                    ColumnKind = ColumnKind.Utf16CodeUnits,
                },
            ],
        };

        private static int Category(Finding finding) => (finding.Suppression is null ? 0 : 3) + (2 - (int)finding.Severity);

        /// <summary>A finding with only what <see cref="Category"/> reads: what the spool needs to keep beside a result written early.</summary>
        private static Finding CategoryOnly(Finding finding)
            => new("", finding.Severity, "", "", default, null) { Suppression = finding.Suppression is null ? null : s_suppressed };

        /// <summary>How many results so far rank before those of <paramref name="category"/> under the cap.</summary>
        private int RankingBefore(int category)
        {
            var before = 0;
            for (var c = 0; c < category; c++)
            {
                before += _counts[c];
            }

            return before;
        }

        /// <summary>
        /// Writes each result kept, in report order, as its text: written early (see <see cref="File"/>) and copied
        /// from the spool, or written now. <paramref name="json"/> writes what goes before each (comma, line break,
        /// indentation) and the text goes straight to the output behind it.
        /// </summary>
        private void WriteKept(JsonWriter json, int[] keep, Dictionary<string, Rule> rules)
        {
            var left = (int[])keep.Clone();
            foreach (var (finding, extra) in _results.ReadBuffered(rules))
            {
                var category = Category(finding);
                if (left[category] > 0)
                {
                    left[category]--;
                    json.WriteRawValue(null);
                    if (extra.Span is ['{', ..])
                    {
                        _text.Write(extra.Span);
                    }
                    else
                    {
                        _text.Write(_resultWriter.Write(finding, extra.ToString()));
                    }
                }
            }
        }
    }

    /// <summary>The serializer of the log's skeleton: the SDK's object model, indented, with every level and rule configuration.</summary>
    internal static JsonSerializer Serializer()
    {
        var serializer = new JsonSerializer { Formatting = Formatting.Indented, ContractResolver = new LevelAlwaysWritten() };
        serializer.Converters.Add(new StreamedResultsConverter());
        return serializer;
    }

    /// <summary>The results of a run, written as their JSON text (see <see cref="SarifResultWriter"/>) one at a time while the log is written.</summary>
    private sealed class StreamedResults(Action<JsonWriter> write) : List<Result>
    {
        public void Write(JsonWriter writer) => write(writer);
    }

    /// <summary>Writes <see cref="StreamedResults"/> as the array of results, each as its text.</summary>
    private sealed class StreamedResultsConverter : JsonConverter
    {
        public override bool CanRead => false;

        public override bool CanConvert(Type objectType) => objectType == typeof(StreamedResults);

        public override object? ReadJson(JsonReader reader, Type objectType, object? existingValue, JsonSerializer serializer) => throw new NotSupportedException();

        public override void WriteJson(JsonWriter writer, object? value, JsonSerializer serializer)
        {
            writer.WriteStartArray();
            ((StreamedResults)value!).Write(writer);
            writer.WriteEndArray();
        }
    }

    /// <summary>Forwards text with <c>\n</c> as the line break, whatever the system's (the JSON writer breaks lines with its writer's <see cref="TextWriter.NewLine"/>).</summary>
    private sealed class UnixLines(TextWriter inner) : TextWriter(CultureInfo.InvariantCulture)
    {
        public override System.Text.Encoding Encoding => inner.Encoding;

        [System.Diagnostics.CodeAnalysis.AllowNull]
        public override string NewLine
        {
            get => "\n";
            set { }
        }

        public override void Write(char value) => inner.Write(value);

        public override void Write(char[] buffer, int index, int count) => inner.Write(buffer, index, count);

        public override void Write(ReadOnlySpan<char> buffer) => inner.Write(buffer);

        public override void Write(string? value) => inner.Write(value);

        public override void Flush() => inner.Flush();
    }

    /// <summary>The <c>partialFingerprints</c> value of a finding: what it flags, not where.</summary>
    /// <param name="ruleId">The rule.</param>
    /// <param name="path">The path as written in the log.</param>
    /// <param name="flaggedText">The flagged lines, normalised (see <see cref="NormalizedLines"/>).</param>
    /// <param name="occurrence">How many earlier findings of the same rule, path and text the file has.</param>
    public static string Fingerprint(string ruleId, string path, string flaggedText, int occurrence)
    {
        // SHA-256 of "{ruleId}\n{path}\n{flaggedText}\n{occurrence}" in UTF-8; the first 16 bytes in lowercase hex.
        var count = occurrence.ToString(CultureInfo.InvariantCulture);
        var length = Encoding.UTF8.GetMaxByteCount(ruleId.Length + path.Length + flaggedText.Length + count.Length + 3);
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        var buffer = rented ?? stackalloc byte[1024];
        var written = 0;
        foreach (var part in (ReadOnlySpan<string>)[ruleId, "\n", path, "\n", flaggedText, "\n", count])
        {
            written += Encoding.UTF8.GetBytes(part, buffer[written..]);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer[..written], hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return Convert.ToHexStringLower(hash[..(FingerprintLength / 2)]);
    }

    /// <summary>The flagged lines of a finding with white space runs collapsed, so indentation and line moves do not change it.</summary>
    public static string NormalizedLines(Finding finding, SourceCache sources)
    {
        var last = finding.Span.End.Line > finding.Span.Start.Line && finding.Span.End.Character == 0 ? finding.Span.End.Line - 1 : finding.Span.End.Line;
        if (last == finding.Span.Start.Line)
        {
            return Collapsed(sources.Line(finding.Path, last));
        }

        var text = new StringBuilder();
        for (var line = finding.Span.Start.Line; line <= last; line++)
        {
            if (line > finding.Span.Start.Line)
            {
                text.Append('\n');
            }

            AppendCollapsed(text, sources.Line(finding.Path, line));
        }

        return text.ToString();
    }

    /// <summary>A line's words (runs of characters that are not white space) separated by one space: what splitting on white space and joining with spaces gives.</summary>
    private static string Collapsed(string? line)
    {
        if (line is null || line.Length == 0)
        {
            return "";
        }

        // Most lines hold no run of white space to collapse and none at either end: the line itself.
        var plain = !char.IsWhiteSpace(line[0]) && !char.IsWhiteSpace(line[^1]);
        for (var i = 1; plain && i < line.Length; i++)
        {
            plain = line[i] == ' ' ? !char.IsWhiteSpace(line[i - 1]) : !char.IsWhiteSpace(line[i]);
        }

        return plain ? line : AppendCollapsed(new StringBuilder(line.Length), line).ToString();
    }

    private static StringBuilder AppendCollapsed(StringBuilder text, string? line)
    {
        var start = text.Length;
        var word = -1;
        for (var i = 0; line is not null && i <= line.Length; i++)
        {
            var space = i == line.Length || char.IsWhiteSpace(line[i]);
            if (!space && word < 0)
            {
                word = i;
            }
            else if (space && word >= 0)
            {
                if (text.Length > start)
                {
                    text.Append(' ');
                }

                text.Append(line, word, i - word);
                word = -1;
            }
        }

        return text;
    }

    private static ReportingDescriptor Descriptor(Rule rule, bool enabled)
    {
        var title = rule.Descriptor.Title.ToString(CultureInfo.InvariantCulture);
        var description = rule.Descriptor.Description.ToString(CultureInfo.InvariantCulture);
        var explanation = rule.Explanation.ReplaceLineEndings("\n");
        var descriptor = new ReportingDescriptor
        {
            Id = rule.Id,
            Name = RuleNames.Name(rule),
            ShortDescription = new MultiformatMessageString { Text = title },
            FullDescription = new MultiformatMessageString { Text = description.Length == 0 ? title : description },
            Help = new MultiformatMessageString { Text = explanation, Markdown = explanation },
            HelpUri = ToolInfo.HelpUri(rule.HelpUri),
            DefaultConfiguration = new ReportingConfiguration { Level = Level(Severities.From(rule.Descriptor.DefaultSeverity)), Enabled = enabled },
        };
        descriptor.SetProperty("tags", rule.Tags.Distinct(StringComparer.Ordinal).Take(MaxTagsPerRule).ToList());
        descriptor.SetProperty("precision", RuleNames.Precision(rule));
        if (rule.SecuritySeverity is { } score)
        {
            descriptor.SetProperty("security-severity", score.ToString("0.0", CultureInfo.InvariantCulture));
        }

        return descriptor;
    }

    /// <summary>The artifact location of <paramref name="path"/>: relative to <c>%SRCROOT%</c> with each segment escaped when under it, else absolute.</summary>
    internal static ArtifactLocation Artifact(string path, ReportPaths paths)
    {
        if (paths.SourceRelative(path) is { } relative)
        {
            var escaped = string.Join('/', relative.Split('/').Select(Uri.EscapeDataString));
            return new ArtifactLocation { Uri = new Uri(escaped, UriKind.Relative), UriBaseId = SourceRootId };
        }

        return new ArtifactLocation { Uri = new Uri(path, UriKind.Absolute) };
    }

    private static FailureLevel Level(Severity severity) => severity switch
    {
        Severity.Error => FailureLevel.Error,
        Severity.Warning => FailureLevel.Warning,
        _ => FailureLevel.Note,
    };

    private static Notification Note(FailureLevel level, string message) => new() { Level = level, Message = new Message { Text = message } };

    /// <summary>
    /// The SDK leaves out <c>level</c> when it is <c>warning</c> (SARIF's default), and a rule's
    /// <c>defaultConfiguration</c> when it holds only defaults. But a result without a level takes
    /// its rule's default level, which for an error rule reported as a warning would be wrong, and
    /// readers show the configuration; so both are always written.
    /// </summary>
    private sealed class LevelAlwaysWritten : DefaultContractResolver
    {
        protected override JsonProperty CreateProperty(MemberInfo member, MemberSerialization memberSerialization)
        {
            var property = base.CreateProperty(member, memberSerialization);
            if (property.PropertyName is "level" or "defaultConfiguration")
            {
                property.DefaultValueHandling = DefaultValueHandling.Include;
                property.ShouldSerialize = null;
            }

            return property;
        }
    }
}
