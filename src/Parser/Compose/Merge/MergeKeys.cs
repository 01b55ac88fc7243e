using DockerLint.Parser.Compose.Yaml;

namespace DockerLint.Parser.Compose.Merge;

/// <summary>
/// The identity of an item in the sequences Compose keeps unique: two items with the same key
/// are the same resource, and the overriding one replaces the base one. Null means the item has
/// no key (it is malformed) and is simply kept.
/// </summary>
internal static class MergeKeys
{
    /// <summary>The text before the first <c>=</c> (environment, labels, dns, tmpfs …).</summary>
    public static string? BeforeEquals(YamlNode item)
    {
        if (item is not YamlScalar scalar)
        {
            return null;
        }

        var equals = scalar.Value.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? scalar.Value : scalar.Value[..equals];
    }

    /// <summary>The whole text of a scalar item.</summary>
    public static string? Value(YamlNode item) => item is YamlScalar scalar ? scalar.Value : null;

    /// <summary>
    /// A port's host IP, published port, target port and protocol, from the short syntax
    /// (<c>[IP:][PUBLISHED:]TARGET[/PROTOCOL]</c>) or the long one.
    /// </summary>
    public static string? Port(YamlNode item)
    {
        switch (item)
        {
            case YamlScalar scalar:
                return ShortPort(scalar.Value.Trim());
            case YamlMapping mapping:
                var target = Text(mapping["target"]);
                if (target is null)
                {
                    return null;
                }

                var ip = Text(mapping["host_ip"]) ?? "";
                var published = Text(mapping["published"]) ?? "";
                var protocol = Text(mapping["protocol"]) ?? "tcp";
                return Join(ip, published, target, protocol);
            default:
                return null;
        }
    }

    private static string ShortPort(string text)
    {
        var protocol = "tcp";
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = text[(slash + 1)..];
            text = text[..slash];
        }

        var colon = text.LastIndexOf(':');
        var target = text[(colon + 1)..];
        var rest = colon < 0 ? "" : text[..colon];
        string ip;
        string published;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            ip = close < 0 ? rest[1..] : rest[1..close];
            published = close < 0 || close + 1 >= rest.Length ? "" : rest[(close + 1)..].TrimStart(':');
        }
        else
        {
            var split = rest.LastIndexOf(':');
            ip = split < 0 ? "" : rest[..split];
            published = split < 0 ? rest : rest[(split + 1)..];
        }

        return Join(ip, published, target, protocol);
    }

    private static string Join(string ip, string published, string target, string protocol)
        => $"{ip}|{published}|{target}|{protocol.ToLowerInvariant()}";

    /// <summary>A service volume's target: <c>SOURCE:TARGET[:MODE]</c>, <c>TARGET</c>, or <c>target:</c>.</summary>
    public static string? VolumeTarget(YamlNode item)
    {
        switch (item)
        {
            case YamlScalar scalar:
                var parts = ComposeSyntax.SplitVolume(scalar.Value);
                return parts.Count switch
                {
                    0 => null,
                    1 => TrimPath(parts[0]),
                    _ => TrimPath(parts[1]),
                };
            case YamlMapping mapping:
                return Text(mapping["target"]) is { } target ? TrimPath(target) : null;
            default:
                return null;
        }
    }

    /// <summary>A device's path in the container: <c>HOST[:CONTAINER[:PERMISSIONS]]</c> or <c>target:</c>.</summary>
    public static string? DeviceTarget(YamlNode item)
    {
        switch (item)
        {
            case YamlScalar scalar:
                var parts = scalar.Value.Split(':');
                return parts.Length == 1 ? parts[0] : parts[1];
            case YamlMapping mapping:
                return Text(mapping["target"]) ?? Text(mapping["source"]);
            default:
                return null;
        }
    }

    /// <summary>A secret's target: <c>/run/secrets/NAME</c> unless set.</summary>
    public static string? SecretTarget(YamlNode item) => MountTarget(item, "/run/secrets/");

    /// <summary>A config's target: <c>/NAME</c> unless set.</summary>
    public static string? ConfigTarget(YamlNode item) => MountTarget(item, "/");

    private static string? MountTarget(YamlNode item, string folder)
    {
        switch (item)
        {
            case YamlScalar scalar:
                return folder + scalar.Value;
            case YamlMapping mapping:
                if (Text(mapping["target"]) is { } target)
                {
                    return target.StartsWith('/') || folder == "/" ? target : folder + target;
                }

                return Text(mapping["source"]) is { } source ? folder + source : null;
            default:
                return null;
        }
    }

    /// <summary>An env_file's path.</summary>
    public static string? EnvFilePath(YamlNode item) => item switch
    {
        YamlScalar scalar => scalar.Value,
        YamlMapping mapping => Text(mapping["path"]),
        _ => null,
    };

    /// <summary>The <c>path</c> of a blkio_config device entry.</summary>
    public static string? DevicePath(YamlNode item) => item is YamlMapping mapping ? Text(mapping["path"]) : null;

    /// <summary>The <c>subnet</c> of an IPAM config entry.</summary>
    public static string? Subnet(YamlNode item) => item is YamlMapping mapping ? Text(mapping["subnet"]) : null;

    private static string? Text(YamlNode? node) => node is YamlScalar { IsNull: false } scalar ? scalar.Value : null;

    private static string TrimPath(string path) => path.Length > 1 ? path.TrimEnd('/') : path;
}
