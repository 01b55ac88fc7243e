using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Correctness;

/// <summary>An ENV value refers to a variable set earlier in the same ENV, and gets its value from before the instruction.</summary>
public sealed class DF2034EnvSameStatementReference : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF2034",
        "ENV refers to a variable set in the same instruction",
        "{0}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Warning,
        "Every value of one ENV is expanded before any of its variables is set, so a reference to a name set earlier in the same ENV gets the old value (often empty).");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["hadolint:DL3044"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports a reference (`$NAME`, `${NAME}`, `${NAME:-…}`) in an `ENV` value to a variable that an
        earlier pair of the same `ENV` sets (ONBUILD triggers included). The finding sits on the
        reference and the message tells which value it really gets. A pair that extends its own variable
        (`ENV PATH=/opt/app/bin:$PATH`) is fine: it means the value from before, as intended. So is a
        reference to a name the earlier pair only passes on unchanged (`ENV VERSION=$VERSION URL=…/$VERSION`),
        since both values are the same.

        Do not turn it off: when the old value is really meant, writing the two pairs as two `ENV`
        instructions says so, and the finding goes away.

        ## Why is this bad?

        Docker expands all values of one `ENV` with the variables as they were before the instruction.
        In `ENV APP_HOME=/opt/app APP_BIN=$APP_HOME/bin`, `APP_BIN` becomes `/bin` (or uses an older
        `APP_HOME`), not `/opt/app/bin` — the kind of mistake that only shows at run time.

        ## Example

        ```dockerfile
        FROM eclipse-temurin:21-jre
        ENV APP_HOME=/opt/app APP_BIN=$APP_HOME/bin
        ```

        ## Use instead

        ```dockerfile
        FROM eclipse-temurin:21-jre
        ENV APP_HOME=/opt/app
        ENV APP_BIN=$APP_HOME/bin
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterInstructionAction<EnvInstruction>(Check);

    private static void Check(InstructionContext<EnvInstruction> context)
    {
        var env = context.Instruction;
        var setEarlier = new Dictionary<string, ExpandedPair>(StringComparer.Ordinal);
        foreach (var pair in env.Pairs)
        {
            foreach (var name in pair.Value.Expansion.Variables)
            {
                var before = env.Scope.Lookup(name);
                if (setEarlier.TryGetValue(name, out var earlier) && !KeepsItsValue(earlier, before))
                {
                    var gets = before.Value is { Length: > 0 } value ? $"'{value}', its value before this ENV"
                        : before.Value is not null ? "its value before this ENV, which is empty"
                        : "its value before this ENV";
                    var set = earlier.Value.Value is { } newValue ? $" '{newValue}'" : "";
                    context.Report(VariableReferences.SpanOf(pair.Value, name), $"'{name}' is set to{set} in this same ENV, but this reference gets {gets}; set {name} in an ENV of its own first");
                }
            }

            setEarlier.TryAdd(pair.Key.Text, pair);
        }
    }

    /// <summary>True when the earlier pair leaves the value as it was (<c>A=$A</c>, or the same known value), so the reference gets the same either way.</summary>
    private static bool KeepsItsValue(ExpandedPair earlier, Parser.Shell.ShellVariableLookup before)
    {
        var name = earlier.Key.Text;
        return earlier.Value.Text is var text && (text == "$" + name || text == "${" + name + "}" || text == "\"$" + name + "\"" || text == "\"${" + name + "}\"")
            || (before.Value is { } old && earlier.Value.Value == old);
    }
}
