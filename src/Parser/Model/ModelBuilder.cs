using System.Collections.Immutable;
using System.Globalization;
using DockerLint.Parser.Diagnostics;
using DockerLint.Parser.Images;
using DockerLint.Parser.Shell;
using DockerLint.Parser.Syntax;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Model;

/// <summary>
/// Walks the instructions once: splits them into stages, keeps the variable scope as BuildKit
/// does, expands the words BuildKit expands, and checks what BuildKit's instruction parser checks
/// (argument counts, flags, FROM and HEALTHCHECK forms).
/// </summary>
internal sealed class ModelBuilder
{
    private static readonly Dictionary<InstructionKind, string[]> s_allowedFlags = new()
    {
        [InstructionKind.From] = ["platform"],
        [InstructionKind.Run] = ["mount", "network", "security", "device"],
        [InstructionKind.Copy] = ["from", "chown", "chmod", "link", "exclude", "parents"],
        [InstructionKind.Add] = ["chown", "chmod", "link", "keep-git-dir", "checksum", "unpack", "exclude"],
        [InstructionKind.Healthcheck] = ["interval", "timeout", "start-period", "start-interval", "retries"],
    };

    private static readonly HashSet<string> s_boolFlags = ["link", "parents", "keep-git-dir", "unpack"];
    private static readonly HashSet<string> s_repeatableFlags = ["mount", "exclude", "device"];

    private static readonly HashSet<string> s_mountKeys =
    [
        "type", "from", "source", "src", "target", "dst", "destination", "readonly", "ro", "readwrite", "rw",
        "required", "size", "id", "sharing", "mode", "uid", "gid", "env",
    ];

    private readonly DockerfileSyntaxTree _tree;
    private readonly ShellLexer _lexer;
    private readonly List<Diagnostic> _diagnostics;
    private readonly List<Stage> _stages = [];
    private readonly Dictionary<string, Stage> _stagesByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Instruction> _instructions;
    private readonly List<ArgInstruction> _globalArgs = [];
    private readonly CancellationToken _cancellationToken;
    private VariableScope _global = VariableScope.Global;

    // A lexer is immutable and builds its character sets when created: one per escape character for the process.
    private static readonly Lazy<ShellLexer> s_backtickLexer = new(() => new ShellLexer(new ShellLexerOptions { EscapeToken = '`' }));

    public ModelBuilder(DockerfileSyntaxTree tree, CancellationToken cancellationToken = default)
    {
        _tree = tree;
        _cancellationToken = cancellationToken;
        _lexer = tree.EscapeToken == ShellLexer.Default.Options.EscapeToken ? ShellLexer.Default : s_backtickLexer.Value;
        _diagnostics = [.. tree.Diagnostics];
        _instructions = new(tree.Root.Instructions.Length);
    }

    public DockerfileModel Build()
    {
        Stage? stage = null;
        var stageInstructions = new List<Instruction>();
        var scope = _global;
        var reportedBeforeFrom = false;

        foreach (var syntax in _tree.Root.Instructions)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (syntax.Kind == InstructionKind.From)
            {
                CloseStage(stage, stageInstructions, scope);
                var from = BindFrom(syntax);
                stage = new Stage(_stages.Count, from);
                from.Stage = stage;
                _stages.Add(stage);
                if (stage.Name is { } name && !_stagesByName.TryAdd(name, stage))
                {
                    Report(SyntaxDiagnostics.InvalidArguments, from.StageName!.Span, $"Duplicate stage name '{from.StageName.Text}': stage names must be unique");
                }

                _instructions.Add(from);
                scope = StartScope(from);
                continue;
            }

            if (stage is null && syntax.Kind is not (InstructionKind.Arg or InstructionKind.Unknown) && !reportedBeforeFrom)
            {
                Report(SyntaxDiagnostics.InstructionBeforeFrom, syntax.Keyword.Span, syntax.KeywordText);
                reportedBeforeFrom = true;
            }

            var currentScope = stage is null ? _global : scope;
            var instruction = Bind(syntax, currentScope, stage);
            _instructions.Add(instruction);
            if (stage is null)
            {
                if (instruction is ArgInstruction arg)
                {
                    _globalArgs.Add(arg);
                    _global = DeclareArgs(arg, _global, global: true);
                }

                continue;
            }

            stageInstructions.Add(instruction);
            scope = instruction switch
            {
                ArgInstruction arg => DeclareArgs(arg, scope, global: false),
                EnvInstruction env => DeclareEnv(env, scope),
                _ => scope,
            };
        }

        CloseStage(stage, stageInstructions, scope);
        if (_stages.Count > 0)
        {
            _stages[^1].IsFinal = true;
        }

        var diagnostics = _diagnostics.Count <= 1
            ? [.. _diagnostics]
            : _diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal).ToImmutableArray();
        return new DockerfileModel(_tree, [.. _instructions], [.. _globalArgs], [.. _stages], _global, diagnostics);
    }

    private static void CloseStage(Stage? stage, List<Instruction> instructions, VariableScope scope)
    {
        if (stage is null)
        {
            return;
        }

        stage.Instructions = [.. instructions];
        stage.FinalScope = scope;
        instructions.Clear();
    }

    /// <summary>The scope a stage starts with: its parent stage's ENVs, or an image's unknown environment.</summary>
    private VariableScope StartScope(FromInstruction from) => from.SourceKind switch
    {
        ImageSourceKind.Stage => from.BaseStage!.FinalScope.ForChildStage(),
        ImageSourceKind.Scratch => VariableScope.Empty(undeclaredIsUnknown: false),
        _ => VariableScope.Empty(undeclaredIsUnknown: true),
    };

    // ---- Binding each instruction ---------------------------------------------------------

    private Instruction Bind(InstructionSyntax syntax, VariableScope scope, Stage? stage)
    {
        CheckFlags(syntax);
        Instruction instruction = syntax.Kind switch
        {
            InstructionKind.Run => BindRun(syntax, scope),
            InstructionKind.Cmd => BindCommand(new CmdInstruction(syntax, scope)),
            InstructionKind.Entrypoint => BindCommand(new EntrypointInstruction(syntax, scope)),
            InstructionKind.Shell => BindShell(syntax, scope),
            InstructionKind.Copy => BindCopy(syntax, scope),
            InstructionKind.Add => BindAdd(syntax, scope),
            InstructionKind.Expose => BindExpose(syntax, scope),
            InstructionKind.Env => BindEnv(syntax, scope),
            InstructionKind.Label => BindLabel(syntax, scope),
            InstructionKind.Arg => BindArg(syntax, scope),
            InstructionKind.Healthcheck => BindHealthcheck(syntax, scope),
            InstructionKind.User => BindUser(syntax, scope),
            InstructionKind.Workdir => new WorkdirInstruction(syntax, scope) { Path = ExpandSingle(syntax, scope) },
            InstructionKind.Volume => BindVolume(syntax, scope),
            InstructionKind.StopSignal => new StopSignalInstruction(syntax, scope) { Signal = ExpandSingle(syntax, scope) },
            InstructionKind.Maintainer => BindMaintainer(syntax, scope),
            InstructionKind.Onbuild => BindOnbuild(syntax, scope, stage),
            InstructionKind.From => BindFrom(syntax),
            _ => new UnknownInstruction(syntax, scope),
        };
        instruction.Stage = stage;
        return instruction;
    }

    private FromInstruction BindFrom(InstructionSyntax syntax)
    {
        CheckFlags(syntax);
        var from = new FromInstruction(syntax, _global);
        var args = syntax.Arguments;
        if (args.IsEmpty)
        {
            Report(SyntaxDiagnostics.MissingArguments, syntax.Keyword.Span, "FROM", "an image");
            from.SourceKind = ImageSourceKind.Invalid;
            return from;
        }

        if (args.Length == 3 && string.Equals(args[1].Text, "as", StringComparison.OrdinalIgnoreCase))
        {
            from.StageName = args[2];
            if (!IsValidStageName(args[2].Text.ToLowerInvariant()))
            {
                Report(SyntaxDiagnostics.InvalidArguments, args[2].Span,
                    $"Invalid name for build stage: '{args[2].Text}'; it must start with a letter and contain only letters, digits, '-', '_' and '.'");
            }
        }
        else if (args.Length != 1)
        {
            Report(SyntaxDiagnostics.InvalidArguments, TextSpan.FromBounds(args[0].Span.Start, args[^1].Span.End),
                "FROM requires either one or three arguments: FROM image [AS name]");
        }

        from.Platform = ExpandFlag(syntax.GetFlag("platform"), _global);
        var image = Expand(args[0], _global);
        from.ImageText = image;
        ResolveImage(from, image);
        return from;
    }

    private void ResolveImage(FromInstruction from, ExpandedWord image)
    {
        if (image.Value is not { } value)
        {
            from.SourceKind = ImageSourceKind.Unknown;
            return;
        }

        var stage = FindStage(value);
        if (stage is not null)
        {
            from.SourceKind = ImageSourceKind.Stage;
            from.BaseStage = stage;
            return;
        }

        if (value == ImageReference.ScratchName)
        {
            from.SourceKind = ImageSourceKind.Scratch;
            return;
        }

        var reference = ImageReference.Parse(value);
        from.Image = reference;
        if (reference.IsValid)
        {
            from.SourceKind = ImageSourceKind.Image;
            return;
        }

        from.SourceKind = ImageSourceKind.Invalid;
        var span = reference.ErrorOffset >= 0 && reference.ErrorOffset < value.Length ? image.GetSpan(reference.ErrorOffset, 1) : image.Span;
        Report(SyntaxDiagnostics.InvalidArguments, span, $"Invalid image reference '{value}': {reference.ErrorMessage}");
    }

    private Stage? FindStage(string name) => _stagesByName.GetValueOrDefault(name);

    private static bool IsValidStageName(string name)
    {
        if (name.Length == 0 || name[0] is < 'a' or > 'z')
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private RunInstruction BindRun(InstructionSyntax syntax, VariableScope scope)
    {
        var run = BindCommand(new RunInstruction(syntax, scope));
        run.Network = ExpandFlag(syntax.GetFlag("network"), scope);
        run.Security = ExpandFlag(syntax.GetFlag("security"), scope);
        // Most RUNs have neither: no builders for them.
        ImmutableArray<RunMount>.Builder? mounts = null;
        ImmutableArray<ExpandedFlag>.Builder? devices = null;
        foreach (var flag in syntax.Flags)
        {
            if (flag.Name == "mount" && ExpandFlag(flag, scope) is { } mount)
            {
                (mounts ??= ImmutableArray.CreateBuilder<RunMount>()).Add(ParseMount(mount));
            }
            else if (flag.Name == "device" && ExpandFlag(flag, scope) is { } device)
            {
                (devices ??= ImmutableArray.CreateBuilder<ExpandedFlag>()).Add(device);
            }
        }

        run.Mounts = mounts?.ToImmutable() ?? [];
        run.Devices = devices?.ToImmutable() ?? [];
        if (run.Network?.Value?.Value is { } network && network is not ("default" or "none" or "host"))
        {
            Report(SyntaxDiagnostics.InvalidFlag, run.Network.Flag.ValueSpan, $"Unsupported network mode '{network}': use default, none or host");
        }

        if (run.Security?.Value?.Value is { } security && security is not ("sandbox" or "insecure"))
        {
            Report(SyntaxDiagnostics.InvalidFlag, run.Security.Flag.ValueSpan, $"Unsupported security mode '{security}': use sandbox or insecure");
        }

        return run;
    }

    private RunMount ParseMount(ExpandedFlag flag)
    {
        var options = ImmutableArray.CreateBuilder<MountOption>();
        var text = flag.Value?.Value ?? flag.Value?.Text ?? "";
        var valueSpan = flag.Flag.ValueSpan;
        var exact = flag.Value is { IsVerbatim: true } && valueSpan.Length == text.Length;
        foreach (var (start, field) in SplitCsv(text))
        {
            var eq = field.IndexOf('=');
            var key = (eq < 0 ? field : field[..eq]).ToLowerInvariant();
            var value = eq < 0 ? null : field[(eq + 1)..];
            var span = exact ? new TextSpan(valueSpan.Start + start, field.Length) : valueSpan;
            options.Add(new MountOption(key, value, span));
            if (!s_mountKeys.Contains(key))
            {
                Report(SyntaxDiagnostics.InvalidFlag, span, $"Unknown mount option '{key}'");
            }
            else if (value is null && key is not ("readonly" or "ro" or "readwrite" or "rw" or "required"))
            {
                Report(SyntaxDiagnostics.InvalidFlag, span, $"Mount option '{key}' needs a value ({key}=…)");
            }
        }

        var mount = new RunMount(flag, options.ToImmutable());
        if (flag.Value is { IsKnown: true } && mount.Type is not ("bind" or "cache" or "tmpfs" or "secret" or "ssh"))
        {
            Report(SyntaxDiagnostics.InvalidFlag, mount.Get("type")?.Span ?? valueSpan, $"Unsupported mount type '{mount.Type}': use bind, cache, tmpfs, secret or ssh");
        }

        return mount;
    }

    /// <summary>Splits a comma-separated list where double-quoted fields may hold commas.</summary>
    private static IEnumerable<(int Start, string Field)> SplitCsv(string text)
    {
        var start = 0;
        var quoted = false;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && text[i] == '"')
            {
                quoted = !quoted;
            }

            if (i == text.Length || (text[i] == ',' && !quoted))
            {
                var field = text[start..i];
                if (field.Length > 0)
                {
                    yield return (start, field.Replace("\"", "", StringComparison.Ordinal));
                }

                start = i + 1;
            }
        }
    }

    private static T BindCommand<T>(T command) where T : CommandInstruction
    {
        var syntax = command.Syntax;
        if (syntax.IsExecForm)
        {
            command.ExecArguments = syntax.Kind == InstructionKind.Healthcheck ? syntax.Arguments.RemoveAt(0) : syntax.Arguments;
        }
        else if (syntax.Kind == InstructionKind.Healthcheck)
        {
            command.ShellCommand = syntax.Arguments.Length > 1 ? syntax.Arguments[1] : null;
        }
        else
        {
            command.ShellCommand = syntax.Arguments.IsEmpty ? null : syntax.Arguments[0];
        }

        return command;
    }

    private ShellInstruction BindShell(InstructionSyntax syntax, VariableScope scope)
    {
        var shell = BindCommand(new ShellInstruction(syntax, scope));
        if (syntax.Arguments.IsEmpty && !syntax.IsExecForm)
        {
            Report(SyntaxDiagnostics.MissingArguments, syntax.Keyword.Span, "SHELL", "at least one argument");
        }
        else if (!syntax.IsExecForm)
        {
            Report(SyntaxDiagnostics.InvalidArguments, syntax.ArgumentsText?.Span ?? syntax.Keyword.Span, "SHELL requires the arguments in JSON form: SHELL [\"executable\", \"parameters\"]");
        }
        else if (syntax.Arguments.IsEmpty)
        {
            Report(SyntaxDiagnostics.MissingArguments, syntax.Keyword.Span, "SHELL", "at least one argument");
        }

        return shell;
    }

    private void BindTransfer(FileTransferInstruction transfer, VariableScope scope)
    {
        var syntax = transfer.Syntax;
        var args = syntax.Arguments;
        if (args.Length < 2)
        {
            Report(SyntaxDiagnostics.MissingArguments, args.IsEmpty ? syntax.Keyword.Span : args[0].Span, syntax.KeywordText,
                "at least two arguments: one or more sources and a destination");
        }

        var expanded = args.Select(a => IsHeredocMarker(syntax, a) ? new ExpandedWord(a, ShellExpansion.Known(a.Text)) : Expand(a, scope)).ToImmutableArray();
        if (expanded.Length >= 2)
        {
            transfer.Sources = expanded.RemoveAt(expanded.Length - 1);
            transfer.Destination = expanded[^1];
        }
        else
        {
            transfer.Sources = expanded;
        }

        transfer.Chown = ExpandFlag(syntax.GetFlag("chown"), scope);
        transfer.Chmod = ExpandFlag(syntax.GetFlag("chmod"), scope);
        transfer.Link = BoolFlag(syntax, "link") ?? false;
        transfer.Excludes = [.. syntax.Flags.Where(f => f.Name == "exclude").Select(f => ExpandFlag(f, scope)!)];
    }

    private static bool IsHeredocMarker(InstructionSyntax syntax, SyntaxValue value)
        => syntax.Heredocs.Any(h => h.Marker.Span == value.Span);

    private CopyInstruction BindCopy(InstructionSyntax syntax, VariableScope scope)
    {
        var copy = new CopyInstruction(syntax, scope);
        BindTransfer(copy, scope);
        copy.Parents = BoolFlag(syntax, "parents") ?? false;
        copy.From = ExpandFlag(syntax.GetFlag("from"), scope);
        if (copy.From?.Value is { } from)
        {
            copy.FromKind = ImageSourceKind.Unknown;
            if (from.Value is { } value)
            {
                var stage = FindStage(value)
                    ?? (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < _stages.Count ? _stages[index] : null);
                if (stage is not null)
                {
                    copy.FromKind = ImageSourceKind.Stage;
                    copy.FromStage = stage;
                }
                else
                {
                    var reference = ImageReference.Parse(value);
                    copy.FromImage = reference;
                    copy.FromKind = reference.IsValid ? ImageSourceKind.Image : ImageSourceKind.Invalid;
                    if (!reference.IsValid)
                    {
                        Report(SyntaxDiagnostics.InvalidFlag, copy.From.Flag.ValueSpan, $"--from='{value}' is neither an earlier stage nor a valid image reference: {reference.ErrorMessage}");
                    }
                }
            }
        }

        return copy;
    }

    private AddInstruction BindAdd(InstructionSyntax syntax, VariableScope scope)
    {
        var add = new AddInstruction(syntax, scope);
        BindTransfer(add, scope);
        add.Checksum = ExpandFlag(syntax.GetFlag("checksum"), scope);
        add.KeepGitDir = BoolFlag(syntax, "keep-git-dir") ?? false;
        add.Unpack = BoolFlag(syntax, "unpack");
        return add;
    }

    private ExposeInstruction BindExpose(InstructionSyntax syntax, VariableScope scope)
    {
        var expose = new ExposeInstruction(syntax, scope);
        if (syntax.Arguments.IsEmpty)
        {
            Report(SyntaxDiagnostics.MissingArguments, syntax.Keyword.Span, "EXPOSE", "at least one port");
            return expose;
        }

        var ports = ImmutableArray.CreateBuilder<ExposedPort>(syntax.Arguments.Length);
        foreach (var argument in syntax.Arguments)
        {
            var word = Expand(argument, scope);
            var words = _lexer.ProcessWords(argument.Text, scope);
            if (words.IsKnown)
            {
                foreach (var text in words.Values!)
                {
                    ports.Add(ParsePort(word, text));
                }
            }
            else
            {
                ports.Add(new ExposedPort(word, null, null, null, null));
            }
        }

        expose.Ports = ports.ToImmutable();
        return expose;
    }

    private ExposedPort ParsePort(ExpandedWord word, string text)
    {
        var slash = text.IndexOf('/');
        var numbers = slash < 0 ? text : text[..slash];
        var protocol = slash < 0 ? "tcp" : text[(slash + 1)..].ToLowerInvariant();
        var dash = numbers.IndexOf('-');
        var startText = dash < 0 ? numbers : numbers[..dash];
        var endText = dash < 0 ? numbers : numbers[(dash + 1)..];
        if (protocol is not ("tcp" or "udp" or "sctp")
            || !int.TryParse(startText, NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !int.TryParse(endText, NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            || start is < 0 or > 65535 || end is < 0 or > 65535 || end < start)
        {
            Report(SyntaxDiagnostics.InvalidArguments, word.Span, $"Invalid port '{text}': expected PORT, PORT/PROTOCOL or START-END/PROTOCOL with tcp, udp or sctp");
            return new ExposedPort(word, text, null, null, null);
        }

        return new ExposedPort(word, text, start, end, protocol);
    }

    private EnvInstruction BindEnv(InstructionSyntax syntax, VariableScope scope)
        => new(syntax, scope) { Pairs = BindPairs(syntax, scope, expandKeys: false) };

    private LabelInstruction BindLabel(InstructionSyntax syntax, VariableScope scope)
        => new(syntax, scope) { Pairs = BindPairs(syntax, scope, expandKeys: true) };

    /// <summary>ENV and LABEL pairs: values expanded, LABEL keys expanded too (BuildKit takes ENV keys literally).</summary>
    private ImmutableArray<ExpandedPair> BindPairs(InstructionSyntax syntax, VariableScope scope, bool expandKeys)
    {
        if (syntax.KeyValues.IsEmpty && !_tree.Diagnostics.Any(d => syntax.Span.Contains(d.Location.SourceSpan)))
        {
            Report(SyntaxDiagnostics.MissingArguments, syntax.Keyword.Span, syntax.KeywordText, "at least one name=value pair");
        }

        var pairs = ImmutableArray.CreateBuilder<ExpandedPair>(syntax.KeyValues.Length);
        foreach (var p in syntax.KeyValues)
        {
            pairs.Add(new ExpandedPair(p, expandKeys ? Expand(p.Key, scope) : Literal(p.Key), Expand(p.Value, scope)));
        }

        foreach (var pair in pairs)
        {
            if (pair.Key.Text.Length == 0)
            {
                Report(SyntaxDiagnostics.InvalidKeyValue, pair.Syntax.Span, $"{syntax.KeywordText} names can not be blank");
            }
        }

        return pairs.MoveToImmutable();
    }

    private ArgInstruction BindArg(InstructionSyntax syntax, VariableScope scope)
    {
        var arg = new ArgInstruction(syntax, scope);
        if (syntax.Arguments.IsEmpty)
        {
            Report(SyntaxDiagnostics.MissingArguments, syntax.Keyword.Span, "ARG", "at least one name");
            return arg;
        }

        var declarations = ImmutableArray.CreateBuilder<ArgDeclaration>(syntax.Arguments.Length);
        foreach (var word in syntax.Arguments)
        {
            var eq = word.Text.IndexOf('=');
            var name = eq < 0 ? word.Text : word.Text[..eq];
            var nameSpan = word.GetSpan(0, name.Length);
            if (name.Length == 0)
            {
                Report(SyntaxDiagnostics.InvalidArguments, word.Span, "ARG names can not be blank");
                continue;
            }

            ExpandedWord? value = null;
            if (eq >= 0)
            {
                var raw = word.Text[(eq + 1)..];
                var valueSyntax = word.IsVerbatim
                    ? new SyntaxValue(raw, word.GetSpan(eq + 1, raw.Length), contiguous: word.GetSpan(eq + 1, raw.Length).Length == raw.Length)
                    : new SyntaxValue(raw, word.Span);
                value = Expand(valueSyntax, scope);
            }

            declarations.Add(new ArgDeclaration(name, nameSpan, value, word));
        }

        arg.Declarations = declarations.ToImmutable();
        return arg;
    }

    private HealthcheckInstruction BindHealthcheck(InstructionSyntax syntax, VariableScope scope)
    {
        var healthcheck = BindCommand(new HealthcheckInstruction(syntax, scope));
        if (syntax.Arguments.IsEmpty)
        {
            Report(SyntaxDiagnostics.MissingArguments, syntax.Keyword.Span, "HEALTHCHECK", "NONE or CMD and a command");
            return healthcheck;
        }

        var type = syntax.Arguments[0];
        healthcheck.Type = type;
        switch (type.Text.ToUpperInvariant())
        {
            case "NONE":
                healthcheck.IsNone = true;
                if (syntax.Arguments.Length > 1 || syntax.IsExecForm)
                {
                    Report(SyntaxDiagnostics.InvalidArguments, TextSpan.FromBounds(type.Span.Start, syntax.Span.End), "HEALTHCHECK NONE takes no arguments");
                }

                break;
            case "CMD":
                if (healthcheck.ShellCommand is null && healthcheck.ExecArguments.IsEmpty)
                {
                    Report(SyntaxDiagnostics.MissingArguments, type.Span, "HEALTHCHECK CMD", "a command");
                }

                break;
            default:
                Report(SyntaxDiagnostics.InvalidArguments, type.Span, $"Unknown HEALTHCHECK type '{type.Text}': use CMD or NONE");
                break;
        }

        healthcheck.Interval = DurationFlag(syntax, "interval", scope);
        healthcheck.Timeout = DurationFlag(syntax, "timeout", scope);
        healthcheck.StartPeriod = DurationFlag(syntax, "start-period", scope);
        healthcheck.StartInterval = DurationFlag(syntax, "start-interval", scope);
        if (ExpandFlag(syntax.GetFlag("retries"), scope) is { Value.Value: { } retries } retriesFlag)
        {
            if (int.TryParse(retries, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count) && count >= 0)
            {
                healthcheck.Retries = count;
            }
            else
            {
                Report(SyntaxDiagnostics.InvalidFlag, retriesFlag.Flag.ValueSpan, $"--retries must be a number that is not negative, not '{retries}'");
            }
        }

        return healthcheck;
    }

    private TimeSpan? DurationFlag(InstructionSyntax syntax, string name, VariableScope scope)
    {
        if (ExpandFlag(syntax.GetFlag(name), scope) is not { Value.Value: { } text } flag)
        {
            return null;
        }

        var duration = GoDuration.Parse(text);
        if (duration is null)
        {
            Report(SyntaxDiagnostics.InvalidFlag, flag.Flag.ValueSpan, $"--{name} must be a duration such as 30s or 1m30s, not '{text}'");
        }
        else if (duration.Value != TimeSpan.Zero && duration.Value < TimeSpan.FromMilliseconds(1))
        {
            Report(SyntaxDiagnostics.InvalidFlag, flag.Flag.ValueSpan, $"--{name} cannot be less than 1ms");
        }
        else if (duration.Value < TimeSpan.Zero)
        {
            Report(SyntaxDiagnostics.InvalidFlag, flag.Flag.ValueSpan, $"--{name} cannot be negative");
        }

        return duration;
    }

    private UserInstruction BindUser(InstructionSyntax syntax, VariableScope scope)
    {
        var user = new UserInstruction(syntax, scope);
        user.Argument = ExpandSingle(syntax, scope);
        if (user.Argument is { Value: { } value } argument)
        {
            var colon = value.IndexOf(':');
            user.User = colon < 0 ? value : value[..colon];
            user.Group = colon < 0 ? null : value[(colon + 1)..];
            user.UserSpan = argument.GetSpan(0, user.User.Length);
            user.GroupSpan = colon < 0 ? new TextSpan(argument.Span.End, 0) : argument.GetSpan(colon + 1, value.Length - colon - 1);
        }
        else if (user.Argument is not null)
        {
            user.UserSpan = user.Argument.Span;
            user.GroupSpan = new TextSpan(user.Argument.Span.End, 0);
        }

        return user;
    }

    private VolumeInstruction BindVolume(InstructionSyntax syntax, VariableScope scope)
    {
        var volume = new VolumeInstruction(syntax, scope);
        if (syntax.Arguments.IsEmpty)
        {
            Report(SyntaxDiagnostics.MissingArguments, syntax.Keyword.Span, "VOLUME", "at least one path");
        }

        volume.Paths = [.. syntax.Arguments.Select(a => Expand(a, scope))];
        foreach (var path in volume.Paths.Where(p => p.Text.Length == 0))
        {
            Report(SyntaxDiagnostics.InvalidArguments, path.Span, "VOLUME paths can not be empty strings");
        }

        return volume;
    }

    private MaintainerInstruction BindMaintainer(InstructionSyntax syntax, VariableScope scope)
    {
        if (syntax.Arguments.IsEmpty)
        {
            Report(SyntaxDiagnostics.MissingArguments, syntax.Keyword.Span, "MAINTAINER", "a name");
        }

        return new MaintainerInstruction(syntax, scope);
    }

    private OnbuildInstruction BindOnbuild(InstructionSyntax syntax, VariableScope scope, Stage? stage)
    {
        var onbuild = new OnbuildInstruction(syntax, scope);
        if (syntax.Trigger is not { } trigger)
        {
            Report(SyntaxDiagnostics.MissingArguments, syntax.Keyword.Span, "ONBUILD", "an instruction");
            return onbuild;
        }

        if (trigger.Kind is InstructionKind.Onbuild or InstructionKind.From or InstructionKind.Maintainer)
        {
            var message = trigger.Kind == InstructionKind.Onbuild
                ? "Chaining ONBUILD via 'ONBUILD ONBUILD' isn't allowed"
                : $"{trigger.KeywordText} isn't allowed as an ONBUILD trigger";
            Report(SyntaxDiagnostics.InvalidArguments, trigger.Keyword.Span, message);
            return onbuild;
        }

        // A trigger runs in a build based on this image, where any variable may be set.
        var typed = Bind(trigger, scope.WithUndeclaredUnknown(), stage);
        typed.Onbuild = onbuild;
        onbuild.Trigger = typed;
        return onbuild;
    }

    // ---- Flags ----------------------------------------------------------------------------

    private void CheckFlags(InstructionSyntax syntax)
    {
        if (syntax.Flags.IsEmpty)
        {
            return;
        }

        var allowed = s_allowedFlags.GetValueOrDefault(syntax.Kind, []);
        HashSet<string>? seen = syntax.Flags.Length == 1 ? null : new(StringComparer.Ordinal);
        foreach (var flag in syntax.Flags)
        {
            if (flag.Name.Length == 0)
            {
                continue;
            }

            if (Array.IndexOf(allowed, flag.Name) < 0)
            {
                var message = allowed.Length == 0
                    ? $"{syntax.KeywordText} takes no flags, but '--{flag.Name}' was given"
                    : $"Unknown flag '--{flag.Name}' for {syntax.KeywordText}; it accepts {string.Join(", ", allowed.Select(a => "--" + a))}";
                Report(SyntaxDiagnostics.InvalidFlag, flag.NameSpan, message);
                continue;
            }

            if (seen is not null && !seen.Add(flag.Name) && !s_repeatableFlags.Contains(flag.Name))
            {
                Report(SyntaxDiagnostics.InvalidFlag, flag.Token.Span, $"Duplicate flag '--{flag.Name}'");
            }

            if (s_boolFlags.Contains(flag.Name))
            {
                if (flag.Value is not null && !bool.TryParse(flag.Value, out _))
                {
                    Report(SyntaxDiagnostics.InvalidFlag, flag.ValueSpan, $"Flag '--{flag.Name}' expects true or false, not '{flag.Value}'");
                }
            }
            else if (flag.Value is null)
            {
                Report(SyntaxDiagnostics.InvalidFlag, flag.Token.Span, $"Flag '--{flag.Name}' needs a value (--{flag.Name}=…)");
            }
        }
    }

    private static bool? BoolFlag(InstructionSyntax syntax, string name)
    {
        var flag = syntax.GetFlag(name);
        if (flag is null)
        {
            return null;
        }

        return flag.Value is null || !bool.TryParse(flag.Value, out var value) || value;
    }

    private ExpandedFlag? ExpandFlag(FlagSyntax? flag, VariableScope scope)
    {
        if (flag is null)
        {
            return null;
        }

        if (flag.Value is null)
        {
            return new ExpandedFlag(flag, null);
        }

        // The flag reader already removed quotes; BuildKit expands variables on what is left.
        var exact = flag.ValueSpan.Length == flag.Value.Length;
        var syntax = new SyntaxValue(flag.Value, flag.ValueSpan, contiguous: exact);
        var expansion = _lexer.ProcessWord(flag.Value, scope);
        ReportExpansion(expansion, flag.ValueSpan);
        return new ExpandedFlag(flag, new ExpandedWord(syntax, expansion));
    }

    // ---- Variables ------------------------------------------------------------------------

    private VariableScope DeclareArgs(ArgInstruction arg, VariableScope scope, bool global)
    {
        foreach (var declaration in arg.Declarations)
        {
            ShellVariableLookup value;
            if (declaration.Default is { } defaultValue)
            {
                value = defaultValue.Value is { } known ? ShellVariableLookup.Known(known) : ShellVariableLookup.Unknown;
            }
            else if (!global && _global.Find(declaration.Name) is { } inherited)
            {
                // ARG NAME inside a stage takes the global ARG's default.
                value = inherited.Value;
            }
            else
            {
                value = ShellVariableLookup.Unknown;
            }

            var origin = !global && VariableScope.PlatformArgs.Contains(declaration.Name) && declaration.Default is null
                ? VariableOrigin.Predefined
                : VariableOrigin.Arg;
            scope = scope.WithArg(new ScopedVariable(declaration.Name, value, origin, declaration.Syntax));
        }

        return scope;
    }

    private static VariableScope DeclareEnv(EnvInstruction env, VariableScope scope)
    {
        // Every pair of one ENV is expanded with the scope before the instruction.
        foreach (var pair in env.Pairs)
        {
            var value = pair.Value.Value is { } known ? ShellVariableLookup.Known(known) : ShellVariableLookup.Unknown;
            scope = scope.WithEnv(new ScopedVariable(pair.Key.Text, value, VariableOrigin.Env, pair.Syntax.Key));
        }

        return scope;
    }

    private ExpandedWord? ExpandSingle(InstructionSyntax syntax, VariableScope scope)
    {
        if (syntax.Arguments.IsEmpty)
        {
            Report(SyntaxDiagnostics.MissingArguments, syntax.Keyword.Span, syntax.KeywordText, "exactly one argument");
            return null;
        }

        return Expand(syntax.Arguments[0], scope);
    }

    private ExpandedWord Expand(SyntaxValue value, VariableScope scope)
    {
        var expansion = _lexer.ProcessWord(value.Text, scope);
        ReportExpansion(expansion, value.Span);
        return new ExpandedWord(value, expansion);
    }

    private static ExpandedWord Literal(SyntaxValue value) => new(value, ShellExpansion.Known(value.Text));

    private void ReportExpansion(ShellExpansion expansion, TextSpan span)
    {
        if (expansion.Error is { } error)
        {
            Report(SyntaxDiagnostics.InvalidVariableExpansion, span, error);
        }
    }

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args)
        => _diagnostics.Add(Diagnostic.Create(descriptor, _tree.GetLocation(span), args));
}
