using System.Globalization;
using DockerLint.Cli.Formats;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis.Sarif;
using Newtonsoft.Json;

namespace DockerLint.Cli.Tests;

/// <summary>
/// The reference for <see cref="SarifResultWriter"/>: a finding made into the SARIF SDK's <see cref="Result"/>
/// and serialized by the SDK's reflection-based serializer with the log's settings — exactly how the CLI
/// wrote every result before it wrote them by hand.
/// </summary>
internal static class SdkSarifResults
{
    private static readonly JsonSerializer s_serializer = SarifFormatter.Serializer();

    /// <summary>The result's JSON as the SDK writes it, indented at the depth of an item of <c>runs[0].results</c>.</summary>
    public static string Json(Finding finding, string fingerprint, IReadOnlyDictionary<string, int> ruleIndex, ReportPaths paths, bool baselineApplied)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented })
        {
            s_serializer.Serialize(json, Result(finding, fingerprint, ruleIndex, paths, baselineApplied));
        }

        // Serialized at the top level: four levels of two spaces move it to the depth of the results' items.
        return text.ToString().Replace("\n", "\n        ", StringComparison.Ordinal);
    }

    private static Result Result(Finding finding, string fingerprint, IReadOnlyDictionary<string, int> ruleIndex, ReportPaths paths, bool baselineApplied)
        => new()
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
                        ArtifactLocation = SarifFormatter.Artifact(finding.Path, paths),
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
                [SarifFormatter.FingerprintKey] = fingerprint,
            },
            Suppressions = finding.Suppression is { } suppression ? [Suppression(suppression, paths)] : null,
            BaselineState = !baselineApplied ? BaselineState.None
                : finding.Suppression?.Kind == FindingSuppressionKind.Baseline ? BaselineState.Unchanged : BaselineState.New,
        };

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
                    ArtifactLocation = SarifFormatter.Artifact(suppression.Path, paths),
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

    private static FailureLevel Level(Severity severity) => severity switch
    {
        Severity.Error => FailureLevel.Error,
        Severity.Warning => FailureLevel.Warning,
        _ => FailureLevel.Note,
    };
}
