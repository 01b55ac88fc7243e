using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>The interactive front end <c>apt</c> is used in a RUN instead of <c>apt-get</c>/<c>apt-cache</c>.</summary>
public sealed class DF3054AptInScript : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3054",
        "apt used in a script",
        "'apt {0}' is apt's interactive front end, whose output and options may change; use '{1}'",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "apt is meant for people at a terminal and warns that its command line is not stable for scripts; apt-get and apt-cache are.",
        "maintainability");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
        ["hadolint:DL3027", "kics:b84a0b47-2e99-4c9f-8933-98bcabe2b94d", "checkov:CKV_DOCKER_9"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports the program `apt` run by a RUN (ONBUILD RUN, nested `sh -c` and heredoc scripts included),
        and says which stable tool does the same: `apt-get` for `install`, `update`, `upgrade`, `remove`…,
        `apt-cache` for `search`, `show`, `policy`. `apt-get`, `apt-cache`, `apt-mark` and `apt-key` are not
        reported. A non-POSIX SHELL turns the rule off.

        Turn it off if you only build on one Ubuntu release and accept the warning in your build logs.

        ## Why is this bad?

        `apt` prints `WARNING: apt does not have a stable CLI interface. Use with caution in
        scripts.`: its defaults (progress bars, colours, which packages `upgrade` may remove) and its
        output are tuned for people and change between releases. `apt-get` keeps its behaviour stable
        for scripts.

        ## Example

        ```dockerfile
        FROM ubuntu:24.04
        RUN apt update && apt install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
        ```

        ## Use instead

        ```dockerfile
        FROM ubuntu:24.04
        RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<RunInstruction>(Check);

    private static void Check(InstructionContext<RunInstruction> context)
    {
        foreach (var invocation in PackageManagerRules.Invocations(context.Instruction))
        {
            if (invocation is { Manager: PackageManager.Apt, Tool: "apt" })
            {
                var sub = invocation.SubcommandWord?.Text ?? "";
                var replacement = invocation.Subcommand == "list" ? "dpkg-query -l or apt-cache policy" : invocation.Subcommand is "search" or "show" or "policy" or "depends" or "rdepends" or "showsrc" or "madison"
                    ? "apt-cache " + sub
                    : ("apt-get " + sub).TrimEnd();
                context.Report(invocation.ProgramWord.Span, sub, replacement);
            }
        }
    }
}
