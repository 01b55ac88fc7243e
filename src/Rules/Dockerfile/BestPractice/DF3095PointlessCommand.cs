using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>Commands that make no sense in a build step: interactive editors, process tools, service managers, shutdown.</summary>
public sealed class DF3095PointlessCommand : DockerfileRule
{
    private static readonly Dictionary<string, string> s_reasons = new(StringComparer.Ordinal)
    {
        ["vim"] = "an interactive editor cannot be used in a build",
        ["vi"] = "an interactive editor cannot be used in a build",
        ["nano"] = "an interactive editor cannot be used in a build",
        ["emacs"] = "an interactive editor cannot be used in a build",
        ["top"] = "shows processes of the build container, which end with the step",
        ["htop"] = "shows processes of the build container, which end with the step",
        ["free"] = "shows the build machine's memory, not anything of the image",
        ["ps"] = "shows processes of the build container, which end with the step",
        ["shutdown"] = "there is no system to shut down in a build",
        ["reboot"] = "there is no system to restart in a build",
        ["mount"] = "mounts made in a RUN do not persist, and builds lack the privilege",
        ["ssh"] = "a build step should not log in to other machines; copy what you need or use RUN --mount=type=ssh for git",
        ["service"] = "services started in a RUN stop when the step ends; start them in CMD/ENTRYPOINT",
    };

    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3095",
        "Pointless command in RUN",
        "'{0}' in a RUN: {1}",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "A RUN calls a command that has no lasting effect on the image or needs a terminal.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL3001", "kics:9b6b0f38-92a2-41f9-b881-3a1083d99f1b"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports RUN commands that cannot do anything useful while an image is built: interactive
        editors (`vim`, `vi`, `nano`, `emacs`), process and memory viewers (`top`, `htop`, `ps`, `free`),
        `shutdown`/`reboot`, `mount`, `ssh` to another machine, and `service … start`
        (or `stop`/`restart`). Installing these packages is not reported, nor `service --status-all`,
        commands in `CMD`, `ENTRYPOINT` or `HEALTHCHECK` (where `ps` can make sense), `kill` (a script
        that starts a server in the background to seed it, then stops it, is normal), or
        `ssh-keygen`/`ssh-keyscan`. A non-POSIX `SHELL` is not read.

        Turn it off if your RUN scripts print diagnostics on purpose (`ps`, `free` in a build log).

        ## Why is this bad?

        Each RUN runs in a fresh container that stops at the end of the step: services started there
        are gone, process listings describe the build machine, and editors wait for a terminal that
        never comes. Such lines are usually leftovers from interactive sessions and mislead readers
        about what the image does.

        ## Example

        ```dockerfile
        FROM ubuntu:24.04
        RUN apt-get update && apt-get install -y --no-install-recommends nginx && service nginx start
        ```

        ## Use instead

        ```dockerfile
        FROM ubuntu:24.04
        RUN apt-get update && apt-get install -y --no-install-recommends nginx
        CMD ["nginx", "-g", "daemon off;"]
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
        => context.RegisterInstructionAction<RunInstruction>(context =>
        {
            foreach (var command in RunCommands.Of(context.Instruction))
            {
                if (!s_reasons.TryGetValue(command.Name, out var reason))
                {
                    continue;
                }

                if (command.Name == "service" && !command.Arguments.Any(a => a.Text is "start" or "stop" or "restart" or "reload"))
                {
                    continue;
                }

                context.Report(command.Program!.Value.Span, command.Name, reason);
            }
        });
}
