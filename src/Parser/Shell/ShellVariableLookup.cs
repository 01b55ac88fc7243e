namespace DockerLint.Parser.Shell;

/// <summary>The three possible states of a variable as seen by the lexer.</summary>
public enum ShellVariableState
{
    /// <summary>The variable is definitely not set (BuildKit would see it as unset).</summary>
    NotSet = 0,

    /// <summary>The variable is set and its value is known.</summary>
    Known = 1,

    /// <summary>
    /// The value cannot be known statically: it may be unset, empty or any string
    /// (for example <c>ARG X</c> without default, or an environment variable the base image may define).
    /// </summary>
    Unknown = 2,
}

/// <summary>The answer of <see cref="IShellVariables.Lookup"/>. The default value means <see cref="ShellVariableState.NotSet"/>.</summary>
public readonly struct ShellVariableLookup : IEquatable<ShellVariableLookup>
{
    private readonly string? _value;

    private ShellVariableLookup(ShellVariableState state, string? value)
    {
        State = state;
        _value = value;
    }

    /// <summary>A lookup for a variable that is not set.</summary>
    public static ShellVariableLookup NotSet => default;

    /// <summary>A lookup for a variable whose value cannot be known statically.</summary>
    public static ShellVariableLookup Unknown => new(ShellVariableState.Unknown, null);

    /// <summary>The state of the variable.</summary>
    public ShellVariableState State { get; }

    /// <summary>The value when <see cref="State"/> is <see cref="ShellVariableState.Known"/>; otherwise null.</summary>
    public string? Value => State == ShellVariableState.Known ? _value ?? string.Empty : null;

    /// <summary>A lookup for a set variable with a known value (null is treated as empty).</summary>
    public static ShellVariableLookup Known(string value) => new(ShellVariableState.Known, value ?? string.Empty);

    /// <inheritdoc />
    public bool Equals(ShellVariableLookup other) => State == other.State && string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ShellVariableLookup other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(State, Value is null ? 0 : StringComparer.Ordinal.GetHashCode(Value));

    /// <inheritdoc />
    public override string ToString() => State switch
    {
        ShellVariableState.Known => $"Known({Value})",
        ShellVariableState.Unknown => "Unknown",
        _ => "NotSet",
    };

    /// <summary>Equality operator.</summary>
    public static bool operator ==(ShellVariableLookup left, ShellVariableLookup right) => left.Equals(right);

    /// <summary>Inequality operator.</summary>
    public static bool operator !=(ShellVariableLookup left, ShellVariableLookup right) => !left.Equals(right);
}
