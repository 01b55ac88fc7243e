using System.Text.Encodings.Web;
using System.Text.Json;
using DockerLint.Rules.Engine;

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
    public IReportWriter Begin(ReportStart start, FormatContext context, TextWriter writer) => new Writer(start, context, writer);

    /// <summary>
    /// Writes the findings as files come; the suppressed ones, which follow them in the document, are
    /// spooled until the end.
    /// </summary>
    private sealed class Writer : IReportWriter
    {
        private readonly FormatContext _context;
        private readonly TextWriter _output;
        private readonly MemoryStream _buffer = new();
        private readonly Utf8JsonWriter _json;
        private readonly Spool _suppressed = new();
        private readonly Dictionary<string, Rule> _rules;

        public Writer(ReportStart start, FormatContext context, TextWriter output)
        {
            _context = context;
            _output = output;
            _rules = start.Rules.ToDictionary(r => r.Id, StringComparer.Ordinal);
            _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" });
            _json.WriteStartObject();
            _json.WriteNumber("formatVersion", FormatVersion);
            _json.WriteStartObject("tool");
            _json.WriteString("name", ToolInfo.Name);
            _json.WriteString("version", ToolInfo.Version);
            _json.WriteEndObject();
            _json.WriteStartArray("findings");
        }

        public void File(FileReport file, SourceCache sources)
        {
            foreach (var finding in file.Findings)
            {
                WriteFinding(_json, finding, _context);
            }

            foreach (var finding in file.Suppressed)
            {
                _suppressed.Add(finding);
            }

            Pass();
        }

        public void End(ReportSummary summary)
        {
            _json.WriteEndArray();

            // Added in format 1 without a version change: findings hidden by a comment or the baseline.
            _json.WriteStartArray("suppressed");
            foreach (var (finding, _) in _suppressed.Read(_rules))
            {
                WriteFinding(_json, finding, _context);
                if (_json.BytesPending > 64 * 1024)
                {
                    Pass();
                }
            }

            _json.WriteEndArray();

            _json.WriteStartArray("notifications");
            foreach (var problem in summary.Problems)
            {
                _json.WriteStartObject();
                _json.WriteString("kind", Kind(problem.Kind));
                WriteNullable(_json, "path", problem.Path is null ? null : _context.Paths.Relative(problem.Path));
                _json.WriteString("message", problem.Message);
                WriteNullable(_json, "ruleId", problem.RuleId);
                _json.WriteEndObject();
            }

            _json.WriteEndArray();

            _json.WriteStartObject("summary");
            _json.WriteNumber("files", summary.FileCount);
            _json.WriteNumber("findings", summary.Findings);
            _json.WriteNumber("errors", summary.Errors);
            _json.WriteNumber("warnings", summary.Warnings);
            _json.WriteNumber("notes", summary.Notes);
            _json.WriteNumber("suppressed", summary.Suppressed);
            _json.WriteBoolean("complete", !summary.Incomplete);
            _json.WriteEndObject();
            _json.WriteEndObject();
            Pass();
            _output.Write('\n');
        }

        public void Dispose()
        {
            _json.Dispose();
            _suppressed.Dispose();
        }

        /// <summary>Hands what the JSON writer holds to the output (whole values only, so no character is cut).</summary>
        private void Pass()
        {
            _json.Flush();
            if (_buffer.Length > 0)
            {
                _output.Write(System.Text.Encoding.UTF8.GetString(_buffer.GetBuffer(), 0, (int)_buffer.Length));
                _buffer.SetLength(0);
            }
        }
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
        ProblemKind.TimedOut => "timed-out",
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
