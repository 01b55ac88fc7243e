namespace DockerLint.Cli;

/// <summary>The exit codes of <c>dockerlint</c>; when several apply, a usage error comes first, then an incomplete run, then findings.</summary>
internal static class ExitCodes
{
    /// <summary>Every file was analysed and no finding is at or above <c>--fail-level</c>.</summary>
    public const int Success = 0;

    /// <summary>At least one finding is at or above <c>--fail-level</c>.</summary>
    public const int Findings = 1;

    /// <summary>A usage error: an unknown option or value, a path that does not exist, an unknown rule, a report that could not be written.</summary>
    public const int UsageError = 2;

    /// <summary>
    /// The run is incomplete: a file or folder could not be read, a rule failed, or DockerLint itself
    /// failed. The findings printed are real, but there may be more. Wins over <see cref="Findings"/>,
    /// whatever <c>--fail-level</c> says, so that a broken run never passes a CI gate.
    /// </summary>
    public const int Incomplete = 3;
}
