using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>A service mounts a host system directory (<c>/</c>, <c>/etc</c>, <c>/proc</c>, <c>/var/lib/docker</c> …) or a credentials folder of a home directory.</summary>
public sealed class DC1014SensitiveHostPathMounted : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC1014",
        "Sensitive host path mounted",
        "'{0}' mounts {1} {2} ({3}); mount only the files the service needs, read-only",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "The service mounts a host system directory or credentials, which exposes the host's configuration, kernel interfaces, other containers or secrets to it.",
        "CWE-668",
        "CWE-732");

    /// <summary>
    /// Sensitive host paths, most specific first, with what they hold. Those marked Whole count only
    /// when mounted whole (a project folder in a home directory, one database socket under /run, an
    /// application's folder under /etc or /usr/share are the service's own).
    /// </summary>
    private static readonly (string Path, string What, bool Whole)[] s_paths =
    [
        ("/var/lib/docker", "Docker's data (every container's files)", false),
        ("/var/lib/containerd", "containerd's data (every container's files)", false),
        ("/var/lib/kubelet", "the kubelet's data", false),
        ("/etc/kubernetes", "the Kubernetes configuration", false),
        ("/etc/docker", "the Docker daemon's configuration", false),
        ("/etc/passwd", "the host's user accounts", false),
        ("/etc/shadow", "the host's password hashes", false),
        ("/etc/gshadow", "the host's password hashes", false),
        ("/etc/group", "the host's user groups", false),
        ("/etc/sudoers", "the host's sudo rules", false),
        ("/etc/sudoers.d", "the host's sudo rules", false),
        ("/etc/ssh", "the host's SSH keys and configuration", false),
        ("/etc/crontab", "the host's scheduled jobs", false),
        ("/etc/cron.d", "the host's scheduled jobs", false),
        ("/etc/systemd", "the host's services", false),
        ("/etc/pam.d", "the host's login rules", false),
        ("/etc/ld.so.preload", "the host's preloaded libraries", false),
        ("/etc", "the host's configuration", true),
        ("/var/run", "the host's runtime sockets", true),
        ("/run", "the host's runtime sockets", true),
        ("/proc", "the host's kernel interface (/proc)", false),
        ("/sys", "the host's kernel interface (/sys)", false),
        ("/boot", "the host's kernel and boot loader", false),
        ("/dev", "the host's devices", false),
        ("/root", "root's home directory", true),
        ("/home", "users' home directories", true),
        ("/usr/bin", "the host's programs", false),
        ("/usr/sbin", "the host's programs", false),
        ("/usr/lib", "the host's libraries", false),
        ("/usr/lib64", "the host's libraries", false),
        ("/usr/libexec", "the host's programs", false),
        ("/usr/local/bin", "the host's programs", false),
        ("/usr/local/sbin", "the host's programs", false),
        ("/usr", "the host's programs", true),
        ("/bin", "the host's programs", false),
        ("/sbin", "the host's programs", false),
        ("/lib", "the host's libraries", false),
        ("/lib32", "the host's libraries", false),
        ("/lib64", "the host's libraries", false),
        ("/", "the host's whole file system", true),
    ];

    /// <summary>Files of those directories that are harmless to share.</summary>
    private static readonly string[] s_harmless =
    [
        "/etc/localtime", "/etc/timezone", "/usr/share/zoneinfo", "/dev/shm", "/dev/null", "/dev/urandom", "/dev/random",
        "/dev/dri", "/dev/snd", "/dev/net/tun", "/dev/fuse", "/dev/bus/usb", "/dev/serial", "/dev/input", "/dev/video0",
    ];

    /// <summary>Files that are harmless to read but not to write.</summary>
    private static readonly string[] s_harmlessReadOnly =
    [
        "/etc/ssl/certs", "/etc/ca-certificates", "/etc/pki/ca-trust", "/usr/share/ca-certificates", "/usr/local/share/ca-certificates",
        "/etc/hostname", "/etc/machine-id", "/etc/os-release", "/usr/lib/os-release", "/etc/resolv.conf", "/etc/hosts",
    ];

    /// <summary>Credential folders of a home directory.</summary>
    private static readonly string[] s_credentials = [".ssh", ".aws", ".kube", ".docker", ".gnupg", ".azure", ".config/gcloud"];

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:1c1325ff-831d-43a1-973e-839ae57dfcc0"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 7.0;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a bind mount (short or long syntax, or a named volume whose `driver_opts.device`
        binds a host directory) of:

        - the whole host file system `/`, `/etc`, `/usr`, `/run`, `/var/run`, `/root`, `/home` or
          one user's home (`/home/alice`) — a folder of an application inside them
          (`/etc/pihole`, `/usr/share/appdata/x`, `/var/run/mysqld/mysqld.sock`,
          `/home/alice/app/data`) is the service's own and is not reported;
        - anything under `/proc`, `/sys`, `/boot`, `/dev`, `/bin`, `/sbin`, `/lib*`, `/usr/bin`,
          `/usr/sbin`, `/usr/lib*`, `/usr/local/bin`, `/var/lib/docker`, `/var/lib/containerd`,
          `/var/lib/kubelet`;
        - the host's accounts, keys and startup configuration: `/etc/passwd`, `/etc/shadow`,
          `/etc/group`, `/etc/sudoers*`, `/etc/ssh`, `/etc/crontab`, `/etc/cron.d`, `/etc/systemd`,
          `/etc/pam.d`, `/etc/ld.so.preload`, `/etc/docker`, `/etc/kubernetes`;
        - the credential folders of a home directory (`~/.ssh`, `~/.aws`, `~/.kube`, `~/.docker`,
        `~/.gnupg`, `~/.azure`, `~/.config/gcloud`, also through `$HOME`). The message says whether the
        mount is writable — worse — or read-only.

        Not reported: the time zone files (`/etc/localtime`, `/etc/timezone`, `/usr/share/zoneinfo`),
        harmless devices (`/dev/shm`, `/dev/null`, `/dev/dri`, `/dev/net/tun` …), and, when mounted
        read-only, CA certificates, `/etc/hostname`, `/etc/machine-id`, `/etc/os-release`,
        `/etc/resolv.conf` and `/etc/hosts`. A host path from an unknown variable is not reported.
        The Docker socket is DC1013's concern.

        Turn it off for host agents (node exporters, log shippers, backup tools) that must read the
        host's file system.

        ## Why is this bad?

        A host directory in a container is shared with the host, below every isolation Docker adds.
        Writable `/etc` lets root in the container add a user or a cron job to the host; `/proc` and
        `/sys` expose kernel settings; `/var/lib/docker` holds every other container's files and
        secrets; `~/.ssh` and `~/.aws` are keys to other machines. Even read-only, such mounts leak
        passwords, keys and configuration to whoever compromises the service.

        Monitoring agents (node exporter, cAdvisor, log shippers) need some of these paths
        read-only; suppress the finding on those services.

        ## Example

        ```yaml
        services:
          app:
            image: example/app:1.4
            volumes:
              - /etc:/host/etc
              - ~/.ssh:/root/.ssh:ro
        ```

        ## Use instead

        ```yaml
        services:
          app:
            image: example/app:1.4
            volumes:
              - /etc/localtime:/etc/localtime:ro
              - ./config/app.toml:/etc/app/app.toml:ro
            secrets:
              - deploy_key
        secrets:
          deploy_key:
            file: ./secrets/deploy_key
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(ComposeAnalysisContext context)
    {
        context.RegisterProjectAction(context =>
        {
            var findings = new ServiceFindings(context);
            foreach (var mount in HostMounts.All(context.Project))
            {
                if (Describe(mount) is { } what)
                {
                    findings.Add(mount.Service, mount.Node, mount.Span, mount.Shown, what, mount.ReadOnly ? "read-only" : "writable");
                }
            }

            findings.ReportAll();
        });
    }

    private static string? Describe(HostMount mount)
    {
        if (Credentials(mount.Path ?? mount.Template) is { } credentials)
        {
            return credentials;
        }

        if (mount.Path is not { } path || !path.StartsWith('/') || DC1013DockerSocketMounted.Socket(path) is not null)
        {
            return null;
        }

        if (s_harmless.Any(h => HostMounts.IsUnder(path, h)) || (mount.ReadOnly && s_harmlessReadOnly.Any(h => HostMounts.IsUnder(path, h))))
        {
            return null;
        }

        if (path.StartsWith("/dev/tty", StringComparison.Ordinal))
        {
            return null; // a serial device, the service's to drive
        }

        foreach (var (directory, what, whole) in s_paths)
        {
            // A home directory counts whole (/home, /home/alice), not a project folder inside one.
            var matches = !whole ? HostMounts.IsUnder(path, directory)
                : directory == "/home" ? HostMounts.IsUnder(path, directory) && path.Count(c => c == '/') <= 2
                : path == directory;
            if (matches)
            {
                return what;
            }
        }

        return null;
    }

    /// <summary>A credential folder of a home directory (<c>~/.ssh</c>, <c>${HOME}/.aws</c>, <c>/home/x/.kube</c>); null when not one.</summary>
    private static string? Credentials(string path)
    {
        var text = path.Trim().Replace('\\', '/').TrimEnd('/');
        if (text is "~" or "$HOME" or "${HOME}")
        {
            return "a whole home directory";
        }

        string? rest = null;
        foreach (var home in new[] { "~/", "$HOME/", "${HOME}/", "$USERPROFILE/", "${USERPROFILE}/" })
        {
            if (text.StartsWith(home, StringComparison.Ordinal))
            {
                rest = text[home.Length..];
            }
        }

        if (rest is null && (text.StartsWith("/home/", StringComparison.Ordinal) || text.StartsWith("/Users/", StringComparison.Ordinal)))
        {
            var user = text.IndexOf('/', text.IndexOf('/', 1) + 1);
            rest = user < 0 ? null : text[(user + 1)..];
        }
        else if (rest is null && text.StartsWith("/root/", StringComparison.Ordinal))
        {
            rest = text["/root/".Length..];
        }

        if (rest is null)
        {
            return null;
        }

        var credential = s_credentials.FirstOrDefault(c => rest == c || rest.StartsWith(c + "/", StringComparison.Ordinal));
        return credential is null ? null : $"the credentials in '{credential}' of a home directory";
    }
}
