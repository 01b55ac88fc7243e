using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>A language package (pip, npm, yarn, pnpm, gem, go) is installed by name without a version, or at a moving one (<c>@latest</c>).</summary>
public sealed class DF3051UnpinnedLanguagePackage : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3051",
        "Language package installed without a version",
        "'{0}' is installed by {1} {2}; pin it ({3}) or install from a lock or requirements file",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "A pip, npm, yarn, pnpm, gem or go package is installed by name without a version (or at latest), so each build may get another one.",
        "reproducibility",
        "supply-chain");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases =>
    [
        "hadolint:DL3013",
        "hadolint:DL3016",
        "hadolint:DL3028",
        "hadolint:DL3062",
        "kics:02d9c71f-3ee8-4986-9c27-1a20d0d19bfc",
        "kics:e36d8880-3f78-4546-b9a1-12f0745ca0d5",
        "kics:22cd11f7-9c6c-4f6e-84c0-02058120b341",
    ];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports packages installed by name without a version:
        `pip install flask` (pin with `flask==3.0.3`; any specifier such as `>=` counts as a choice),
        `npm install -g typescript`, `yarn add`/`yarn global add`, `pnpm add` (pin with `typescript@5.6.3`;
        the moving tags `@latest` and `@next` are reported too), `gem install rails` (pin with `-v 7.2.1`,
        `--version` or `rails:7.2.1`), and `go install`/`go get` at `@latest`, `@master`, `@main` or `@HEAD`
        (and `go get` without a version). The finding sits on the package word.

        It stays quiet on what is pinned elsewhere: requirements and constraints files (`-r`, `-c`, or a
        `PIP_CONSTRAINT` variable), lock files (`npm ci`, `npm install` or `yarn install` without names),
        local paths, archives and URLs, `go install pkg` without `@` (the module's go.mod decides the
        version), upgrading the installer itself (`pip install -U pip`, `npm install -g npm`), and words whose
        value is unknown (`pip install $PACKAGES`). ONBUILD RUN is checked; a non-POSIX SHELL turns it off.

        The severity is a suggestion: images that deliberately ship the newest release of a tool may turn the
        rule off, or suppress it on that line.

        Turn it off for images rebuilt often on purpose to pick up the newest tools (CI utility
        images, development containers), where a moving version is what the team wants.

        ## Why is this bad?

        An unpinned package is whatever the registry serves on the day of the build, including a new major
        version with breaking changes, a yanked release or a hijacked one. Builds stop being reproducible and
        a rebuild for an unrelated change can break the image.

        ## Example

        ```dockerfile
        FROM python:3.12-slim
        RUN pip install --no-cache-dir flask gunicorn
        ```

        ## Use instead

        ```dockerfile
        FROM python:3.12-slim
        RUN pip install --no-cache-dir flask==3.0.3 gunicorn==23.0.0
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<RunInstruction>(Check);

    private static void Check(InstructionContext<RunInstruction> context)
    {
        foreach (var invocation in PackageManagerRules.Invocations(context.Instruction))
        {
            if (!Installs(invocation) || Constrained(context.Instruction, invocation))
            {
                continue;
            }

            foreach (var package in invocation.Packages.Where(p => p.Kind == PackageArgumentKind.Package))
            {
                if (IsSelfUpgrade(invocation, package))
                {
                    continue;
                }

                var moving = IsMovingVersion(invocation, package);
                if (package.Version is null ? invocation.Manager == PackageManager.Go && invocation.Subcommand == "install" : !moving)
                {
                    continue;
                }

                var how = moving ? $"at the moving version '{package.Version}'" : "without a version";
                context.Report(package.Word.Span, package.Name, PackageManagerRules.Display(invocation), how, Pinned(invocation.Manager, package.Name));
            }
        }
    }

    private static bool Installs(PackageInvocation invocation) => (invocation.Manager, invocation.Subcommand) switch
    {
        (PackageManager.Pip, "install") => true,
        (PackageManager.Npm, "install") => true,
        (PackageManager.Yarn or PackageManager.Pnpm, "add") => true,
        (PackageManager.Gem, "install") => true,
        (PackageManager.Go, "install" or "get") => true,
        _ => false,
    };

    private static bool Constrained(RunInstruction run, PackageInvocation invocation)
        => invocation.Manager == PackageManager.Pip
            && (invocation.HasOption("-c", "--constraint") || invocation.Command.GetAssignment("PIP_CONSTRAINT") is not null || run.Scope.Find("PIP_CONSTRAINT") is not null);

    private static bool IsSelfUpgrade(PackageInvocation invocation, PackageArgument package)
        => (invocation.Manager, package.Name.ToLowerInvariant()) is (PackageManager.Pip, "pip") or (PackageManager.Npm, "npm") or (PackageManager.Yarn or PackageManager.Npm, "yarn") or (PackageManager.Pnpm or PackageManager.Npm, "pnpm") or (PackageManager.Gem, "rubygems-update");

    private static bool IsMovingVersion(PackageInvocation invocation, PackageArgument package)
        => package.Version is { } version && invocation.Manager switch
        {
            PackageManager.Npm or PackageManager.Yarn or PackageManager.Pnpm => version is "@latest" or "@next" or "@*" or "@x" or "@",
            PackageManager.Go => version is "@latest" or "@master" or "@main" or "@HEAD" or "@",
            _ => false,
        };

    private static string Pinned(PackageManager manager, string name) => manager switch
    {
        PackageManager.Pip => name + "==<version>",
        PackageManager.Gem => name + " -v <version>",
        _ => name + "@<version>",
    };
}
