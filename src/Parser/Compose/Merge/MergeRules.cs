using System.Collections.Frozen;

namespace DockerLint.Parser.Compose.Merge;

/// <summary>How the value at one place of a Compose file merges with an overriding value.</summary>
internal enum MergeRule
{
    /// <summary>Mappings merge by key, sequences append, scalars are replaced.</summary>
    Default,

    /// <summary>The overriding value replaces the base (command, entrypoint, healthcheck.test, one ulimit).</summary>
    Replace,

    /// <summary>A list of <c>KEY=VALUE</c> or a mapping, merged by key (environment, labels, build.args …).</summary>
    KeyValue,

    /// <summary>extra_hosts: list (<c>host=ip</c>, <c>host:ip</c>) or mapping; a host may have several addresses.</summary>
    ExtraHosts,

    /// <summary>A string or a list of strings, unique by the text before <c>=</c> (dns, dns_opt, dns_search, tmpfs).</summary>
    StringOrUniqueList,

    /// <summary>env_file: a string or a list of paths or <c>{path, required}</c> mappings, unique by path.</summary>
    EnvFile,

    /// <summary>label_file: a string or a list, appended.</summary>
    StringOrList,

    /// <summary>A list of strings without duplicates (cap_add, profiles, expose …).</summary>
    UniqueValues,

    /// <summary>ports, unique by host IP, published port, target port and protocol.</summary>
    Ports,

    /// <summary>Service volumes, unique by target.</summary>
    Volumes,

    /// <summary>devices, unique by the path in the container.</summary>
    Devices,

    /// <summary>Service secrets, unique by target (default <c>/run/secrets/NAME</c>).</summary>
    Secrets,

    /// <summary>Service configs, unique by target (default <c>/NAME</c>).</summary>
    Configs,

    /// <summary>blkio_config device lists, unique by path.</summary>
    BlkioDevices,

    /// <summary>networks.*.ipam.config: entries with the same subnet merge.</summary>
    IpamConfig,

    /// <summary>build: a context string or a mapping.</summary>
    Build,

    /// <summary>depends_on: a list of names or a mapping of names to conditions.</summary>
    DependsOn,

    /// <summary>Service networks and models: a list of names or a mapping of names to options.</summary>
    NameMap,

    /// <summary>logging: options merge only when the driver stays the same.</summary>
    Logging,
}

/// <summary>
/// Where each merge rule applies. A place is written as a dotted path in which the names of
/// services, networks, volumes and the like are replaced by <c>*</c>:
/// <c>services.*.environment</c>, <c>networks.*.ipam.config</c>.
/// </summary>
internal static class MergeRules
{
    /// <summary>The place of a whole service (used by <c>extends</c>).</summary>
    public const string Service = "services.*";

    private static readonly FrozenSet<string> s_namedChildren = new[]
    {
        "services", "networks", "volumes", "secrets", "configs", "models",
        "services.*.networks", "services.*.ulimits", "services.*.depends_on", "services.*.models",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, MergeRule> s_rules = new Dictionary<string, MergeRule>(StringComparer.Ordinal)
    {
        ["services.*.command"] = MergeRule.Replace,
        ["services.*.entrypoint"] = MergeRule.Replace,
        ["services.*.healthcheck.test"] = MergeRule.Replace,
        ["services.*.ulimits.*"] = MergeRule.Replace,

        ["services.*.environment"] = MergeRule.KeyValue,
        ["services.*.labels"] = MergeRule.KeyValue,
        ["services.*.annotations"] = MergeRule.KeyValue,
        ["services.*.sysctls"] = MergeRule.KeyValue,
        ["services.*.build.args"] = MergeRule.KeyValue,
        ["services.*.build.labels"] = MergeRule.KeyValue,
        ["services.*.build.additional_contexts"] = MergeRule.KeyValue,
        ["services.*.deploy.labels"] = MergeRule.KeyValue,
        ["networks.*.labels"] = MergeRule.KeyValue,
        ["volumes.*.labels"] = MergeRule.KeyValue,
        ["secrets.*.labels"] = MergeRule.KeyValue,
        ["configs.*.labels"] = MergeRule.KeyValue,

        ["services.*.extra_hosts"] = MergeRule.ExtraHosts,
        ["services.*.build.extra_hosts"] = MergeRule.ExtraHosts,

        ["services.*.dns"] = MergeRule.StringOrUniqueList,
        ["services.*.dns_opt"] = MergeRule.StringOrUniqueList,
        ["services.*.dns_search"] = MergeRule.StringOrUniqueList,
        ["services.*.tmpfs"] = MergeRule.StringOrUniqueList,
        ["services.*.env_file"] = MergeRule.EnvFile,
        ["services.*.label_file"] = MergeRule.StringOrList,

        ["services.*.cap_add"] = MergeRule.UniqueValues,
        ["services.*.cap_drop"] = MergeRule.UniqueValues,
        ["services.*.links"] = MergeRule.UniqueValues,
        ["services.*.external_links"] = MergeRule.UniqueValues,
        ["services.*.profiles"] = MergeRule.UniqueValues,
        ["services.*.expose"] = MergeRule.UniqueValues,
        ["services.*.group_add"] = MergeRule.UniqueValues,
        ["services.*.security_opt"] = MergeRule.UniqueValues,
        ["services.*.device_cgroup_rules"] = MergeRule.UniqueValues,
        ["services.*.build.tags"] = MergeRule.UniqueValues,
        ["services.*.networks.*.aliases"] = MergeRule.UniqueValues,
        ["services.*.networks.*.link_local_ips"] = MergeRule.UniqueValues,
        ["services.*.deploy.placement.constraints"] = MergeRule.UniqueValues,

        ["services.*.ports"] = MergeRule.Ports,
        ["services.*.volumes"] = MergeRule.Volumes,
        ["services.*.devices"] = MergeRule.Devices,
        ["services.*.secrets"] = MergeRule.Secrets,
        ["services.*.configs"] = MergeRule.Configs,
        ["services.*.blkio_config.device_read_bps"] = MergeRule.BlkioDevices,
        ["services.*.blkio_config.device_read_iops"] = MergeRule.BlkioDevices,
        ["services.*.blkio_config.device_write_bps"] = MergeRule.BlkioDevices,
        ["services.*.blkio_config.device_write_iops"] = MergeRule.BlkioDevices,
        ["services.*.blkio_config.weight_device"] = MergeRule.BlkioDevices,
        ["networks.*.ipam.config"] = MergeRule.IpamConfig,

        ["services.*.build"] = MergeRule.Build,
        ["services.*.depends_on"] = MergeRule.DependsOn,
        ["services.*.networks"] = MergeRule.NameMap,
        ["services.*.models"] = MergeRule.NameMap,
        ["services.*.logging"] = MergeRule.Logging,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The place of <paramref name="key"/> inside the mapping at <paramref name="place"/>.</summary>
    public static string Child(string place, string key)
        => place.Length == 0 ? key
            : s_namedChildren.Contains(place) ? place + ".*"
            : string.Concat(place, ".", key);

    /// <summary>The rule of a place.</summary>
    public static MergeRule For(string place) => s_rules.GetValueOrDefault(place, MergeRule.Default);
}
