using System.Collections.Immutable;
using System.Globalization;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Correctness;

/// <summary>STOPSIGNAL names no signal Docker knows.</summary>
public sealed class DF2033InvalidStopSignal : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF2033",
        "Invalid STOPSIGNAL",
        "{0}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Error,
        "STOPSIGNAL takes a signal name (SIGTERM, TERM, SIGRTMIN+3) or a positive number; Docker rejects anything else.");

    private static readonly HashSet<string> s_names = BuildNames();

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["dockerfile-utils:INVALID_SIGNAL"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a `STOPSIGNAL` (ONBUILD triggers included) whose value is neither a Linux signal name —
        with or without the `SIG` prefix, in any case, `RTMIN+n` and `RTMAX-n` included — nor a positive
        number, the values Docker's signal parser accepts. A value given through a variable whose value
        is unknown is not reported.

        Do not turn it off: a misspelt signal fails the build or leaves the container with a stop
        signal it cannot send; fix the value.

        ## Why is this bad?

        Docker parses the signal when the image is built or the container is stopped; a misspelt name
        such as `SIGTERN` or `SIG_TERM` fails the build, or leaves the container with a stop signal it
        cannot send.

        ## Example

        ```dockerfile
        FROM nginx:1.27
        STOPSIGNAL SIG_QUIT
        ```

        ## Use instead

        ```dockerfile
        FROM nginx:1.27
        STOPSIGNAL SIGQUIT
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<StopSignalInstruction>(Check);

    /// <summary>True for a value Docker's <c>signal.ParseSignal</c> accepts on Linux.</summary>
    internal static bool IsValid(string signal)
    {
        if (int.TryParse(signal, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number > 0;
        }

        var name = signal.ToUpperInvariant();
        return s_names.Contains(name.StartsWith("SIG", StringComparison.Ordinal) ? name[3..] : name);
    }

    private static void Check(InstructionContext<StopSignalInstruction> context)
    {
        if (context.Instruction.Signal is { Value: { } value } signal && !IsValid(value))
        {
            context.Report(signal.Span, $"'{value}' is not a signal Docker knows; use a name such as SIGTERM, SIGQUIT or SIGINT, or a signal number");
        }
    }

    private static HashSet<string> BuildNames()
    {
        var names = new HashSet<string>(StringComparer.Ordinal)
        {
            "ABRT", "ALRM", "BUS", "CHLD", "CLD", "CONT", "FPE", "HUP", "ILL", "INT", "IO", "IOT", "KILL", "PIPE", "POLL",
            "PROF", "PWR", "QUIT", "SEGV", "STKFLT", "STOP", "SYS", "TERM", "TRAP", "TSTP", "TTIN", "TTOU", "URG", "USR1",
            "USR2", "VTALRM", "WINCH", "XCPU", "XFSZ", "RTMIN", "RTMAX",
        };
        for (var i = 1; i <= 15; i++)
        {
            names.Add($"RTMIN+{i}");
            names.Add($"RTMAX-{i}");
        }

        return names;
    }
}
