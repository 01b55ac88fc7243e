using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Compose;

/// <summary>A host path a service mounts: a bind mount, or a named volume whose <c>driver_opts.device</c> binds one.</summary>
/// <param name="Service">The service that mounts it.</param>
/// <param name="Node">Where the host path is written (the volume entry, the long syntax <c>source</c>, or the volume's <c>device</c>).</param>
/// <param name="Span">The span to report.</param>
/// <param name="Path">The host path after interpolation, normalised (no repeated or trailing '/'); null when partly unknown.</param>
/// <param name="Template">The host path with unknown parts shown as written (<c>${XDG_RUNTIME_DIR}/docker.sock</c>).</param>
/// <param name="ReadOnly">True when mounted read-only.</param>
/// <param name="Mount">The service's mount.</param>
internal sealed record HostMount(ComposeService Service, YamlNode Node, TextSpan Span, string? Path, string Template, bool ReadOnly, ComposeVolumeMount Mount)
{
    /// <summary>The path, or the template when unknown, for messages.</summary>
    public string Shown => Path ?? Template;
}

/// <summary>Finds the host paths the services of a project mount.</summary>
internal static class HostMounts
{
    private const char Unknown = '\uE000';

    /// <summary>Every host path mounted by every service, in order.</summary>
    public static IEnumerable<HostMount> All(ComposeProject project)
    {
        foreach (var service in project.Services)
        {
            foreach (var mount in service.Volumes)
            {
                if (Read(project, service, mount) is { } hostMount)
                {
                    yield return hostMount;
                }
            }
        }
    }

    private static HostMount? Read(ComposeProject project, ComposeService service, ComposeVolumeMount mount)
    {
        if (mount.Type == "volume" && mount.Source is { } name)
        {
            return ReadVolumeDevice(project, service, mount, name);
        }

        if (mount.Type is not ("bind" or null))
        {
            return null;
        }

        YamlScalar? source = mount.Node switch
        {
            YamlMapping mapping => mapping["source"] as YamlScalar,
            YamlScalar scalar => scalar,
            _ => null,
        };
        if (source is null)
        {
            return null;
        }

        var value = project.Interpolation.Resolve(source);
        var (path, template) = mount.Node is YamlScalar ? ShortSource(value) : (value.Value, Template(value));
        if (path is null && template.Length == 0)
        {
            return null;
        }

        var span = mount.Node is YamlScalar ? mount.Node.Span : value.Span;
        return new HostMount(service, source, span, path is null ? null : Normalize(path), template, mount.ReadOnly, mount);
    }

    /// <summary>A named volume of the local driver that binds a host directory through <c>driver_opts.device</c>.</summary>
    private static HostMount? ReadVolumeDevice(ComposeProject project, ComposeService service, ComposeVolumeMount mount, string name)
    {
        var volume = project.Volumes.FirstOrDefault(v => v.Name == name);
        if (volume is null || volume.External || volume.DriverOptions.FirstOrDefault(o => o.Key == "device") is not { Value: { } device })
        {
            return null;
        }

        var type = volume.DriverOptions.FirstOrDefault(o => o.Key == "type")?.Value?.Value;
        var options = volume.DriverOptions.FirstOrDefault(o => o.Key == "o")?.Value?.Value ?? "";
        if (type is not (null or "none" or "bind") && !options.Contains("bind", StringComparison.Ordinal))
        {
            return null; // nfs, cifs, tmpfs …: not a host path
        }

        var path = device.Value;
        if (path is not null && !path.StartsWith('/'))
        {
            return null;
        }

        return new HostMount(service, device.Node, device.Span, path is null ? null : Normalize(path), Template(device), mount.ReadOnly, mount);
    }

    /// <summary>The source of <c>SOURCE:TARGET[:MODE]</c>: its value when known, and its text with unknown parts as written.</summary>
    private static (string? Path, string Template) ShortSource(ComposeString value)
    {
        var marked = string.Concat(value.Segments.Select(s => s.IsUnknown ? Unknown.ToString() : s.Text));
        var colon = FindSourceEnd(marked);
        if (colon < 0)
        {
            return (null, ""); // a target alone: an anonymous volume
        }

        var source = marked[..colon];
        if (!source.Contains(Unknown))
        {
            return (source, source);
        }

        // Put the unknown parts back as written, in order.
        var unknowns = value.Segments.Where(s => s.IsUnknown).Select(s => s.Text).GetEnumerator();
        var template = string.Concat(source.Select(c => c == Unknown && unknowns.MoveNext() ? unknowns.Current : c.ToString()));
        return (null, template);
    }

    /// <summary>The index of the ':' that ends the source; -1 when there is none. A drive letter (<c>C:\</c>) is part of the path.</summary>
    private static int FindSourceEnd(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ':' && !(i == 1 && char.IsAsciiLetter(text[0]) && i + 1 < text.Length && text[i + 1] is '\\' or '/'))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Template(ComposeString value) => value.Value ?? string.Concat(value.Segments.Select(s => s.Text));

    /// <summary>Collapses repeated '/' and drops a trailing one (<c>/etc//ssl/</c> → <c>/etc/ssl</c>); <c>/</c> stays.</summary>
    public static string Normalize(string path)
    {
        var text = path.Trim();
        if (!text.StartsWith('/'))
        {
            return text;
        }

        var parts = text.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".");
        return "/" + string.Join('/', parts);
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="directory"/> or inside it.</summary>
    public static bool IsUnder(string path, string directory)
        => directory == "/" || path == directory || path.StartsWith(directory + "/", StringComparison.Ordinal);
}
