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
    internal List<(Type Type, Action<InstructionContext> Action)> InstructionActions { get; } = [];

    internal List<Action<StageContext>> StageActions { get; } = [];

    internal List<Action<DockerfileContext>> FileActions { get; } = [];

    /// <summary>
    /// Runs <paramref name="action"/> for every instruction of type <typeparamref name="T"/> (or derived),
    /// ONBUILD triggers included (check <see cref="Instruction.IsTrigger"/> when that matters).
    /// </summary>
    public void RegisterInstructionAction<T>(Action<InstructionContext<T>> action) where T : Instruction
        => InstructionActions.Add((typeof(T), c => action(new InstructionContext<T>(c))));

    /// <summary>Runs <paramref name="action"/> once for each stage.</summary>
    public void RegisterStageAction(Action<StageContext> action) => StageActions.Add(action);

    /// <summary>Runs <paramref name="action"/> once for the file.</summary>
    public void RegisterFileAction(Action<DockerfileContext> action) => FileActions.Add(action);
}

/// <summary>What every Dockerfile action sees: the model and a way to report.</summary>
public class DockerfileContext
{
    private readonly Action<Diagnostic> _report;

    internal DockerfileContext(DockerfileModel model, DiagnosticDescriptor descriptor, RuleOptions options, Action<Diagnostic> report)
    {
        Model = model;
        Descriptor = descriptor;
        Options = options;
        _report = report;
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

    internal Action<Diagnostic> ReportRaw => _report;

    /// <summary>Reports a finding on <paramref name="span"/> of this file, formatting the message with <paramref name="args"/>.</summary>
    public void Report(TextSpan span, params object?[] args)
        => _report(Diagnostic.Create(Descriptor, Model.Tree.GetLocation(span), args));
}

/// <summary>The context of an instruction action.</summary>
public class InstructionContext : DockerfileContext
{
    internal InstructionContext(DockerfileModel model, Instruction instruction, DiagnosticDescriptor descriptor, RuleOptions options, Action<Diagnostic> report)
        : base(model, descriptor, options, report)
    {
        Instruction = instruction;
    }

    /// <summary>The instruction.</summary>
    public Instruction Instruction { get; }
}

/// <summary>The context of an instruction action, typed.</summary>
public sealed class InstructionContext<T> : DockerfileContext where T : Instruction
{
    internal InstructionContext(InstructionContext inner)
        : base(inner.Model, inner.Descriptor, inner.Options, inner.ReportRaw)
    {
        BuildContext = inner.BuildContext;
        Instruction = (T)inner.Instruction;
    }

    /// <summary>The instruction.</summary>
    public T Instruction { get; }
}

/// <summary>The context of a stage action.</summary>
public sealed class StageContext : DockerfileContext
{
    internal StageContext(DockerfileModel model, Stage stage, DiagnosticDescriptor descriptor, RuleOptions options, Action<Diagnostic> report)
        : base(model, descriptor, options, report)
    {
        Stage = stage;
    }

    /// <summary>The stage.</summary>
    public Stage Stage { get; }
}
