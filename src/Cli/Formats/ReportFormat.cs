namespace DockerLint.Cli.Formats;

/// <summary>The output formats of the lint command (<c>--format</c>).</summary>
internal enum ReportFormat
{
    /// <summary>For people: each finding with its source line and a caret span, and a summary.</summary>
    Text,

    /// <summary><c>path(line,col,endLine,endCol): warning DF1001: message</c>, which VS Code's <c>$msCompile</c> reads.</summary>
    MsBuild,

    /// <summary><c>path:line:col: warning: message [DF1001]</c>, which editors' gcc matchers read.</summary>
    Gcc,

    /// <summary>A stable JSON document (its shape is documented in docs/output-formats.md).</summary>
    Json,

    /// <summary>SARIF 2.1.0 for code scanning.</summary>
    Sarif,

    /// <summary>GitHub Actions workflow commands that become annotations.</summary>
    GitHub,
}

/// <summary>What every formatter gets besides the report.</summary>
/// <param name="Paths">How to show paths.</param>
/// <param name="Color">True to colour the text format with ANSI escapes.</param>
internal sealed record FormatContext(ReportPaths Paths, bool Color);

/// <summary>
/// Writes a report in one format, streamed: what comes before the findings, then the findings file by
/// file in path order (each file's text is at hand only while its findings are written), then what
/// comes after them. Memory does not grow with the number of files: what a format must place after
/// something it only learns at the end is spooled to a temporary file.
/// </summary>
internal interface IReportFormatter
{
    /// <summary>Starts a report on <paramref name="writer"/>.</summary>
    IReportWriter Begin(ReportStart start, FormatContext context, TextWriter writer);
}

/// <summary>One report being written; disposing it releases what it spooled.</summary>
internal interface IReportWriter : IDisposable
{
    /// <summary>Writes the findings of one file; <paramref name="sources"/> holds its text (for snippets and fingerprints).</summary>
    void File(FileReport file, SourceCache sources);

    /// <summary>Writes what follows the findings and finishes the report.</summary>
    void End(ReportSummary summary);
}

/// <summary>Writing a whole report at once.</summary>
internal static class ReportFormatterExtensions
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="writer"/>.</summary>
    public static void Write(this IReportFormatter formatter, LintReport report, FormatContext context, TextWriter writer)
    {
        using var output = formatter.Begin(report.Start, context, writer);
        foreach (var file in report.Files())
        {
            output.File(file, report.Sources);
        }

        output.End(report.Summary);
    }
}

/// <summary>The formats by name.</summary>
internal static class ReportFormats
{
    /// <summary>The names <c>--format</c> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["text", "msbuild", "gcc", "json", "sarif", "github"];

    /// <summary>The format called <paramref name="name"/>.</summary>
    public static ReportFormat Parse(string name) => name.ToLowerInvariant() switch
    {
        "msbuild" => ReportFormat.MsBuild,
        "gcc" => ReportFormat.Gcc,
        "json" => ReportFormat.Json,
        "sarif" => ReportFormat.Sarif,
        "github" => ReportFormat.GitHub,
        _ => ReportFormat.Text,
    };

    /// <summary>The formatter of <paramref name="format"/>.</summary>
    public static IReportFormatter For(ReportFormat format) => format switch
    {
        ReportFormat.MsBuild => new MsBuildFormatter(),
        ReportFormat.Gcc => new GccFormatter(),
        ReportFormat.Json => new JsonFormatter(),
        ReportFormat.Sarif => new SarifFormatter(),
        ReportFormat.GitHub => new GitHubFormatter(),
        _ => new TextFormatter(),
    };

    /// <summary>True for formats whose output holds the tool problems; for the others they go to standard error.</summary>
    public static bool EmbedsProblems(ReportFormat format) => format is ReportFormat.Text or ReportFormat.Json or ReportFormat.Sarif or ReportFormat.GitHub;

    /// <summary>A message on one line: line breaks become spaces (line-based formats would cut it otherwise).</summary>
    public static string OneLine(string message)
        => message.Contains('\n') || message.Contains('\r') ? message.Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ') : message;
}

/// <summary>A report writer made of what it does per file and at the end, for formats that hold nothing back.</summary>
/// <param name="writeFile">Writes one file's findings.</param>
/// <param name="writeEnd">Writes what follows the findings (may do nothing).</param>
internal sealed class ActionReportWriter(Action<FileReport, SourceCache> writeFile, Action<ReportSummary> writeEnd) : IReportWriter
{
    /// <inheritdoc />
    public void File(FileReport file, SourceCache sources) => writeFile(file, sources);

    /// <inheritdoc />
    public void End(ReportSummary summary) => writeEnd(summary);

    /// <inheritdoc />
    public void Dispose()
    {
    }
}
