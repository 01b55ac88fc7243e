using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.Correctness;

/// <summary>A word BuildKit expands refers to a variable that is not defined where it is used.</summary>
public sealed class DF2035UndefinedVariable : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF2035",
        "Variable not defined where it is used",
        "{0}",
        RuleCategories.Correctness,
        DiagnosticSeverity.Warning,
        "The variable is not in scope at this instruction, so BuildKit expands it to an empty string.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override ImmutableArray<string> Aliases => ["buildkit:UndefinedVar"];

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Looks at the words BuildKit expands itself — the paths and flags of `COPY` and `ADD`, `ENV`,
        `LABEL`, `ARG` defaults, `EXPOSE`, `STOPSIGNAL`, `USER`, `VOLUME`, `WORKDIR` and `RUN --mount` —
        and reports a variable that is not in scope there. It reads scopes the way BuildKit does: an
        `ARG` before the first `FROM` is only visible in `FROM` lines until a stage declares it again with
        `ARG NAME`; the platform arguments (`TARGETARCH`, `BUILDPLATFORM` …) likewise; the `ARG`s and
        `ENV`s of a stage reach the stages built on it (`FROM base`), and no other.

        The base image's environment is not known statically, so a name is only reported when it is
        certainly undefined (a stage on `scratch`) or when the Dockerfile shows the mistake: the name is
        a global `ARG` or a platform argument not declared in the stage, an `ARG` declared only later
        in the stage or only in a stage this one is not built on, or a name one or two letters away from
        a variable that is in scope (`$VERSOIN` next to `ARG VERSION`), which the message suggests. References with a fallback (`${NAME:-default}`, `${NAME:+x}`) are
        not reported, and neither are commands of `RUN`, `CMD` and `ENTRYPOINT` — the shell expands those
        at run time, where the script may set the variable itself — nor ONBUILD triggers, which run in
        another build.

        Turn it off if your base images define the same names in their environment and you rely on
        them; declaring the `ARG` again in the stage is usually the better fix.

        ## Why is this bad?

        An undefined variable silently expands to an empty string: `COPY app-${VERSION}.jar /app.jar`
        looks for `app-.jar`, `WORKDIR /opt/$APP` becomes `/opt/`. The most common cause is a global `ARG`
        that was meant to be used inside a stage without being declared there again.

        ## Example

        ```dockerfile
        ARG VERSION=1.4.2
        FROM eclipse-temurin:21-jre
        COPY build/app-${VERSION}.jar /opt/app.jar
        ```

        ## Use instead

        ```dockerfile
        ARG VERSION=1.4.2
        FROM eclipse-temurin:21-jre
        ARG VERSION
        COPY build/app-${VERSION}.jar /opt/app.jar
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context) => context.RegisterStageAction(Check);

    private static void Check(StageContext context)
    {
        var stage = context.Stage;
        var model = context.Model;
        var words = new List<ExpandedWord>();
        for (var index = 0; index < stage.Instructions.Length; index++)
        {
            var instruction = stage.Instructions[index];
            words.Clear();
            VariableReferences.AddExpandedWords(instruction, words);
            foreach (var word in words)
            {
                var variables = word.Expansion.Variables;
                for (var v = 0; v < variables.Count; v++)
                {
                    var name = variables[v];
                    if (instruction.Scope.Find(name) is not null || !VariableReferences.HasPlainReference(word.Text, name))
                    {
                        continue;
                    }

                    var reason = Reason(model, stage, index, name, word.Expansion.UnsetVariables.Contains(name))
                        ?? (NearName(instruction.Scope, name) is { } near ? $"did you mean '{near}', which is in scope?" : null);
                    if (reason is not null)
                    {
                        context.Report(VariableReferences.SpanOf(word, name), $"'{name}' is not defined here: {reason}; it expands to an empty string");
                    }
                }
            }
        }
    }

    private static string? Reason(DockerfileModel model, Stage stage, int index, string name, bool certainlyUnset)
    {
        if (model.GlobalArgs.Any(a => a.Declarations.Any(d => d.Name == name)))
        {
            return $"the ARG before the first FROM is only visible in FROM lines until the stage declares it again (add ARG {name} to this stage)";
        }

        if (VariableScope.PlatformArgs.Contains(name))
        {
            return $"BuildKit defines the platform arguments for FROM lines only; declare ARG {name} in this stage to use it";
        }

        var later = stage.Instructions.Skip(index + 1).FirstOrDefault(i => i is ArgInstruction && Declares(i, name));
        if (later is not null)
        {
            return $"it is declared only later, at line {model.Tree.GetLineSpan(later.KeywordSpan).StartLinePosition.Line + 1}";
        }

        var other = model.Stages.FirstOrDefault(s => s != stage && s.Instructions.Any(i => i is ArgInstruction && Declares(i, name)));
        if (other is not null)
        {
            return $"it is declared by ARG in {other} only, which this stage is not built on (declare it in this stage too)";
        }

        return certainlyUnset ? "no ARG or ENV defines it in this stage or the stages it is built on" : null;
    }

    /// <summary>A variable declared in this file and in scope whose name is one or two edits away (a likely typo).</summary>
    private static string? NearName(VariableScope scope, string name)
    {
        if (name.Length < 5)
        {
            return null;
        }

        // A name that only adds to another (file → file3, VERSION → VERSIONS) is more likely a different variable than a typo.
        var limit = name.Length < 8 ? 1 : 2;
        return scope.Variables
            .Where(v => v.Origin != VariableOrigin.Predefined && v.Declaration is not null)
            .Where(v => !name.StartsWith(v.Name, StringComparison.Ordinal) && !v.Name.StartsWith(name, StringComparison.Ordinal)
                && !name.EndsWith(v.Name, StringComparison.Ordinal) && !v.Name.EndsWith(name, StringComparison.Ordinal))
            .Select(v => (v.Name, Distance: EditDistance(v.Name, name)))
            .Where(v => v.Distance > 0 && v.Distance <= limit)
            .OrderBy(v => v.Distance).ThenBy(v => v.Name, StringComparer.Ordinal)
            .Select(v => v.Name)
            .FirstOrDefault();
    }

    private static int EditDistance(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous[j - 1]);
                }
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static bool Declares(Instruction instruction, string name) => instruction switch
    {
        ArgInstruction arg => arg.Declarations.Any(d => d.Name == name),
        EnvInstruction env => env.Pairs.Any(p => p.Key.Text == name),
        _ => false,
    };
}
