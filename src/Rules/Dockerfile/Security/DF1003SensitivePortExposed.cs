using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Security;

/// <summary>EXPOSE lists a remote-administration port (SSH, Telnet, RDP, VNC) or the Docker Engine API.</summary>
public sealed class DF1003SensitivePortExposed : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF1003",
        "Remote-administration or Docker API port exposed",
        "{0}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "EXPOSE lists a port of a remote-administration service (SSH, Telnet, RDP, VNC) or of the Docker Engine API.",
        "CWE-749");

    /// <summary>The ports reported: first, last, the protocols they apply to, the service and why it matters.</summary>
    private static readonly ImmutableArray<(int First, int Last, string[] Protocols, string Service, string Why)> s_ports =
    [
        (22, 22, ["tcp"], "SSH", "a remote login into the container; unless SSH is the service itself (a Git server), use docker exec instead"),
        (23, 23, ["tcp"], "Telnet", "an unencrypted remote login"),
        (2375, 2375, ["tcp"], "the Docker Engine API without TLS", "whoever reaches it controls the Docker host"),
        (2376, 2376, ["tcp"], "the Docker Engine API", "whoever reaches it with a client certificate controls the Docker host"),
        (3389, 3389, ["tcp", "udp"], "RDP", "a remote desktop login"),
        (5900, 5909, ["tcp"], "VNC", "remote desktop access, often with a weak password or none"),
    ];

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["trivy:DS-0004", "checkov:CKV_DOCKER_1", "kics:5907595b-5b6d-4142-b173-dbb0e73fbff8"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 5.3;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports `EXPOSE` ports of remote-administration services and of the Docker Engine API:
        22 (SSH), 23 (Telnet), 3389 (RDP, TCP or UDP), 5900–5909 (VNC displays :0 to :9), 2375 (Docker
        API without TLS) and 2376 (Docker API with TLS), also inside ranges such as `EXPOSE 20-25`. Only
        the protocols these services use count: `EXPOSE 22/udp` is not SSH. Ports given through
        variables are read with their ARG/ENV values (`ARG SSH_PORT=22` then `EXPOSE $SSH_PORT`); a port
        whose value is unknown is not reported. `ONBUILD EXPOSE` is reported too, since every image built
        from this one inherits it. The VNC range stops at 5909 because higher ports in the 59xx block
        belong to other services (CouchDB 5984, WinRM 5985/5986).

        Turn it off for images whose purpose is remote administration (an SSH bastion, a VNC desktop,
        a Docker-in-Docker daemon for CI) where exposing the port is the point.

        ## Why is this bad?

        A container should run one application and be administered through the container runtime
        (`docker exec`, logs, orchestration), not through a login service of its own. An SSH, Telnet,
        RDP or VNC server adds credentials to manage, a second way in that bypasses the runtime's audit,
        and a service to patch; Telnet and many VNC set-ups send passwords in clear text. An exposed
        Docker API is worse: anyone who reaches it can start a privileged container and own the host.
        `EXPOSE` itself publishes nothing, but `docker run -P`, Compose and platforms publish what the
        image declares.

        ## Example

        ```dockerfile
        FROM ubuntu:24.04
        RUN apt-get update && apt-get install -y --no-install-recommends openssh-server
        EXPOSE 22 8080
        ```

        ## Use instead

        ```dockerfile
        FROM ubuntu:24.04
        EXPOSE 8080
        ```

        and use `docker exec -it <container> sh` (or `kubectl exec`) for interactive access.
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<ExposeInstruction>(CheckExpose);

    private static void CheckExpose(InstructionContext<ExposeInstruction> context)
    {
        var expose = context.Instruction;
        foreach (var word in expose.Ports.GroupBy(p => p.Word))
        {
            var hits = new List<string>();
            foreach (var port in word.Where(p => p.IsKnown))
            {
                foreach (var (first, last, protocols, service, why) in s_ports)
                {
                    if (port.Start <= last && port.End >= first && protocols.Contains(port.Protocol))
                    {
                        var number = first == last ? $"{first}" : $"{Math.Max(first, port.Start!.Value)}-{Math.Min(last, port.End!.Value)}";
                        var hit = $"{number} ({service}: {why})";
                        if (!hits.Contains(hit))
                        {
                            hits.Add(hit);
                        }
                    }
                }
            }

            if (hits.Count == 0)
            {
                continue;
            }

            var written = word.Key.Value == word.Key.Text ? word.Key.Text : $"{word.Key.Text} (= {word.Key.Value ?? string.Join(' ', word.Select(p => p.Text))})";
            var prefix = expose.IsTrigger
                ? $"ONBUILD EXPOSE {written} makes every image built from this one expose"
                : $"EXPOSE {written} exposes";
            context.Report(word.Key.Span, $"{prefix} {string.Join("; ", hits)}; expose only the application's ports");
        }
    }
}
