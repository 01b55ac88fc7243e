namespace DockerLint.Cli.Formats;

/// <summary>
/// The gcc format, one finding a line: <c>path:line:col: warning: message [DF1001]</c>, with the
/// path relative to the current folder. Editors' gcc problem matchers and Emacs' compilation mode read it.
/// </summary>
internal sealed class GccFormatter : IReportFormatter
{
    /// <inheritdoc />
    public IReportWriter Begin(ReportStart start, FormatContext context, TextWriter writer)
        => new ActionReportWriter(
            (file, _) =>
            {
                foreach (var finding in file.Findings)
                {
                    writer.Write($"{context.Paths.Relative(finding.Path)}:{finding.StartLine}:{finding.StartColumn}: {finding.Severity.Name()}: {ReportFormats.OneLine(finding.Message)} [{finding.Id}]\n");
                }
            },
            _ => { });
}
