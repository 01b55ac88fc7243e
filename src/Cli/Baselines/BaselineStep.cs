using System.Globalization;

namespace DockerLint.Cli.Baselines;

/// <summary>
/// <c>--write-baseline FILE</c> and <c>--baseline FILE</c> in a lint run: writes today's findings
/// (pruning the fixed ones, keeping the entries of files this run did not analyse), then moves the
/// findings the baseline accepts out of the reported ones, into <see cref="LintReport.Suppressed"/>.
/// </summary>
internal static class BaselineStep
{
    /// <summary>The report with the baseline applied; null (after printing why) when the baseline cannot be read or written.</summary>
    /// <param name="report">The run's report.</param>
    /// <param name="baseline">The <c>--baseline</c> file, or null.</param>
    /// <param name="write">The <c>--write-baseline</c> file, or null.</param>
    /// <param name="environment">The environment.</param>
    public static LintReport? Apply(LintReport report, string? baseline, string? write, CliEnvironment environment)
    {
        if (baseline is null && write is null)
        {
            return report;
        }

        var paths = ReportPaths.For(environment);
        var readPath = environment.FullPath(baseline ?? write!);
        Baseline accepted;
        if (baseline is null && !File.Exists(readPath))
        {
            accepted = Baseline.Empty;
        }
        else
        {
            var (read, error) = Baseline.Read(readPath, environment.ReadFile);
            if (read is null && (baseline is not null || !File.Exists(readPath)))
            {
                environment.Error.WriteLine($"dockerlint: error: {error}");
                return null;
            }

            // A file that is no baseline is replaced by --write-baseline, which is how a broken one is repaired.
            accepted = read ?? Baseline.Empty;
        }

        var usedPath = readPath;
        if (write is not null)
        {
            usedPath = environment.FullPath(write);
            var today = Baseline.From(report.Findings, report, paths);
            var analysed = report.Sources.Paths.Select(p => Baseline.PathOf(p, paths)).ToHashSet(StringComparer.Ordinal);
            var (updated, fixedCount, added) = accepted.Update(today, analysed);
            if (AtomicFile.Write(usedPath, updated.Write, environment.WrapOutputFile) is { } failure)
            {
                environment.Error.WriteLine($"dockerlint: error: {failure}");
                return null;
            }

            environment.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"dockerlint: wrote the baseline {paths.Relative(usedPath)}: {Plural(updated.FindingCount, "finding")} ({added} new); {Plural(fixedCount, "fixed finding")} removed from the baseline."));
            accepted = updated;
        }

        var (fresh, matched) = accepted.Match(report.Findings, report, paths);
        var suppression = new FindingSuppression(FindingSuppressionKind.Baseline, $"Accepted in the baseline {paths.SourceRelativeOrAbsolute(usedPath)}", usedPath, null, null);
        return new LintReport([.. fresh], report.Problems, report.FileCount, report.Rules, report.ActiveRuleIds, report.Sources)
        {
            Suppressed = [.. report.Suppressed.Concat(matched.Select(f => f with { Suppression = suppression })).Order(Finding.Order)],
            BaselineApplied = true,
        };
    }

    private static string Plural(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
