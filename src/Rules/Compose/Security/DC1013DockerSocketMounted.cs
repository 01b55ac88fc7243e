using System.Collections.Immutable;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Compose.Security;

/// <summary>A service mounts the Docker socket (or another container runtime's socket), read-only or not.</summary>
public sealed class DC1013DockerSocketMounted : ComposeRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DC1013",
        "Docker socket mounted",
        "'{0}' mounts {1}{2} ({3}); whoever controls the container controls the host",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "The service can talk to the container engine's API, which lets it start a privileged container with the host's root file system: root on the host.",
        "CWE-250",
        "CWE-668");

    private static readonly (string File, string Name)[] s_sockets =
    [
        ("docker.sock", "the Docker socket"),
        ("podman.sock", "the Podman socket"),
        ("containerd.sock", "the containerd socket"),
        ("crio.sock", "the CRI-O socket"),
        ("dockershim.sock", "the dockershim socket"),
    ];

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["kics:d6355c88-1e8d-49e9-b2f2-f8a1ca12c75b"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 9.0;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a mount of a container engine's API socket into a service: `docker.sock` wherever
        it lives (`/var/run/docker.sock`, `/run/docker.sock`, a rootless
        `${XDG_RUNTIME_DIR}/docker.sock`, `~/.docker/run/docker.sock`), the Windows named pipe
        `\\.\pipe\docker_engine`, and the sockets of Podman, containerd, CRI-O and dockershim. Short
        and long syntax are read, and named volumes whose `driver_opts.device` binds the socket. A
        path that is only partly known still counts when its known end is the socket's name.

        A read-only mount (`:ro`, `read_only: true`) is reported too: read-only applies to the socket
        file, not to the API requests sent through it.

        Turn it off for projects whose services manage containers by design (Traefik, Portainer, CI
        runners, Watchtower) and accept that they control the host.

        ## Why is this bad?

        The socket is the engine's full API without authentication. Anything that can write to it
        can run `docker run --privileged -v /:/host …` and own the host. Mounting it hands that power
        to every process in the container, and to anyone who compromises one of them — for a
        reverse proxy or a dashboard exposed to the internet, that is anyone who finds a bug in it.

        Tools built around the API (Traefik's Docker provider, Portainer, CI runners, Watchtower)
        need some access: give it through a socket proxy that allows only the calls they make,
        and suppress the finding where the direct mount is a deliberate choice.

        ## Example

        ```yaml
        services:
          proxy:
            image: traefik:v3.2
            volumes:
              - /var/run/docker.sock:/var/run/docker.sock:ro
        ```

        ## Use instead

        ```yaml
        services:
          proxy:
            image: traefik:v3.2
            # a socket proxy that allows only the read-only calls Traefik makes,
            # deployed and reviewed on its own
            command: --providers.docker.endpoint=tcp://socket-proxy.internal:2375
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
                if (Socket(mount.Path ?? mount.Template) is { } name)
                {
                    findings.Add(mount.Service, mount.Node, mount.Span, mount.Shown, name, mount.ReadOnly ? ", read-only, which does not limit the API" : "");
                }
            }

            findings.ReportAll();
        });
    }

    /// <summary>Which engine socket <paramref name="path"/> is; null when none.</summary>
    internal static string? Socket(string path)
    {
        var text = path.Trim().TrimEnd('/');
        if (text.Replace('\\', '/').EndsWith("/pipe/docker_engine", StringComparison.OrdinalIgnoreCase))
        {
            return "the Docker engine's named pipe";
        }

        foreach (var (file, name) in s_sockets)
        {
            if (text == file || text.EndsWith("/" + file, StringComparison.Ordinal))
            {
                return name;
            }
        }

        return null;
    }
}
