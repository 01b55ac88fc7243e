using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Security;

/// <summary>A RUN that sets an account's password: <c>chpasswd</c>, <c>useradd -p</c>, <c>usermod -p</c>.</summary>
public sealed class DF1045PasswordSetInRun : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF1045",
        "Password set in RUN",
        "{0}",
        RuleCategories.Security,
        DiagnosticSeverity.Warning,
        "A RUN command sets or removes an account password, which leaves a password (or a hash of it) in the image.",
        "CWE-259");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["checkov:CKV2_DOCKER_17"];

    /// <inheritdoc />
    public override double? SecuritySeverity => 6.0;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports RUN commands that set account passwords: `chpasswd` (usually `echo 'root:secret' | chpasswd`),
        and `useradd`/`usermod` with `-p`/`--password`. ONBUILD RUN is checked; a non-POSIX `SHELL` is not read.

        Turn it off for test images of login services (SSH test servers) that need a known account.

        ## Why is this bad?

        The password, or its hash, ends up in `/etc/shadow` of every container started from the
        image, and usually in clear text in the Dockerfile and the image history. Containers should
        not need interactive logins at all: create users without a password (`useradd --no-log-init
        -r app`) and give access through the orchestrator instead.

        ## Example

        ```dockerfile
        FROM ubuntu:24.04
        RUN useradd -m app && echo 'app:s3cret' | chpasswd
        USER app
        ```

        ## Use instead

        ```dockerfile
        FROM ubuntu:24.04
        RUN useradd --no-log-init -r -m app
        USER app
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
        => context.RegisterInstructionAction<RunInstruction>(context =>
        {
            foreach (var command in RunCommands.Of(context.Instruction))
            {
                if (command.Name == "chpasswd")
                {
                    context.Report(command.Span, "'chpasswd' sets a password that stays in the image (and often in the Dockerfile); containers should not need login passwords");
                }
                else if (command.Name is "useradd" or "usermod" or "adduser" && command.FindOption(null, "--password") is var option
                    && (option ?? command.Arguments.FirstOrDefault(a => a.Text == "-p")) is { Text.Length: > 0 } flag)
                {
                    context.Report(flag.Span, $"'{command.Name} {flag.Text}' sets a password hash that stays in the image; create the user without a password");
                }
            }
        });
}
