using DockerLint.Parser.Context;
using DockerLint.Parser.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Engine;

/// <summary>A rule over Dockerfiles: registers for the instructions, stages or files it needs.</summary>
public abstract class DockerfileRule : Rule
{
    /// <inheritdoc />
    public sealed override RuleTarget Target => RuleTarget.Dockerfile;

    /// <summary>Registers the rule's actions; called once per rule instance.</summary>
    public abstract void Initialize(DockerfileAnalysisContext context);
}

/// <summary>Where a Dockerfile rule registers its actions.</summary>
public sealed class DockerfileAnalysisContext
{
    internal List<(Type Type, InstructionInvoker Invoke)> InstructionActions { get; } = [];

    internal List<Action<StageContext>> StageActions { get; } = [];

    internal List<Action<DockerfileContext>> FileActions { get; } = [];

    /// <summary>
    /// Runs <paramref name="action"/> for every instruction of type <typeparamref name="T"/> (or derived),
    /// ONBUILD triggers included (check <see cref="Instruction.IsTrigger"/> when that matters).
    /// </summary>
    public void RegisterInstructionAction<T>(Action<InstructionContext<T>> action) where T : Instruction
        => InstructionActions.Add((typeof(T), (in ActionArguments arguments, Instruction instruction) => action(new InstructionContext<T>(arguments, (T)instruction))));

    /// <summary>Runs <paramref name="action"/> once for each stage.</summary>
    public void RegisterStageAction(Action<StageContext> action) => StageActions.Add(action);

    /// <summary>Runs <paramref name="action"/> once for the file.</summary>
    public void RegisterFileAction(Action<DockerfileContext> action) => FileActions.Add(action);
}

/// <summary>Runs a rule's instruction action on one instruction (the engine's dispatch, one per registration).</summary>
internal delegate void InstructionInvoker(in ActionArguments arguments, Instruction instruction);

/// <summary>What the engine gives every Dockerfile action of one rule on one file: a context is built from it per call.</summary>
internal readonly record struct ActionArguments(
    DockerfileModel Model, DiagnosticDescriptor Descriptor, RuleOptions Options, Action<Diagnostic> Report, BuildContext? BuildContext, CancellationToken CancellationToken);

/// <summary>What every Dockerfile action sees: the model and a way to report.</summary>
public class DockerfileContext
{
    private readonly Action<Diagnostic> _report;

    internal DockerfileContext(in ActionArguments arguments)
    {
        Model = arguments.Model;
        Descriptor = arguments.Descriptor;
        Options = arguments.Options;
        _report = arguments.Report;
        BuildContext = arguments.BuildContext;
        CancellationToken = arguments.CancellationToken;
    }

    /// <summary>The file's model.</summary>
    public DockerfileModel Model { get; }

    /// <summary>The rule's descriptor.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>The rule's configured options (empty when none are set).</summary>
    public RuleOptions Options { get; }

    /// <summary>
    /// The build context the Dockerfile is built with (its folder and <c>.dockerignore</c>); null when
    /// unknown, as for standard input. Rules that need it stay silent without it.
    /// </summary>
    public BuildContext? BuildContext { get; internal init; }

    /// <summary>
    /// Cancelled when the file's time budget runs out (<c>--timeout-per-file</c>). The engine checks it
    /// between actions; an action that loops over much (every pair of instructions, say) checks it too,
    /// with <see cref="CancellationToken.ThrowIfCancellationRequested"/>.
    /// </summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Reports a finding on <paramref name="span"/> of this file, formatting the message with <paramref name="args"/>.</summary>
    public void Report(TextSpan span, params object?[] args)
        => _report(Diagnostic.Create(Descriptor, Model.Tree.GetLocation(span), args));
}

/// <summary>The context of an instruction action, typed.</summary>
public sealed class InstructionContext<T> : DockerfileContext where T : Instruction
{
    internal InstructionContext(in ActionArguments arguments, T instruction)
        : base(arguments)
    {
        Instruction = instruction;
    }

    /// <summary>The instruction.</summary>
    public T Instruction { get; }
}

/// <summary>The context of a stage action.</summary>
public sealed class StageContext : DockerfileContext
{
    internal StageContext(in ActionArguments arguments, Stage stage)
        : base(arguments)
    {
        Stage = stage;
    }

    /// <summary>The stage.</summary>
    public Stage Stage { get; }
}
