namespace DockerLint.Parser.Shell;

/// <summary>
/// The source of variable values used by <see cref="ShellLexer"/>. The lexer never decides what a
/// missing variable means: it asks this source, which answers <em>not set</em>, <em>known</em> or
/// <em>unknown</em> (declared, but its value cannot be determined statically).
/// </summary>
public interface IShellVariables
{
    /// <summary>Looks up one variable by name, exactly as written in the word (no normalisation).</summary>
    /// <param name="name">The variable name; may be a positional (<c>1</c>) or special (<c>@</c>) parameter name, or empty for malformed input.</param>
    ShellVariableLookup Lookup(string name);
}
