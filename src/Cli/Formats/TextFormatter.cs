using System.Text;

namespace DockerLint.Cli.Formats;

/// <summary>
/// The format for people. Each finding is a header with its severity, ID and message, the place
/// (<c>path:line:col</c>, relative to the current folder), and the flagged source lines with carets
/// under the flagged characters; then the tool problems, and a summary line. Colour (ANSI) only
/// when asked, which the CLI does on a terminal without <c>NO_COLOR</c>.
/// </summary>
internal sealed class TextFormatter : IReportFormatter
{
    /// <summary>Lines of a multi-line finding shown before the rest is elided.</summary>
    public const int MaxSnippetLines = 4;

    private const int TabWidth = 4;

    /// <inheritdoc />
    public IReportWriter Begin(ReportStart start, FormatContext context, TextWriter writer)
    {
        var paint = new Paint(context.Color);
        return new ActionReportWriter((file, sources) => WriteFindings(file, sources, context, paint, writer), summary => WriteEnd(summary, context, paint, writer));
    }

    private static void WriteFindings(FileReport file, SourceCache sources, FormatContext context, Paint paint, TextWriter writer)
    {
        var text = new StringBuilder();
        foreach (var finding in file.Findings)
        {
            var color = Paint.For(finding.Severity);
            text.Append(paint.Apply(color, finding.Severity.Name())).Append(' ').Append(paint.Apply(Paint.Bold, finding.Id))
                .Append(": ").Append(Clean(finding.Message)).Append('\n');
            var where = $"{context.Paths.Relative(finding.Path)}:{finding.StartLine}:{finding.StartColumn}";
            text.Append(' ', Width(finding)).Append(paint.Apply(Paint.Blue, "-->")).Append(' ').Append(Clean(where)).Append('\n');
            Snippet(sources, finding, paint, color, text);
            text.Append('\n');
        }

        writer.Write(text.ToString());
    }

    private static void WriteEnd(ReportSummary summary, FormatContext context, Paint paint, TextWriter writer)
    {
        var text = new StringBuilder();
        foreach (var problem in summary.Problems)
        {
            text.Append(paint.Apply(Paint.Red, "error")).Append(": ").Append(Clean(problem.Describe(context.Paths))).Append('\n');
        }

        if (!summary.Problems.IsEmpty)
        {
            text.Append('\n');
        }

        text.Append(Summary(summary)).Append('\n');
        writer.Write(text.ToString());
    }

    /// <summary>The last line: how many files, problems by severity, suppressed findings, and whether the run is complete.</summary>
    public static string Summary(ReportSummary report)
    {
        var files = Plural(report.FileCount, "file");
        var counts = new[] { (Severity.Error, "error"), (Severity.Warning, "warning"), (Severity.Note, "note") }
            .Select(s => (Count: report.Count(s.Item1), Noun: s.Item2))
            .Where(s => s.Count > 0)
            .Select(s => Plural(s.Count, s.Noun));
        var summary = report.Findings == 0
            ? $"Checked {files}: no problems found."
            : $"Checked {files}: {Plural(report.Findings, "problem")} ({string.Join(", ", counts)}).";
        if (report.Suppressed > 0)
        {
            var parts = new[] { (report.SuppressedInSource, "by a comment"), (report.SuppressedByBaseline, "in the baseline") }.Where(p => p.Item1 > 0).Select(p => $"{p.Item1} {p.Item2}");
            summary += $" {report.Suppressed} suppressed ({string.Join(", ", parts)}).";
        }

        return report.Incomplete
            ? $"{summary} The run is incomplete: {Plural(report.Problems.Length, "tool problem")} (listed above)."
            : summary;
    }

    private static void Snippet(SourceCache sources, Finding finding, Paint paint, string color, StringBuilder text)
    {
        var first = finding.Span.Start.Line;
        var last = finding.Span.End.Line;
        if (last > first && finding.Span.End.Character == 0)
        {
            last--; // the span ends with a line break: the next line is not flagged
        }

        var shownLast = Math.Min(last, first + MaxSnippetLines - 1);
        var lines = new List<(int Number, string Text)>();
        for (var line = first; line <= shownLast; line++)
        {
            if (sources.Line(finding.Path, line) is not { } content)
            {
                return; // the text is not available (a file that could not be read): no snippet
            }

            lines.Add((line, content));
        }

        var width = Width(finding);
        var gutter = new string(' ', width);
        text.Append(gutter).Append(' ').Append(paint.Apply(Paint.Blue, "|")).Append('\n');
        foreach (var (number, content) in lines)
        {
            var (shown, columns) = Expand(content);
            var start = number == first ? finding.Span.Start.Character : FirstNonBlank(content);
            var end = number == finding.Span.End.Line ? finding.Span.End.Character : content.Length;
            start = Math.Clamp(start, 0, content.Length);
            end = Math.Clamp(end, start, content.Length);
            var caretStart = columns[start];
            var caretLength = Math.Max(1, columns[end] - caretStart);

            text.Append(paint.Apply(Paint.Blue, (number + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(width)))
                .Append(' ').Append(paint.Apply(Paint.Blue, "|")).Append(shown.Length == 0 ? "" : " ").Append(shown).Append('\n');
            text.Append(gutter).Append(' ').Append(paint.Apply(Paint.Blue, "|")).Append(' ')
                .Append(new string(' ', caretStart)).Append(paint.Apply(color, new string('^', caretLength))).Append('\n');
        }

        if (last > shownLast)
        {
            text.Append(gutter).Append(' ').Append(paint.Apply(Paint.Blue, "|")).Append(" ... (").Append(last - shownLast).Append(" more lines)\n");
        }
    }

    /// <summary>The width of the line-number gutter of a finding's snippet.</summary>
    private static int Width(Finding finding)
        => Math.Min(finding.Span.End.Line + 1, finding.Span.Start.Line + MaxSnippetLines).ToString(System.Globalization.CultureInfo.InvariantCulture).Length;

    /// <summary>The line as shown (tabs expanded, control characters replaced) and, for each character offset, its display column.</summary>
    private static (string Shown, int[] Columns) Expand(string line)
    {
        var shown = new StringBuilder();
        var columns = new int[line.Length + 1];
        for (var i = 0; i < line.Length; i++)
        {
            columns[i] = shown.Length;
            var c = line[i];
            if (c == '\t')
            {
                shown.Append(' ', TabWidth - (shown.Length % TabWidth));
            }
            else
            {
                shown.Append(char.IsControl(c) ? '?' : c);
            }
        }

        columns[line.Length] = shown.Length;
        return (shown.ToString(), columns);
    }

    private static int FirstNonBlank(string line)
    {
        var i = 0;
        while (i < line.Length && (line[i] == ' ' || line[i] == '\t'))
        {
            i++;
        }

        return i;
    }

    /// <summary>Text with control characters replaced, so that a file's content cannot drive the terminal.</summary>
    private static string Clean(string value)
    {
        if (!value.Any(char.IsControl))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c is '\n' or '\r' ? ' ' : char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";

    /// <summary>ANSI colours, or nothing.</summary>
    private sealed class Paint(bool enabled)
    {
        public const string Red = "\u001b[1;31m";
        public const string Yellow = "\u001b[1;33m";
        public const string Cyan = "\u001b[1;36m";
        public const string Blue = "\u001b[34m";
        public const string Bold = "\u001b[1m";
        private const string Reset = "\u001b[0m";

        public static string For(Severity severity) => severity switch
        {
            Severity.Error => Red,
            Severity.Warning => Yellow,
            _ => Cyan,
        };

        public string Apply(string color, string value) => enabled ? color + value + Reset : value;
    }
}
