namespace DockerLint.Parser.Syntax;

/// <summary>The Dockerfile instructions BuildKit knows, plus <see cref="Unknown"/>.</summary>
public enum InstructionKind
{
    Unknown = 0,
    Add,
    Arg,
    Cmd,
    Copy,
    Entrypoint,
    Env,
    Expose,
    From,
    Healthcheck,
    Label,
    Maintainer,
    Onbuild,
    Run,
    Shell,
    StopSignal,
    User,
    Volume,
    Workdir,
}

/// <summary>Maps instruction keywords to <see cref="InstructionKind"/> and back.</summary>
public static class InstructionKinds
{
    /// <summary>Looks up a keyword case-insensitively.</summary>
    public static InstructionKind FromKeyword(ReadOnlySpan<char> keyword)
    {
        Span<char> lower = stackalloc char[12];
        if (keyword.Length is 0 or > 11)
        {
            return InstructionKind.Unknown;
        }

        for (var i = 0; i < keyword.Length; i++)
        {
            var c = keyword[i];
            lower[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }

        return lower[..keyword.Length] switch
        {
            "add" => InstructionKind.Add,
            "arg" => InstructionKind.Arg,
            "cmd" => InstructionKind.Cmd,
            "copy" => InstructionKind.Copy,
            "entrypoint" => InstructionKind.Entrypoint,
            "env" => InstructionKind.Env,
            "expose" => InstructionKind.Expose,
            "from" => InstructionKind.From,
            "healthcheck" => InstructionKind.Healthcheck,
            "label" => InstructionKind.Label,
            "maintainer" => InstructionKind.Maintainer,
            "onbuild" => InstructionKind.Onbuild,
            "run" => InstructionKind.Run,
            "shell" => InstructionKind.Shell,
            "stopsignal" => InstructionKind.StopSignal,
            "user" => InstructionKind.User,
            "volume" => InstructionKind.Volume,
            "workdir" => InstructionKind.Workdir,
            _ => InstructionKind.Unknown,
        };
    }

    /// <summary>The canonical upper-case keyword.</summary>
    public static string ToKeyword(this InstructionKind kind) => kind switch
    {
        InstructionKind.StopSignal => "STOPSIGNAL",
        InstructionKind.Unknown => "",
        _ => kind.ToString().ToUpperInvariant(),
    };

    /// <summary>How BuildKit's parser reads the arguments of an instruction.</summary>
    internal static ArgumentForm ArgumentFormOf(InstructionKind kind) => kind switch
    {
        InstructionKind.Add or InstructionKind.Copy or InstructionKind.Volume => ArgumentForm.MaybeJsonList,
        InstructionKind.Cmd or InstructionKind.Entrypoint or InstructionKind.Run or InstructionKind.Shell => ArgumentForm.MaybeJson,
        InstructionKind.Arg => ArgumentForm.NamesOrNameValues,
        InstructionKind.Env or InstructionKind.Label => ArgumentForm.NameValues,
        InstructionKind.Expose or InstructionKind.From => ArgumentForm.WhitespaceList,
        InstructionKind.Healthcheck => ArgumentForm.HealthCheck,
        InstructionKind.Maintainer or InstructionKind.StopSignal or InstructionKind.User or InstructionKind.Workdir => ArgumentForm.String,
        InstructionKind.Onbuild => ArgumentForm.SubInstruction,
        _ => ArgumentForm.Ignored,
    };
}

/// <summary>BuildKit's per-instruction argument grammar (its "line parsers").</summary>
internal enum ArgumentForm
{
    Ignored,
    String,
    WhitespaceList,
    MaybeJson,
    MaybeJsonList,
    NameValues,
    NamesOrNameValues,
    HealthCheck,
    SubInstruction,
}
