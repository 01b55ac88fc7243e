using System.Globalization;
using DockerLint.Parser.Compose.Yaml;

namespace DockerLint.Parser.Compose.Model;

/// <summary>A port or range of ports; either bound may be unknown.</summary>
/// <param name="Start">First port; null when unknown.</param>
/// <param name="End">Last port (equal to <paramref name="Start"/> for one port); null when unknown.</param>
/// <param name="Text">The text as written (an unknown part shown as its expression).</param>
public readonly record struct PortRange(int? Start, int? End, string Text)
{
    /// <summary>True when both bounds are known.</summary>
    public bool IsKnown => Start is not null && End is not null;

    /// <summary>Parses <c>80</c> or <c>8000-8010</c>; unknown parts (marked with <see cref="ComposePortParser.Unknown"/>) make the bound unknown.</summary>
    internal static PortRange? Parse(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        var dash = text.IndexOf('-');
        var startText = dash < 0 ? text : text[..dash];
        var endText = dash < 0 ? text : text[(dash + 1)..];
        var start = Number(startText);
        var end = Number(endText);
        var shown = text.Replace(ComposePortParser.Unknown, "?");
        if ((start is null && !startText.Contains(ComposePortParser.Unknown)) || (end is null && !endText.Contains(ComposePortParser.Unknown)))
        {
            return new PortRange(null, null, shown);
        }

        return new PortRange(start, end, shown);
    }

    private static int? Number(string text)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 65535 ? n : null;
}

/// <summary>A port of a service's <c>ports:</c>, short or long syntax.</summary>
public sealed class ComposePort
{
    internal ComposePort(YamlNode node, bool isLongSyntax)
    {
        Node = node;
        IsLongSyntax = isLongSyntax;
    }

    /// <summary>Where the port is written.</summary>
    public YamlNode Node { get; }

    /// <summary>True for the mapping form (<c>target:</c>, <c>published:</c> …).</summary>
    public bool IsLongSyntax { get; }

    /// <summary>The host IP; null when not given (all interfaces). Unknown when it holds an unknown variable: see <see cref="HostIpIsUnknown"/>.</summary>
    public string? HostIp { get; internal set; }

    /// <summary>True when the host IP is given through an unknown variable.</summary>
    public bool HostIpIsUnknown { get; internal set; }

    /// <summary>The published (host) port or range; null when the port is not published (only a container port).</summary>
    public PortRange? Published { get; internal set; }

    /// <summary>The container port or range; null when invalid.</summary>
    public PortRange? Target { get; internal set; }

    /// <summary>tcp (default), udp or sctp.</summary>
    public string Protocol { get; internal set; } = "tcp";

    /// <summary>Long syntax <c>mode</c> (ingress, host).</summary>
    public string? Mode { get; internal set; }

    /// <summary>A message when the port cannot be read; null when fine.</summary>
    public string? Error { get; internal set; }

    /// <summary>True when the port is published on the host.</summary>
    public bool IsPublished => Published is not null;

    /// <summary>True when published on every interface (no host IP, <c>0.0.0.0</c> or <c>::</c>).</summary>
    public bool IsPublishedOnAllInterfaces => IsPublished && !HostIpIsUnknown && HostIp is null or "" or "0.0.0.0" or "::" or "[::]";
}

/// <summary>Reads Compose port specifications.</summary>
internal static class ComposePortParser
{
    /// <summary>Stands for the text of an unknown interpolated part while parsing.</summary>
    public const string Unknown = "\uE000";

    /// <summary>Short syntax: <c>[HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL]</c>, IPv6 host IPs in brackets.</summary>
    public static ComposePort ParseShort(YamlNode node, ComposeString value)
    {
        var port = new ComposePort(node, isLongSyntax: false);
        var text = Template(value);
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            port.Protocol = text[(slash + 1)..].ToLowerInvariant();
            text = text[..slash];
        }

        string? hostIp = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']');
            if (close < 0)
            {
                port.Error = "unclosed '[' in the host IP";
                return port;
            }

            hostIp = text[..(close + 1)];
            text = close + 1 < text.Length && text[close + 1] == ':' ? text[(close + 2)..] : text[(close + 1)..];
        }

        var parts = text.Split(':');
        string? published = null;
        string target;
        switch (parts.Length)
        {
            case 1:
                target = parts[0];
                break;
            case 2:
                published = parts[0];
                target = parts[1];
                break;
            case 3 when hostIp is null:
                hostIp = parts[0];
                published = parts[1];
                target = parts[2];
                break;
            default:
                if (hostIp is null && parts.Length > 3)
                {
                    // An IPv6 address without brackets: everything before the last two parts.
                    hostIp = string.Join(':', parts[..^2]);
                    published = parts[^2];
                    target = parts[^1];
                    break;
                }

                port.Error = "too many ':' in the port specification";
                return port;
        }

        if (hostIp is not null)
        {
            port.HostIpIsUnknown = hostIp.Contains(Unknown);
            port.HostIp = port.HostIpIsUnknown ? null : hostIp.Trim('[', ']') switch { "" => null, var ip => ip };
        }

        port.Published = published is null or "" ? null : PortRange.Parse(published);
        port.Target = PortRange.Parse(target);
        Validate(port, target);
        return port;
    }

    /// <summary>Long syntax: a mapping with target, published, host_ip, protocol, mode.</summary>
    public static ComposePort ParseLong(YamlMapping node, Func<YamlNode?, ComposeString?> str)
    {
        var port = new ComposePort(node, isLongSyntax: true);
        if (str(node["target"]) is { } target)
        {
            port.Target = PortRange.Parse(Template(target));
        }

        if (str(node["published"]) is { IsNull: false } published)
        {
            port.Published = PortRange.Parse(Template(published));
        }

        if (str(node["host_ip"]) is { IsNull: false } hostIp)
        {
            port.HostIpIsUnknown = !hostIp.IsKnown;
            port.HostIp = hostIp.Value is "" ? null : hostIp.Value;
        }

        if (str(node["protocol"])?.Value is { } protocol)
        {
            port.Protocol = protocol.ToLowerInvariant();
        }

        port.Mode = str(node["mode"])?.Value;
        Validate(port, port.Target?.Text ?? "");
        return port;
    }

    private static void Validate(ComposePort port, string target)
    {
        if (port.Target is not { } t || (t.Start is null && !target.Contains(Unknown) && !target.Contains('?')))
        {
            port.Error = $"invalid container port '{target}'";
        }
        else if (port.Published is { Start: null, End: null } p && !p.Text.Contains('?'))
        {
            port.Error = $"invalid published port '{p.Text}'";
        }
        else if (port.Protocol is not ("tcp" or "udp" or "sctp") && !port.Protocol.Contains(Unknown))
        {
            port.Error = $"unknown protocol '{port.Protocol}'";
        }
    }

    /// <summary>The value with every unknown part replaced by <see cref="Unknown"/>.</summary>
    public static string Template(ComposeString value)
        => value.Value ?? string.Concat(value.Segments.Select(s => s.IsUnknown ? Unknown : s.Text));
}
