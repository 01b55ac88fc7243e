using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Correctness;

/// <summary>WORKDIR is <c>/proc</c>, <c>/sys</c>, <c>/dev</c>, <c>/boot</c> … or below one of them.</summary>
public sealed class DF2004WorkdirInSystemDirectory : DockerfileRule
{
    /// <summary>The directories reported, with what they are.</summary>
    private static readonly ImmutableArray<(string Path, string What)> s_directories =
    [
        ("/proc", "the kernel's process file system, mounted over it when the container starts"),
        ("/sys", "the kernel's sysfs, mounted over it when the container starts"),
        ("/dev", "the container's device nodes, a tmpfs mounted over it when the container starts"),
        ("/boot", "the host system's boot loader and kernel directory"),
        ("/initrd", "the host system's initial RAM disk directory"),
        ("/lost+found", "the file system checker's recovery directory"),
    ];

    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF2004",
        "WORKDIR in a system directory",
        "{0}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Warning,
        "WORKDIR is a kernel or system directory (/proc, /sys, /dev, /boot, /initrd, /lost+found) or below one.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["trivy:DS-0030"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a `WORKDIR` that is `/proc`, `/sys`, `/dev`, `/boot`, `/initrd` or `/lost+found`, or
        a directory below one of them, with the path resolved through ARG and ENV values
        (ONBUILD triggers included). Windows paths and unknown values are not reported.

        Do not turn it off: whatever the build puts in `/proc`, `/sys` or `/dev` is hidden when the
        container starts, and the other directories belong to the host's start-up; for a deliberate
        case, suppress that line with `# dockerlint ignore=DF2004`.

        ## Why is this bad?

        When the container starts, the runtime mounts the kernel's file systems on `/proc`, `/sys`
        and `/dev`: whatever the build wrote there is hidden, and the application runs in a
        directory of kernel files. `/boot`, `/initrd` and `/lost+found` belong to the host
        operating system's start-up and disk checks; an application's files do not go there and
        tools that clean or scan them may remove or flag them.

        ## Example

        ```dockerfile
        FROM alpine:3.20
        WORKDIR /dev/app
        ```

        ## Use instead

        ```dockerfile
        FROM alpine:3.20
        WORKDIR /opt/app
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<WorkdirInstruction>(Check);

    private static void Check(InstructionContext<WorkdirInstruction> context)
    {
        if (context.Instruction.Path is not { Value: { } value } path || !value.StartsWith('/'))
        {
            return;
        }

        var normalised = "/" + string.Join('/', value.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != "."));
        foreach (var (directory, what) in s_directories)
        {
            if (normalised == directory || normalised.StartsWith(directory + "/", StringComparison.Ordinal))
            {
                var shown = path.Text == value ? value : $"{path.Text} (= {value})";
                context.Report(path.Span, $"WORKDIR {shown} is in {directory}, {what}; use an application directory such as /app or /opt/<name>");
                return;
            }
        }
    }
}
