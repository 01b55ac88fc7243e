using System.Collections.Immutable;

namespace DockerLint.Rules.Configuration;

/// <summary>A configured value and where it was written (<c>path:line</c>, or <c>--flag</c> for the command line).</summary>
/// <typeparam name="T">The value's type.</typeparam>
public sealed record ConfiguredValue<T>(T Value, string Source);

/// <summary>The values of one rule option and where they were written.</summary>
/// <param name="Values">The values, as <see cref="Engine.RuleOptions"/> hands them to rules.</param>
/// <param name="Source">Where they were written.</param>
public sealed record ConfiguredOption(ImmutableArray<string> Values, string Source);

/// <summary>The loader limits configuration can set (<c>limits:</c>).</summary>
public sealed record ConfiguredLimits
{
    /// <summary>The largest file read, in bytes.</summary>
    public ConfiguredValue<long>? MaxFileSize { get; init; }

    /// <summary>How deeply YAML may nest.</summary>
    public ConfiguredValue<int>? YamlMaxDepth { get; init; }

    /// <summary>How many nodes a YAML document may expand to.</summary>
    public ConfiguredValue<long>? YamlMaxNodes { get; init; }
}
