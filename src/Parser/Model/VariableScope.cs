using System.Collections.Immutable;
using DockerLint.Parser.Shell;
using DockerLint.Parser.Syntax;

namespace DockerLint.Parser.Model;

/// <summary>Where a variable in scope comes from.</summary>
public enum VariableOrigin
{
    /// <summary>An <c>ARG</c> instruction.</summary>
    Arg,
    /// <summary>An <c>ENV</c> instruction (of this stage or of the stage it is based on).</summary>
    Env,
    /// <summary>A build argument BuildKit defines itself, such as <c>TARGETARCH</c>.</summary>
    Predefined,
}

/// <summary>A variable visible at some point of a Dockerfile.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Value">Known value, or unknown (e.g. <c>ARG X</c> without a default).</param>
/// <param name="Origin">What declared it.</param>
/// <param name="Declaration">The name as written where it was declared; null for predefined ones.</param>
public sealed record ScopedVariable(string Name, ShellVariableLookup Value, VariableOrigin Origin, SyntaxValue? Declaration);

/// <summary>
/// The variables visible at one point of a Dockerfile, as BuildKit scopes them: global ARGs for
/// FROM; per stage, its ARGs and ENVs (ENV wins over ARG), ARGs and ENVs inherited from a parent stage.
/// Immutable: each ARG or ENV makes a new scope. A name that is not declared is unknown when the
/// stage's base image may define it, and unset otherwise (<c>scratch</c>, FROM lines).
/// </summary>
public sealed class VariableScope : IShellVariables
{
    /// <summary>The platform build arguments BuildKit defines in the global scope.</summary>
    public static readonly ImmutableArray<string> PlatformArgs =
    [
        "TARGETPLATFORM", "TARGETOS", "TARGETARCH", "TARGETVARIANT",
        "BUILDPLATFORM", "BUILDOS", "BUILDARCH", "BUILDVARIANT",
    ];

    private readonly ImmutableDictionary<string, ScopedVariable> _args;
    private readonly ImmutableDictionary<string, ScopedVariable> _env;

    private VariableScope(ImmutableDictionary<string, ScopedVariable> args, ImmutableDictionary<string, ScopedVariable> env, bool undeclaredIsUnknown)
    {
        _args = args;
        _env = env;
        UndeclaredIsUnknown = undeclaredIsUnknown;
    }

    /// <summary>The scope of FROM lines before any global ARG: the predefined platform arguments only.</summary>
    public static VariableScope Global { get; } = new(
        PlatformArgs.ToImmutableDictionary(n => n, n => new ScopedVariable(n, ShellVariableLookup.Unknown, VariableOrigin.Predefined, null), StringComparer.Ordinal),
        ImmutableDictionary<string, ScopedVariable>.Empty.WithComparers(StringComparer.Ordinal),
        undeclaredIsUnknown: false);

    /// <summary>An empty scope; undeclared names are unknown or unset as told.</summary>
    public static VariableScope Empty(bool undeclaredIsUnknown) => new(s_none, s_none, undeclaredIsUnknown);

    // Immutable, so one empty dictionary (with its comparer) serves every scope.
    private static readonly ImmutableDictionary<string, ScopedVariable> s_none = ImmutableDictionary<string, ScopedVariable>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>True when a name that is not declared may still be defined (by the base image).</summary>
    public bool UndeclaredIsUnknown { get; }

    /// <summary>Every variable in scope (ENV over ARG for the same name).</summary>
    public IEnumerable<ScopedVariable> Variables
        => _env.Values.Concat(_args.Values.Where(a => !_env.ContainsKey(a.Name))).OrderBy(v => v.Name, StringComparer.Ordinal);

    /// <summary>The variable of that name, if declared.</summary>
    public ScopedVariable? Find(string name)
        => _env.TryGetValue(name, out var env) ? env : _args.TryGetValue(name, out var arg) ? arg : null;

    /// <inheritdoc />
    public ShellVariableLookup Lookup(string name)
    {
        var variable = Find(name);
        if (variable is not null)
        {
            return variable.Value;
        }

        return UndeclaredIsUnknown ? ShellVariableLookup.Unknown : ShellVariableLookup.NotSet;
    }

    /// <summary>A scope with one more ARG.</summary>
    public VariableScope WithArg(ScopedVariable variable) => new(_args.SetItem(variable.Name, variable), _env, UndeclaredIsUnknown);

    /// <summary>A scope with one more ENV.</summary>
    public VariableScope WithEnv(ScopedVariable variable) => new(_args, _env.SetItem(variable.Name, variable), UndeclaredIsUnknown);

    /// <summary>
    /// The scope a stage based on this stage starts with: its ENVs and the ARGs it declared — BuildKit
    /// passes a stage's build arguments on to the stages built on it (documented since BuildKit 0.17).
    /// </summary>
    public VariableScope ForChildStage() => new(_args, _env, UndeclaredIsUnknown);

    /// <summary>The same variables with undeclared names unknown (ONBUILD triggers run in other builds).</summary>
    public VariableScope WithUndeclaredUnknown() => UndeclaredIsUnknown ? this : new(_args, _env, true);
}
