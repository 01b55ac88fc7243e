using System.Collections.Concurrent;
using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Configuration;

/// <summary>
/// The configuration in effect for one file, from every source in order of precedence (highest
/// first): the command line, the <c>.dockerlint.yaml</c> files from the nearest to the farthest (in
/// each, the last matching <c>overrides</c> entry first, the top level last), <c>.editorconfig</c>,
/// <c>.hadolint.yaml</c>, and the rules' defaults. The first source that says something about a rule
/// or an option decides it.
/// </summary>
public sealed class FileConfiguration
{
    private readonly ImmutableArray<ConfigBlock> _blocks;
    private readonly EditorConfigSettings _editorConfig;
    private readonly ConfigBlock _hadolint;
    private readonly ConcurrentDictionary<(string Id, bool EnabledByDefault), RuleState> _states = new();

    /// <summary>No configuration: every rule as it is by default.</summary>
    public static FileConfiguration Default { get; } = new("", [], null, EditorConfigSettings.Empty, null, null);

    /// <summary>Creates the configuration of <paramref name="path"/>.</summary>
    /// <param name="path">The file.</param>
    /// <param name="dockerLintFiles">The .dockerlint.yaml files that apply, nearest first.</param>
    /// <param name="cliPreview">The command line's <c>--preview</c>, when given.</param>
    /// <param name="editorConfig">The .editorconfig settings of the path.</param>
    /// <param name="hadolint">The .hadolint.yaml that applies, if any.</param>
    /// <param name="cliMaxFileSize">The command line's <c>--max-file-size</c>, when given.</param>
    internal FileConfiguration(string path, ImmutableArray<DockerLintConfigFile> dockerLintFiles, ConfiguredValue<bool>? cliPreview, EditorConfigSettings editorConfig, HadolintConfigFile? hadolint, ConfiguredValue<long>? cliMaxFileSize)
    {
        Path = path;
        _blocks = [.. dockerLintFiles.SelectMany(f => f.BlocksFor(path))];
        _editorConfig = editorConfig;
        _hadolint = hadolint?.Block ?? ConfigBlock.Empty;
        Sources = [.. dockerLintFiles.Select(f => f.Path), .. editorConfig.Files, .. hadolint is null ? [] : new[] { hadolint.Path }];

        HadolintPragmasDisabled = hadolint?.IgnorePragmasDisabled is { Value: true } disabled ? disabled : null;
        Preview = cliPreview is { Value: true } ? cliPreview : _blocks.Select(b => b.Preview).FirstOrDefault(p => p is not null);

        var options = new Dictionary<string, ConfiguredOption>(StringComparer.OrdinalIgnoreCase);
        foreach (var block in _blocks.Append(_hadolint))
        {
            foreach (var (name, option) in block.Options)
            {
                options.TryAdd(name, option);
            }
        }

        OptionSources = options.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase);
        Options = new RuleOptions(options.ToDictionary(o => o.Key, o => o.Value.Values, StringComparer.OrdinalIgnoreCase));
        Limits = new ConfiguredLimits
        {
            MaxFileSize = cliMaxFileSize ?? dockerLintFiles.Select(f => f.Limits.MaxFileSize).FirstOrDefault(l => l is not null),
            YamlMaxDepth = dockerLintFiles.Select(f => f.Limits.YamlMaxDepth).FirstOrDefault(l => l is not null),
            YamlMaxNodes = dockerLintFiles.Select(f => f.Limits.YamlMaxNodes).FirstOrDefault(l => l is not null),
        };
    }

    /// <summary>The file this configuration is for.</summary>
    public string Path { get; }

    /// <summary>
    /// Set, with where, when the <c>.hadolint.yaml</c> that applies says <c>disable-ignore-pragma: true</c>:
    /// the file's <c># hadolint …ignore=…</c> comments then suppress nothing, as in hadolint.
    /// </summary>
    public ConfiguredValue<bool>? HadolintPragmasDisabled { get; }

    /// <summary>The configuration files that apply, highest precedence first.</summary>
    public ImmutableArray<string> Sources { get; }

    /// <summary>Whether preview rules run, and who said so; null when nobody did (they do not).</summary>
    public ConfiguredValue<bool>? Preview { get; }

    /// <summary>The rule options, as rules read them.</summary>
    public RuleOptions Options { get; }

    /// <summary>The rule options with where each was set.</summary>
    public ImmutableDictionary<string, ConfiguredOption> OptionSources { get; }

    /// <summary>The loader limits set by configuration (or the command line for the file size).</summary>
    public ConfiguredLimits Limits { get; }

    /// <summary>
    /// Whether the rule of <paramref name="descriptor"/> runs on this file and at what severity.
    /// <paramref name="enabledByDefault"/> is what happens when no source mentions it
    /// (normally <see cref="DiagnosticDescriptor.IsEnabledByDefault"/>).
    /// </summary>
    public RuleState Resolve(DiagnosticDescriptor descriptor, bool enabledByDefault)
        => _states.GetOrAdd((descriptor.Id, enabledByDefault), key => Compute(descriptor, key.EnabledByDefault));

    /// <summary>Resolves with the descriptor's own default.</summary>
    public RuleState Resolve(DiagnosticDescriptor descriptor) => Resolve(descriptor, descriptor.IsEnabledByDefault);

    private RuleState Compute(DiagnosticDescriptor descriptor, bool enabledByDefault)
    {
        var setting = _blocks.Select(b => b.Rules.GetValueOrDefault(descriptor.Id)).FirstOrDefault(s => s is not null)
            ?? _editorConfig.Find(descriptor)
            ?? _hadolint.Rules.GetValueOrDefault(descriptor.Id);
        return setting?.Kind switch
        {
            RuleSettingKind.Off => new RuleState(false, descriptor.DefaultSeverity, setting.Source),
            RuleSettingKind.On => new RuleState(true, descriptor.DefaultSeverity, setting.Source),
            RuleSettingKind.Severity => new RuleState(true, setting.Severity, setting.Source),
            RuleSettingKind.Default => new RuleState(enabledByDefault, descriptor.DefaultSeverity, setting.Source),
            _ => new RuleState(enabledByDefault, descriptor.DefaultSeverity, "default"),
        };
    }
}
