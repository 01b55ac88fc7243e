using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Security;

/// <summary>A RUN command run through <c>sudo</c>.</summary>
public sealed class DF1042SudoInRun : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF1042",
        "sudo in RUN",
        "'sudo' in a RUN: the build runs commands as the current USER; switch with USER root … USER app instead",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "A RUN command uses sudo, which means the image ships sudo and a user allowed to become root.",
        "CWE-250");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL3004", "trivy:DS-0010", "kics:8ada6e80-0ade-439e-b176-0b28f6bce35a", "checkov:CKV2_DOCKER_1"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 5.0;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports `sudo` in RUN commands: before a command (`sudo apt-get install …`, also after `&&`, in
        pipes, `sh -c` scripts and heredoc scripts) or alone (`sudo -u app make`). Other privilege tools
        that only drop privileges (`gosu`, `su-exec`, `setpriv`) are not reported. ONBUILD RUN is
        checked; a non-POSIX `SHELL` is not read.

        Turn it off for images that are meant to be interactive development environments, where the user needs sudo anyway.

        ## Why is this bad?

        A Dockerfile already decides who runs each step: RUN runs as the current `USER`. Using `sudo`
        means the image has sudo installed and a user allowed to become root, so anything that gets a
        shell in the container can become root too; sudo's TTY and environment handling also makes
        builds behave differently from what the Dockerfile shows. Switch users explicitly instead.

        ## Example

        ```dockerfile
        FROM ubuntu:24.04
        USER ubuntu
        RUN sudo apt-get update && sudo apt-get install -y --no-install-recommends curl
        ```

        ## Use instead

        ```dockerfile
        FROM ubuntu:24.04
        RUN apt-get update && apt-get install -y --no-install-recommends curl
        USER ubuntu
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
        => context.RegisterInstructionAction<RunInstruction>(context =>
        {
            foreach (var command in RunCommands.Of(context.Instruction))
            {
                var sudo = command.Name == "sudo" ? command.Program : command.Wrappers.FirstOrDefault(w => w.CommandName == "sudo") is { Text.Length: > 0 } w ? w : null;
                if (sudo is { } word)
                {
                    context.Report(word.Span);
                }
            }
        });
}
