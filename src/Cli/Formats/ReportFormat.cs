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

/// <summary>Writes a report in one format.</summary>
internal interface IReportFormatter
{
    /// <summary>Writes <paramref name="report"/> to <paramref name="writer"/>.</summary>
    void Write(LintReport report, FormatContext context, TextWriter writer);
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
