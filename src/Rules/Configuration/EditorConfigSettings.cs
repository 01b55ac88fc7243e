using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Configuration;

/// <summary>
/// The .editorconfig severities that apply to one path, resolved by Roslyn's own
/// <see cref="AnalyzerConfigSet"/> (glob sections, nearer files over farther ones, <c>root = true</c>):
/// <c>dotnet_diagnostic.&lt;ID&gt;.severity</c> first, then
/// <c>dotnet_analyzer_diagnostic.category-&lt;Category&gt;.severity</c>, then
/// <c>dotnet_analyzer_diagnostic.severity</c>. As in Roslyn, the two bulk settings do not turn on rules
/// that are off by default, and the catch-all one does not touch syntax diagnostics (Roslyn's compiler
/// diagnostics); <c>category-Syntax</c> does.
/// </summary>
public sealed partial class EditorConfigSettings
{
    private const string AllKey = "dotnet_analyzer_diagnostic.severity";

    private readonly ImmutableArray<EditorConfigFile> _files;
    private readonly ImmutableDictionary<string, ReportDiagnostic> _byId;
    private readonly ImmutableDictionary<string, string> _analyzerOptions;
    private readonly ImmutableDictionary<string, string> _sourceByKey;

    /// <summary>No .editorconfig settings.</summary>
    public static EditorConfigSettings Empty { get; } = new([], ImmutableDictionary<string, ReportDiagnostic>.Empty, ImmutableDictionary<string, string>.Empty, ImmutableDictionary<string, string>.Empty);

    private EditorConfigSettings(ImmutableArray<EditorConfigFile> files, ImmutableDictionary<string, ReportDiagnostic> byId, ImmutableDictionary<string, string> analyzerOptions, ImmutableDictionary<string, string> sourceByKey)
    {
        _files = files;
        _byId = byId;
        _analyzerOptions = analyzerOptions;
        _sourceByKey = sourceByKey;
    }

    /// <summary>The .editorconfig files read for the path, nearest first.</summary>
    public ImmutableArray<string> Files => [.. _files.Select(f => f.Path)];

    /// <summary>Resolves <paramref name="path"/> against <paramref name="configs"/> (every .editorconfig from its folder up to the first <c>root = true</c>, nearest first).</summary>
    public static EditorConfigSettings For(string path, ImmutableArray<EditorConfigFile> configs, List<Diagnostic> diagnostics)
    {
        if (configs.IsEmpty)
        {
            return Empty;
        }

        var result = AnalyzerConfigSet.Create(configs.Select(c => c.Config).ToImmutableArray()).GetOptionsForSourcePath(path);
        foreach (var d in result.Diagnostics)
        {
            var message = d.GetMessage(CultureInfo.InvariantCulture);
            diagnostics.Add(InvalidSeverityMessage().Match(message) is { Success: true } invalid
                && configs.FirstOrDefault(c => c.Path == invalid.Groups["file"].Value) is { } file
                ? NotASeverity(file, $"dotnet_diagnostic.{invalid.Groups["id"].Value}.severity", invalid.Groups["value"].Value)
                : Diagnostic.Create(ConfigurationDiagnostics.InvalidEditorConfig, d.Location.GetLineSpan().Path is { Length: > 0 } ? d.Location : Location.Create(configs[0].Path, default, default), message));
        }

        // Which file set each key: nearer files win, so walk from the farthest.
        var sources = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in configs.Reverse())
        {
            var single = AnalyzerConfigSet.Create(ImmutableArray.Create(file.Config)).GetOptionsForSourcePath(path);
            foreach (var key in single.TreeOptions.Keys)
            {
                sources[$"dotnet_diagnostic.{key}.severity"] = file.Path;
            }

            foreach (var key in single.AnalyzerOptions.Keys)
            {
                sources[key] = file.Path;
            }
        }

        return new EditorConfigSettings(
            configs,
            result.TreeOptions.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase),
            result.AnalyzerOptions.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase),
            sources.ToImmutable());
    }

    /// <summary>What the files say about the rule with <paramref name="descriptor"/>; null when nothing.</summary>
    public RuleSetting? Find(DiagnosticDescriptor descriptor)
    {
        var idKey = $"dotnet_diagnostic.{descriptor.Id}.severity";
        if (_byId.TryGetValue(descriptor.Id, out var severity))
        {
            return RuleSetting.From(severity, Source(idKey));
        }

        if (!descriptor.IsEnabledByDefault)
        {
            return null;
        }

        var categoryKey = $"dotnet_analyzer_diagnostic.category-{descriptor.Category}.severity";
        if (Bulk(categoryKey) is { } category)
        {
            return category;
        }

        return descriptor.Category == RuleCategories.Syntax ? null : Bulk(AllKey);
    }

    /// <summary>Every category or catch-all entry with a value that is not a severity, as DF0093 diagnostics.</summary>
    public IEnumerable<Diagnostic> InvalidBulkEntries()
    {
        foreach (var (key, value) in _analyzerOptions)
        {
            if (key.StartsWith("dotnet_analyzer_diagnostic.", StringComparison.OrdinalIgnoreCase)
                && key.EndsWith(".severity", StringComparison.OrdinalIgnoreCase)
                && RuleSetting.Parse(value, "") is null)
            {
                var source = _sourceByKey.GetValueOrDefault(key);
                yield return NotASeverity(_files.FirstOrDefault(f => f.Path == source) ?? _files[0], key, value);
            }
        }
    }

    /// <summary>
    /// DF0093 for the entry <c><paramref name="key"/> = <paramref name="value"/></c> of <paramref name="file"/>:
    /// at the entry and as written when it is found, else at the start of the file.
    /// </summary>
    private static Diagnostic NotASeverity(EditorConfigFile file, string key, string value)
    {
        var (location, written) = file.Find(key, value) ?? (Location.Create(file.Path, default, default), $"{key} = {value}");
        return Diagnostic.Create(ConfigurationDiagnostics.InvalidEditorConfig, location, $"'{written}' is not a severity (none, silent, suggestion, warning, error, default)");
    }

    /// <summary>Roslyn's message for a <c>dotnet_diagnostic.&lt;ID&gt;.severity</c> entry whose value is not a severity.</summary>
    [GeneratedRegex(@"^The diagnostic '(?<id>[^']*)' was given an invalid severity '(?<value>[^']*)' in the analyzer config file at '(?<file>.*)'\.$", RegexOptions.CultureInvariant)]
    private static partial Regex InvalidSeverityMessage();

    private RuleSetting? Bulk(string key)
    {
        if (!_analyzerOptions.TryGetValue(key, out var value))
        {
            return null;
        }

        return RuleSetting.Parse(value, Source(key));
    }

    private string Source(string key) => _sourceByKey.TryGetValue(key, out var file) ? $"{file} ({key})" : $".editorconfig ({key})";
}
