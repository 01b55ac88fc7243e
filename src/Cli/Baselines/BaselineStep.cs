using System.Collections.Immutable;
using System.Globalization;
using DockerLint.Cli.Formats;

namespace DockerLint.Cli.Baselines;

/// <summary>
/// <c>--write-baseline FILE</c> and <c>--baseline FILE</c> in a lint run, file by file as the findings
/// stream to the output: moves the findings the baseline accepts out of the reported ones, into the
/// suppressed ones; with <c>--write-baseline</c>, every finding of today is accepted, and at the end
/// the baseline is written with today's findings (pruning the fixed ones, keeping the entries of files
/// this run did not analyse). Matching needs the fingerprints only, so what is kept grows with the
/// baseline, not with the files.
/// </summary>
internal sealed class BaselineStep
{
    private readonly Baseline _accepted;
    private readonly string _path;
    private readonly bool _writing;
    private readonly ReportPaths _paths;
    private readonly FindingSuppression _suppression;
    private readonly Dictionary<(string Rule, string Path, string Fingerprint), int> _remaining;
    private readonly Dictionary<(string Rule, string Path, string Fingerprint), (int Count, string Message)> _today = [];
    private readonly HashSet<string> _baselinePaths;
    private readonly HashSet<string> _analysed = new(StringComparer.Ordinal);

    private BaselineStep(Baseline accepted, string path, bool writing, ReportPaths paths)
    {
        _accepted = accepted;
        _path = path;
        _writing = writing;
        _paths = paths;
        _suppression = new FindingSuppression(FindingSuppressionKind.Baseline, $"Accepted in the baseline {paths.SourceRelativeOrAbsolute(path)}", path, null, null);
        _remaining = accepted.Entries.GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Sum(e => e.Count));
        _baselinePaths = accepted.Entries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Reads the baseline of the run: false (after printing why) when it cannot be read; true with a null
    /// <paramref name="step"/> when the run has no baseline.
    /// </summary>
    /// <param name="baseline">The <c>--baseline</c> file, or null.</param>
    /// <param name="write">The <c>--write-baseline</c> file, or null.</param>
    /// <param name="environment">The environment.</param>
    /// <param name="step">The step, or null without a baseline.</param>
    public static bool TryOpen(string? baseline, string? write, CliEnvironment environment, out BaselineStep? step)
    {
        step = null;
        if (baseline is null && write is null)
        {
            return true;
        }

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
                return false;
            }

            // A file that is no baseline is replaced by --write-baseline, which is how a broken one is repaired.
            accepted = read ?? Baseline.Empty;
        }

        step = new BaselineStep(accepted, write is not null ? environment.FullPath(write) : readPath, write is not null, ReportPaths.For(environment));
        return true;
    }

    /// <summary>The findings of <paramref name="file"/> with those the baseline accepts moved to the suppressed ones.</summary>
    /// <param name="file">One file's findings.</param>
    /// <param name="sources">Its text, for the fingerprints.</param>
    public FileReport Apply(FileReport file, SourceCache sources)
    {
        var path = Baseline.PathOf(file.Path, _paths);
        if (_writing && _baselinePaths.Contains(path) && sources.Knows(file.Path))
        {
            _analysed.Add(path);
        }

        if (file.Findings.IsEmpty)
        {
            return file;
        }

        var fresh = ImmutableArray.CreateBuilder<Finding>();
        var matched = new List<Finding>();
        foreach (var (key, finding) in Baseline.Keys(file.Findings, sources, _paths))
        {
            if (_writing)
            {
                // The baseline written holds every finding of today, so it accepts them all.
                var (count, message) = _today.GetValueOrDefault(key, (0, finding.Message));
                _today[key] = (count + 1, message);
                matched.Add(finding with { Suppression = _suppression });
            }
            else if (_remaining.TryGetValue(key, out var left) && left > 0)
            {
                _remaining[key] = left - 1;
                matched.Add(finding with { Suppression = _suppression });
            }
            else
            {
                fresh.Add(finding);
            }
        }

        return matched.Count == 0 ? file : file with
        {
            Findings = fresh.ToImmutable(),
            Suppressed = [.. file.Suppressed.Concat(matched).Order(Finding.Order)],
        };
    }

    /// <summary>With <c>--write-baseline</c>, writes the baseline; false (after printing why) when it cannot be written.</summary>
    public bool Finish(CliEnvironment environment)
    {
        if (!_writing)
        {
            return true;
        }

        var today = Baseline.Of(_today.Select(e => new BaselineEntry(e.Key.Rule, e.Key.Path, e.Key.Fingerprint, e.Value.Count, e.Value.Message)));
        var (updated, fixedCount, added) = _accepted.Update(today, _analysed);
        if (AtomicFile.Write(_path, updated.Write, environment.WrapOutputFile) is { } failure)
        {
            environment.Error.WriteLine($"dockerlint: error: {failure}");
            return false;
        }

        environment.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"dockerlint: wrote the baseline {_paths.Relative(_path)}: {Plural(updated.FindingCount, "finding")} ({added} new); {Plural(fixedCount, "fixed finding")} removed from the baseline."));
        return true;
    }

    private static string Plural(int count, string noun) => string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
