using System.Net;
using System.Net.Sockets;
using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Compose.Yaml;

namespace DockerLint.Rules.Compose;

/// <summary>Where on the host a published port listens.</summary>
internal enum HostBinding
{
    /// <summary>Every interface: no host address, <c>0.0.0.0</c> or <c>::</c>.</summary>
    AllInterfaces,

    /// <summary>A loopback address (<c>127.0.0.0/8</c>, <c>::1</c>): reachable from the host only.</summary>
    Loopback,

    /// <summary>Another specific address.</summary>
    Address,

    /// <summary>Cannot be known: the address, or text that may hold one, comes from an unknown variable.</summary>
    Unknown,
}

/// <summary>How the entries of a service's <c>ports:</c> are bound on the host.</summary>
internal static class PortBindings
{
    /// <summary>
    /// Where <paramref name="port"/> listens on the host. Every <c>ports:</c> entry is published,
    /// including a bare container port (<c>- "3000"</c>, or the long syntax without
    /// <c>published</c>), which gets a random host port. In the short syntax an unknown variable at
    /// the start (<c>"${PORT}:80"</c>, <c>"${PORT}"</c>) may itself hold a host address
    /// (<c>PORT=127.0.0.1:8080</c>), so the binding is then unknown.
    /// </summary>
    public static HostBinding Binding(ComposePort port)
    {
        if (port.HostIpIsUnknown)
        {
            return HostBinding.Unknown;
        }

        if (port.HostIp is { Length: > 0 } ip)
        {
            return ip switch
            {
                "0.0.0.0" or "::" or "[::]" => HostBinding.AllInterfaces,
                _ when IsLoopback(ip) => HostBinding.Loopback,
                _ => HostBinding.Address,
            };
        }

        if (!port.IsLongSyntax && (port.Published ?? port.Target) is not { IsKnown: true })
        {
            return HostBinding.Unknown;
        }

        return HostBinding.AllInterfaces;
    }

    /// <summary>The port as written (short syntax) or as <c>[ip:][published:]target[/protocol]</c> (long syntax).</summary>
    public static string Describe(ComposePort port)
    {
        if (port.Node is YamlScalar scalar)
        {
            return scalar.Value;
        }

        var ip = port.HostIp is { Length: > 0 } h ? (h.Contains(':') ? $"[{h}]:" : h + ":") : "";
        var published = port.Published is { } p ? p.Text + ":" : "";
        var protocol = port.Protocol == "tcp" ? "" : "/" + port.Protocol;
        return ip + published + port.Target?.Text + protocol;
    }

    private static bool IsLoopback(string ip)
        => IPAddress.TryParse(ip.Trim('[', ']'), out var address)
            && address.AddressFamily is AddressFamily.InterNetwork or AddressFamily.InterNetworkV6
            && IPAddress.IsLoopback(address);
}
