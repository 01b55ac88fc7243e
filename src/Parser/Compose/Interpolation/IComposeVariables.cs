using DockerLint.Parser.Shell;

namespace DockerLint.Parser.Compose.Interpolation;

/// <summary>
/// The variables docker compose interpolates into a Compose file or an env file, as far as the linter knows
/// them. Each name answers <see cref="ShellVariableState.Known"/> (with its value),
/// <see cref="ShellVariableState.Unknown"/> (set, or maybe set, to a value the linter cannot know) or
/// <see cref="ShellVariableState.NotSet"/>; <see cref="IsComplete"/> says what <c>NotSet</c> means.
/// </summary>
public interface IComposeVariables
{
    /// <summary>
    /// True when this source is the whole environment docker compose would see (the user gave it
    /// explicitly): a name it answers <see cref="ShellVariableState.NotSet"/> for is really unset.
    /// False (the usual case: linting without knowing the CI or host environment) when such a name may
    /// still be set at run time; see <see cref="ComposeInterpolator"/> for how each operator treats it.
    /// </summary>
    bool IsComplete { get; }

    /// <summary>Looks up one variable by its exact name (case-sensitive, no normalisation).</summary>
    ShellVariableLookup Lookup(string name);
}
