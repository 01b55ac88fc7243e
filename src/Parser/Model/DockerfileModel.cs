using System.Collections.Immutable;
using DockerLint.Parser.Diagnostics;
using DockerLint.Parser.Syntax;
using Microsoft.CodeAnalysis;

namespace DockerLint.Parser.Model;

/// <summary>
/// The typed view of a Dockerfile that rules read, the way Roslyn analyzers read a SemanticModel:
/// instructions with typed parts, stages and the final stage, and every variable resolved the way
/// BuildKit expands it — or marked unknown, never guessed.
/// </summary>
public sealed class DockerfileModel
{
    internal DockerfileModel(
        DockerfileSyntaxTree tree,
        ImmutableArray<Instruction> instructions,
        ImmutableArray<ArgInstruction> globalArgs,
        ImmutableArray<Stage> stages,
        VariableScope globalScope,
        ImmutableArray<Diagnostic> diagnostics)
    {
        Tree = tree;
        Instructions = instructions;
        GlobalArgs = globalArgs;
        Stages = stages;
        GlobalScope = globalScope;
        Diagnostics = diagnostics;
    }

    /// <summary>The syntax tree.</summary>
    public DockerfileSyntaxTree Tree { get; }

    /// <summary>Every top-level instruction in order (ONBUILD triggers are inside their ONBUILD).</summary>
    public ImmutableArray<Instruction> Instructions { get; }

    /// <summary>The ARGs before the first FROM.</summary>
    public ImmutableArray<ArgInstruction> GlobalArgs { get; }

    /// <summary>The stages in order.</summary>
    public ImmutableArray<Stage> Stages { get; }

    /// <summary>The last stage, which a plain build produces; null when there is no FROM.</summary>
    public Stage? FinalStage => Stages.IsEmpty ? null : Stages[^1];

    /// <summary>The scope FROM lines are expanded in: global ARGs and BuildKit's platform arguments.</summary>
    public VariableScope GlobalScope { get; }

    /// <summary>The parser's diagnostics followed by the model's (arguments, flags, expansion), in source order.</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Every instruction including ONBUILD triggers, in source order.</summary>
    public IEnumerable<Instruction> AllInstructions()
    {
        foreach (var instruction in Instructions)
        {
            yield return instruction;
            if (instruction is OnbuildInstruction { Trigger: { } trigger })
            {
                yield return trigger;
            }
        }
    }

    /// <summary>The stage with this name (case-insensitive), if any.</summary>
    public Stage? FindStage(string name)
        => Stages.FirstOrDefault(s => s.Name is not null && string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Builds the model of a parsed tree. Never throws on any input; checks <paramref name="cancellationToken"/>
    /// before each instruction and throws <see cref="OperationCanceledException"/> once it is cancelled.
    /// </summary>
    public static DockerfileModel Create(DockerfileSyntaxTree tree, CancellationToken cancellationToken = default)
        => new ModelBuilder(tree, cancellationToken).Build();

    /// <summary>Parses and builds the model in one step.</summary>
    public static DockerfileModel Parse(string text, string filePath = "Dockerfile")
        => Create(DockerfileSyntaxTree.Parse(text, filePath));
}
