using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Cli;

/// <summary>How serious a finding is, in the words SARIF uses.</summary>
internal enum Severity
{
    /// <summary>Informational (Roslyn's Info and Hidden).</summary>
    Note,

    /// <summary>A problem worth fixing.</summary>
    Warning,

    /// <summary>The build fails or the configuration is dangerous.</summary>
    Error,
}

/// <summary>The lowest severity that fails the run (<c>--fail-level</c>).</summary>
internal enum FailLevel
{
    /// <summary>Nothing fails the run.</summary>
    None,

    /// <summary>Notes, warnings and errors fail the run.</summary>
    Note,

    /// <summary>Warnings and errors fail the run.</summary>
    Warning,

    /// <summary>Only errors fail the run.</summary>
    Error,
}

/// <summary>Names and conversions of <see cref="Severity"/>.</summary>
internal static class Severities
{
    /// <summary>Our severity for a Roslyn one.</summary>
    public static Severity From(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => Severity.Error,
        DiagnosticSeverity.Warning => Severity.Warning,
        _ => Severity.Note,
    };

    /// <summary><c>error</c>, <c>warning</c> or <c>note</c>.</summary>
    public static string Name(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "note",
    };

    /// <summary>True when a finding of <paramref name="severity"/> fails a run at <paramref name="level"/>.</summary>
    public static bool Fails(this Severity severity, FailLevel level) => level switch
    {
        FailLevel.None => false,
        FailLevel.Note => true,
        FailLevel.Warning => severity >= Severity.Warning,
        _ => severity == Severity.Error,
    };
}

/// <summary>One finding, with what every output format needs.</summary>
/// <param name="Id">The rule ID (<c>DF1001</c>).</param>
/// <param name="Severity">Its severity.</param>
/// <param name="Message">The message, formatted.</param>
/// <param name="Path">The absolute path of the file.</param>
/// <param name="Span">The 0-based start and end (end exclusive) of the flagged characters.</param>
/// <param name="Rule">The rule, when the ID is a known one.</param>
internal sealed record Finding(string Id, Severity Severity, string Message, string Path, LinePositionSpan Span, Rule? Rule)
{
    /// <summary>Why the finding is not reported (an inline comment, the baseline); null for a reported finding.</summary>
    public FindingSuppression? Suppression { get; init; }

    /// <summary>Orders findings by path, line, column, ID, then message.</summary>
    public static IComparer<Finding> Order { get; } = Comparer<Finding>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a.Path, b.Path);
        c = c != 0 ? c : a.Span.Start.CompareTo(b.Span.Start);
        c = c != 0 ? c : string.CompareOrdinal(a.Id, b.Id);
        c = c != 0 ? c : a.Span.End.CompareTo(b.Span.End);
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    });

    /// <summary>1-based start line.</summary>
    public int StartLine => Span.Start.Line + 1;

    /// <summary>1-based start column.</summary>
    public int StartColumn => Span.Start.Character + 1;

    /// <summary>1-based end line.</summary>
    public int EndLine => Span.End.Line + 1;

    /// <summary>1-based end column, exclusive (the column after the last flagged character).</summary>
    public int EndColumn => Span.End.Character + 1;
}

/// <summary>Why a run is incomplete or did not do all it was asked.</summary>
internal enum ProblemKind
{
    /// <summary>A path named on the command line does not exist (a usage error).</summary>
    MissingPath,

    /// <summary>A file or folder could not be read.</summary>
    Unreadable,

    /// <summary>A rule crashed on a file; the other rules still ran.</summary>
    RuleFailed,

    /// <summary>DockerLint itself failed on a file.</summary>
    InternalError,

    /// <summary>A file's analysis ran out of time (<c>--timeout-per-file</c>) and stopped.</summary>
    TimedOut,
}

/// <summary>A problem of the tool rather than of the files: SARIF's tool execution notifications.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Path">The absolute path concerned, when there is one.</param>
/// <param name="Message">What happened, as a sentence.</param>
/// <param name="RuleId">The rule that failed, for <see cref="ProblemKind.RuleFailed"/>.</param>
internal sealed record ToolProblem(ProblemKind Kind, string? Path, string Message, string? RuleId = null)
{
    /// <summary>The message prefixed with the path it concerns (a rule failure's message names its file already).</summary>
    public string Describe(ReportPaths paths)
        => Path is null || Kind == ProblemKind.RuleFailed ? Message : $"{paths.Relative(Path)}: {Message}";

    /// <summary>Orders problems by path, then message.</summary>
    public static IComparer<ToolProblem> Order { get; } = Comparer<ToolProblem>.Create((a, b) =>
    {
        var c = string.CompareOrdinal(a.Path ?? "", b.Path ?? "");
        return c != 0 ? c : string.CompareOrdinal(a.Message, b.Message);
    });
}

/// <summary>Everything a run found, ready for a formatter.</summary>
internal sealed class LintReport
{
    /// <summary>Creates a report.</summary>
    public LintReport(ImmutableArray<Finding> findings, ImmutableArray<ToolProblem> problems, int fileCount, ImmutableArray<Rule> rules, ImmutableHashSet<string> activeRuleIds, SourceCache sources)
    {
        Findings = findings;
        Problems = problems;
        FileCount = fileCount;
        Rules = rules;
        ActiveRuleIds = activeRuleIds;
        Sources = sources;
    }

    /// <summary>The findings, deduplicated and in order (path, line, column, ID).</summary>
    public ImmutableArray<Finding> Findings { get; }

    /// <summary>
    /// The findings an inline comment or the baseline hid, each with its <see cref="Finding.Suppression"/>, in
    /// the same order. Only SARIF and JSON list them; they never change the exit code.
    /// </summary>
    public ImmutableArray<Finding> Suppressed { get; init; } = [];

    /// <summary>True when a baseline was applied (<c>--baseline</c>, <c>--write-baseline</c>): SARIF then says which results are new.</summary>
    public bool BaselineApplied { get; init; }

    /// <summary>Tool problems, in order.</summary>
    public ImmutableArray<ToolProblem> Problems { get; }

    /// <summary>How many files were analysed (Compose files included through others not counted).</summary>
    public int FileCount { get; }

    /// <summary>Every rule DockerLint has, syntax diagnostics included, ordered by ID.</summary>
    public ImmutableArray<Rule> Rules { get; }

    /// <summary>The IDs of the rules that ran (syntax diagnostics always do).</summary>
    public ImmutableHashSet<string> ActiveRuleIds { get; }

    /// <summary>The text of the files, for snippets and fingerprints.</summary>
    public SourceCache Sources { get; }

    /// <summary>True when something could not be read or a rule failed: the findings are not the whole truth.</summary>
    public bool Incomplete => !Problems.IsEmpty;

    /// <summary>How many findings have each severity.</summary>
    public int Count(Severity severity) => Findings.Count(f => f.Severity == severity);

    /// <summary>What a streamed report starts with.</summary>
    public ReportStart Start => new(Rules, ActiveRuleIds, BaselineApplied);

    /// <summary>The findings file by file, in path order, as a streamed run hands them to the output.</summary>
    public IEnumerable<FileReport> Files()
    {
        var findings = Findings.ToLookup(f => f.Path, StringComparer.Ordinal);
        var suppressed = Suppressed.ToLookup(f => f.Path, StringComparer.Ordinal);
        foreach (var path in findings.Select(g => g.Key).Concat(suppressed.Select(g => g.Key)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            yield return new FileReport(path, [.. findings[path]], [.. suppressed[path]]);
        }
    }

    /// <summary>The counts and problems of the report.</summary>
    public ReportSummary Summary => Files().Aggregate(new ReportSummary { FileCount = FileCount, Problems = Problems }, (summary, file) => summary.Add(file));
}

/// <summary>What a streamed report knows before the first file: the rules, and whether a baseline is applied.</summary>
/// <param name="Rules">Every rule DockerLint has, syntax diagnostics included, ordered by ID.</param>
/// <param name="ActiveRuleIds">The IDs of the rules that ran (syntax diagnostics always do).</param>
/// <param name="BaselineApplied">True when a baseline is applied (<c>--baseline</c>, <c>--write-baseline</c>): SARIF then says which results are new.</param>
internal sealed record ReportStart(ImmutableArray<Rule> Rules, ImmutableHashSet<string> ActiveRuleIds, bool BaselineApplied);

/// <summary>
/// The findings of one file, handed to the output in path order (a file at most once): the reported
/// ones and the suppressed ones, each in <see cref="Finding.Order"/>. Either may be empty.
/// </summary>
/// <param name="Path">The absolute path of the file (every finding's <see cref="Finding.Path"/>).</param>
/// <param name="Findings">The reported findings, in order.</param>
/// <param name="Suppressed">The findings an inline comment or the baseline hid, in order.</param>
internal sealed record FileReport(string Path, ImmutableArray<Finding> Findings, ImmutableArray<Finding> Suppressed)
{
    /// <summary>True when the file has nothing to show.</summary>
    public bool IsEmpty => Findings.IsEmpty && Suppressed.IsEmpty;
}

/// <summary>What a streamed report knows after the last file: the counts, the tool problems, and the number of files.</summary>
internal sealed record ReportSummary
{
    /// <summary>How many files were analysed (Compose files included through others not counted).</summary>
    public int FileCount { get; init; }

    /// <summary>Tool problems, distinct and in order.</summary>
    public ImmutableArray<ToolProblem> Problems { get; init; } = [];

    /// <summary>Reported findings of severity error.</summary>
    public int Errors { get; init; }

    /// <summary>Reported findings of severity warning.</summary>
    public int Warnings { get; init; }

    /// <summary>Reported findings of severity note.</summary>
    public int Notes { get; init; }

    /// <summary>Findings hidden by an inline comment.</summary>
    public int SuppressedInSource { get; init; }

    /// <summary>Findings hidden by the baseline.</summary>
    public int SuppressedByBaseline { get; init; }

    /// <summary>How many findings are reported.</summary>
    public int Findings => Errors + Warnings + Notes;

    /// <summary>How many findings are suppressed.</summary>
    public int Suppressed => SuppressedInSource + SuppressedByBaseline;

    /// <summary>True when something could not be read or a rule failed: the findings are not the whole truth.</summary>
    public bool Incomplete => !Problems.IsEmpty;

    /// <summary>How many reported findings have <paramref name="severity"/>.</summary>
    public int Count(Severity severity) => severity switch
    {
        Severity.Error => Errors,
        Severity.Warning => Warnings,
        _ => Notes,
    };

    /// <summary>True when a reported finding fails a run at <paramref name="level"/>.</summary>
    public bool Fails(FailLevel level)
        => (Errors > 0 && Severity.Error.Fails(level)) || (Warnings > 0 && Severity.Warning.Fails(level)) || (Notes > 0 && Severity.Note.Fails(level));

    /// <summary>This summary with <paramref name="file"/>'s findings counted.</summary>
    public ReportSummary Add(FileReport file)
    {
        var inSource = file.Suppressed.Count(f => f.Suppression?.Kind == FindingSuppressionKind.InSource);
        return this with
        {
            Errors = Errors + file.Findings.Count(f => f.Severity == Severity.Error),
            Warnings = Warnings + file.Findings.Count(f => f.Severity == Severity.Warning),
            Notes = Notes + file.Findings.Count(f => f.Severity == Severity.Note),
            SuppressedInSource = SuppressedInSource + inSource,
            SuppressedByBaseline = SuppressedByBaseline + file.Suppressed.Length - inSource,
        };
    }
}

/// <summary>
/// The text of each file findings point into: the text the parsers read (so snippets match the
/// spans even for standard input), and, for files no parser kept (a Compose project's <c>.env</c>),
/// the file read from disk once, on demand.
/// </summary>
internal sealed class SourceCache
{
    private readonly Dictionary<string, SourceText?> _texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<string, SourceText?>> _deferred = new(StringComparer.Ordinal);
    private readonly Func<string, byte[]> _readFile;
    private readonly Lock _lock = new();

    /// <summary>Creates a cache that reads missing files with <paramref name="readFile"/>.</summary>
    public SourceCache(Func<string, byte[]> readFile)
    {
        _readFile = readFile;
    }

    /// <summary>Records the text a parser read for <paramref name="path"/>.</summary>
    public void Add(string path, SourceText text)
    {
        lock (_lock)
        {
            if (_texts.TryAdd(path, text))
            {
                _deferred.Remove(path);
            }
        }
    }

    /// <summary>
    /// Records that a parser read <paramref name="path"/> in an earlier run (a cache hit): its text is
    /// made by <paramref name="read"/> (given the path) the first time a format asks for it, never before.
    /// </summary>
    public void AddDeferred(string path, Func<string, SourceText?> read)
    {
        lock (_lock)
        {
            if (!_texts.ContainsKey(path))
            {
                _deferred.TryAdd(path, read);
            }
        }
    }

    /// <summary>The files whose text is known: every file the run analysed (and any read for a snippet).</summary>
    public IReadOnlyList<string> Paths
    {
        get
        {
            lock (_lock)
            {
                return [.. _texts.Where(t => t.Value is not null).Select(t => t.Key), .. _deferred.Keys];
            }
        }
    }

    /// <summary>
    /// Replaces the known text of <paramref name="path"/> with <paramref name="read"/>, which makes it
    /// again (given the path) the first time a format asks for it (a file whose findings wait long for
    /// their turn). One delegate serves every path, so a deferred file costs its entry only.
    /// </summary>
    public void Defer(string path, Func<string, SourceText?> read)
    {
        lock (_lock)
        {
            _texts.Remove(path);
            _deferred[path] = read;
        }
    }

    /// <summary>Forgets the text of <paramref name="path"/> once its findings are written (a later <see cref="Get"/> reads it again).</summary>
    public void Remove(string path)
    {
        lock (_lock)
        {
            _texts.Remove(path);
            _deferred.Remove(path);
        }
    }

    /// <summary>True when the text of <paramref name="path"/> is known or can be read again as the parser read it (a cache hit).</summary>
    public bool Knows(string path)
    {
        lock (_lock)
        {
            return (_texts.TryGetValue(path, out var text) && text is not null) || _deferred.ContainsKey(path);
        }
    }

    /// <summary>The text of <paramref name="path"/>, or null when it cannot be had.</summary>
    public SourceText? Get(string path)
    {
        lock (_lock)
        {
            if (!_texts.TryGetValue(path, out var text))
            {
                text = _deferred.Remove(path, out var read) ? read(path) : Read(path);
                _texts[path] = text;
            }

            return text;
        }
    }

    /// <summary>The text of 0-based <paramref name="line"/> of <paramref name="path"/>, without its line break; null when unknown.</summary>
    public string? Line(string path, int line)
    {
        var text = Get(path);
        return text is null || line < 0 || line >= text.Lines.Count ? null : text.ToString(text.Lines[line].Span);
    }

    private SourceText? Read(string path)
    {
        try
        {
            // Never a pipe or a device: reading one for a snippet could block the run.
            return FileTypes.IsRegularFile(path) ? SourceText.From(TextDecoding.Decode(_readFile(path))) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}

/// <summary>Decodes file bytes the way <see cref="File.ReadAllText(string)"/> does (UTF-8 unless a byte order mark says otherwise).</summary>
internal static class TextDecoding
{
    /// <summary>The text of <paramref name="bytes"/>.</summary>
    public static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
