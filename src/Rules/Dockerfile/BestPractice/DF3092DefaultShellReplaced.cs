using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>A RUN that replaces <c>/bin/sh</c> with a link to another shell instead of using SHELL.</summary>
public sealed class DF3092DefaultShellReplaced : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3092",
        "/bin/sh replaced in RUN",
        "'{0}' replaces /bin/sh for every program in the image; use SHELL [\"/bin/bash\", \"-c\"] to change the shell RUN uses",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "A RUN links /bin/sh to another shell, which changes the shell of every script in the image instead of only the Dockerfile's.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL4005", "kics:8a301064-c291-4b20-adcb-403fe7fd95fd"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports `ln` commands whose link is `/bin/sh` or `/usr/bin/sh` (`ln -sf /bin/bash /bin/sh`),
        in RUN and ONBUILD RUN. A non-POSIX `SHELL` is not read.

        Turn it off for images whose purpose is to change the system shell (a distribution image).

        ## Why is this bad?

        `/bin/sh` is what every script with `#!/bin/sh`, `system()` call and package maintainer script
        in the image runs with. Pointing it at bash changes their behaviour (and is undone by the next
        update of the package that owns `/bin/sh`) when the goal was only to write RUN scripts in bash.
        The `SHELL` instruction changes the shell of the Dockerfile's own instructions and nothing else.

        ## Example

        ```dockerfile
        FROM debian:12
        RUN ln -sf /bin/bash /bin/sh
        RUN source /etc/profile && make
        ```

        ## Use instead

        ```dockerfile
        FROM debian:12
        SHELL ["/bin/bash", "-c"]
        RUN source /etc/profile && make
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
        => context.RegisterInstructionAction<RunInstruction>(context =>
        {
            foreach (var command in RunCommands.Of(context.Instruction))
            {
                if (command.Name != "ln")
                {
                    continue;
                }

                var operands = command.Arguments.Where(a => !a.Text.StartsWith('-')).ToList();
                if (operands.Count >= 2 && operands[^1].IsLiteral && operands[^1].Text is "/bin/sh" or "/usr/bin/sh")
                {
                    context.Report(command.Span, command.ToString());
                }
            }
        });
}
