using System.Collections.Immutable;
using DockerLint.Parser.Model;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Dockerfile.BestPractice;

/// <summary>An ARG that nothing can use: a global ARG no FROM reads and no stage declares again, or a stage ARG nothing in its stage reads.</summary>
public sealed class DF3036UnusedArg : DockerfileRule
{
    private static readonly DiagnosticDescriptor s_descriptor = CreateDescriptor(
        "DF3036",
        "ARG declared but never used",
        "{0}",
        RuleCategories.BestPractice,
        DiagnosticSeverity.Info,
        "The build argument is declared where nothing reads it, so setting it with --build-arg changes nothing.");

    /// <inheritdoc />
    public override DiagnosticDescriptor Descriptor => s_descriptor;

    /// <inheritdoc />
    public override string Explanation => """
        ## What it does

        Reports an `ARG` that provably has no effect:

        - a global `ARG` (before the first `FROM`) that no `FROM` line uses, no other global `ARG`
          default uses, and no stage declares again (`ARG NAME` inside a stage is how a stage reads it);
        - an `ARG` inside a stage that nothing after it refers to (`$NAME`, `${NAME}`, in any instruction
          of the stage or of the stages built on it, `RUN` scripts and heredocs included) when none of
          those stages has a `RUN` — with a `RUN`, the argument is in the environment of the commands,
          which may read it without naming it (`DEBIAN_FRONTEND`, `NODE_ENV`, `NPM_TOKEN`…), so it is not
          reported.

        BuildKit's own arguments (`BUILDKIT_*`) and the proxy arguments (`HTTP_PROXY`, …) are never
        reported. ONBUILD triggers that mention the name count as uses.

        Turn it off if the team keeps a uniform set of build arguments across many Dockerfiles, so
        that one CI call fits all.

        ## Why is this bad?

        An unused build argument misleads: CI passes `--build-arg VERSION=2.0` and nothing changes,
        because the stage forgot `ARG VERSION`, or the code that used the argument was removed. Either
        the declaration is dead and can go, or a declaration is missing where the value is needed.

        ## Example

        ```dockerfile
        ARG VERSION=1.4.2
        FROM alpine:3.20
        COPY app /usr/local/bin/app
        ```

        ## Use instead

        ```dockerfile
        ARG VERSION=1.4.2
        FROM alpine:3.20
        ARG VERSION
        LABEL org.opencontainers.image.version=$VERSION
        COPY app /usr/local/bin/app
        ```
        """;

    /// <inheritdoc />
    public override void Initialize(DockerfileAnalysisContext context)
    {
        context.RegisterFileAction(CheckGlobal);
        context.RegisterStageAction(CheckStage);
    }

    private static void CheckGlobal(DockerfileContext context)
    {
        var model = context.Model;
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stage in model.Stages)
        {
            var from = stage.From;
            AddAll(used, from.ImageText);
            AddAll(used, from.Platform?.Value);
            foreach (var arg in stage.OfType<ArgInstruction>())
            {
                used.UnionWith(arg.Declarations.Select(d => d.Name));
            }

            foreach (var trigger in stage.OfType<OnbuildInstruction>().Select(o => o.Trigger).OfType<ArgInstruction>())
            {
                used.UnionWith(trigger.Declarations.Select(d => d.Name));
            }
        }

        foreach (var arg in model.GlobalArgs)
        {
            foreach (var declaration in arg.Declarations)
            {
                AddAll(used, declaration.Default);
            }
        }

        foreach (var declaration in model.GlobalArgs.SelectMany(a => a.Declarations))
        {
            if (!used.Contains(declaration.Name) && !IsSpecial(declaration.Name))
            {
                context.Report(declaration.NameSpan, $"Global ARG '{declaration.Name}' is used by no FROM and declared again by no stage, so nothing can read it; add ARG {declaration.Name} to the stage that needs it, or remove it");
            }
        }
    }

    private static void CheckStage(StageContext context)
    {
        var stage = context.Stage;

        // The stage's ARGs also reach the stages built on it (BuildKit), whose RUN commands may read them too.
        if (HasRun(stage))
        {
            return;
        }

        var descendants = context.Model.Stages.Where(s => s.Ancestors().Contains(stage)).ToList();
        if (descendants.Any(HasRun))
        {
            return;
        }

        // The names each instruction refers to, read once per instruction however many ARGs are checked.
        var laterNames = new HashSet<string>?[stage.Instructions.Length];
        HashSet<string>? descendantNames = null;
        for (var index = 0; index < stage.Instructions.Length; index++)
        {
            if (stage.Instructions[index] is not ArgInstruction arg)
            {
                continue;
            }

            foreach (var declaration in arg.Declarations.Where(d => !IsSpecial(d.Name)))
            {
                var usedLater = UsedAfter(index, declaration.Name)
                    || arg.Declarations.Any(d => d != declaration && d.Default is { } other && other.Expansion.Variables.Contains(declaration.Name));
                if (!usedLater)
                {
                    context.Report(declaration.NameSpan, $"ARG '{declaration.Name}' is declared in {stage} but nothing after it refers to it; remove it or use it");
                }
            }
        }

        bool UsedAfter(int index, string name)
        {
            for (var later = index + 1; later < stage.Instructions.Length; later++)
            {
                if ((laterNames[later] ??= VariableReferences.NamesIn(stage.Instructions[later].Syntax)).Contains(name))
                {
                    return true;
                }
            }

            if (descendantNames is null)
            {
                descendantNames = new HashSet<string>(StringComparer.Ordinal);
                foreach (var descendant in descendants)
                {
                    descendantNames.UnionWith(VariableReferences.NamesIn(descendant.From.Syntax));
                    foreach (var instruction in descendant.Instructions)
                    {
                        descendantNames.UnionWith(VariableReferences.NamesIn(instruction.Syntax));
                    }
                }
            }

            return descendantNames.Contains(name);
        }
    }

    private static bool HasRun(Stage stage)
    {
        foreach (var instruction in stage.Instructions)
        {
            if (instruction is RunInstruction or OnbuildInstruction { Trigger: RunInstruction })
            {
                return true;
            }
        }

        return false;
    }

    private static void AddAll(HashSet<string> used, ExpandedWord? word)
    {
        if (word is not null)
        {
            used.UnionWith(word.Expansion.Variables);
        }
    }

    /// <summary>Arguments BuildKit or the proxy setup read by name.</summary>
    private static bool IsSpecial(string name)
        => name.StartsWith("BUILDKIT_", StringComparison.Ordinal)
            || name.ToUpperInvariant() is "HTTP_PROXY" or "HTTPS_PROXY" or "FTP_PROXY" or "NO_PROXY" or "ALL_PROXY" or "SOURCE_DATE_EPOCH";
}
