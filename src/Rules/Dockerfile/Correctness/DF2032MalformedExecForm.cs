using System.Collections.Immutable;
using System.Text.RegularExpressions;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Correctness;

/// <summary>An argument list written like the exec form but not valid JSON (single quotes, trailing comma), so it runs as shell form.</summary>
public sealed partial class DF2032MalformedExecForm : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF2032",
        "Exec form that is not valid JSON",
        "{0}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Error,
        "The arguments look like an exec-form array but are not valid JSON, so Docker takes them as a shell command line, brackets and quotes included.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["dockerfile-utils:JSON_IN_SINGLE_QUOTES"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports `RUN`, `CMD`, `ENTRYPOINT`, `HEALTHCHECK CMD`, `COPY`, `ADD` and `VOLUME` (ONBUILD triggers
        included) whose arguments are a bracketed list of quoted strings that is not valid JSON: strings
        in single quotes (`['node', 'server.js']`) or a comma after the last element
        (`["node", "server.js",]`). A shell test such as `RUN [ "$A" = "b" ]` is not a list of strings
        separated by commas and is not reported.

        Do not turn it off: Docker runs such an instruction in shell form, with the brackets and
        quotes as part of the command, which almost always fails at run time; fix the quotes or the
        trailing comma.

        ## Why is this bad?

        Docker recognises the exec form only when the arguments parse as a JSON array, and JSON strings
        take double quotes. Anything else is shell form: `CMD ['node', 'server.js']` runs
        `/bin/sh -c "['node', 'server.js']"`, which fails with "not found" when the container starts —
        long after the build succeeded. For `COPY` and `VOLUME` the brackets and quotes become part of
        the paths.

        ## Example

        ```dockerfile
        FROM node:22-slim
        CMD ['node', 'server.js']
        ```

        ## Use instead

        ```dockerfile
        FROM node:22-slim
        CMD ["node", "server.js"]
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<Instruction>(Check);

    [GeneratedRegex("""^\[\s*(?:'[^']*'|"(?:[^"\\]|\\.)*")(?:\s*,\s*(?:'[^']*'|"(?:[^"\\]|\\.)*"))*\s*(,)?\s*\]$""", RegexOptions.Singleline)]
    private static partial Regex QuotedList();

    [GeneratedRegex("""[\[,]\s*'""")]
    private static partial Regex SingleQuoted();

    private static void Check(InstructionContext<Instruction> context)
    {
        var instruction = context.Instruction;
        var syntax = instruction.Syntax;
        if (syntax.IsExecForm || instruction is not (RunInstruction or CmdInstruction or EntrypointInstruction or HealthcheckInstruction or FileTransferInstruction or VolumeInstruction))
        {
            return;
        }

        var value = instruction is CommandInstruction command ? command.ShellCommand : syntax.ArgumentsText;
        if (value is null)
        {
            return;
        }

        var text = value.Text.Trim();
        var match = QuotedList().Match(text);
        if (!match.Success)
        {
            return;
        }

        var problem = match.Groups[1].Success ? "a comma after the last element"
            : SingleQuoted().IsMatch(text) ? "single-quoted strings (JSON needs double quotes)"
            : "a string JSON cannot read, such as an unknown backslash escape";
        var keyword = (instruction.IsTrigger ? "ONBUILD " : "") + syntax.KeywordText;
        context.Report(value.Span, $"This is not valid JSON ({problem}), so {keyword} takes it as shell form, brackets and quotes included; write [\"…\", \"…\"]");
    }
}
