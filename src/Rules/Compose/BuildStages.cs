using DockerLint.Parser.Model;

namespace DockerLint.Rules.Compose;

/// <summary>What a build of one stage of a Dockerfile involves, for the cross-file rules.</summary>
internal static class BuildStages
{
    /// <summary>
    /// The stages BuildKit builds for <paramref name="target"/>: the target, the stages it is built on,
    /// and those it copies or mounts from (<c>COPY --from</c>, <c>RUN --mount=from=</c>), transitively.
    /// </summary>
    public static IReadOnlyList<Stage> Closure(DockerfileModel model, Stage target)
    {
        var seen = new HashSet<Stage>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<Stage>([target]);
        while (stack.Count > 0)
        {
            var stage = stack.Pop();
            if (!seen.Add(stage))
            {
                continue;
            }

            if (stage.BaseStage is { } baseStage)
            {
                stack.Push(baseStage);
            }

            foreach (var instruction in stage.Instructions)
            {
                if (instruction is CopyInstruction { FromStage: { } from })
                {
                    stack.Push(from);
                }
                else if (instruction is RunInstruction run)
                {
                    foreach (var mount in run.Mounts)
                    {
                        if (mount.From is { } name && (model.FindStage(name) ?? StageByIndex(model, name)) is { } mounted)
                        {
                            stack.Push(mounted);
                        }
                    }
                }
            }
        }

        return [.. model.Stages.Where(seen.Contains)];
    }

    /// <summary>The names of the ARGs a build of <paramref name="stages"/> reads: the global ones and those the stages declare.</summary>
    public static HashSet<string> DeclaredArgs(DockerfileModel model, IEnumerable<Stage> stages)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var arg in model.GlobalArgs.Concat(stages.SelectMany(s => s.OfType<ArgInstruction>())))
        {
            foreach (var declaration in arg.Declarations)
            {
                names.Add(declaration.Name);
            }
        }

        return names;
    }

    private static Stage? StageByIndex(DockerfileModel model, string name)
        => int.TryParse(name, out var index) && index >= 0 && index < model.Stages.Length ? model.Stages[index] : null;
}
