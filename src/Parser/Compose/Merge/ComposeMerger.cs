using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;

namespace DockerLint.Parser.Compose.Merge;

/// <summary>
/// Merges Compose documents the way docker compose does (the Compose Specification's merge rules
/// as compose-go implements them), at the level of YAML nodes: every value of the result is the
/// node of the file it was written in, so a finding in a merged value points at that file and
/// line. Containers that a merge builds are new nodes with the span of the overriding container.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Mappings merge by key; scalars are replaced; other sequences are appended.</item>
/// <item><c>command</c>, <c>entrypoint</c>, <c>healthcheck.test</c> and each <c>ulimits</c> entry are replaced.</item>
/// <item><c>environment</c>, <c>labels</c>, <c>annotations</c>, <c>sysctls</c>, <c>build.args</c>,
/// <c>build.labels</c>, <c>build.additional_contexts</c>, <c>deploy.labels</c> and resource
/// <c>labels</c> merge by key whether written as <c>KEY=VALUE</c> lists or mappings. Two lists give a
/// list, anything else a mapping whose keys and values cut out of list items point at their part of
/// the item.</item>
/// <item><c>extra_hosts</c> merges by host; a host may get several addresses; exact duplicates go.</item>
/// <item>Unique lists (a later item replaces an earlier one with the same key, in its place):
/// <c>cap_add</c>, <c>cap_drop</c>, <c>links</c>, <c>external_links</c>, <c>profiles</c>, <c>expose</c>,
/// <c>group_add</c>, <c>security_opt</c>, <c>device_cgroup_rules</c>, <c>build.tags</c>, network
/// <c>aliases</c> and <c>link_local_ips</c>, <c>deploy.placement.constraints</c> (by value);
/// <c>dns</c>, <c>dns_opt</c>, <c>dns_search</c>, <c>tmpfs</c> (a string or a list, by the text before
/// <c>=</c>); <c>env_file</c> (by path); <c>ports</c> (by host IP, published port, target and
/// protocol); <c>volumes</c> (by target); <c>devices</c> (by container path); <c>secrets</c> and
/// <c>configs</c> (by target, defaulting to <c>/run/secrets/NAME</c> and <c>/NAME</c>);
/// <c>blkio_config</c> device lists (by path); <c>networks.*.ipam.config</c> (entries with the same
/// subnet merge).</item>
/// <item><c>build</c> as a string is <c>{context: …}</c>; <c>depends_on</c>, service <c>networks</c>
/// and <c>models</c> lists become mappings when the other side is a mapping (depends_on items get
/// docker compose's default <c>condition: service_started</c>); <c>logging</c> options merge only
/// when the driver does not change.</item>
/// <item><c>!reset</c> on an overriding value removes the key (or the list item, or the key of a
/// KEY=VALUE list); <c>!override</c> replaces the value instead of merging it; a null overriding
/// value keeps the base. The result carries neither tag.</item>
/// </list>
/// Duplicates within one side of a merge are kept (docker compose drops them silently) so rules
/// can still report them.
/// </remarks>
public static class ComposeMerger
{
    /// <summary>
    /// Merges <paramref name="overrideDocument"/> onto <paramref name="baseDocument"/> (two Compose
    /// documents, usually mappings). Returns null when both are null or the override is
    /// <c>!reset</c>. Values that cannot be merged (a scalar overriding a mapping …) are reported as
    /// DC0030 in <paramref name="diagnostics"/> and the overriding value is used.
    /// </summary>
    public static YamlNode? Merge(YamlNode? baseDocument, YamlNode? overrideDocument, ICollection<Diagnostic>? diagnostics = null)
    {
        var engine = new MergeEngine(diagnostics);
        return overrideDocument is null
            ? baseDocument is null ? null : engine.Clean(baseDocument)
            : engine.Merge(baseDocument is null ? null : engine.Clean(baseDocument), overrideDocument, "");
    }

    /// <summary>
    /// Merges a service definition onto the one it extends (<c>extends</c>), with the same rules as
    /// <see cref="Merge"/> applied at <c>services.NAME</c>. The <c>extends</c> key itself is merged
    /// like any other; <see cref="ComposeFileSet"/> removes it.
    /// </summary>
    public static YamlNode? MergeService(YamlNode? baseService, YamlNode? service, ICollection<Diagnostic>? diagnostics = null)
    {
        var engine = new MergeEngine(diagnostics);
        return engine.Merge(baseService is null ? null : engine.Clean(baseService), service, MergeRules.Service);
    }

    /// <summary>
    /// Removes what <c>!reset</c> marks and the <c>!override</c> tags from a document, as docker
    /// compose does with the first file it loads. Null when the node itself is <c>!reset</c>.
    /// Unchanged subtrees are returned as they are.
    /// </summary>
    public static YamlNode? RemoveMergeTags(YamlNode? node) => node is null ? null : new MergeEngine(null).Clean(node);
}
