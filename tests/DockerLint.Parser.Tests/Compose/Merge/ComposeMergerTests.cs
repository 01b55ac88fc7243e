using DockerLint.Parser.Compose.Merge;
using DockerLint.Parser.Compose.Yaml;
using static DockerLint.Parser.Tests.Compose.Merge.MergeTestKit;

namespace DockerLint.Parser.Tests.Compose.Merge;

/// <summary>
/// The merge rules of the Compose Specification (merge.md) as compose-go applies them, and the
/// promise that every merged value is still the node of the file it was written in.
/// </summary>
public sealed class ComposeMergerTests
{
    // ---- mappings, scalars, sequences -----------------------------------------------------

    [Test]
    public void Mappings_merge_by_key_and_scalars_are_replaced()
    {
        var run = MergeTexts(
            "services:\n  web:\n    image: nginx:1.25\n    restart: always\n  db:\n    image: postgres\n",
            "services:\n  web:\n    image: nginx:1.27\n    user: app\n  cache:\n    image: redis\n");
        Assert.That(Keys(run.Root, "services"), Is.EqualTo(new[] { "web", "db", "cache" }));
        Assert.That(Keys(run.Root, "services.web"), Is.EqualTo(new[] { "image", "restart", "user" }));
        AssertWritten(At(run.Root, "services.web.image"), "override.yaml", "nginx:1.27", line: 3);
        AssertWritten(At(run.Root, "services.web.restart"), "base.yaml", "always", line: 4);
        AssertWritten(At(run.Root, "services.web.user"), "override.yaml", "app", line: 4);
        AssertWritten(At(run.Root, "services.db.image"), "base.yaml", "postgres", line: 6);
        AssertWritten(At(run.Root, "services.cache.image"), "override.yaml", "redis", line: 6);
        Assert.That(run.Diagnostics, Is.Empty);
    }

    [Test]
    public void A_merged_mapping_is_new_and_spans_the_overriding_mapping()
    {
        var run = MergeTexts("services:\n  web:\n    image: a\n", "services:\n  web:\n    user: b\n");
        var web = At(run.Root, "services.web");
        Assert.That(web.Source.Path, Is.EqualTo("/p/override.yaml"));
        Assert.That(Written(web), Is.EqualTo("user: b"));
        Assert.That(ReferenceEquals(web, Find(run.Override.Root!, "services.web")), Is.False);
    }

    [Test]
    public void A_value_only_in_the_base_is_the_base_node_itself()
    {
        var run = MergeTexts("services:\n  web:\n    image: a\n    healthcheck:\n      interval: 5s\n", "services:\n  web:\n    user: b\n");
        Assert.That(ReferenceEquals(At(run.Root, "services.web.healthcheck"), Find(run.Base.Root!, "services.web.healthcheck")), Is.True);
    }

    [TestCase("volumes_from")]
    [TestCase("post_start")]
    public void Other_sequences_are_appended(string key)
    {
        var run = MergeTexts($"services:\n  web:\n    {key}:\n      - a\n      - b\n", $"services:\n  web:\n    {key}:\n      - b\n      - c\n");
        Assert.That(Values(run.Root, $"services.web.{key}"), Is.EqualTo(new[] { "a", "b", "b", "c" }));
        AssertWritten(At(run.Root, $"services.web.{key}[1]"), "base.yaml", "b", line: 5);
        AssertWritten(At(run.Root, $"services.web.{key}[2]"), "override.yaml", "b", line: 4);
    }

    [Test]
    public void Build_cache_from_is_appended()
    {
        var run = MergeTexts("services:\n  web:\n    build:\n      context: .\n      cache_from: [a]\n", "services:\n  web:\n    build:\n      cache_from: [b]\n");
        Assert.That(Values(run.Root, "services.web.build.cache_from"), Is.EqualTo(new[] { "a", "b" }));
        AssertWritten(At(run.Root, "services.web.build.context"), "base.yaml", ".");
    }

    [TestCase("command")]
    [TestCase("entrypoint")]
    public void Shell_commands_are_replaced_not_appended(string key)
    {
        var run = MergeTexts($"services:\n  web:\n    {key}: [\"echo\", \"foo\"]\n", $"services:\n  web:\n    {key}: [\"echo\", \"bar\"]\n");
        Assert.That(Values(run.Root, $"services.web.{key}"), Is.EqualTo(new[] { "echo", "bar" }));
        var command = At(run.Root, $"services.web.{key}");
        Assert.That(ReferenceEquals(command, Find(run.Override.Root!, $"services.web.{key}")), Is.True, "the overriding node itself");
        AssertWritten(command, "override.yaml", "[\"echo\", \"bar\"]", line: 3);
    }

    [Test]
    public void A_string_command_replaces_a_list()
    {
        var run = MergeTexts("services:\n  web:\n    command: [a, b]\n", "services:\n  web:\n    command: run it\n");
        AssertWritten(At(run.Root, "services.web.command"), "override.yaml", "run it");
        Assert.That(run.Diagnostics, Is.Empty);
    }

    [Test]
    public void Healthcheck_test_is_replaced_and_the_rest_of_healthcheck_merges()
    {
        var run = MergeTexts(
            "services:\n  web:\n    healthcheck:\n      test: [CMD, curl, -f, http://a]\n      interval: 5s\n",
            "services:\n  web:\n    healthcheck:\n      test: [CMD-SHELL, wget -q http://b]\n      retries: 3\n");
        Assert.That(Values(run.Root, "services.web.healthcheck.test"), Is.EqualTo(new[] { "CMD-SHELL", "wget -q http://b" }));
        AssertWritten(At(run.Root, "services.web.healthcheck.interval"), "base.yaml", "5s");
        AssertWritten(At(run.Root, "services.web.healthcheck.retries"), "override.yaml", "3");
    }

    // ---- unique sequences -----------------------------------------------------------------

    [TestCase("cap_add")]
    [TestCase("cap_drop")]
    [TestCase("profiles")]
    [TestCase("security_opt")]
    [TestCase("links")]
    [TestCase("external_links")]
    [TestCase("group_add")]
    [TestCase("expose")]
    [TestCase("dns")]
    [TestCase("dns_search")]
    [TestCase("dns_opt")]
    [TestCase("device_cgroup_rules")]
    public void Unique_sequences_drop_what_the_override_repeats(string key)
    {
        var run = MergeTexts($"services:\n  web:\n    {key}:\n      - one\n      - two\n", $"services:\n  web:\n    {key}:\n      - two\n      - three\n");
        Assert.That(Values(run.Root, $"services.web.{key}"), Is.EqualTo(new[] { "one", "two", "three" }));
        AssertWritten(At(run.Root, $"services.web.{key}[0]"), "base.yaml", "one", line: 4);
        AssertWritten(At(run.Root, $"services.web.{key}[1]"), "override.yaml", "two", line: 4);
        AssertWritten(At(run.Root, $"services.web.{key}[2]"), "override.yaml", "three", line: 5);
    }

    [Test]
    public void Duplicates_within_one_file_are_kept_for_rules_to_see()
    {
        var run = MergeTexts("services:\n  web:\n    cap_add: [NET_ADMIN, NET_ADMIN]\n", "services:\n  web:\n    cap_add: [CHOWN, CHOWN]\n");
        Assert.That(Values(run.Root, "services.web.cap_add"), Is.EqualTo(new[] { "NET_ADMIN", "NET_ADMIN", "CHOWN", "CHOWN" }));
    }

    [Test]
    public void Dns_as_a_string_merges_with_a_list()
    {
        var run = MergeTexts("services:\n  web:\n    dns: 8.8.8.8\n", "services:\n  web:\n    dns: [1.1.1.1, 8.8.8.8]\n");
        Assert.That(Values(run.Root, "services.web.dns"), Is.EqualTo(new[] { "8.8.8.8", "1.1.1.1" }));
        AssertWritten(At(run.Root, "services.web.dns[0]"), "override.yaml", "8.8.8.8");
    }

    [Test]
    public void Tmpfs_is_unique_by_the_text_before_the_equals_sign()
    {
        var run = MergeTexts("services:\n  web:\n    tmpfs: /run\n", "services:\n  web:\n    tmpfs:\n      - /run\n      - /tmp\n");
        Assert.That(Values(run.Root, "services.web.tmpfs"), Is.EqualTo(new[] { "/run", "/tmp" }));
        AssertWritten(At(run.Root, "services.web.tmpfs[0]"), "override.yaml", "/run", line: 4);
    }

    [Test]
    public void Env_file_is_unique_by_path_in_string_list_and_mapping_forms()
    {
        var run = MergeTexts(
            "services:\n  web:\n    env_file: common.env\n",
            "services:\n  web:\n    env_file:\n      - path: common.env\n        required: false\n      - local.env\n");
        var items = ((YamlSequence)At(run.Root, "services.web.env_file")).Items;
        Assert.That(items, Has.Length.EqualTo(2));
        Assert.That(Value(run.Root, "services.web.env_file[0].required"), Is.EqualTo("false"));
        AssertWritten(At(run.Root, "services.web.env_file[0].path"), "override.yaml", "common.env", line: 4);
        AssertWritten(items[1], "override.yaml", "local.env", line: 6);
    }

    [Test]
    public void Label_file_is_appended()
    {
        var run = MergeTexts("services:\n  web:\n    label_file: a.labels\n", "services:\n  web:\n    label_file: [b.labels]\n");
        Assert.That(Values(run.Root, "services.web.label_file"), Is.EqualTo(new[] { "a.labels", "b.labels" }));
        AssertWritten(At(run.Root, "services.web.label_file[0]"), "base.yaml", "a.labels");
    }

    // ---- keyed sequences ------------------------------------------------------------------

    [Test]
    public void Ports_are_unique_by_ip_published_target_and_protocol()
    {
        var run = MergeTexts(
            "services:\n  web:\n    ports:\n      - \"8080:80\"\n      - \"127.0.0.1:9000:9000\"\n      - target: 443\n        published: 8443\n      - \"53:53/udp\"\n",
            "services:\n  web:\n    ports:\n      - \"8080:80/tcp\"\n      - \"9000:9000\"\n      - \"8443:443\"\n      - \"53:53\"\n");
        Assert.That(Values(run.Root, "services.web.ports"), Is.EqualTo(new[] { "8080:80/tcp", "127.0.0.1:9000:9000", "8443:443", "53:53/udp", "9000:9000", "53:53" }));
        AssertWritten(At(run.Root, "services.web.ports[0]"), "override.yaml", "\"8080:80/tcp\"", line: 4);
        AssertWritten(At(run.Root, "services.web.ports[1]"), "base.yaml", "\"127.0.0.1:9000:9000\"", line: 5);
        AssertWritten(At(run.Root, "services.web.ports[2]"), "override.yaml", "\"8443:443\"", line: 6);
    }

    [Test]
    public void Volumes_are_unique_by_target()
    {
        var run = MergeTexts(
            "services:\n  web:\n    volumes:\n      - foo:/work\n      - ./data:/data:ro\n      - type: bind\n        source: ./conf\n        target: /etc/app\n      - C:\\cache:/cache\n",
            "services:\n  web:\n    volumes:\n      - bar:/work\n      - type: volume\n        source: appdata\n        target: /data\n      - /etc/app\n      - D:\\cache:/cache/\n      - logs:/logs\n");
        var volumes = (YamlSequence)At(run.Root, "services.web.volumes");
        Assert.That(volumes.Items, Has.Length.EqualTo(5));
        AssertWritten(volumes.Items[0], "override.yaml", "bar:/work", line: 4);
        Assert.That(Value(run.Root, "services.web.volumes[1].source"), Is.EqualTo("appdata"));
        AssertWritten(volumes.Items[2], "override.yaml", "/etc/app", line: 8);
        AssertWritten(volumes.Items[3], "override.yaml", "D:\\cache:/cache/", line: 9);
        AssertWritten(volumes.Items[4], "override.yaml", "logs:/logs", line: 10);
    }

    [Test]
    public void The_spec_example_keeps_only_the_overriding_volume()
    {
        var run = MergeTexts("services:\n  foo:\n    volumes:\n      - foo:/work\n", "services:\n  foo:\n    volumes:\n      - bar:/work\n");
        Assert.That(Values(run.Root, "services.foo.volumes"), Is.EqualTo(new[] { "bar:/work" }));
    }

    [Test]
    public void Secrets_and_configs_are_unique_by_target()
    {
        var run = MergeTexts(
            "services:\n  web:\n    secrets:\n      - db_password\n      - api_key\n    configs:\n      - source: a\n        target: /etc/a.conf\n      - c\n",
            "services:\n  web:\n    secrets:\n      - source: other_password\n        target: db_password\n      - source: key2\n        target: /run/secrets/api_key\n    configs:\n      - source: b\n        target: /etc/a.conf\n      - source: c\n        mode: 0440\n");
        Assert.That(Value(run.Root, "services.web.secrets[0].source"), Is.EqualTo("other_password"));
        Assert.That(Value(run.Root, "services.web.secrets[1].source"), Is.EqualTo("key2"));
        Assert.That(((YamlSequence)At(run.Root, "services.web.secrets")).Items, Has.Length.EqualTo(2));
        AssertWritten(At(run.Root, "services.web.configs[0].source"), "override.yaml", "b", line: 9);
        AssertWritten(At(run.Root, "services.web.configs[1].mode"), "override.yaml", "0440", line: 12);
        Assert.That(((YamlSequence)At(run.Root, "services.web.configs")).Items, Has.Length.EqualTo(2));
    }

    [Test]
    public void Devices_are_unique_by_the_path_in_the_container()
    {
        var run = MergeTexts("services:\n  web:\n    devices:\n      - /dev/sda:/dev/xvda:rwm\n      - /dev/fuse\n", "services:\n  web:\n    devices:\n      - /dev/sdb:/dev/xvda\n      - /dev/fuse\n");
        Assert.That(Values(run.Root, "services.web.devices"), Is.EqualTo(new[] { "/dev/sdb:/dev/xvda", "/dev/fuse" }));
        AssertWritten(At(run.Root, "services.web.devices[1]"), "override.yaml", "/dev/fuse", line: 5);
    }

    [Test]
    public void Blkio_device_lists_are_unique_by_path()
    {
        var run = MergeTexts(
            "services:\n  web:\n    blkio_config:\n      weight: 300\n      device_read_bps:\n        - path: /dev/sda\n          rate: 10mb\n",
            "services:\n  web:\n    blkio_config:\n      device_read_bps:\n        - path: /dev/sda\n          rate: 20mb\n        - path: /dev/sdb\n          rate: 5mb\n");
        Assert.That(((YamlSequence)At(run.Root, "services.web.blkio_config.device_read_bps")).Items, Has.Length.EqualTo(2));
        AssertWritten(At(run.Root, "services.web.blkio_config.device_read_bps[0].rate"), "override.yaml", "20mb");
        AssertWritten(At(run.Root, "services.web.blkio_config.weight"), "base.yaml", "300");
    }

    [Test]
    public void Ipam_configs_with_the_same_subnet_merge()
    {
        var run = MergeTexts(
            "networks:\n  front:\n    ipam:\n      driver: default\n      config:\n        - subnet: 172.28.0.0/16\n          gateway: 172.28.0.1\n",
            "networks:\n  front:\n    ipam:\n      config:\n        - subnet: 172.28.0.0/16\n          ip_range: 172.28.5.0/24\n        - subnet: 10.0.0.0/24\n");
        Assert.That(((YamlSequence)At(run.Root, "networks.front.ipam.config")).Items, Has.Length.EqualTo(2));
        AssertWritten(At(run.Root, "networks.front.ipam.config[0].gateway"), "base.yaml", "172.28.0.1", line: 7);
        AssertWritten(At(run.Root, "networks.front.ipam.config[0].ip_range"), "override.yaml", "172.28.5.0/24", line: 6);
        AssertWritten(At(run.Root, "networks.front.ipam.driver"), "base.yaml", "default");
    }

    // ---- list-or-mapping fields -----------------------------------------------------------

    [Test]
    public void Environment_lists_merge_by_key_in_place()
    {
        var run = MergeTexts("services:\n  web:\n    environment:\n      - FOO=1\n      - BAR=2\n", "services:\n  web:\n    environment:\n      - FOO=3\n      - BAZ\n");
        Assert.That(Values(run.Root, "services.web.environment"), Is.EqualTo(new[] { "FOO=3", "BAR=2", "BAZ" }));
        AssertWritten(At(run.Root, "services.web.environment[0]"), "override.yaml", "FOO=3", line: 4);
        AssertWritten(At(run.Root, "services.web.environment[1]"), "base.yaml", "BAR=2", line: 5);
    }

    [Test]
    public void Environment_mappings_merge_by_key()
    {
        var run = MergeTexts("services:\n  web:\n    environment:\n      FOO: \"1\"\n      BAR: \"2\"\n", "services:\n  web:\n    environment:\n      FOO: \"3\"\n      BAZ:\n");
        Assert.That(Keys(run.Root, "services.web.environment"), Is.EqualTo(new[] { "FOO", "BAR", "BAZ" }));
        AssertWritten(At(run.Root, "services.web.environment.FOO"), "override.yaml", "\"3\"", line: 4);
        AssertWritten(At(run.Root, "services.web.environment.BAR"), "base.yaml", "\"2\"", line: 5);
    }

    [Test]
    public void A_list_merged_with_a_mapping_gives_a_mapping_whose_parts_point_into_the_items()
    {
        var run = MergeTexts(
            "services:\n  web:\n    environment:\n      - FOO=1\n      - \"GREETING=hello world\"\n      - PASSTHROUGH\n      - EMPTY=\n      - DEBUG=true\n",
            "services:\n  web:\n    environment:\n      FOO: \"3\"\n");
        var environment = (YamlMapping)At(run.Root, "services.web.environment");
        Assert.That(Keys(run.Root, "services.web.environment"), Is.EqualTo(new[] { "FOO", "GREETING", "PASSTHROUGH", "EMPTY", "DEBUG" }));
        AssertWritten(environment["FOO"]!, "override.yaml", "\"3\"", line: 4);

        var greeting = environment.GetEntry("GREETING")!;
        AssertWritten(greeting.Key, "base.yaml", "GREETING", line: 5);
        AssertWritten(greeting.Value, "base.yaml", "hello world", line: 5);
        Assert.That(((YamlScalar)greeting.Value).Value, Is.EqualTo("hello world"));

        Assert.That(((YamlScalar)environment["PASSTHROUGH"]!).IsNull, Is.True, "a bare name has no value");
        var empty = (YamlScalar)environment["EMPTY"]!;
        Assert.That(empty.IsNull, Is.False, "EMPTY= is an empty string, not null");
        Assert.That(empty.Value, Is.Empty);
        var debug = (YamlScalar)environment["DEBUG"]!;
        Assert.That(debug.IsPlain, Is.False, "a value cut out of a list item is a string, not a YAML boolean");
        AssertWritten(debug, "base.yaml", "true", line: 8);
    }

    [Test]
    public void A_mapping_merged_with_a_list_gives_a_mapping()
    {
        var run = MergeTexts("services:\n  web:\n    labels:\n      com.example.team: web\n", "services:\n  web:\n    labels:\n      - com.example.team=api\n      - com.example.tier=front\n");
        Assert.That(Keys(run.Root, "services.web.labels"), Is.EqualTo(new[] { "com.example.team", "com.example.tier" }));
        var labels = (YamlMapping)At(run.Root, "services.web.labels");
        AssertWritten(labels["com.example.team"]!, "override.yaml", "api", line: 4);
        AssertWritten(labels.GetEntry("com.example.tier")!.Key, "override.yaml", "com.example.tier", line: 5);
    }

    [TestCase("labels")]
    [TestCase("annotations")]
    [TestCase("sysctls")]
    [TestCase("build.args")]
    [TestCase("build.labels")]
    [TestCase("build.additional_contexts")]
    [TestCase("deploy.labels")]
    public void Other_list_or_mapping_fields_merge_by_key(string field)
    {
        var (parent, key) = field.Contains('.') ? (field.Split('.')[0], field.Split('.')[1]) : ("", field);
        string Service(string body) => parent.Length == 0
            ? $"services:\n  web:\n    {key}:\n{body}"
            : $"services:\n  web:\n    {parent}:\n      {key}:\n{body}";
        var indent = parent.Length == 0 ? "      " : "        ";
        var run = MergeTexts(Service($"{indent}- a=1\n{indent}- b=2\n"), Service($"{indent}a: \"3\"\n"));
        var merged = (YamlMapping)At(run.Root, $"services.web.{field}");
        Assert.That(merged.Entries.Select(e => e.Key.Value), Is.EqualTo(new[] { "a", "b" }));
        AssertWritten(merged["a"]!, "override.yaml", "\"3\"");
        AssertWritten(merged["b"]!, "base.yaml", "2");
    }

    [Test]
    public void Extra_hosts_lists_drop_exact_duplicates_only()
    {
        var run = MergeTexts("services:\n  web:\n    extra_hosts:\n      - somehost=162.242.195.82\n      - other:10.0.0.1\n", "services:\n  web:\n    extra_hosts:\n      - somehost:162.242.195.82\n      - somehost=50.31.209.229\n");
        Assert.That(Values(run.Root, "services.web.extra_hosts"), Is.EqualTo(new[] { "somehost:162.242.195.82", "other:10.0.0.1", "somehost=50.31.209.229" }));
    }

    [Test]
    public void Extra_hosts_with_a_mapping_merge_by_host_and_keep_every_address()
    {
        var run = MergeTexts("services:\n  web:\n    extra_hosts:\n      somehost: 162.242.195.82\n      other: 10.0.0.1\n", "services:\n  web:\n    extra_hosts:\n      - somehost=50.31.209.229\n      - \"v6host=[::1]\"\n");
        Assert.That(Keys(run.Root, "services.web.extra_hosts"), Is.EqualTo(new[] { "somehost", "other", "v6host" }));
        var addresses = (YamlSequence)At(run.Root, "services.web.extra_hosts.somehost");
        AssertWritten(addresses.Items[0], "base.yaml", "162.242.195.82", line: 4);
        AssertWritten(addresses.Items[1], "override.yaml", "50.31.209.229", line: 4);
        AssertWritten(At(run.Root, "services.web.extra_hosts.v6host"), "override.yaml", "[::1]", line: 5);
    }

    // ---- build, depends_on, networks, logging, ulimits -------------------------------------

    [Test]
    public void A_build_string_is_a_context_and_merges_with_a_mapping()
    {
        var run = MergeTexts("services:\n  web:\n    build: ./app\n", "services:\n  web:\n    build:\n      dockerfile: Dockerfile.dev\n");
        Assert.That(Keys(run.Root, "services.web.build"), Is.EqualTo(new[] { "context", "dockerfile" }));
        AssertWritten(At(run.Root, "services.web.build.context"), "base.yaml", "./app", line: 3);
        AssertWritten(At(run.Root, "services.web.build.dockerfile"), "override.yaml", "Dockerfile.dev", line: 4);
    }

    [Test]
    public void A_build_string_overrides_the_context_of_a_mapping()
    {
        var run = MergeTexts("services:\n  web:\n    build:\n      context: ./a\n      target: dev\n", "services:\n  web:\n    build: ./b\n");
        AssertWritten(At(run.Root, "services.web.build.context"), "override.yaml", "./b");
        AssertWritten(At(run.Root, "services.web.build.target"), "base.yaml", "dev");
    }

    [Test]
    public void Depends_on_lists_stay_a_unique_list()
    {
        var run = MergeTexts("services:\n  web:\n    depends_on: [db, cache]\n", "services:\n  web:\n    depends_on: [cache, queue]\n");
        Assert.That(Values(run.Root, "services.web.depends_on"), Is.EqualTo(new[] { "db", "cache", "queue" }));
    }

    [Test]
    public void Depends_on_list_items_get_the_default_condition_when_merged_with_a_mapping()
    {
        var run = MergeTexts(
            "services:\n  web:\n    depends_on:\n      db:\n        condition: service_healthy\n",
            "services:\n  web:\n    depends_on:\n      - cache\n");
        Assert.That(Keys(run.Root, "services.web.depends_on"), Is.EqualTo(new[] { "db", "cache" }));
        AssertWritten(At(run.Root, "services.web.depends_on.db.condition"), "base.yaml", "service_healthy", line: 5);
        Assert.That(Value(run.Root, "services.web.depends_on.cache.condition"), Is.EqualTo("service_started"));
        AssertWritten(At(run.Root, "services.web.depends_on.cache.condition"), "override.yaml", "cache", line: 4);
        var key = ((YamlMapping)At(run.Root, "services.web.depends_on")).GetEntry("cache")!.Key;
        Assert.That(ReferenceEquals(key, ((YamlSequence)Find(run.Override.Root!, "services.web.depends_on")!).Items[0]), Is.True, "the name is the list item itself");
    }

    [Test]
    public void Service_networks_list_and_mapping_merge_by_name_and_aliases_stay_unique()
    {
        var run = MergeTexts(
            "services:\n  web:\n    networks:\n      - front\n      - back\n",
            "services:\n  web:\n    networks:\n      back:\n        aliases: [api, api2]\n");
        Assert.That(Keys(run.Root, "services.web.networks"), Is.EqualTo(new[] { "front", "back" }));
        Assert.That(((YamlScalar)At(run.Root, "services.web.networks.front")).IsNull, Is.True);
        AssertWritten(((YamlMapping)At(run.Root, "services.web.networks")).GetEntry("front")!.Key, "base.yaml", "front", line: 4);
        AssertWritten(At(run.Root, "services.web.networks.back.aliases[1]"), "override.yaml", "api2", line: 5);

        var again = MergeTexts(
            "services:\n  web:\n    networks:\n      back:\n        aliases: [api]\n        ipv4_address: 10.0.0.2\n",
            "services:\n  web:\n    networks:\n      back:\n        aliases: [api, web]\n");
        Assert.That(Values(again.Root, "services.web.networks.back.aliases"), Is.EqualTo(new[] { "api", "web" }));
        AssertWritten(At(again.Root, "services.web.networks.back.ipv4_address"), "base.yaml", "10.0.0.2");
    }

    [Test]
    public void Logging_options_merge_when_the_driver_stays_the_same()
    {
        var run = MergeTexts(
            "services:\n  web:\n    logging:\n      driver: syslog\n      options:\n        syslog-address: tcp://192.168.0.42:123\n        tag: web\n",
            "services:\n  web:\n    logging:\n      driver: syslog\n      options:\n        syslog-address: tcp://127.0.0.1:123\n");
        AssertWritten(At(run.Root, "services.web.logging.options.syslog-address"), "override.yaml", "tcp://127.0.0.1:123");
        AssertWritten(At(run.Root, "services.web.logging.options.tag"), "base.yaml", "web");
    }

    [Test]
    public void Logging_with_another_driver_is_replaced()
    {
        var run = MergeTexts(
            "services:\n  web:\n    logging:\n      driver: local\n      options:\n        max-size: 10m\n",
            "services:\n  web:\n    logging:\n      driver: syslog\n      options:\n        syslog-address: tcp://127.0.0.1:123\n");
        Assert.That(Keys(run.Root, "services.web.logging.options"), Is.EqualTo(new[] { "syslog-address" }));
        AssertWritten(At(run.Root, "services.web.logging.driver"), "override.yaml", "syslog");
    }

    [Test]
    public void Each_ulimit_is_replaced_whole()
    {
        var run = MergeTexts(
            "services:\n  web:\n    ulimits:\n      nproc: 65535\n      nofile:\n        soft: 20000\n        hard: 40000\n",
            "services:\n  web:\n    ulimits:\n      nofile: 1024\n");
        AssertWritten(At(run.Root, "services.web.ulimits.nofile"), "override.yaml", "1024");
        AssertWritten(At(run.Root, "services.web.ulimits.nproc"), "base.yaml", "65535");
    }

    [Test]
    public void Top_level_resources_merge_like_mappings()
    {
        var run = MergeTexts(
            "volumes:\n  data:\n    driver: local\nnetworks:\n  front:\n    labels: [a=1]\nx-common: &c\n  retries: 1\n",
            "volumes:\n  data:\n    labels:\n      backup: \"yes\"\n  logs:\nnetworks:\n  front:\n    labels:\n      b: \"2\"\n");
        AssertWritten(At(run.Root, "volumes.data.driver"), "base.yaml", "local");
        AssertWritten(At(run.Root, "volumes.data.labels.backup"), "override.yaml", "\"yes\"");
        Assert.That(Keys(run.Root, "volumes"), Is.EqualTo(new[] { "data", "logs" }));
        Assert.That(Keys(run.Root, "networks.front.labels"), Is.EqualTo(new[] { "a", "b" }));
        AssertWritten(At(run.Root, "x-common.retries"), "base.yaml", "1");
    }

    // ---- !reset, !override, null ----------------------------------------------------------

    [Test]
    public void The_spec_reset_example_removes_ports_and_a_variable()
    {
        var run = MergeTexts(
            "services:\n  app:\n    image: myapp\n    ports:\n      - \"8080:80\"\n    environment:\n      FOO: BAR\n",
            "services:\n  app:\n    image: myapp\n    ports: !reset []\n    environment:\n      FOO: !reset null\n");
        Assert.That(Keys(run.Root, "services.app"), Is.EqualTo(new[] { "image", "environment" }));
        Assert.That(Keys(run.Root, "services.app.environment"), Is.Empty);
        AssertNoMergeTags(run.Root);
    }

    [Test]
    public void Reset_removes_a_key_of_a_list_form_environment_and_an_item_of_a_keyed_list()
    {
        var run = MergeTexts(
            "services:\n  app:\n    environment:\n      - FOO=1\n      - BAR=2\n    ports:\n      - \"8080:80\"\n      - \"9090:90\"\n",
            "services:\n  app:\n    environment:\n      - !reset FOO\n    ports:\n      - !reset \"8080:80\"\n");
        Assert.That(Values(run.Root, "services.app.environment"), Is.EqualTo(new[] { "BAR=2" }));
        Assert.That(Values(run.Root, "services.app.ports"), Is.EqualTo(new[] { "9090:90" }));
        AssertNoMergeTags(run.Root);
    }

    [Test]
    public void Reset_of_a_whole_service_removes_it()
    {
        var run = MergeTexts("services:\n  app:\n    image: a\n  debug:\n    image: b\n", "services:\n  debug: !reset {}\n");
        Assert.That(Keys(run.Root, "services"), Is.EqualTo(new[] { "app" }));
    }

    [Test]
    public void The_spec_override_example_replaces_the_ports()
    {
        var run = MergeTexts(
            "services:\n  app:\n    image: myapp\n    ports:\n      - \"8080:80\"\n",
            "services:\n  app:\n    ports: !override\n      - \"8443:443\"\n");
        Assert.That(Values(run.Root, "services.app.ports"), Is.EqualTo(new[] { "8443:443" }));
        var ports = At(run.Root, "services.app.ports");
        Assert.That(ports.Tag, Is.Null);
        Assert.That(ports.Source.Path, Is.EqualTo("/p/override.yaml"));
        AssertWritten(At(run.Root, "services.app.ports[0]"), "override.yaml", "\"8443:443\"", line: 4);
        AssertWritten(At(run.Root, "services.app.image"), "base.yaml", "myapp");
    }

    [Test]
    public void Override_replaces_a_mapping_instead_of_merging_it()
    {
        var run = MergeTexts("services:\n  app:\n    environment:\n      A: \"1\"\n      B: \"2\"\n", "services:\n  app:\n    environment: !override\n      C: \"3\"\n");
        Assert.That(Keys(run.Root, "services.app.environment"), Is.EqualTo(new[] { "C" }));
        AssertNoMergeTags(run.Root);
    }

    [Test]
    public void Tags_inside_values_the_override_adds_are_removed_too()
    {
        var run = MergeTexts(
            "services:\n  app:\n    image: a\n",
            "services:\n  worker:\n    image: !override w\n    environment:\n      DROP: !reset x\n      KEEP: \"1\"\n    ports: !override [\"80:80\"]\n");
        AssertNoMergeTags(run.Root);
        Assert.That(Keys(run.Root, "services.worker.environment"), Is.EqualTo(new[] { "KEEP" }));
        AssertWritten(At(run.Root, "services.worker.image"), "override.yaml", "w", line: 3);
        Assert.That(Value(run.Root, "services.worker.image"), Is.EqualTo("w"));
    }

    [Test]
    public void A_null_override_keeps_the_base_value()
    {
        var run = MergeTexts("services:\n  app:\n    environment:\n      A: \"1\"\n    image: a\n", "services:\n  app:\n    environment:\n    image:\n");
        AssertWritten(At(run.Root, "services.app.environment.A"), "base.yaml", "\"1\"");
        AssertWritten(At(run.Root, "services.app.image"), "base.yaml", "a");
    }

    [Test]
    public void Remove_merge_tags_cleans_a_single_document_and_keeps_clean_ones_as_they_are()
    {
        var tagged = YamlLoader.Load("services:\n  app:\n    image: !override a\n    ports: !reset []\n", "/p/one.yaml").Root!;
        var cleaned = ComposeMerger.RemoveMergeTags(tagged)!;
        Assert.That(Keys(cleaned, "services.app"), Is.EqualTo(new[] { "image" }));
        AssertNoMergeTags(cleaned);

        var clean = YamlLoader.Load("services:\n  app:\n    image: a\n", "/p/two.yaml").Root!;
        Assert.That(ReferenceEquals(ComposeMerger.RemoveMergeTags(clean), clean), Is.True);
    }

    [Test]
    public void Merging_only_a_base_removes_its_tags()
    {
        var base_ = YamlLoader.Load("services:\n  app:\n    ports: !reset [\"80:80\"]\n    image: a\n", "/p/base.yaml").Root!;
        var merged = ComposeMerger.Merge(base_, null)!;
        Assert.That(Keys(merged, "services.app"), Is.EqualTo(new[] { "image" }));
    }

    // ---- errors and edge cases ------------------------------------------------------------

    [Test]
    public void A_scalar_overriding_a_sequence_is_reported_and_the_override_is_used()
    {
        var run = MergeTexts("services:\n  web:\n    ports:\n      - \"80:80\"\n", "services:\n  web:\n    ports: \"81:81\"\n");
        AssertWritten(At(run.Root, "services.web.ports"), "override.yaml", "\"81:81\"");
        var diagnostic = run.Diagnostics.Single();
        Assert.That(diagnostic.Id, Is.EqualTo("DC0030"));
        Assert.That(Spanned(diagnostic, run.Base, run.Override), Is.EqualTo("\"81:81\""));
        Assert.That(diagnostic.GetMessage(), Does.Contain("/p/base.yaml:4"));
    }

    [Test]
    public void A_mapping_overriding_a_sequence_is_reported()
    {
        var run = MergeTexts("services:\n  web:\n    post_start:\n      - command: a\n", "services:\n  web:\n    post_start:\n      command: b\n");
        Assert.That(Dc0030(run.Diagnostics), Has.Length.EqualTo(1));
        Assert.That(At(run.Root, "services.web.post_start"), Is.InstanceOf<YamlMapping>());
    }

    [Test]
    public void Anchored_values_merge_as_the_anchored_node()
    {
        var run = MergeTexts(
            "x-env: &env\n  A: \"1\"\nservices:\n  web:\n    environment: *env\n",
            "services:\n  web:\n    environment:\n      B: \"2\"\n");
        AssertWritten(At(run.Root, "services.web.environment.A"), "base.yaml", "\"1\"", line: 2);
        AssertWritten(At(run.Root, "services.web.environment.B"), "override.yaml", "\"2\"", line: 4);
    }

    [Test]
    public void Merge_service_applies_the_rules_at_the_service_level()
    {
        var baseFile = YamlLoader.Load("image: a\ncommand: [x]\nports: [\"80:80\"]\n", "/p/base.yaml");
        var serviceFile = YamlLoader.Load("command: [y]\nports: [\"80:80\", \"81:81\"]\n", "/p/service.yaml");
        var merged = ComposeMerger.MergeService(baseFile.Root, serviceFile.Root)!;
        Assert.That(Values(merged, "command"), Is.EqualTo(new[] { "y" }));
        Assert.That(Values(merged, "ports"), Is.EqualTo(new[] { "80:80", "81:81" }));
        AssertWritten(At(merged, "image"), "base.yaml", "a");
    }

    [Test]
    public void Deep_values_merge_without_overflowing_the_stack()
    {
        const int depth = 400;
        string Nest(string leaf) => "x-deep:\n" + string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', (i + 1) * 2) + "k:\n")) + new string(' ', (depth + 1) * 2) + leaf + "\n";
        var run = MergeTexts(Nest("a: 1"), Nest("b: 2"));
        var node = At(run.Root, "x-deep");
        for (var i = 0; i < depth; i++)
        {
            node = ((YamlMapping)node)["k"]!;
        }

        Assert.That(((YamlMapping)node).Entries.Select(e => e.Key.Value), Is.EqualTo(new[] { "a", "b" }));
    }
}
