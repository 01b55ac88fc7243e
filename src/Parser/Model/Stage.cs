using System.Collections.Immutable;

namespace DockerLint.Parser.Model;

/// <summary>A build stage: a FROM and the instructions up to the next FROM.</summary>
public sealed class Stage
{
    // Derived data, computed on first use once the model is built: rules ask for them per stage and per instruction.
    private ImmutableArray<Stage> _ancestors;
    private string? _name;

    internal Stage(int index, FromInstruction from)
    {
        Index = index;
        From = from;
    }

    /// <summary>0-based position among the stages.</summary>
    public int Index { get; }

    /// <summary>The stage's FROM.</summary>
    public FromInstruction From { get; }

    /// <summary>The <c>AS</c> name in lower case (BuildKit compares stage names that way); null when unnamed.</summary>
    public string? Name => _name ??= From.StageName?.Text.ToLowerInvariant();

    /// <summary>What the stage is based on.</summary>
    public ImageSourceKind BaseKind => From.SourceKind;

    /// <summary>The stage this one builds on, when based on an earlier stage.</summary>
    public Stage? BaseStage => From.BaseStage;

    /// <summary>True for the last stage (the image a plain <c>docker build</c> produces).</summary>
    public bool IsFinal { get; internal set; }

    /// <summary>The instructions after the FROM, in order (ONBUILD triggers are inside their ONBUILD).</summary>
    public ImmutableArray<Instruction> Instructions { get; internal set; } = [];

    /// <summary>The variables in scope after the stage's last instruction.</summary>
    public VariableScope FinalScope { get; internal set; } = VariableScope.Empty(undeclaredIsUnknown: true);

    /// <summary>
    /// The chain of stages this one builds on, nearest first, ending at a stage based on an image,
    /// <c>scratch</c> or an unknown reference.
    /// </summary>
    public ImmutableArray<Stage> Ancestors()
    {
        if (_ancestors.IsDefault)
        {
            if (BaseStage is null)
            {
                _ancestors = [];
                return _ancestors;
            }

            var chain = ImmutableArray.CreateBuilder<Stage>();
            for (var s = BaseStage; s is not null && s != this && !chain.Contains(s); s = s.BaseStage)
            {
                chain.Add(s);
            }

            _ancestors = chain.DrainToImmutable();
        }

        return _ancestors;
    }

    /// <summary>The instructions of a kind, in order.</summary>
    public IEnumerable<T> OfType<T>() where T : Instruction => Instructions.OfType<T>();

    /// <inheritdoc />
    public override string ToString() => Name is null ? $"stage {Index}" : $"stage {Index} ({Name})";
}
