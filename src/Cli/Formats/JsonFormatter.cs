using System.Text.Encodings.Web;
using System.Text.Json;

namespace DockerLint.Cli.Formats;

/// <summary>
/// A JSON document whose shape is a contract (docs/output-formats.md); <c>formatVersion</c> changes
/// when a field is renamed or removed, never when one is added:
/// <code>
/// {
///   "formatVersion": 1,
///   "tool": { "name": "DockerLint", "version": "0.1.0" },
///   "findings": [ { "id", "severity", "message", "path", "startLine", "startColumn",
///                   "endLine", "endColumn", "title", "category", "helpUri" } ],
///   "suppressed": [ { …the fields of a finding…, "suppression": { "kind": "inSource"|"baseline",
///                   "justification", "path", "line", "comment" } } ],
///   "notifications": [ { "kind", "path", "message", "ruleId" } ],
///   "summary": { "files", "findings", "errors", "warnings", "notes", "suppressed", "complete" }
/// }
/// </code>
/// Paths are relative to the current folder (with <c>/</c>) when inside it, else absolute; lines and
/// columns are 1-based and the end column is exclusive.
/// </summary>
internal sealed class JsonFormatter : IReportFormatter
{
    /// <summary>The version of the document's shape.</summary>
    public const int FormatVersion = 1;

    /// <inheritdoc />
    public void Write(LintReport report, FormatContext context, TextWriter writer)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteNumber("formatVersion", FormatVersion);
            json.WriteStartObject("tool");
            json.WriteString("name", ToolInfo.Name);
            json.WriteString("version", ToolInfo.Version);
            json.WriteEndObject();

            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                WriteFinding(json, finding, context);
            }

            json.WriteEndArray();

            // Added in format 1 without a version change: findings hidden by a comment or the baseline.
            json.WriteStartArray("suppressed");
            foreach (var finding in report.Suppressed)
            {
                WriteFinding(json, finding, context);
            }

            json.WriteEndArray();

            json.WriteStartArray("notifications");
            foreach (var problem in report.Problems)
            {
                json.WriteStartObject();
                json.WriteString("kind", Kind(problem.Kind));
                WriteNullable(json, "path", problem.Path is null ? null : context.Paths.Relative(problem.Path));
                json.WriteString("message", problem.Message);
                WriteNullable(json, "ruleId", problem.RuleId);
                json.WriteEndObject();
            }

            json.WriteEndArray();

            json.WriteStartObject("summary");
            json.WriteNumber("files", report.FileCount);
            json.WriteNumber("findings", report.Findings.Length);
            json.WriteNumber("errors", report.Count(Severity.Error));
            json.WriteNumber("warnings", report.Count(Severity.Warning));
            json.WriteNumber("notes", report.Count(Severity.Note));
            json.WriteNumber("suppressed", report.Suppressed.Length);
            json.WriteBoolean("complete", !report.Incomplete);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        writer.Write('\n');
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding finding, FormatContext context)
    {
        json.WriteStartObject();
        json.WriteString("id", finding.Id);
        json.WriteString("severity", finding.Severity.Name());
        json.WriteString("message", finding.Message);
        json.WriteString("path", context.Paths.Relative(finding.Path));
        json.WriteNumber("startLine", finding.StartLine);
        json.WriteNumber("startColumn", finding.StartColumn);
        json.WriteNumber("endLine", finding.EndLine);
        json.WriteNumber("endColumn", finding.EndColumn);
        WriteNullable(json, "title", finding.Rule?.Descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
        WriteNullable(json, "category", finding.Rule?.Descriptor.Category);
        WriteNullable(json, "helpUri", finding.Rule?.HelpUri);
        if (finding.Suppression is { } suppression)
        {
            json.WriteStartObject("suppression");
            json.WriteString("kind", suppression.KindName);
            WriteNullable(json, "justification", suppression.Justification);
            json.WriteString("path", context.Paths.Relative(suppression.Path));
            if (suppression.Span is { } span)
            {
                json.WriteNumber("line", span.Start.Line + 1);
                WriteNullable(json, "comment", suppression.Comment);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    /// <summary>The name of a problem kind in the document.</summary>
    public static string Kind(ProblemKind kind) => kind switch
    {
        ProblemKind.MissingPath => "missing-path",
        ProblemKind.Unreadable => "unreadable",
        ProblemKind.RuleFailed => "rule-failed",
        _ => "internal-error",
    };

    private static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
