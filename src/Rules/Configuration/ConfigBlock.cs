using System.Collections.Immutable;

namespace DockerLint.Rules.Configuration;

/// <summary>
/// The settings of one part of a configuration file: its top level, or one entry of
/// <c>overrides:</c> (with the paths it applies to).
/// </summary>
public sealed class ConfigBlock
{
    /// <summary>An empty block.</summary>
    public static ConfigBlock Empty { get; } = new([], ImmutableDictionary<string, RuleSetting>.Empty, ImmutableDictionary<string, ConfiguredOption>.Empty, null);

    /// <summary>Creates a block.</summary>
    public ConfigBlock(ImmutableArray<PathGlob> files, ImmutableDictionary<string, RuleSetting> rules, ImmutableDictionary<string, ConfiguredOption> options, ConfiguredValue<bool>? preview)
    {
        Files = files;
        Rules = rules;
        Options = options;
        Preview = preview;
    }

    /// <summary>The paths the block applies to; empty for the top level (every path).</summary>
    public ImmutableArray<PathGlob> Files { get; }

    /// <summary>Rule ID → setting.</summary>
    public ImmutableDictionary<string, RuleSetting> Rules { get; }

    /// <summary>Option name → values.</summary>
    public ImmutableDictionary<string, ConfiguredOption> Options { get; }

    /// <summary>Whether preview rules run.</summary>
    public ConfiguredValue<bool>? Preview { get; }

    /// <summary>True when the block applies to <paramref name="path"/>.</summary>
    public bool AppliesTo(string path) => Files.IsEmpty || Files.Any(f => f.IsMatch(path));
}
