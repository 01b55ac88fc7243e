using System.Reflection;

namespace DockerLint.Cli;

/// <summary>The tool's name, version and where to read about it.</summary>
internal static class ToolInfo
{
    /// <summary>The tool's name.</summary>
    public const string Name = "DockerLint";

    /// <summary>
    /// Where the project lives; SARIF's <c>informationUri</c> and the base of every rule's <c>helpUri</c>
    /// (<c>{InformationUri}/blob/main/docs/rules/ID.md</c>). Set with the <c>RepositoryUrl</c> MSBuild property.
    /// </summary>
    public static string InformationUri { get; } = Metadata("RepositoryUrl") ?? "https://github.com/dockerlint/dockerlint";

    /// <summary>The semantic version (<c>Version</c> in Directory.Build.props), without build metadata.</summary>
    public static string Version { get; } = ReadVersion();

    /// <summary>The absolute documentation address of a rule's help page (<c>docs/rules/ID.md</c>).</summary>
    public static Uri HelpUri(string relativeHelpUri) => new($"{InformationUri.TrimEnd('/')}/blob/main/{relativeHelpUri}", UriKind.Absolute);

    private static string ReadVersion()
    {
        var informational = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? informational : informational[..plus];
    }

    private static string? Metadata(string key)
        => typeof(ToolInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == key)?.Value is { Length: > 0 } value ? value : null;
}
