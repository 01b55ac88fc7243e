using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace DockerLint.Rules.Configuration;

/// <summary>
/// The rule options configuration may set (<c>options:</c>), with the check each value must pass. This
/// is the contract between configuration and the rules that read <see cref="Engine.RuleOptions"/>:
/// a rule that needs a new option adds it here, so that a misspelt option is an error, not silence.
/// </summary>
public static partial class ConfigurationOptions
{
    /// <summary>Registries images may come from (<c>ghcr.io/acme</c>, <c>*.acme.internal</c>).</summary>
    public const string TrustedRegistries = "trusted-registries";

    /// <summary>Labels every image must have, as <c>name</c> or <c>name:format</c>.</summary>
    public const string RequiredLabels = "required-labels";

    /// <summary>Whether labels outside <see cref="RequiredLabels"/> are findings (<c>true</c>/<c>false</c>).</summary>
    public const string StrictLabels = "strict-labels";

    /// <summary>Ports an image may expose or a service publish (<c>80</c>, <c>8000-8100</c>, <c>53/udp</c>).</summary>
    public const string AllowedPorts = "allowed-ports";

    /// <summary>Image tags that must not be used (<c>latest</c>, <c>edge</c>).</summary>
    public const string ProhibitedTags = "prohibited-tags";

    /// <summary>
    /// The stage that is built, as given to <c>docker build --target</c> (a stage name or index): rules
    /// about the image that ships read it instead of the last stage.
    /// </summary>
    public const string Target = "target";

    /// <summary>Extra regular expressions (.NET) that mark a variable name as a secret, for DF1002 and DC1002 (<c>SecretPatterns.IsSecretName</c>).</summary>
    public const string SecretNamePatterns = "secret-name-patterns";

    /// <summary>The label formats <see cref="RequiredLabels"/> accepts (hadolint's label schema).</summary>
    public static FrozenSet<string> LabelFormats { get; } = FrozenSet.Create(StringComparer.OrdinalIgnoreCase, "text", "url", "semver", "hash", "rfc3339", "spdx", "email");

    private static readonly Dictionary<string, Func<string, string?>> s_validators = new(StringComparer.OrdinalIgnoreCase)
    {
        [TrustedRegistries] = value => value.Length == 0 || value.Any(char.IsWhiteSpace) ? $"'{value}' is not a registry (a host, host/path, or a pattern with *)" : null,
        [RequiredLabels] = ValidateLabel,
        [StrictLabels] = value => value is "true" or "false" ? null : $"'{value}' is not a boolean (true or false)",
        [AllowedPorts] = ValidatePort,
        [ProhibitedTags] = value => value.Length == 0 || value.Any(char.IsWhiteSpace) ? $"'{value}' is not an image tag" : null,
        [SecretNamePatterns] = ValidateRegex,
        [Target] = value => value.Length == 0 || value.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) ? $"'{value}' is not a stage name or index" : null,
    };

    /// <summary>The names of every option.</summary>
    public static IEnumerable<string> Names => s_validators.Keys.Order(StringComparer.Ordinal);

    /// <summary>True when <paramref name="name"/> is an option.</summary>
    public static bool IsKnown(string name) => s_validators.ContainsKey(name);

    /// <summary>True for options that take a single value rather than a list.</summary>
    public static bool IsSingle(string name)
        => string.Equals(name, StrictLabels, StringComparison.OrdinalIgnoreCase) || string.Equals(name, Target, StringComparison.OrdinalIgnoreCase);

    /// <summary>Why <paramref name="value"/> is not valid for option <paramref name="name"/>, or null when it is.</summary>
    public static string? Validate(string name, string value) => s_validators.TryGetValue(name, out var validate) ? validate(value) : $"unknown option '{name}'";

    private static string? ValidateLabel(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? value : value[..colon];
        if (name.Length == 0 || name.Any(char.IsWhiteSpace))
        {
            return $"'{value}' is not a label name";
        }

        return colon >= 0 && !LabelFormats.Contains(value[(colon + 1)..])
            ? $"'{value[(colon + 1)..]}' is not a label format (one of {string.Join(", ", LabelFormats.Order(StringComparer.Ordinal))})"
            : null;
    }

    private static string? ValidatePort(string value)
    {
        var match = PortPattern().Match(value);
        if (!match.Success)
        {
            return $"'{value}' is not a port, a range or a port with protocol (80, 8000-8100, 53/udp)";
        }

        var low = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var high = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : low;
        return low is < 1 or > 65535 || high is < 1 or > 65535 || high < low ? $"'{value}' is not within 1-65535 (or the range is reversed)" : null;
    }

    private static string? ValidateRegex(string value)
    {
        try
        {
            _ = new Regex(value, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            return null;
        }
        catch (ArgumentException e)
        {
            return $"'{value}' is not a valid regular expression: {e.Message}";
        }
    }

    [GeneratedRegex(@"^([0-9]{1,5})(?:-([0-9]{1,5}))?(?:/(tcp|udp|sctp))?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PortPattern();
}
