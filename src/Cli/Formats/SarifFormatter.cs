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
/// line moves. Tool problems are the invocation's <c>toolExecutionNotifications</c>, and
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

    /// <summary>The key of our entry in <c>partialFingerprints</c>.</summary>
    public const string FingerprintKey = "dockerlint/v1";

    /// <summary>The base every artifact URI is relative to.</summary>
    public const string SourceRootId = "%SRCROOT%";

    /// <summary>The address of the SARIF 2.1.0 schema written into <c>$schema</c>.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Results before the cap; tests lower it to exercise truncation.</summary>
    internal int ResultLimit { get; init; } = MaxResults;

    /// <inheritdoc />
    public void Write(LintReport report, FormatContext context, TextWriter writer)
    {
        var notifications = new List<Notification>();
        var rules = report.Rules.Take(MaxRules).ToList();
        if (report.Rules.Length > MaxRules)
        {
            notifications.Add(Note(FailureLevel.Warning, $"Only the first {MaxRules:N0} rules are listed (GitHub's limit per run); {report.Rules.Length - MaxRules:N0} were left out."));
        }

        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
        // Suppressed findings are results too, with their suppression, so code scanning shows them dismissed.
        var findings = report.Suppressed.IsEmpty ? report.Findings.ToList() : [.. report.Findings.Concat(report.Suppressed).Order(Finding.Order)];
        if (findings.Count > ResultLimit)
        {
            // Keep the reported ones before the suppressed ones, the most severe, then the first in report order, as GitHub would show them.
            var total = findings.Count;
            findings = [.. findings.OrderBy(f => f.Suppression is not null).ThenByDescending(f => f.Severity).ThenBy(f => f, Finding.Order).Take(ResultLimit).Order(Finding.Order)];
            notifications.Add(Note(FailureLevel.Warning, $"Only {ResultLimit:N0} of {total:N0} results are included (GitHub's limit per run), the most severe first."));
        }

        foreach (var problem in report.Problems)
        {
            var notification = Note(FailureLevel.Error, problem.Describe(context.Paths));
            if (problem.Path is not null)
            {
                notification.Locations = [new Location { PhysicalLocation = new PhysicalLocation { ArtifactLocation = Artifact(problem.Path, context.Paths) } }];
            }

            if (problem.RuleId is not null && ruleIndex.TryGetValue(problem.RuleId, out var index))
            {
                notification.AssociatedRule = new ReportingDescriptorReference { Id = problem.RuleId, Index = index };
            }

            notifications.Add(notification);
        }

        var run = new Run
        {
            Tool = new Tool
            {
                Driver = new ToolComponent
                {
                    Name = ToolInfo.Name,
                    SemanticVersion = ToolInfo.Version,
                    InformationUri = new Uri(ToolInfo.InformationUri, UriKind.Absolute),
                    Rules = [.. rules.Select(r => Descriptor(r, report.ActiveRuleIds.Contains(r.Id)))],
                },
            },
            Invocations =
            [
                new Invocation
                {
                    ExecutionSuccessful = !report.Incomplete,
                    ToolExecutionNotifications = notifications,
                },
            ],
            OriginalUriBaseIds = new Dictionary<string, ArtifactLocation>
            {
                [SourceRootId] = new ArtifactLocation { Uri = context.Paths.SourceRootUri },
            },
            AutomationDetails = new RunAutomationDetails { Id = "dockerlint/" },
            Results = Results(findings, ruleIndex, report.Sources, context.Paths, report.BaselineApplied),
            ColumnKind = ColumnKind.Utf16CodeUnits,
        };

        var log = new SarifLog
        {
            SchemaUri = new Uri(SchemaUri),
            Version = SarifVersion.Current,
            Runs = [run],
        };

        var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var serializer = new JsonSerializer { Formatting = Formatting.Indented, ContractResolver = new LevelAlwaysWritten() };
        serializer.Serialize(text, log);
        writer.Write(text.ToString().ReplaceLineEndings("\n"));
        writer.Write('\n');
    }

    /// <summary>The <c>partialFingerprints</c> value of a finding: what it flags, not where.</summary>
    /// <param name="ruleId">The rule.</param>
    /// <param name="path">The path as written in the log.</param>
    /// <param name="flaggedText">The flagged lines, normalised (see <see cref="NormalizedLines"/>).</param>
    /// <param name="occurrence">How many earlier findings of the same rule, path and text the file has.</param>
    public static string Fingerprint(string ruleId, string path, string flaggedText, int occurrence)
    {
        var input = $"{ruleId}\n{path}\n{flaggedText}\n{occurrence.ToString(CultureInfo.InvariantCulture)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input)))[..32];
    }

    /// <summary>The flagged lines of a finding with white space runs collapsed, so indentation and line moves do not change it.</summary>
    public static string NormalizedLines(Finding finding, SourceCache sources)
    {
        var last = finding.Span.End.Line > finding.Span.Start.Line && finding.Span.End.Character == 0 ? finding.Span.End.Line - 1 : finding.Span.End.Line;
        var lines = new List<string>();
        for (var line = finding.Span.Start.Line; line <= last; line++)
        {
            lines.Add(string.Join(' ', (sources.Line(finding.Path, line) ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
        }

        return string.Join('\n', lines);
    }

    private static List<Result> Results(List<Finding> findings, Dictionary<string, int> ruleIndex, SourceCache sources, ReportPaths paths, bool baselineApplied)
    {
        var occurrences = new Dictionary<(string, string, string), int>();
        var results = new List<Result>(findings.Count);
        foreach (var finding in findings)
        {
            var artifact = Artifact(finding.Path, paths);
            var text = NormalizedLines(finding, sources);
            var key = (finding.Id, artifact.Uri.OriginalString, text);
            var occurrence = occurrences.GetValueOrDefault(key);
            occurrences[key] = occurrence + 1;

            results.Add(new Result
            {
                RuleId = finding.Id,
                RuleIndex = ruleIndex.GetValueOrDefault(finding.Id, -1),
                Level = Level(finding.Severity),
                Message = new Message { Text = finding.Message },
                Locations =
                [
                    new Location
                    {
                        PhysicalLocation = new PhysicalLocation
                        {
                            ArtifactLocation = artifact,
                            Region = new Region
                            {
                                StartLine = finding.StartLine,
                                StartColumn = finding.StartColumn,
                                EndLine = finding.EndLine,
                                EndColumn = finding.EndColumn,
                            },
                        },
                    },
                ],
                PartialFingerprints = new Dictionary<string, string>
                {
                    [FingerprintKey] = Fingerprint(finding.Id, artifact.Uri.OriginalString, text, occurrence),
                },
                Suppressions = finding.Suppression is { } suppression ? [Suppression(suppression, paths)] : null,
                BaselineState = !baselineApplied ? BaselineState.None
                    : finding.Suppression?.Kind == FindingSuppressionKind.Baseline ? BaselineState.Unchanged : BaselineState.New,
            });
        }

        return results;
    }

    /// <summary>
    /// A suppression as SARIF says it: <c>inSource</c> for a comment, with the comment's place and its reason as
    /// the justification; <c>external</c> for the baseline (a findings' store outside the source). Always accepted.
    /// </summary>
    private static Microsoft.CodeAnalysis.Sarif.Suppression Suppression(FindingSuppression suppression, ReportPaths paths)
    {
        var sarif = new Microsoft.CodeAnalysis.Sarif.Suppression
        {
            Kind = suppression.Kind == FindingSuppressionKind.InSource ? SuppressionKind.InSource : SuppressionKind.External,
            Status = SuppressionStatus.Accepted,
            Justification = suppression.Justification,
        };
        if (suppression.Span is { } span)
        {
            sarif.Location = new Location
            {
                PhysicalLocation = new PhysicalLocation
                {
                    ArtifactLocation = Artifact(suppression.Path, paths),
                    Region = new Region
                    {
                        StartLine = span.Start.Line + 1,
                        StartColumn = span.Start.Character + 1,
                        EndLine = span.End.Line + 1,
                        EndColumn = span.End.Character + 1,
                    },
                },
            };
        }

        return sarif;
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

    private static ArtifactLocation Artifact(string path, ReportPaths paths)
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
