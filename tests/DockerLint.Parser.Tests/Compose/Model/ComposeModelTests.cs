using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Tests.Compose.Model;

/// <summary>The typed Compose model over a single file (no interpolation).</summary>
public sealed class ComposeModelTests
{
    private static (ComposeProject Project, IReadOnlyDictionary<int, TextSpan> Spans) Build(string markup)
    {
        var (text, spans) = Markup.Parse(markup);
        var file = YamlLoader.Load(text, "compose.yaml");
        Assert.That(file.Diagnostics, Is.Empty);
        return (ComposeProject.Create((YamlMapping)file.Root!, NoInterpolation.Instance, [file], file.Diagnostics), spans);
    }

    private static ComposeService Service(string yaml) => Build("services:\n  s:\n" + yaml).Project.Services.Single();

    [Test]
    public void Services_and_top_level_resources()
    {
        var (project, spans) = Build("name: shop\nservices:\n  {|#0:web|}:\n    image: {|#1:nginx:1.27|}\n  db:\n    image: postgres\nnetworks:\n  front:\n  back:\n    internal: true\nvolumes:\n  data:\n    external: true\nsecrets:\n  token:\n    file: ./token.txt\nconfigs:\n  app:\n    content: hello\nx-common: {}\n");
        Assert.That(project.Name!.Value, Is.EqualTo("shop"));
        Assert.That(project.Services.Select(s => s.Name), Is.EqualTo(new[] { "web", "db" }));
        Assert.That(project.Services[0].NameNode.Span, Is.EqualTo(spans[0]));
        Assert.That(project.Services[0].Image!.Span, Is.EqualTo(spans[1]));
        Assert.That(project.Networks.Select(n => (n.Name, n.Internal)), Is.EqualTo(new[] { ("front", false), ("back", true) }));
        Assert.That(project.Volumes.Single().External, Is.True);
        Assert.That(project.Secrets.Single().File!.Value, Is.EqualTo("./token.txt"));
        Assert.That(project.Configs.Single().Content!.Value, Is.EqualTo("hello"));
        Assert.That(project.Extensions.Single().Key.Value, Is.EqualTo("x-common"));
        Assert.That(project.FindService("db")!.Image!.Value, Is.EqualTo("postgres"));
    }

    [Test]
    public void Environment_in_list_and_mapping_form()
    {
        var list = Service("    environment:\n      - A=1\n      - B\n      - C=x=y\n");
        Assert.That(list.Environment.Select(e => (e.Key, e.Value?.Value)), Is.EqualTo(new[] { ("A", "1"), ("B", (string?)null), ("C", "x=y") }));
        var (project, spans) = Build("services:\n  s:\n    environment:\n      {|#0:PASSWORD|}: {|#1:secret|}\n      EMPTY:\n");
        var env = project.Services.Single().Environment;
        Assert.That(env[0].KeyNode.Span, Is.EqualTo(spans[0]));
        Assert.That(env[0].Value!.Span, Is.EqualTo(spans[1]));
        Assert.That(env[1].Value, Is.Null);
        var (listProject, listSpans) = Build("services:\n  s:\n    environment:\n      - PASSWORD={|#0:secret|}\n");
        Assert.That(listProject.Services.Single().Environment.Single().Value!.Span, Is.EqualTo(listSpans[0]), "a list item's value points after the '='");
    }

    [TestCase("\"8080:80\"", null, 8080, 80, "tcp")]
    [TestCase("\"127.0.0.1:8080:80/udp\"", "127.0.0.1", 8080, 80, "udp")]
    [TestCase("\"[::1]:8080:80\"", "::1", 8080, 80, "tcp")]
    [TestCase("\"3000\"", null, null, 3000, "tcp")]
    [TestCase("3000", null, null, 3000, "tcp")]
    [TestCase("\"9000-9001:9000-9001\"", null, 9000, 9000, "tcp")]
    [TestCase("\"0.0.0.0:53:53/udp\"", "0.0.0.0", 53, 53, "udp")]
    public void Short_syntax_ports(string port, string? hostIp, int? published, int target, string protocol)
    {
        var p = Service($"    ports:\n      - {port}\n").Ports.Single();
        Assert.That(p.Error, Is.Null);
        Assert.That(p.HostIp, Is.EqualTo(hostIp));
        Assert.That(p.Published?.Start, Is.EqualTo(published));
        Assert.That(p.Target!.Value.Start, Is.EqualTo(target));
        Assert.That(p.Protocol, Is.EqualTo(protocol));
        Assert.That(p.IsLongSyntax, Is.False);
    }

    [Test]
    public void Published_on_all_interfaces()
    {
        var ports = Service("    ports:\n      - \"80:80\"\n      - \"127.0.0.1:81:81\"\n      - \"0.0.0.0:82:82\"\n      - \"83\"\n").Ports;
        Assert.That(ports.Select(p => p.IsPublishedOnAllInterfaces), Is.EqualTo(new[] { true, false, true, false }));
    }

    [Test]
    public void Long_syntax_port()
    {
        var p = Service("    ports:\n      - target: 80\n        published: \"8080\"\n        host_ip: 127.0.0.1\n        protocol: udp\n        mode: host\n").Ports.Single();
        Assert.That((p.IsLongSyntax, p.Target!.Value.Start, p.Published!.Value.Start, p.HostIp, p.Protocol, p.Mode), Is.EqualTo((true, (int?)80, (int?)8080, "127.0.0.1", "udp", "host")));
    }

    [TestCase("\"abc:80\"")]
    [TestCase("\"80:99999\"")]
    [TestCase("\"80/http\"")]
    public void Invalid_ports_have_an_error(string port)
    {
        Assert.That(Service($"    ports:\n      - {port}\n").Ports.Single().Error, Is.Not.Null);
    }

    [Test]
    public void Volumes_short_and_long()
    {
        var volumes = Service("    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n      - data:/var/lib/data\n      - ./conf:/etc/app:rw,rshared\n      - /cache\n      - C:\\data:C:\\app\n      - type: bind\n        source: /etc\n        target: /host-etc\n        read_only: true\n        bind:\n          propagation: rslave\n").Volumes;
        Assert.That(volumes.Select(v => (v.Type, v.Source, v.Target, v.ReadOnly)), Is.EqualTo(new (string?, string?, string?, bool)[]
        {
            ("bind", "/var/run/docker.sock", "/var/run/docker.sock", true),
            ("volume", "data", "/var/lib/data", false),
            ("bind", "./conf", "/etc/app", false),
            ("volume", null, "/cache", false),
            ("bind", "C:\\data", "C:\\app", false),
            ("bind", "/etc", "/host-etc", true),
        }));
        Assert.That(volumes[2].Propagation, Is.EqualTo("rshared"));
        Assert.That(volumes[5].Propagation, Is.EqualTo("rslave"));
        Assert.That(volumes[5].IsLongSyntax, Is.True);
    }

    [Test]
    public void Build_as_string_and_mapping()
    {
        Assert.That(Service("    build: ./app\n").Build!.Context!.Value, Is.EqualTo("./app"));
        var build = Service("    build:\n      context: .\n      dockerfile: docker/Dockerfile\n      target: prod\n      args:\n        - VERSION=1\n      secrets: [npm]\n      cache_from: [app:cache]\n").Build!;
        Assert.That((build.Context!.Value, build.Dockerfile!.Value, build.Target!.Value), Is.EqualTo((".", "docker/Dockerfile", "prod")));
        Assert.That(build.Args.Single().Key, Is.EqualTo("VERSION"));
        Assert.That(build.Secrets.Single().Source, Is.EqualTo("npm"));
        Assert.That(build.CacheFrom.Single().Value, Is.EqualTo("app:cache"));
    }

    [Test]
    public void Commands_in_both_forms()
    {
        var service = Service("    command: [\"npm\", \"start\"]\n    entrypoint: /docker-entrypoint.sh --flag\n");
        Assert.That(service.Command!.IsList, Is.True);
        Assert.That(service.Command.Items.Select(i => i.Value), Is.EqualTo(new[] { "npm", "start" }));
        Assert.That(service.Entrypoint!.IsList, Is.False);
        Assert.That(service.Entrypoint.Items.Single().Value, Is.EqualTo("/docker-entrypoint.sh --flag"));
    }

    [Test]
    public void Depends_on_in_both_forms()
    {
        Assert.That(Service("    depends_on: [db, cache]\n").DependsOn.Select(d => (d.Service, d.Condition)),
            Is.EqualTo(new[] { ("db", "service_started"), ("cache", "service_started") }));
        var deps = Service("    depends_on:\n      db:\n        condition: service_healthy\n      cache:\n        condition: service_started\n        required: false\n").DependsOn;
        Assert.That(deps.Select(d => (d.Service, d.Condition, d.Required)), Is.EqualTo(new[] { ("db", "service_healthy", true), ("cache", "service_started", false) }));
    }

    [Test]
    public void Healthcheck_disable_and_none()
    {
        Assert.That(Service("    healthcheck:\n      disable: true\n").Healthcheck!.IsDisabled, Is.True);
        Assert.That(Service("    healthcheck:\n      test: [\"NONE\"]\n").Healthcheck!.IsDisabled, Is.True);
        var hc = Service("    healthcheck:\n      test: [\"CMD\", \"curl\", \"-f\", \"http://localhost\"]\n      interval: 30s\n      retries: 3\n").Healthcheck!;
        Assert.That(hc.IsDisabled, Is.False);
        Assert.That(hc.Interval!.Value, Is.EqualTo("30s"));
        Assert.That(hc.Retries, Is.EqualTo(3));
    }

    [Test]
    public void Least_privilege_settings()
    {
        var service = Service("    privileged: true\n    user: root\n    cap_add: [SYS_ADMIN]\n    cap_drop: [ALL]\n    security_opt: [\"seccomp:unconfined\"]\n    network_mode: host\n    pid: host\n    read_only: true\n");
        Assert.That(service.Privileged!.AsBool(), Is.True);
        Assert.That(service.User!.Value, Is.EqualTo("root"));
        Assert.That(service.CapAdd.Single().Value, Is.EqualTo("SYS_ADMIN"));
        Assert.That(service.CapDrop.Single().Value, Is.EqualTo("ALL"));
        Assert.That(service.SecurityOpt.Single().Value, Is.EqualTo("seccomp:unconfined"));
        Assert.That(service.NetworkMode!.Value, Is.EqualTo("host"));
        Assert.That(service.Pid!.Value, Is.EqualTo("host"));
        Assert.That(service.ReadOnly!.AsBool(), Is.True);
    }

    [Test]
    public void Resources_logging_and_lifecycle()
    {
        var service = Service("    deploy:\n      resources:\n        limits:\n          cpus: \"0.5\"\n          memory: 512M\n          pids: 100\n        reservations:\n          memory: 128M\n    mem_limit: 1g\n    logging:\n      driver: json-file\n      options:\n        max-size: 10m\n    restart: unless-stopped\n");
        Assert.That((service.Limits!.Cpus!.Value, service.Limits.Memory!.Value, service.Limits.Pids!.Value), Is.EqualTo(("0.5", "512M", "100")));
        Assert.That(service.Reservations!.Memory!.Value, Is.EqualTo("128M"));
        Assert.That(service.MemLimit!.Value, Is.EqualTo("1g"));
        Assert.That(service.LoggingDriver!.Value, Is.EqualTo("json-file"));
        Assert.That(service.LoggingOptions.Single().Key, Is.EqualTo("max-size"));
        Assert.That(service.Restart!.Value, Is.EqualTo("unless-stopped"));
    }

    [Test]
    public void Ulimits_and_devices_in_both_forms()
    {
        var service = Service("    ulimits:\n      nproc: 65535\n      nofile:\n        soft: 1024\n        hard: 2048\n    devices:\n      - /dev/ttyUSB0:/dev/ttyUSB1:rwm\n      - /dev/fuse\n      - source: /dev/kvm\n        target: /dev/kvm\n");
        Assert.That(service.Ulimits.Select(u => (u.Name, u.Soft!.Value, u.Hard!.Value)), Is.EqualTo(new[] { ("nproc", "65535", "65535"), ("nofile", "1024", "2048") }));
        Assert.That(service.Devices.Select(d => (d.Source, d.Target, d.Permissions)), Is.EqualTo(new[]
        {
            ("/dev/ttyUSB0", "/dev/ttyUSB1", "rwm"), ("/dev/fuse", "/dev/fuse", (string?)null), ("/dev/kvm", "/dev/kvm", null),
        }));
    }

    [Test]
    public void Networks_secrets_configs_references_and_env_files()
    {
        var service = Service("    networks:\n      front:\n        aliases: [web]\n      back:\n    secrets:\n      - token\n      - source: cert\n        target: /run/cert.pem\n    configs: [app]\n    env_file:\n      - .env\n      - path: ./local.env\n        required: false\n");
        Assert.That(service.Networks.Select(n => n.Name), Is.EqualTo(new[] { "front", "back" }));
        Assert.That(service.Secrets.Select(s => (s.Source, s.Target)), Is.EqualTo(new[] { ("token", (string?)null), ("cert", "/run/cert.pem") }));
        Assert.That(service.Configs.Single().Source, Is.EqualTo("app"));
        Assert.That(service.EnvFiles.Select(e => (e.Path.Value, e.Required)), Is.EqualTo(new[] { (".env", true), ("./local.env", false) }));
        Assert.That(Service("    env_file: .env\n").EnvFiles.Single().Path.Value, Is.EqualTo(".env"));
    }

    [Test]
    public void Sub_spans_of_a_plain_or_quoted_value()
    {
        var (project, spans) = Build("services:\n  a:\n    image: nginx:{|#0:latest|}\n  b:\n    image: \"redis:{|#1:7|}\"\n");
        var a = project.Services[0].Image!;
        Assert.That(a.GetSpan(6, 6), Is.EqualTo(spans[0]));
        var b = project.Services[1].Image!;
        Assert.That(b.GetSpan(6, 1), Is.EqualTo(spans[1]));
    }
}
