using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary><c>apt-get install</c> without <c>--no-install-recommends</c> in a layer of the final image.</summary>
public sealed class DF3052AptInstallRecommends : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3052",
        "apt installs recommended packages",
        "'{0}' also installs every recommended package; add --no-install-recommends and name what you need",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "apt-get install without --no-install-recommends pulls in recommended packages that the image usually does not need.",
        "image-size");

    private static readonly string[] s_needles = ["Install-Recommends"];
    private static readonly string[] s_directories = ["apt.conf"];

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
        ["hadolint:DL3015", "trivy:DS-0029", "kics:7384dfb2-fcd1-4fbf-91cd-6c44c318c33c"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports `apt-get install` and `apt install` commands that name packages without
        `--no-install-recommends` (or `-o APT::Install-Recommends=false`), in the layers that end up in the
        final image: the final stage, the stages it is built `FROM`, and ONBUILD RUN. Builder stages whose
        files are copied out with `COPY --from` are not reported, because their size does not matter. It
        stays quiet when an earlier instruction of the stage chain configures apt (`APT::Install-Recommends`
        written by a RUN, or a COPY into `/etc/apt/apt.conf.d`), and under a non-POSIX SHELL.

        Turn it off if your images rely on recommended packages (for example for locale or font
        packages) and you accept the size.

        ## Why is this bad?

        Recommended packages are what Debian and Ubuntu consider nice to have on a desktop or server:
        documentation tools, X11 libraries, compilers. They often double the size of the layer, widen the
        attack surface and bring more packages to patch, for nothing the container runs. Name the few
        recommended packages you really need.

        ## Example

        ```dockerfile
        FROM debian:12
        RUN apt-get update && apt-get install -y python3 && rm -rf /var/lib/apt/lists/*
        ```

        ## Use instead

        ```dockerfile
        FROM debian:12
        RUN apt-get update && apt-get install -y --no-install-recommends python3 && rm -rf /var/lib/apt/lists/*
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<RunInstruction>(Check);

    private static void Check(InstructionContext<RunInstruction> context)
    {
        if (!PackageManagerRules.InFinalImage(context.Model, context.Instruction))
        {
            return;
        }

        foreach (var invocation in PackageManagerRules.Invocations(context.Instruction))
        {
            if (invocation is not { Manager: PackageManager.Apt, Subcommand: "install" } || invocation.Tool == "aptitude" || invocation.Packages.IsEmpty
                || invocation.HasOption("--no-install-recommends") || invocation.Command.Arguments.Any(a => a.Text.StartsWith("APT::Install-Recommends=", StringComparison.OrdinalIgnoreCase))
                || PackageManagerRules.ConfiguredEarlier(context.Instruction, s_needles, s_directories))
            {
                continue;
            }

            context.Report(PackageManagerRules.CommandSpan(invocation), PackageManagerRules.Display(invocation));
        }
    }
}
