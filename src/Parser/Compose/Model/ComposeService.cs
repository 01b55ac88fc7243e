using System.Collections.Immutable;
using DockerLint.Parser.Compose.Yaml;

namespace DockerLint.Parser.Compose.Model;

/// <summary>A volume or bind mount of a service (<c>volumes:</c>), short or long syntax.</summary>
/// <param name="Node">Where it is written.</param>
/// <param name="Type">bind, volume, tmpfs, npipe, cluster or image; null when unknown.</param>
/// <param name="Source">Host path or volume name; null for an anonymous volume or when unknown (see <paramref name="SourceIsUnknown"/>).</param>
/// <param name="SourceIsUnknown">True when the source depends on an unknown variable.</param>
/// <param name="Target">Path in the container.</param>
/// <param name="ReadOnly">True for <c>:ro</c> or <c>read_only: true</c>.</param>
/// <param name="Propagation">Bind propagation (rprivate, shared, rshared …) when given.</param>
/// <param name="IsLongSyntax">True for the mapping form.</param>
public sealed record ComposeVolumeMount(
    YamlNode Node, string? Type, string? Source, bool SourceIsUnknown, string? Target, bool ReadOnly, string? Propagation, bool IsLongSyntax)
{
    /// <summary>True for a bind mount of a host path.</summary>
    public bool IsBind => Type == "bind";
}

/// <summary>A secret or config a service uses.</summary>
/// <param name="Node">Where it is written.</param>
/// <param name="Source">The top-level secret or config name.</param>
/// <param name="SourceNode">Where the name is written.</param>
/// <param name="Target">The target path or name, when given.</param>
public sealed record ComposeResourceReference(YamlNode Node, string Source, YamlNode SourceNode, string? Target);

/// <summary>A <c>depends_on</c> entry.</summary>
/// <param name="Service">The service depended on.</param>
/// <param name="Node">Where its name is written.</param>
/// <param name="Condition">service_started (default), service_healthy or service_completed_successfully.</param>
/// <param name="Required">False when <c>required: false</c>.</param>
public sealed record ComposeDependency(string Service, YamlNode Node, string Condition, bool Required);

/// <summary>A <c>ulimits</c> entry: <c>nofile: 65535</c> or <c>nofile: {soft: 1024, hard: 2048}</c>.</summary>
/// <param name="Name">The limit's name (nofile, nproc …).</param>
/// <param name="Node">Where its name is written.</param>
/// <param name="Soft">The soft limit (the single value for the short form).</param>
/// <param name="Hard">The hard limit (the single value for the short form).</param>
public sealed record ComposeUlimit(string Name, YamlNode Node, ComposeString? Soft, ComposeString? Hard);

/// <summary>A device mapped into a service: <c>/dev/x:/dev/y:rwm</c> or <c>{source, target, permissions}</c>.</summary>
/// <param name="Node">Where it is written.</param>
/// <param name="Source">The host device; null when unknown.</param>
/// <param name="Target">The path in the container (the source when not given).</param>
/// <param name="Permissions">cgroup permissions (rwm) when given.</param>
public sealed record ComposeDevice(YamlNode Node, string? Source, string? Target, string? Permissions);

/// <summary>A network a service joins.</summary>
/// <param name="Name">The network name.</param>
/// <param name="Node">Where it is written.</param>
public sealed record ComposeNetworkReference(string Name, YamlNode Node);

/// <summary>An <c>env_file</c> entry.</summary>
/// <param name="Path">The path as interpolated.</param>
/// <param name="Required">False when <c>required: false</c>.</param>
public sealed record ComposeEnvFile(ComposeString Path, bool Required);

/// <summary>A service's <c>build:</c>.</summary>
public sealed class ComposeBuild : ComposeElement
{
    internal ComposeBuild(YamlNode node, YamlMapping mapping, IComposeInterpolation interpolation) : base(mapping, interpolation)
    {
        BuildNode = node;
        Context = node is YamlScalar scalar ? interpolation.Resolve(scalar) : String("context");
        Dockerfile = String("dockerfile");
        DockerfileInline = String("dockerfile_inline");
        Target = String("target");
        Args = KeyValues(Node["args"]);
        Labels = KeyValues(Node["labels"]);
        CacheFrom = Strings(Node["cache_from"]);
        Secrets = ServiceReferences(Node["secrets"], interpolation);
        Ssh = Strings(Node["ssh"]);
        Network = String("network");
        Platforms = Strings(Node["platforms"]);
    }

    /// <summary>The <c>build:</c> node (a string is the context).</summary>
    public YamlNode BuildNode { get; }

    /// <summary>The build context.</summary>
    public ComposeString? Context { get; }

    /// <summary>The Dockerfile path, relative to the context.</summary>
    public ComposeString? Dockerfile { get; }

    /// <summary>An inline Dockerfile.</summary>
    public ComposeString? DockerfileInline { get; }

    /// <summary>The target stage.</summary>
    public ComposeString? Target { get; }

    /// <summary>Build arguments.</summary>
    public ImmutableArray<ComposeKeyValue> Args { get; }

    /// <summary>Image labels.</summary>
    public ImmutableArray<ComposeKeyValue> Labels { get; }

    /// <summary><c>cache_from</c>.</summary>
    public ImmutableArray<ComposeString> CacheFrom { get; }

    /// <summary>Build secrets.</summary>
    public ImmutableArray<ComposeResourceReference> Secrets { get; }

    /// <summary>SSH agent sockets or keys.</summary>
    public ImmutableArray<ComposeString> Ssh { get; }

    /// <summary>The build network.</summary>
    public ComposeString? Network { get; }

    /// <summary>Target platforms.</summary>
    public ImmutableArray<ComposeString> Platforms { get; }

    internal static ImmutableArray<ComposeResourceReference> ServiceReferences(YamlNode? node, IComposeInterpolation interpolation)
    {
        if (node is not YamlSequence sequence)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<ComposeResourceReference>(sequence.Items.Length);
        foreach (var item in sequence.Items)
        {
            switch (item)
            {
                case YamlScalar scalar:
                    builder.Add(new ComposeResourceReference(item, scalar.Value, scalar, null));
                    break;
                case YamlMapping mapping when mapping["source"] is YamlScalar source:
                    var target = mapping["target"] is YamlScalar t ? interpolation.Resolve(t).Value : null;
                    builder.Add(new ComposeResourceReference(item, source.Value, source, target));
                    break;
            }
        }

        return builder.DrainToImmutable();
    }
}

/// <summary>A service's <c>healthcheck:</c>.</summary>
public sealed class ComposeHealthcheck : ComposeElement
{
    internal ComposeHealthcheck(YamlMapping node, IComposeInterpolation interpolation) : base(node, interpolation)
    {
        Test = Node["test"] is { } test ? ComposeService.ReadCommand(test, interpolation) : null;
        Disable = Bool("disable") ?? false;
        Interval = String("interval");
        Timeout = String("timeout");
        Retries = String("retries")?.AsInteger();
        StartPeriod = String("start_period");
        StartInterval = String("start_interval");
    }

    /// <summary>The test command (<c>["CMD", …]</c>, <c>["CMD-SHELL", …]</c>, <c>["NONE"]</c> or a string).</summary>
    public ComposeCommand? Test { get; }

    /// <summary>True for <c>disable: true</c> or a test of <c>["NONE"]</c>.</summary>
    public bool Disable { get; }

    /// <summary>True when the check is turned off.</summary>
    public bool IsDisabled => Disable || (Test is { IsList: true } t && t.Items.Length > 0 && t.Items[0].Value == "NONE");

    /// <summary><c>interval</c>.</summary>
    public ComposeString? Interval { get; }

    /// <summary><c>timeout</c>.</summary>
    public ComposeString? Timeout { get; }

    /// <summary><c>retries</c>.</summary>
    public long? Retries { get; }

    /// <summary><c>start_period</c>.</summary>
    public ComposeString? StartPeriod { get; }

    /// <summary><c>start_interval</c>.</summary>
    public ComposeString? StartInterval { get; }
}

/// <summary>CPU, memory and pids limits or reservations (<c>deploy.resources.limits</c>).</summary>
/// <param name="Cpus">cpus.</param>
/// <param name="Memory">memory.</param>
/// <param name="Pids">pids.</param>
public sealed record ComposeResources(ComposeString? Cpus, ComposeString? Memory, ComposeString? Pids);

/// <summary>A service of the project.</summary>
public sealed class ComposeService : ComposeElement
{
    internal ComposeService(YamlScalar name, YamlMapping node, IComposeInterpolation interpolation) : base(node, interpolation)
    {
        NameNode = name;
        Image = String("image");
        Build = Node["build"] switch
        {
            YamlScalar scalar => new ComposeBuild(scalar, new YamlMapping(scalar.Source, scalar.Span, []), interpolation),
            YamlMapping mapping => new ComposeBuild(mapping, mapping, interpolation),
            _ => null,
        };
        Command = Node["command"] is { } command ? ReadCommand(command, interpolation) : null;
        Entrypoint = Node["entrypoint"] is { } entrypoint ? ReadCommand(entrypoint, interpolation) : null;
        Environment = KeyValues(Node["environment"]);
        EnvFiles = ReadEnvFiles(Node["env_file"]);
        Ports = ReadPorts(Node["ports"]);
        Expose = Strings(Node["expose"]);
        Volumes = ReadVolumes(Node["volumes"]);
        Secrets = ComposeBuild.ServiceReferences(Node["secrets"], interpolation);
        Configs = ComposeBuild.ServiceReferences(Node["configs"], interpolation);
        Networks = ReadNetworks(Node["networks"]);
        DependsOn = ReadDependsOn(Node["depends_on"]);
        Labels = KeyValues(Node["labels"]);
        Sysctls = KeyValues(Node["sysctls"]);
        ExtraHosts = KeyValues(Node["extra_hosts"], ':');
        Healthcheck = Mapping("healthcheck") is { } healthcheck ? new ComposeHealthcheck(healthcheck, interpolation) : null;
        Ulimits = ReadUlimits(Mapping("ulimits"));
        var limits = (Mapping("deploy")?["resources"] as YamlMapping)?["limits"] as YamlMapping;
        var reservations = (Mapping("deploy")?["resources"] as YamlMapping)?["reservations"] as YamlMapping;
        Limits = limits is null ? null : new ComposeResources(Str(limits["cpus"]), Str(limits["memory"]), Str(limits["pids"]));
        Reservations = reservations is null ? null : new ComposeResources(Str(reservations["cpus"]), Str(reservations["memory"]), Str(reservations["pids"]));
        LoggingDriver = Str((Mapping("logging"))?["driver"]);
        LoggingOptions = KeyValues(Mapping("logging")?["options"]);
        CapAdd = Strings(Node["cap_add"]);
        CapDrop = Strings(Node["cap_drop"]);
        SecurityOpt = Strings(Node["security_opt"]);
        Devices = ReadDevices(Node["devices"]);
        Tmpfs = Strings(Node["tmpfs"]);
        Profiles = Strings(Node["profiles"]);
        DnsServers = Strings(Node["dns"]);
    }

    /// <summary>The service name as written (the key under <c>services:</c>).</summary>
    public YamlScalar NameNode { get; }

    /// <summary>The service name.</summary>
    public string Name => NameNode.Value;

    /// <summary><c>image</c>.</summary>
    public ComposeString? Image { get; }

    /// <summary><c>build</c>.</summary>
    public ComposeBuild? Build { get; }

    /// <summary><c>command</c>.</summary>
    public ComposeCommand? Command { get; }

    /// <summary><c>entrypoint</c>.</summary>
    public ComposeCommand? Entrypoint { get; }

    /// <summary><c>environment</c> (list or mapping form).</summary>
    public ImmutableArray<ComposeKeyValue> Environment { get; }

    /// <summary><c>env_file</c> (string, list of strings, or list of <c>{path, required}</c>).</summary>
    public ImmutableArray<ComposeEnvFile> EnvFiles { get; }

    /// <summary><c>ports</c>.</summary>
    public ImmutableArray<ComposePort> Ports { get; }

    /// <summary><c>expose</c>.</summary>
    public ImmutableArray<ComposeString> Expose { get; }

    /// <summary><c>volumes</c>.</summary>
    public ImmutableArray<ComposeVolumeMount> Volumes { get; }

    /// <summary><c>secrets</c>.</summary>
    public ImmutableArray<ComposeResourceReference> Secrets { get; }

    /// <summary><c>configs</c>.</summary>
    public ImmutableArray<ComposeResourceReference> Configs { get; }

    /// <summary><c>networks</c> (list or mapping form).</summary>
    public ImmutableArray<ComposeNetworkReference> Networks { get; }

    /// <summary><c>depends_on</c> (list or mapping form).</summary>
    public ImmutableArray<ComposeDependency> DependsOn { get; }

    /// <summary><c>labels</c>.</summary>
    public ImmutableArray<ComposeKeyValue> Labels { get; }

    /// <summary><c>sysctls</c>.</summary>
    public ImmutableArray<ComposeKeyValue> Sysctls { get; }

    /// <summary><c>extra_hosts</c> (<c>host:ip</c> list or mapping).</summary>
    public ImmutableArray<ComposeKeyValue> ExtraHosts { get; }

    /// <summary><c>healthcheck</c>.</summary>
    public ComposeHealthcheck? Healthcheck { get; }

    /// <summary><c>ulimits</c>.</summary>
    public ImmutableArray<ComposeUlimit> Ulimits { get; }

    /// <summary><c>deploy.resources.limits</c>.</summary>
    public ComposeResources? Limits { get; }

    /// <summary><c>deploy.resources.reservations</c>.</summary>
    public ComposeResources? Reservations { get; }

    /// <summary><c>logging.driver</c>.</summary>
    public ComposeString? LoggingDriver { get; }

    /// <summary><c>logging.options</c>.</summary>
    public ImmutableArray<ComposeKeyValue> LoggingOptions { get; }

    /// <summary><c>cap_add</c>.</summary>
    public ImmutableArray<ComposeString> CapAdd { get; }

    /// <summary><c>cap_drop</c>.</summary>
    public ImmutableArray<ComposeString> CapDrop { get; }

    /// <summary><c>security_opt</c>.</summary>
    public ImmutableArray<ComposeString> SecurityOpt { get; }

    /// <summary><c>devices</c>.</summary>
    public ImmutableArray<ComposeDevice> Devices { get; }

    /// <summary><c>tmpfs</c>.</summary>
    public ImmutableArray<ComposeString> Tmpfs { get; }

    /// <summary><c>profiles</c>.</summary>
    public ImmutableArray<ComposeString> Profiles { get; }

    /// <summary><c>dns</c>.</summary>
    public ImmutableArray<ComposeString> DnsServers { get; }

    /// <summary><c>user</c>.</summary>
    public ComposeString? User => String("user");

    /// <summary><c>privileged</c>.</summary>
    public ComposeString? Privileged => String("privileged");

    /// <summary><c>read_only</c>.</summary>
    public ComposeString? ReadOnly => String("read_only");

    /// <summary><c>network_mode</c>.</summary>
    public ComposeString? NetworkMode => String("network_mode");

    /// <summary><c>pid</c>.</summary>
    public ComposeString? Pid => String("pid");

    /// <summary><c>ipc</c>.</summary>
    public ComposeString? Ipc => String("ipc");

    /// <summary><c>uts</c>.</summary>
    public ComposeString? Uts => String("uts");

    /// <summary><c>userns_mode</c>.</summary>
    public ComposeString? UsernsMode => String("userns_mode");

    /// <summary><c>cgroup</c>.</summary>
    public ComposeString? Cgroup => String("cgroup");

    /// <summary><c>cgroup_parent</c>.</summary>
    public ComposeString? CgroupParent => String("cgroup_parent");

    /// <summary><c>restart</c>.</summary>
    public ComposeString? Restart => String("restart");

    /// <summary><c>container_name</c>.</summary>
    public ComposeString? ContainerName => String("container_name");

    /// <summary><c>mem_limit</c>.</summary>
    public ComposeString? MemLimit => String("mem_limit");

    /// <summary><c>cpus</c>.</summary>
    public ComposeString? Cpus => String("cpus");

    /// <summary><c>pids_limit</c>.</summary>
    public ComposeString? PidsLimit => String("pids_limit");

    /// <summary><c>pull_policy</c>.</summary>
    public ComposeString? PullPolicy => String("pull_policy");

    /// <summary><c>platform</c>.</summary>
    public ComposeString? Platform => String("platform");

    /// <summary><c>hostname</c>.</summary>
    public ComposeString? Hostname => String("hostname");

    /// <summary><c>stop_signal</c>.</summary>
    public ComposeString? StopSignal => String("stop_signal");

    /// <summary><c>init</c>.</summary>
    public ComposeString? Init => String("init");

    internal static ComposeCommand ReadCommand(YamlNode node, IComposeInterpolation interpolation) => node switch
    {
        YamlSequence sequence => new ComposeCommand(node, true, [.. sequence.Items.OfType<YamlScalar>().Select(interpolation.Resolve)]),
        YamlScalar scalar => new ComposeCommand(node, false, [interpolation.Resolve(scalar)]),
        _ => new ComposeCommand(node, false, []),
    };

    private ImmutableArray<ComposeUlimit> ReadUlimits(YamlMapping? node)
    {
        if (node is null)
        {
            return [];
        }

        return [.. node.Entries.Select(e => e.Value is YamlMapping limits
            ? new ComposeUlimit(e.Key.Value, e.Key, Str(limits["soft"]), Str(limits["hard"]))
            : new ComposeUlimit(e.Key.Value, e.Key, Str(e.Value), Str(e.Value)))];
    }

    private ImmutableArray<ComposeDevice> ReadDevices(YamlNode? node)
    {
        if (node is not YamlSequence sequence)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<ComposeDevice>(sequence.Items.Length);
        foreach (var item in sequence.Items)
        {
            if (item is YamlMapping mapping)
            {
                var source = Str(mapping["source"])?.Value;
                builder.Add(new ComposeDevice(item, source, Str(mapping["target"])?.Value ?? source, Str(mapping["permissions"])?.Value));
            }
            else if (item is YamlScalar scalar && Interpolation.Resolve(scalar).Value is { } text)
            {
                var parts = text.Split(':');
                builder.Add(new ComposeDevice(item, parts[0], parts.Length > 1 ? parts[1] : parts[0], parts.Length > 2 ? parts[2] : null));
            }
            else
            {
                builder.Add(new ComposeDevice(item, null, null, null));
            }
        }

        return builder.DrainToImmutable();
    }

    private ImmutableArray<ComposeEnvFile> ReadEnvFiles(YamlNode? node)
    {
        var items = node switch
        {
            YamlSequence sequence => sequence.Items,
            YamlScalar { IsNull: false } scalar => [scalar],
            _ => ImmutableArray<YamlNode>.Empty,
        };
        if (items.IsEmpty)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<ComposeEnvFile>(items.Length);
        foreach (var item in items)
        {
            switch (item)
            {
                case YamlScalar scalar:
                    builder.Add(new ComposeEnvFile(Interpolation.Resolve(scalar), true));
                    break;
                case YamlMapping mapping when mapping["path"] is YamlScalar path:
                    builder.Add(new ComposeEnvFile(Interpolation.Resolve(path), Str(mapping["required"])?.AsBool() ?? true));
                    break;
            }
        }

        return builder.DrainToImmutable();
    }

    private ImmutableArray<ComposePort> ReadPorts(YamlNode? node)
    {
        if (node is not YamlSequence sequence)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<ComposePort>(sequence.Items.Length);
        foreach (var item in sequence.Items)
        {
            switch (item)
            {
                case YamlScalar scalar:
                    builder.Add(ComposePortParser.ParseShort(item, Interpolation.Resolve(scalar)));
                    break;
                case YamlMapping mapping:
                    builder.Add(ComposePortParser.ParseLong(mapping, Str));
                    break;
            }
        }

        return builder.DrainToImmutable();
    }

    private ImmutableArray<ComposeVolumeMount> ReadVolumes(YamlNode? node)
    {
        if (node is not YamlSequence sequence)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<ComposeVolumeMount>(sequence.Items.Length);
        foreach (var item in sequence.Items)
        {
            if (item is YamlMapping mapping)
            {
                var type = Str(mapping["type"])?.Value;
                var source = Str(mapping["source"]);
                var readOnly = Str(mapping["read_only"])?.AsBool() ?? false;
                var propagation = Str((mapping["bind"] as YamlMapping)?["propagation"])?.Value;
                builder.Add(new ComposeVolumeMount(item, type, source?.Value, source is { IsKnown: false }, Str(mapping["target"])?.Value, readOnly, propagation, true));
            }
            else if (item is YamlScalar scalar)
            {
                builder.Add(ParseShortVolume(scalar, Interpolation.Resolve(scalar)));
            }
        }

        return builder.DrainToImmutable();
    }

    /// <summary><c>[SOURCE:]TARGET[:MODE]</c>; a source that is a path makes a bind mount, a name a volume.</summary>
    private static ComposeVolumeMount ParseShortVolume(YamlScalar node, ComposeString value)
    {
        var text = ComposePortParser.Template(value);
        var parts = ComposeSyntax.SplitVolume(text);
        string? source = null;
        string target;
        string? mode = null;
        switch (parts.Count)
        {
            case 1:
                target = parts[0];
                break;
            case 2:
                source = parts[0];
                target = parts[1];
                break;
            default:
                source = parts[0];
                target = parts[1];
                mode = parts[2];
                break;
        }

        var sourceUnknown = source is not null && source.Contains(ComposePortParser.Unknown);
        string? type = source is null ? "volume" : IsPath(source) ? "bind" : sourceUnknown && source.StartsWith(ComposePortParser.Unknown, StringComparison.Ordinal) ? null : "volume";
        var options = mode?.Split(',') ?? [];
        var propagation = options.FirstOrDefault(o => o is "shared" or "slave" or "private" or "rshared" or "rslave" or "rprivate");
        return new ComposeVolumeMount(node, type, sourceUnknown ? null : source, sourceUnknown, target.Contains(ComposePortParser.Unknown) ? null : target,
            options.Contains("ro"), propagation, false);
    }

    private static bool IsPath(string source)
        => source.StartsWith('.') || source.StartsWith('/') || source.StartsWith('~') || source.StartsWith('\\')
            || (source.Length >= 2 && char.IsAsciiLetter(source[0]) && source[1] == ':');


    private static ImmutableArray<ComposeNetworkReference> ReadNetworks(YamlNode? node) => node switch
    {
        YamlSequence sequence => [.. sequence.Items.OfType<YamlScalar>().Select(s => new ComposeNetworkReference(s.Value, s))],
        YamlMapping mapping => [.. mapping.Entries.Select(e => new ComposeNetworkReference(e.Key.Value, e.Key))],
        _ => [],
    };

    private ImmutableArray<ComposeDependency> ReadDependsOn(YamlNode? node) => node switch
    {
        YamlSequence sequence => [.. sequence.Items.OfType<YamlScalar>().Select(s => new ComposeDependency(s.Value, s, "service_started", true))],
        YamlMapping mapping => [.. mapping.Entries.Select(e => new ComposeDependency(
            e.Key.Value,
            e.Key,
            Str((e.Value as YamlMapping)?["condition"])?.Value ?? "service_started",
            Str((e.Value as YamlMapping)?["required"])?.AsBool() ?? true))],
        _ => [],
    };
}
