using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using DockerLint.Parser.Images;
using DockerLint.Parser.Model;
using DockerLint.Parser.Shell;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>
/// A single-stage image that runs an application keeps its build tooling: it is built on a compiler
/// image and compiles in it, or it installs a compiler package and never removes it.
/// </summary>
public sealed partial class DF3003BuildToolsInFinalImage : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3003",
        "Build tools kept in a single-stage image",
        "{0}",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Warning,
        "The image that runs the application also holds the compiler it was built with, because the build does not use a separate stage.",
        "image-size",
        "attack-surface");

    /// <summary>Packages that are a compiler or pull one in, by the name package managers use.</summary>
    private static readonly ImmutableHashSet<string> s_compilerPackages = ImmutableHashSet.Create(
        StringComparer.Ordinal,
        "gcc", "g++", "gcc-c++", "clang", "build-essential", "build-base", "gfortran", "gcc-gfortran", "gcc-multilib", "g++-multilib",
        "golang", "golang-go", "go", "rust", "rustc", "cargo", "devel_basis", "@development-tools", "@development");

    /// <summary>Programs that need the toolchain when the container runs: the toolchain is then not only for building.</summary>
    private static readonly ImmutableHashSet<string> s_toolchainPrograms = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "go", "cargo", "rustc", "mvn", "mvnw", "gradle", "gradlew", "make", "cmake", "gcc", "g++", "cc", "c++", "clang", "javac", "air",
        "reflex", "compiledaemon", "gin", "bazel", "bazelisk", "dlv");

    private static readonly ImmutableHashSet<string> s_shells = ImmutableHashSet.Create(
        StringComparer.OrdinalIgnoreCase, "sh", "bash", "ash", "dash", "zsh", "ksh", "fish", "pwsh", "powershell", "cmd", "cmd.exe");

    /// <summary>Options of each package manager that take the next word as their value.</summary>
    private static readonly ImmutableHashSet<string> s_aptValueOptions = ImmutableHashSet.Create(
        StringComparer.Ordinal, "-o", "--option", "-c", "--config-file", "-t", "--target-release", "--default-release");

    private static readonly ImmutableHashSet<string> s_apkValueOptions = ImmutableHashSet.Create(
        StringComparer.Ordinal, "-t", "--virtual", "-X", "--repository", "-p", "--root", "--arch", "--cache-dir", "--keys-dir", "--repositories-file");

    private static readonly ImmutableHashSet<string> s_rpmValueOptions = ImmutableHashSet.Create(
        StringComparer.Ordinal, "-x", "--exclude", "--setopt", "--releasever", "--installroot", "--enablerepo", "--disablerepo", "-c", "--config", "--repo", "--repoid");

    private static readonly ImmutableHashSet<string> s_zypperValueOptions = ImmutableHashSet.Create(
        StringComparer.Ordinal, "-t", "--type", "-r", "--repo", "--from", "-R", "--root");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a final image that runs an application and still holds the compiler it was built
        with. It only looks at images that are **not** multi-stage builds and that **run something**,
        and reports one of two patterns:

        1. **A toolchain base image that compiles in place.** The final stage (or the stage it is built
           on) starts from a compiler image — `golang`, `rust`, `maven`, `gradle`, `gcc`,
           `mcr.microsoft.com/dotnet/sdk` — and a RUN compiles the project with that toolchain: `go build`,
           `go install` of local packages (not `go install tool@version`, which fetches a tool), `cargo
           build`, `cargo install --path`, `rustc`, any `mvn`/`mvnw` or `gradle`/`gradlew` task, `gcc`/`g++`/
           `cc`/`make`/`cmake`, `dotnet build`/`dotnet publish`. Reported on the base image's name.
        2. **A compiler package that stays.** A RUN installs a compiler with `apt-get`/`apt`/`aptitude
           install`, `apk add`, `yum`/`dnf`/`microdnf`/`tdnf install` (and `groupinstall "Development
           Tools"`), `zypper install` or `apt-get build-dep`, and no later command removes it. Compilers
           are `gcc`, `g++`, `gcc-c++`, `clang`, `gfortran` (also versioned, `gcc-12`, and cross compilers),
           `build-essential`, `build-base`, `golang`, `go`, `rust`, `rustc`, `cargo` and the development
           groups. Removal is `apt-get remove/purge`, `apk del` (also of an `apk add --virtual` name), `yum`/
           `dnf remove`, `zypper remove`; a removal or `apt-mark auto` whose package list holds a variable
           or a glob counts as removing everything, as in the official images' `savedAptMark` pattern.
           Reported on the package name.

        Commands are read from shell-form RUN lines and the heredoc scripts they run, split on `&&`,
        `||`, `;`, `|` and new lines; a package name written through a shell variable is unknown and
        never reported. Header packages (`*-dev`, `*-devel`) and tools such as `make`, `cmake` or
        `autoconf` do not count on their own: without a compiler they build nothing, and some images
        need a `-dev` package only for the library it pulls in.

        To stay quiet where build tools are intended, it does nothing when:
        - the final stage (or a stage it is built on) copies or mounts anything from another stage
          (`COPY --from=<stage>`, `RUN --mount=from=<stage>`, or a `--from` whose value is unknown):
          that is a multi-stage build;
        - no `CMD` or `ENTRYPOINT` is set in the final stage or the stages it builds on (a base,
          builder, CI or toolbox image);
        - the container runs an interactive shell (`CMD ["bash"]`, `bash -i`, `bash -l`), stays idle to
          be exec'ed into (`CMD ["sleep", "infinity"]`, `tail -f /dev/null`), or runs the toolchain itself
          (`go run`, `cargo run`, `mvn`, `gradle`, `make`, `air`, the `dlv` debugger, `dotnet run`/`watch`/
          `test`…, or a wrapper script named after one, such as `go.bash`), looking through `tini`,
          `dumb-init`, `gosu`, `su-exec` and `sh -c`;
        - the file is a development or CI image by its name or its folder's name: a word `dev`, `devel`,
          `development`, `devcontainer` or `ci` (`.devcontainer/Dockerfile`, `Dockerfile.dev`, `ci/Dockerfile`).
        `node` and `python` images are not treated as toolchains, because the runtime needs them too.

        The final stage is the last one, or the stage named by the option `target` (what
        `docker build --target` builds, by name or index).

        Turn it off for images that are meant to hold the toolchain — development containers, CI
        builder images — where the compiler in the final image is the point.

        ## Why is this bad?

        A compiler in the running image serves no purpose there: it makes the image hundreds of
        megabytes larger (slower pulls and start-up, more storage), adds packages whose
        vulnerabilities scanners report and that must be patched, and hands an attacker who gets a
        shell in the container the tools to build exploits on the spot. The image often carries the
        source code and build caches as well.

        ## Example

        ```dockerfile
        FROM golang:1.23
        WORKDIR /src
        COPY . .
        RUN go build -o /usr/local/bin/app ./cmd/app
        ENTRYPOINT ["app"]
        ```

        ## Use instead

        ```dockerfile
        FROM golang:1.23 AS build
        WORKDIR /src
        COPY . .
        RUN CGO_ENABLED=0 go build -o /out/app ./cmd/app

        FROM gcr.io/distroless/static-debian12:nonroot
        COPY --from=build /out/app /app
        ENTRYPOINT ["/app"]
        ```

        When a package needs a compiler only to install (a Python or Ruby extension), install and
        remove it in the same RUN (`apk add --virtual .build-deps gcc musl-dev && pip install … &&
        apk del .build-deps`), or build wheels in a separate stage.
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterFileAction(Check);

    private static void Check(DockerfileContext context)
    {
        if (StageReferences.Built(context) is not { } final)
        {
            return;
        }

        // Root first, so instructions are read in build order.
        var chain = new[] { final }.Concat(final.Ancestors()).Reverse().ToList();
        var instructions = chain.SelectMany(s => s.Instructions).ToList();
        if (IsDevelopmentOrCiFile(context.Model.Tree.FilePath) || TakesFromAnotherStage(context.Model, instructions) || !RunsAnApplication(instructions))
        {
            return;
        }

        var root = chain[0];
        if (root.BaseKind == ImageSourceKind.Image && root.From.Image is { IsValid: true } image && Toolchain(image) is { } toolchain)
        {
            var build = instructions.OfType<RunInstruction>()
                .SelectMany(ShellCommandSplitter.Commands)
                .Select(c => ShellCommandSplitter.SkipPrefix(c).ToArray())
                .FirstOrDefault(words => IsBuildCommand(toolchain.Name, words));
            if (build is not null)
            {
                var command = string.Join(' ', build.Take(3).Select(w => w.Text));
                context.Report(root.From.SpanOf(image.Repository!.Value),
                    $"The image runs the application on {image.Text}, the {toolchain.Name} toolchain it is compiled with ({command}), so the compiler, caches and sources ship with it; build in a separate stage and copy only the result into a runtime image such as {toolchain.Runtime}");
                return;
            }
        }

        var installed = new List<(string Package, TextSpan Span, string? Virtual)>();
        foreach (var run in instructions.OfType<RunInstruction>())
        {
            foreach (var command in ShellCommandSplitter.Commands(run))
            {
                Apply(ShellCommandSplitter.SkipPrefix(command), installed);
            }
        }

        if (installed.Count > 0)
        {
            var first = installed[0];
            var others = installed.Skip(1).Select(i => i.Package).Distinct().ToList();
            var also = others.Count == 0 ? "" : $" (with {string.Join(", ", others)})";
            context.Report(first.Span,
                $"{first.Package}{also} is installed in the image that runs the application and never removed, so a compiler ships with it; compile in a separate build stage and copy only the result, or remove the build packages in the same RUN");
        }
    }

    /// <summary>
    /// A development or CI image, by the name of the file or of its folder (only those two, so that a
    /// checkout under <c>~/dev/</c> does not count): a word <c>dev</c>, <c>devel</c>, <c>development</c>,
    /// <c>devcontainer</c> or <c>ci</c>, as in <c>.devcontainer/Dockerfile</c>, <c>Dockerfile.dev</c> or
    /// <c>ci/Dockerfile</c>. Such images keep their tools on purpose.
    /// </summary>
    private static bool IsDevelopmentOrCiFile(string path)
    {
        var parts = path.Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries);
        return parts.TakeLast(2)
            .SelectMany(p => p.Split(['.', '-', '_'], StringSplitOptions.RemoveEmptyEntries))
            .Any(w => w.ToLowerInvariant() is "dev" or "devel" or "development" or "devcontainer" or "ci");
    }

    /// <summary>A multi-stage build: something comes from another stage (or from a --from that may be one).</summary>
    private static bool TakesFromAnotherStage(DockerfileModel model, List<Instruction> instructions)
    {
        foreach (var instruction in instructions)
        {
            switch (instruction)
            {
                case CopyInstruction { FromKind: ImageSourceKind.Stage or ImageSourceKind.Unknown }:
                    return true;
                case CopyInstruction { FromImage: { } image } when model.FindStage(image.Text) is not null:
                    return true;
                case RunInstruction run:
                    foreach (var mount in run.Mounts)
                    {
                        if (mount.From is { } from && (!(mount.Flag.Value?.IsKnown ?? false) || model.FindStage(from) is not null
                            || (int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < model.Stages.Length)))
                        {
                            return true;
                        }
                    }

                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// The image sets a CMD or ENTRYPOINT that starts an application: not an interactive shell and
    /// not the toolchain itself.
    /// </summary>
    private static bool RunsAnApplication(List<Instruction> instructions)
    {
        var entrypoint = instructions.OfType<EntrypointInstruction>().LastOrDefault();
        var cmd = instructions.OfType<CmdInstruction>().LastOrDefault();
        if (entrypoint is null && cmd is null)
        {
            return false;
        }

        var words = new List<ShellWordToken>();
        if (entrypoint is not null)
        {
            words.AddRange(ShellCommandSplitter.FirstCommand(entrypoint));
        }

        if (cmd is not null && (entrypoint is null || entrypoint.IsExecForm))
        {
            words.AddRange(ShellCommandSplitter.FirstCommand(cmd));
        }

        var program = Unwrap(words);
        if (program.Count == 0)
        {
            return false;
        }

        // A container kept idle to exec into (sleep infinity, tail -f /dev/null) runs no application.
        var cmdProgram = cmd is null ? [] : Unwrap([.. ShellCommandSplitter.FirstCommand(cmd)]);
        if (cmdProgram.Count > 0 && cmdProgram[0].CommandName is "sleep" or "tail")
        {
            return false;
        }

        var name = program[0].CommandName;
        if (s_shells.Contains(name))
        {
            if (program.Any(w => w.Text is "-i" or "-l" or "--login" or "--interactive"))
            {
                return false;
            }

            var script = program.FindIndex(w => w.Text is "-c" or "/c" or "/C" or "-Command" or "-command");
            if (script >= 0 && script + 1 < program.Count && !program[script + 1].Text.StartsWith('-'))
            {
                var inner = ShellCommandSplitter.Tokenize(program[script + 1].Text, (_, _) => default).FirstOrDefault();
                return !inner.IsDefaultOrEmpty && IsApplication(Unwrap([.. ShellCommandSplitter.SkipPrefix(inner)]));
            }

            // A shell with no script is interactive; a shell running a script file runs an application.
            return program.Skip(1).Any(w => !w.Text.StartsWith('-'));
        }

        return IsApplication(program);
    }

    private static bool IsApplication(List<ShellWordToken> program)
    {
        if (program.Count == 0)
        {
            return false;
        }

        var name = program[0].CommandName;
        if (name.Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            return !(program.Count > 1 && program[1].Text is "run" or "watch" or "test" or "build");
        }

        // A wrapper script named after the toolchain (go.bash, mvn-entrypoint.sh) drives the toolchain.
        var stem = name.Split('.', '-')[0];
        return !s_toolchainPrograms.Contains(name) && !s_toolchainPrograms.Contains(stem) && !s_shells.Contains(name);
    }

    /// <summary>Looks through init wrappers and user switchers: <c>tini -- app</c>, <c>gosu user app</c>.</summary>
    private static List<ShellWordToken> Unwrap(List<ShellWordToken> words)
    {
        var i = 0;
        while (i < words.Count)
        {
            var name = words[i].CommandName;
            if (name is "tini" or "tini-static" or "dumb-init" or "catatonit" or "exec")
            {
                i++;
                while (i < words.Count && words[i].Text.StartsWith('-'))
                {
                    i++;
                }
            }
            else if (name is "gosu" or "su-exec")
            {
                i += 2;
            }
            else
            {
                break;
            }
        }

        return i >= words.Count ? [] : words.GetRange(i, words.Count - i);
    }

    /// <summary>The toolchain a base image is, with a runtime image to suggest; null for other images.</summary>
    private static (string Name, string Runtime)? Toolchain(ImageReference image)
    {
        var path = image.Path;
        var name = path[(path.LastIndexOf('/') + 1)..];
        if (path.EndsWith("dotnet/sdk", StringComparison.Ordinal) || path.EndsWith("dotnet/core/sdk", StringComparison.Ordinal)
            || (path == "microsoft/dotnet" && image.Tag is { } tag && tag.Text.Contains("sdk", StringComparison.Ordinal)))
        {
            return (".NET SDK", "mcr.microsoft.com/dotnet/aspnet or mcr.microsoft.com/dotnet/runtime");
        }

        return name switch
        {
            "golang" => ("Go", "gcr.io/distroless/static-debian12 or alpine"),
            "rust" => ("Rust", "gcr.io/distroless/cc-debian12 or debian:bookworm-slim"),
            "maven" => ("Maven", "eclipse-temurin:21-jre"),
            "gradle" => ("Gradle", "eclipse-temurin:21-jre"),
            "gcc" => ("GCC", "debian:bookworm-slim"),
            _ => null,
        };
    }

    private static bool IsBuildCommand(string toolchain, ShellWordToken[] words)
    {
        if (words.Length == 0)
        {
            return false;
        }

        var program = words[0].CommandName;
        string? subcommand = words.Skip(1).Where(w => !w.Text.StartsWith('-')).Select(w => w.Text).FirstOrDefault();
        return toolchain switch
        {
            // go install pkg@version and cargo install crate fetch a tool; only builds of the local sources count.
            "Go" => program == "go" && (subcommand == "build" || (subcommand == "install" && !words.Skip(2).Any(w => w.Text.Contains('@', StringComparison.Ordinal)))),
            "Rust" => (program == "cargo" && (subcommand == "build" || (subcommand == "install" && words.Any(w => w.Text.StartsWith("--path", StringComparison.Ordinal))))) || program == "rustc",
            "Maven" => program is "mvn" or "mvnw" && subcommand is not null,
            "Gradle" => program is "gradle" or "gradlew" && subcommand is not null,
            "GCC" => program is "gcc" or "g++" or "cc" or "c++" or "make" or "cmake",
            ".NET SDK" => program == "dotnet" && subcommand is "build" or "publish",
            _ => false,
        };
    }

    /// <summary>Applies one simple command to the list of compilers installed so far.</summary>
    private static void Apply(ReadOnlySpan<ShellWordToken> words, List<(string Package, TextSpan Span, string? Virtual)> installed)
    {
        if (words.IsEmpty)
        {
            return;
        }

        var manager = words[0].CommandName;
        var valueOptions = manager switch
        {
            "apt-get" or "apt" or "aptitude" or "apt-mark" => s_aptValueOptions,
            "apk" => s_apkValueOptions,
            "yum" or "dnf" or "microdnf" or "tdnf" => s_rpmValueOptions,
            "zypper" => s_zypperValueOptions,
            _ => null,
        };
        if (valueOptions is null)
        {
            return;
        }

        // Split the words after the manager into the subcommand, the options and the operands.
        string? subcommand = null;
        string? virtualName = null;
        var otherRoot = false;
        var operands = new List<ShellWordToken>();
        for (var i = 1; i < words.Length; i++)
        {
            var word = words[i];
            var text = word.Text;
            if (text.StartsWith('-') && text.Length > 1)
            {
                var option = text.Split('=', 2)[0];
                // Packages installed into another root (apk --root, dnf --installroot) are not in this image's tools.
                otherRoot |= (manager, option) is ("apk", "--root" or "-p") or ("yum" or "dnf" or "microdnf" or "tdnf", "--installroot") or ("zypper", "--root" or "-R");
                if (valueOptions.Contains(option) && !text.Contains('=', StringComparison.Ordinal) && i + 1 < words.Length)
                {
                    i++;
                    if (manager == "apk" && option is "--virtual" or "-t")
                    {
                        virtualName = words[i].Text;
                    }
                }

                continue;
            }

            if (subcommand is null)
            {
                subcommand = text;
            }
            else
            {
                operands.Add(word);
            }
        }

        if (subcommand is null || otherRoot)
        {
            return;
        }

        if (manager == "apt-mark")
        {
            if (subcommand == "auto")
            {
                // Official images mark everything automatic and purge with --auto-remove afterwards.
                installed.Clear();
            }

            return;
        }

        switch ((manager, subcommand))
        {
            case ("apt-get" or "apt" or "aptitude", "install"):
            case ("apk", "add"):
            case ("yum" or "dnf" or "microdnf" or "tdnf", "install"):
            case ("zypper", "install" or "in"):
                foreach (var operand in operands.Where(o => o.IsLiteral))
                {
                    var package = PackageName(operand.Text);
                    if (IsCompiler(package))
                    {
                        // gcc=4:12.2 is reported on gcc when the word is written as is.
                        var span = operand.Span.Length == operand.Text.Length ? new TextSpan(operand.Span.Start, package.Length) : operand.Span;
                        installed.Add((package, span, virtualName));
                    }
                }

                break;
            case ("yum" or "dnf", "groupinstall"):
            case ("yum" or "dnf", "group") when operands.Count > 0 && operands[0].Text == "install":
                if (operands.Any(o => o.Text.Contains("development", StringComparison.OrdinalIgnoreCase)))
                {
                    var group = operands.First(o => o.Text.Contains("development", StringComparison.OrdinalIgnoreCase));
                    installed.Add((group.Text, group.Span, null));
                }

                break;
            case ("apt-get" or "apt", "build-dep"):
                if (operands.Count > 0)
                {
                    installed.Add(($"build-dep {operands[0].Text}", operands[0].Span, null));
                }

                break;
            case ("apt-get" or "apt" or "aptitude", "remove" or "purge" or "autoremove"):
            case ("apk", "del"):
            case ("yum" or "dnf" or "microdnf" or "tdnf", "remove" or "erase" or "autoremove"):
            case ("zypper", "remove" or "rm"):
                // A variable, or a pattern the package manager expands ('gcc*', 'gcc-.*'), may remove anything.
                if (operands.Any(o => !o.IsLiteral || o.Text.IndexOfAny(['*', '?', '[', '^', '$']) >= 0))
                {
                    installed.Clear();
                    break;
                }

                var removed = operands.Select(o => PackageName(o.Text)).ToHashSet(StringComparer.Ordinal);
                installed.RemoveAll(i => removed.Contains(i.Package) || (i.Virtual is not null && removed.Contains(i.Virtual)));
                break;
        }
    }

    /// <summary>The package name without version, architecture or release: <c>gcc=4:12.2</c>, <c>gcc:amd64</c>, <c>gcc/bookworm</c>, <c>gcc@edge</c>.</summary>
    private static string PackageName(string operand)
    {
        var end = operand.IndexOfAny(['=', '<', '>', '~', '@', ':', '/'], 1);
        return end < 0 ? operand : operand[..end];
    }

    private static bool IsCompiler(string package)
        => s_compilerPackages.Contains(package) || VersionedCompilerRegex().IsMatch(package);

    [GeneratedRegex(@"^(?:(?:gcc|g\+\+|clang|gfortran)-[0-9]+(?:\.[0-9]+)*|(?:gcc|g\+\+)(?:-[0-9]+)?-[a-z0-9_]+-linux-gnu[a-z]*|crossbuild-essential-[a-z0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionedCompilerRegex();
}
