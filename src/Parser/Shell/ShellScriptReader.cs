using System.Collections.Immutable;
using System.Text;
using DockerLint.Parser.Model;
using DockerLint.Parser.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Shell;

/// <summary>
/// Reads the structure of a POSIX shell script for <see cref="ShellScript"/>: a tokenizer (words with
/// quotes, escapes, expansions, substitutions; operators; redirections; comments; nested heredoc bodies
/// skipped) and a walker that tracks lists, pipelines, subshells, groups and compound commands, the
/// working directory after <c>cd</c>, <c>set -e</c>/<c>pipefail</c>, and nested <c>sh -c</c> scripts.
/// It never throws on bad input: unbalanced quotes or parentheses end at the end of the text.
/// </summary>
internal static class ShellScriptReader
{
    private static readonly ImmutableHashSet<string> s_posixShells = ImmutableHashSet.Create(
        StringComparer.Ordinal, "sh", "bash", "dash", "ash", "zsh", "ksh", "mksh", "lksh", "yash", "posh", "busybox");

    private static readonly ImmutableHashSet<string> s_plainWrappers = ImmutableHashSet.Create(
        StringComparer.Ordinal, "exec", "nohup", "eatmydata", "builtin", "fakeroot", "chronic", "unbuffer", "time");

    public static ShellScript Read(CommandInstruction instruction)
    {
        var (isPosix, shell, shellFlags) = EffectiveShell(instruction);
        var output = new List<ShellCommand>();
        if (instruction.IsExecForm)
        {
            if (!instruction.ExecArguments.IsEmpty)
            {
                // A JSON string without escapes sits one to one inside its quotes: the word's span is its text.
                var words = instruction.ExecArguments
                    .Select(a => new ShellWordToken(a.Text, a.Span.Length == a.Text.Length + 2 ? new TextSpan(a.Span.Start + 1, a.Text.Length) : a.Span, IsLiteral: true))
                    .Select(w => new Tok(TokKind.Word, "", w, -1, -1))
                    .ToList();
                var walker = new Walker(output, (_, _) => default, ShellContext.None, new State(), parent: null);
                walker.Emit(words, ShellConnector.None, ShellContext.None, execForm: true);
            }

            return new ShellScript(instruction, isPosix: true, shell, Finish(output));
        }

        if (!isPosix)
        {
            return new ShellScript(instruction, isPosix: false, shell, []);
        }

        var state = new State();
        ApplyShellFlags(shellFlags, state);
        var lineCount = 0;
        if (instruction.ShellCommand is { } command)
        {
            new Walker(output, command.GetSpan, ShellContext.None, state, parent: null).Walk(command.Text);
            lineCount = output.Count;
        }

        if (instruction is RunInstruction run)
        {
            var lineCommands = output.Take(lineCount).Where(c => c.Context == ShellContext.None && c.Parent is null).ToList();
            foreach (var heredoc in run.Heredocs)
            {
                if (RunsAsScript(lineCommands, heredoc))
                {
                    var body = heredoc.Body;
                    var bodyState = new State();
                    ApplyShellFlags(shellFlags, bodyState);
                    new Walker(output, (start, length) => new TextSpan(body.Span.Start + start, length), ShellContext.Heredoc, bodyState, parent: null)
                        .Walk(body.Text);
                }
            }
        }

        return new ShellScript(instruction, isPosix: true, shell, Finish(output));
    }

    public static ImmutableArray<ShellCommand> ReadText(string script, Func<int, int, TextSpan> spanOf)
    {
        var output = new List<ShellCommand>();
        new Walker(output, spanOf, ShellContext.None, new State(), parent: null).Walk(script);
        return Finish(output);
    }

    private static ImmutableArray<ShellCommand> Finish(List<ShellCommand> output)
    {
        for (var i = 0; i < output.Count; i++)
        {
            output[i].Index = i;
        }

        return [.. output];
    }

    /// <summary>The shell that runs an instruction's shell form: the stage's last SHELL, a base stage's, or the default.</summary>
    private static (bool IsPosix, string Shell, ImmutableArray<string> Flags) EffectiveShell(Instruction instruction)
    {
        var stage = instruction.Stage;
        ShellInstruction? last = null;
        if (stage is not null)
        {
            if (instruction.IsTrigger)
            {
                last = stage.Instructions.OfType<ShellInstruction>().LastOrDefault();
            }
            else
            {
                foreach (var candidate in stage.Instructions)
                {
                    if (ReferenceEquals(candidate, instruction) || ReferenceEquals(candidate, instruction.Onbuild))
                    {
                        break;
                    }

                    if (candidate is ShellInstruction shellInstruction)
                    {
                        last = shellInstruction;
                    }
                }
            }

            var root = stage;
            for (var (b, guard) = (stage.BaseStage, 0); last is null && b is not null && guard < 1000; b = b.BaseStage, guard++)
            {
                last = b.Instructions.OfType<ShellInstruction>().LastOrDefault();
                root = b;
            }

            if (last is null && IsWindowsImage(root.From.ImageText?.Value ?? root.From.ImageText?.Text))
            {
                return (false, "cmd", []);
            }
        }

        if (last is null || last.ExecArguments.IsEmpty)
        {
            return (true, "/bin/sh", []);
        }

        var program = last.ExecArguments[0].Text;
        var name = new ShellWordToken(program, default, true).CommandName.ToLowerInvariant();
        if (name.EndsWith(".exe", StringComparison.Ordinal))
        {
            name = name[..^4];
        }

        return (s_posixShells.Contains(name), program, [.. last.ExecArguments.Skip(1).Select(a => a.Text)]);
    }

    private static bool IsWindowsImage(string? path)
        => path is not null && (path.Contains("windows", StringComparison.OrdinalIgnoreCase)
            || path.Contains("nanoserver", StringComparison.OrdinalIgnoreCase)
            || path.Contains("servercore", StringComparison.OrdinalIgnoreCase));

    private static void ApplyShellFlags(IEnumerable<string> flags, State state)
    {
        var list = flags.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            i = ApplySetWord(list, i, state);
        }
    }

    /// <summary>Applies one <c>set</c>-style option word (<c>-e</c>, <c>-euo pipefail</c>, <c>+e</c>); returns the last index used.</summary>
    private static int ApplySetWord(IReadOnlyList<string> words, int i, State state)
    {
        var word = words[i];
        if (word.Length < 2 || word[0] is not ('-' or '+') || word.StartsWith("--", StringComparison.Ordinal))
        {
            return i;
        }

        var on = word[0] == '-';
        var used = i;
        foreach (var letter in word.AsSpan(1))
        {
            if (letter == 'e')
            {
                state.Errexit = on;
            }
            else if (letter == 'o' && used + 1 < words.Count)
            {
                used++;
                if (words[used] == "pipefail")
                {
                    state.Pipefail = on;
                }
                else if (words[used] == "errexit")
                {
                    state.Errexit = on;
                }
            }
        }

        return used;
    }

    private static bool RunsAsScript(List<ShellCommand> lineCommands, HeredocSyntax heredoc)
    {
        if (heredoc.FileDescriptor != 0)
        {
            return false;
        }

        var body = heredoc.Body.Text;
        if (body.StartsWith("#!", StringComparison.Ordinal))
        {
            // A shebang makes BuildKit run the body as a file with that interpreter.
            var line = body[2..(body.IndexOf('\n') is var nl and >= 0 ? nl : body.Length)].Trim();
            var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                return false;
            }

            var interpreter = new ShellWordToken(parts[0], default, true).CommandName;
            if (interpreter == "env" && parts.Length > 1)
            {
                interpreter = parts.Skip(1).FirstOrDefault(p => !p.StartsWith('-')) ?? "";
            }

            if (!s_posixShells.Contains(interpreter))
            {
                return false;
            }
        }

        // RUN <<EOF runs the body as the script; RUN bash <<EOF (or sh -e <<EOF) feeds it to a shell.
        if (lineCommands.Count == 0)
        {
            return true;
        }

        if (lineCommands.Count != 1)
        {
            return false;
        }

        var command = lineCommands[0];
        return s_posixShells.Contains(command.Name)
            && command.Arguments.All(w => w.Text.StartsWith('-'))
            && command.Redirections.All(r => r.Operator.StartsWith("<<", StringComparison.Ordinal));
    }

    private enum TokKind
    {
        Word,
        Operator,
        Redirect,
    }

    private sealed class Tok(TokKind kind, string op, ShellWordToken word, int rawStart, int rawEnd)
    {
        public TokKind Kind { get; set; } = kind;

        public string Op { get; set; } = op;

        public ShellWordToken Word { get; set; } = word;

        public int RawStart { get; } = rawStart;

        public int RawEnd { get; } = rawEnd;

        public List<(int Start, int Length)> Substitutions { get; } = [];
    }

    private sealed class State
    {
        public bool AfterCd { get; set; }

        public string? Directory { get; set; }

        public bool Errexit { get; set; }

        public bool Pipefail { get; set; }

        public State Clone() => (State)MemberwiseClone();
    }

    private enum FrameKind
    {
        Subshell,
        Group,
        If,
        Loop,
        Case,
    }

    private enum Phase
    {
        None,
        Header,
        Condition,
        Body,
        Pattern,
    }

    private sealed class Frame(FrameKind kind, Phase phase, State? saved)
    {
        public FrameKind Kind { get; } = kind;

        public Phase Phase { get; set; } = phase;

        public State? Saved { get; } = saved;
    }

    private sealed class Walker(List<ShellCommand> output, Func<int, int, TextSpan> spanOf, ShellContext baseContext, State state, ShellCommand? parent)
    {
        private readonly List<Frame> _frames = [];
        private State _state = state;
        private ShellCommand? _previous;
        private string _script = "";

        public void Walk(string script)
        {
            _script = script;
            var tokens = Tokenize(script);
            foreach (var token in tokens.Where(t => t.Kind != TokKind.Operator))
            {
                token.Word = token.Word with { Span = spanOf(token.RawStart, token.RawEnd - token.RawStart) };
            }

            var words = new List<Tok>();
            var connector = ShellConnector.None;
            var negated = false;
            var skipHeader = false;
            var skipWords = 0;
            var functionParens = false;

            void End(ShellConnector next)
            {
                if (words.Any(t => t.Kind == TokKind.Word))
                {
                    Emit(words, connector, Context() | (negated ? ShellContext.Negated : 0), execForm: false);
                    connector = next;
                    negated = false;
                }
                else if (next is not ShellConnector.Sequence || connector is ShellConnector.None or ShellConnector.Sequence or ShellConnector.Background)
                {
                    // "a &&\n b": the new line after an operator keeps the operator.
                    connector = connector is ShellConnector.None && next is ShellConnector.Sequence ? ShellConnector.None : next;
                }

                words.Clear();
            }

            foreach (var token in tokens)
            {
                var top = _frames.Count > 0 ? _frames[^1] : null;
                if (token.Kind != TokKind.Operator)
                {
                    if (token.Kind == TokKind.Word && skipWords > 0)
                    {
                        skipWords--;
                        continue;
                    }

                    if (token.Kind == TokKind.Word && !words.Any(t => t.Kind == TokKind.Word) && Reserved(token.Word.Text, ref skipHeader, ref negated, ref skipWords, ref connector))
                    {
                        continue;
                    }

                    if (top is { Kind: FrameKind.Case, Phase: Phase.Pattern })
                    {
                        continue;
                    }

                    if (skipHeader)
                    {
                        if (top is { Kind: FrameKind.Case } && token.Word.Text == "in")
                        {
                            top.Phase = Phase.Pattern;
                            skipHeader = false;
                        }
                        else
                        {
                            EmitSubstitutions(token, ShellContext.None);
                        }

                        continue;
                    }

                    words.Add(token);
                    continue;
                }

                switch (token.Op)
                {
                    case "(":
                        if (top is { Kind: FrameKind.Case, Phase: Phase.Pattern })
                        {
                            break;
                        }

                        if (words.Count(t => t.Kind == TokKind.Word) == 1 && words.Count == 1)
                        {
                            // name() { …; }: a function definition.
                            words.Clear();
                            functionParens = true;
                            break;
                        }

                        End(connector);
                        _frames.Add(new Frame(FrameKind.Subshell, Phase.None, _state.Clone()));
                        break;
                    case ")":
                        if (top is { Kind: FrameKind.Case, Phase: Phase.Pattern })
                        {
                            top.Phase = Phase.Body;
                            connector = ShellConnector.None;
                            break;
                        }

                        if (functionParens)
                        {
                            functionParens = false;
                            break;
                        }

                        End(ShellConnector.Sequence);
                        var index = _frames.FindLastIndex(f => f.Kind == FrameKind.Subshell);
                        if (index >= 0)
                        {
                            _state = _frames[index].Saved ?? _state;
                            _frames.RemoveRange(index, _frames.Count - index);
                        }

                        break;
                    case ";;" or ";&" or ";;&":
                        End(ShellConnector.None);
                        if (_frames.FindLast(f => f.Kind == FrameKind.Case) is { } caseFrame)
                        {
                            caseFrame.Phase = Phase.Pattern;
                        }

                        connector = ShellConnector.None;
                        break;
                    case "\n" or ";":
                        if (top is { Kind: FrameKind.Case, Phase: Phase.Pattern })
                        {
                            break;
                        }

                        if (skipHeader && top is { Kind: FrameKind.Loop })
                        {
                            skipHeader = false;
                        }

                        End(ShellConnector.Sequence);
                        break;
                    case "&&":
                        End(ShellConnector.And);
                        break;
                    case "||":
                        End(ShellConnector.Or);
                        break;
                    case "|" or "|&":
                        if (top is { Kind: FrameKind.Case, Phase: Phase.Pattern })
                        {
                            break;
                        }

                        End(ShellConnector.Pipe);
                        break;
                    case "&":
                        End(ShellConnector.Background);
                        break;
                }
            }

            End(ShellConnector.None);
        }

        private bool Reserved(string word, ref bool skipHeader, ref bool negated, ref int skipWords, ref ShellConnector connector)
        {
            var top = _frames.Count > 0 ? _frames[^1] : null;
            if (top is { Kind: FrameKind.Case, Phase: Phase.Pattern } && word != "esac")
            {
                return false;
            }

            switch (word)
            {
                case "if":
                    _frames.Add(new Frame(FrameKind.If, Phase.Condition, null));
                    return true;
                case "then" or "else" or "elif":
                    if (_frames.FindLast(f => f.Kind == FrameKind.If) is { } ifFrame)
                    {
                        ifFrame.Phase = word == "elif" ? Phase.Condition : Phase.Body;
                    }

                    connector = ShellConnector.None;
                    return true;
                case "fi":
                    Pop(FrameKind.If);
                    return true;
                case "while" or "until":
                    _frames.Add(new Frame(FrameKind.Loop, Phase.Condition, null));
                    return true;
                case "for" or "select":
                    _frames.Add(new Frame(FrameKind.Loop, Phase.Header, null));
                    skipHeader = true;
                    return true;
                case "do":
                    if (_frames.FindLast(f => f.Kind == FrameKind.Loop) is { } loop)
                    {
                        loop.Phase = Phase.Body;
                    }

                    skipHeader = false;
                    connector = ShellConnector.None;
                    return true;
                case "done":
                    Pop(FrameKind.Loop);
                    return true;
                case "case":
                    _frames.Add(new Frame(FrameKind.Case, Phase.Header, null));
                    skipHeader = true;
                    return true;
                case "esac":
                    Pop(FrameKind.Case);
                    skipHeader = false;
                    return true;
                case "{":
                    _frames.Add(new Frame(FrameKind.Group, Phase.None, null));
                    return true;
                case "}":
                    Pop(FrameKind.Group);
                    return true;
                case "!":
                    negated = true;
                    return true;
                case "function":
                    skipWords = 1;
                    return true;
                default:
                    return false;
            }
        }

        private void Pop(FrameKind kind)
        {
            var index = _frames.FindLastIndex(f => f.Kind == kind);
            if (index >= 0)
            {
                _frames.RemoveRange(index, _frames.Count - index);
            }
        }

        private ShellContext Context()
        {
            var context = baseContext;
            foreach (var frame in _frames)
            {
                context |= (frame.Kind, frame.Phase) switch
                {
                    (FrameKind.Subshell, _) => ShellContext.Subshell,
                    (FrameKind.Group, _) => ShellContext.Group,
                    (FrameKind.If or FrameKind.Loop, Phase.Condition) => ShellContext.Condition,
                    (FrameKind.If, Phase.Body) => ShellContext.Branch,
                    (FrameKind.Loop, Phase.Body) => ShellContext.Loop,
                    (FrameKind.Case, Phase.Body) => ShellContext.Branch,
                    _ => ShellContext.None,
                };
            }

            return context;
        }

        private void EmitSubstitutions(Tok token, ShellContext context)
        {
            foreach (var (start, length) in token.Substitutions)
            {
                var outer = spanOf;
                var inner = new Walker(output, (s, l) => outer(start + s, l), baseContext | context | ShellContext.Substitution, _state.Clone(), parent);
                inner.Walk(_script.Substring(start, length));
            }
        }

        public void Emit(List<Tok> tokens, ShellConnector connector, ShellContext context, bool execForm)
        {
            foreach (var token in tokens)
            {
                EmitSubstitutions(token, context & ~ShellContext.Negated);
            }

            var words = tokens.Where(t => t.Kind == TokKind.Word).ToList();
            var redirections = tokens.Where(t => t.Kind == TokKind.Redirect).Select(t => new ShellRedirection(t.Op, t.Word)).ToImmutableArray();
            var (programIndex, assignments, wrappers) = Analyze(words);
            var command = new ShellCommand([.. words.Select(w => w.Word)], programIndex, assignments, wrappers, redirections)
            {
                Connector = connector,
                Context = context,
                Parent = parent,
                AfterCd = _state.AfterCd,
                Directory = _state.Directory,
                Errexit = _state.Errexit,
                Pipefail = _state.Pipefail,
            };

            if (connector == ShellConnector.Pipe && _previous is not null)
            {
                _previous.PipesInto = command;
                command.PipedFrom = _previous;
            }

            output.Add(command);
            _previous = command;
            var args = command.Arguments;
            switch (command.Name)
            {
                case "cd" or "pushd" or "popd":
                    ChangeDirectory(command, args);
                    break;
                case "set":
                    var texts = args.Select(a => a.Text).ToList();
                    for (var i = 0; i < texts.Count; i++)
                    {
                        i = ApplySetWord(texts, i, _state);
                    }

                    break;
            }

            if (NestedScript(command) is { } index)
            {
                var word = words[programIndex + 1 + index];
                var nestedState = _state.Clone();
                nestedState.Errexit = false;
                nestedState.Pipefail = false;
                if (s_posixShells.Contains(command.Name))
                {
                    var flags = args.Take(index).Select(a => a.Text).ToList();
                    for (var i = 0; i < flags.Count; i++)
                    {
                        i = ApplySetWord(flags, i, nestedState);
                    }
                }

                var nestedSpan = execForm ? ExecSpanOf(word.Word) : WordSpanOf(word);
                new Walker(output, nestedSpan, baseContext | (context & ~ShellContext.Negated) | ShellContext.NestedScript, nestedState, command)
                    .Walk(word.Word.Text);
            }
        }

        private static Func<int, int, TextSpan> ExecSpanOf(ShellWordToken word)
        {
            // The span of an exec-form word is its text when the JSON string has no escapes.
            if (word.Span.Length == word.Text.Length)
            {
                var start = word.Span.Start;
                return (s, l) => new TextSpan(start + s, l);
            }

            return (_, _) => word.Span;
        }

        private Func<int, int, TextSpan> WordSpanOf(Tok token)
        {
            var text = token.Word.Text;
            var raw = _script[token.RawStart..token.RawEnd];
            var outer = spanOf;
            if (raw == text)
            {
                return (s, l) => outer(token.RawStart + s, l);
            }

            if (raw.Length == text.Length + 2 && raw[0] is '\'' or '"' && raw[^1] == raw[0] && raw.AsSpan(1, text.Length).SequenceEqual(text))
            {
                return (s, l) => outer(token.RawStart + 1 + s, l);
            }

            var whole = token.Word.Span;
            var map = MapOffsets(_script, token.RawStart, token.RawEnd);
            if (map.Count != text.Length)
            {
                return (_, _) => whole;
            }

            // Quotes or escapes removed: each character of the text still has its own place in the source.
            return (s, l) =>
            {
                if (s < 0 || l < 0 || s + l > map.Count)
                {
                    return whole;
                }

                if (l == 0)
                {
                    return outer(s < map.Count ? map[s] : token.RawEnd, 0);
                }

                var first = map[s];
                var last = map[s + l - 1];
                return last >= first ? outer(first, last + 1 - first) : whole;
            };
        }

        /// <summary>The index among the arguments of the script of <c>sh -c "…"</c> or <c>su -c "…"</c>.</summary>
        private static int? NestedScript(ShellCommand command)
        {
            var args = command.Arguments;
            if (command.Name is "su" or "runuser")
            {
                for (var i = 0; i + 1 < args.Length; i++)
                {
                    if (args[i].Text is "-c" or "--command")
                    {
                        return i + 1;
                    }
                }

                return null;
            }

            if (!s_posixShells.Contains(command.Name))
            {
                return null;
            }

            var j = 0;
            if (command.Name == "busybox")
            {
                if (args.IsEmpty || !s_posixShells.Contains(args[0].Text))
                {
                    return null;
                }

                j = 1;
            }

            var hasC = false;
            for (; j < args.Length; j++)
            {
                var text = args[j].Text;
                if (text == "--")
                {
                    j++;
                    break;
                }

                if (text.StartsWith("--", StringComparison.Ordinal))
                {
                    continue;
                }

                if (text.Length > 1 && text[0] is '-' or '+')
                {
                    hasC |= text[0] == '-' && text.Contains('c', StringComparison.Ordinal);
                    if (text.Contains('o', StringComparison.Ordinal) || text.Contains('O', StringComparison.Ordinal))
                    {
                        j++;
                    }

                    continue;
                }

                break;
            }

            return hasC && j < args.Length ? j : null;
        }

        private void ChangeDirectory(ShellCommand command, ImmutableArray<ShellWordToken> args)
        {
            var operands = args.Where(a => !(a.Text.Length > 1 && a.Text[0] == '-')).ToList();
            _state.AfterCd = true;
            if (command.Name == "popd" || operands.Count != 1 || !operands[0].IsLiteral || command.IsConditional
                || (command.Context & (ShellContext.Loop | ShellContext.Branch | ShellContext.Condition)) != 0)
            {
                _state.Directory = null;
                return;
            }

            var target = operands[0].Text;
            if (target.StartsWith('/'))
            {
                _state.Directory = NormalizePath(target);
            }
            else if (_state.Directory is { } current && !target.StartsWith('~') && target != "-")
            {
                _state.Directory = NormalizePath(current + "/" + target);
            }
            else
            {
                _state.Directory = null;
            }
        }

        private static string NormalizePath(string path)
        {
            var parts = new List<string>();
            foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                if (part == "..")
                {
                    if (parts.Count > 0)
                    {
                        parts.RemoveAt(parts.Count - 1);
                    }
                }
                else if (part != ".")
                {
                    parts.Add(part);
                }
            }

            return "/" + string.Join('/', parts);
        }

        private static (int ProgramIndex, ImmutableArray<ShellWordToken> Assignments, ImmutableArray<ShellWordToken> Wrappers) Analyze(List<Tok> tokens)
        {
            var words = tokens.Select(t => t.Word).ToList();
            var assignments = ImmutableArray.CreateBuilder<ShellWordToken>();
            var wrappers = ImmutableArray.CreateBuilder<ShellWordToken>();
            var i = 0;
            var lastWrapper = -1;
            while (i < words.Count)
            {
                var word = words[i];
                if (ShellCommandSplitter.IsAssignment(word.Text))
                {
                    assignments.Add(word);
                    i++;
                    continue;
                }

                var name = word.CommandName;
                var next = i + 1;
                if (s_plainWrappers.Contains(name) && word.IsLiteral)
                {
                    next = SkipOptions(words, next, name == "exec" ? ["-a"] : []);
                }
                else if (name == "command" && !(next < words.Count && words[next].Text is "-v" or "-V"))
                {
                    next = SkipOptions(words, next, []);
                }
                else if (name is "sudo" or "doas")
                {
                    next = SkipOptions(words, next, ["-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-R", "-T"]);
                }
                else if (name == "env")
                {
                    next = SkipOptions(words, next, ["-u", "-C", "-S", "--unset", "--chdir", "--split-string"]);
                }
                else if (name == "xargs")
                {
                    next = SkipOptions(words, next, ["-n", "-I", "-d", "-L", "-P", "-s", "-a", "-E"]);
                }
                else if (name is "nice" or "ionice" or "stdbuf")
                {
                    next = SkipOptions(words, next, ["-n", "-c", "-p", "-i", "-o", "-e"]);
                }
                else if (name == "timeout")
                {
                    next = SkipOptions(words, next, ["-s", "-k", "--signal", "--kill-after"]) + 1;
                }
                else if (name is "gosu" or "su-exec")
                {
                    next++;
                }
                else
                {
                    break;
                }

                wrappers.Add(word);
                lastWrapper = i;
                for (var k = i + 1; k < Math.Min(next, words.Count); k++)
                {
                    if (ShellCommandSplitter.IsAssignment(words[k].Text))
                    {
                        assignments.Add(words[k]);
                    }
                }

                i = next;
            }

            if (i >= words.Count && lastWrapper >= 0)
            {
                // "env" or "xargs" alone: the wrapper is the program.
                wrappers.RemoveAt(wrappers.Count - 1);
                return (lastWrapper, assignments.ToImmutable(), wrappers.ToImmutable());
            }

            return (Math.Min(i, words.Count), assignments.ToImmutable(), wrappers.ToImmutable());
        }

        private static int SkipOptions(List<ShellWordToken> words, int i, string[] withValue)
        {
            while (i < words.Count)
            {
                var text = words[i].Text;
                if (text == "--")
                {
                    return i + 1;
                }

                if (ShellCommandSplitter.IsAssignment(text))
                {
                    i++;
                    continue;
                }

                if (text.Length < 2 || text[0] != '-')
                {
                    return i;
                }

                i += withValue.Contains(text) ? 2 : 1;
            }

            return i;
        }
    }

    private static List<Tok> Tokenize(string s)
    {
        var tokens = new List<Tok>();
        var pending = new List<(string Delimiter, bool StripTabs)>();
        string? redirect = null;
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            var next = i + 1 < s.Length ? s[i + 1] : '\0';
            if (c is ' ' or '\t' or '\r')
            {
                i++;
                continue;
            }

            if (c == '\\' && next == '\n')
            {
                i += 2;
                continue;
            }

            if (c == '#')
            {
                while (i < s.Length && s[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (c == '\n')
            {
                tokens.Add(new Tok(TokKind.Operator, "\n", default, i, i + 1));
                i++;
                if (pending.Count > 0)
                {
                    i = SkipHeredocBodies(s, i, pending);
                }

                continue;
            }

            if (c is '<' or '>' && next == '(')
            {
                // <( … ) and >( … ): process substitution, a word whose commands run in a subshell.
                var close = FindClose(s, i + 2);
                var token = new Tok(TokKind.Word, "", default, i, Math.Min(close + 1, s.Length));
                token.Substitutions.Add((i + 2, close - i - 2));
                i = Math.Min(close + 1, s.Length);
                AddWord(token, s[token.RawStart..token.RawEnd], literal: false);
                continue;
            }

            if (c is '<' or '>' || (c == '&' && next == '>'))
            {
                var start = i;
                i++;
                while (i < s.Length && s[i] is '<' or '>' or '&' or '|' or '-' && i - start < 3)
                {
                    i++;
                }

                redirect = s[start..i];
                continue;
            }

            if (c is ';' or '&' or '|' or '(' or ')')
            {
                var op = c switch
                {
                    ';' when s.AsSpan(i).StartsWith(";;&") => ";;&",
                    ';' when next == ';' => ";;",
                    ';' when next == '&' => ";&",
                    '&' when next == '&' => "&&",
                    '|' when next == '|' => "||",
                    '|' when next == '&' => "|&",
                    _ => c.ToString(),
                };
                tokens.Add(new Tok(TokKind.Operator, op, default, i, i + op.Length));
                i += op.Length;
                continue;
            }

            var wordStart = i;
            var text = new StringBuilder();
            var literal = true;
            var subs = new List<(int, int)>();
            i = ReadWord(s, i, text, ref literal, subs);
            var value = text.ToString();
            if (i < s.Length && s[i] is '<' or '>' && value.Length > 0 && value.All(char.IsAsciiDigit) && s[wordStart..i] == value)
            {
                // 2>/dev/null: the descriptor belongs to the redirection.
                continue;
            }

            var word = new Tok(TokKind.Word, "", default, wordStart, i);
            word.Substitutions.AddRange(subs);
            AddWord(word, value, literal);
        }

        return tokens;

        void AddWord(Tok token, string value, bool literal)
        {
            var finished = token;
            finished.Word = new ShellWordToken(value, default, literal);
            if (redirect is not null)
            {
                finished.Kind = TokKind.Redirect;
                finished.Op = redirect;
                if (redirect.StartsWith("<<", StringComparison.Ordinal) && redirect != "<<<")
                {
                    pending.Add((value, redirect == "<<-"));
                }

                redirect = null;
            }

            tokens.Add(finished);
        }
    }

    /// <summary>The source offset of each character of the word text <see cref="ReadWord"/> produces for <c>s[start..end)</c>.</summary>
    private static List<int> MapOffsets(string s, int start, int end)
    {
        var map = new List<int>();
        var scratch = new StringBuilder();
        var subs = new List<(int, int)>();
        var i = start;
        while (i < end)
        {
            var c = s[i];
            switch (c)
            {
                case '\\':
                    if (i + 1 < end && s[i + 1] != '\n')
                    {
                        map.Add(i + 1);
                    }

                    i += 2;
                    break;
                case '\'':
                    {
                        var close = s.IndexOf('\'', i + 1);
                        var stop = close < 0 || close > end ? end : close;
                        for (var k = i + 1; k < stop; k++)
                        {
                            map.Add(k);
                        }

                        i = stop + 1;
                        break;
                    }

                case '"':
                    i++;
                    while (i < end && s[i] != '"')
                    {
                        if (s[i] == '\\' && i + 1 < end && s[i + 1] is '"' or '\\' or '$' or '`' or '\n')
                        {
                            if (s[i + 1] != '\n')
                            {
                                map.Add(i + 1);
                            }

                            i += 2;
                        }
                        else if (s[i] is '$' or '`')
                        {
                            var next = s[i] == '$' ? ReadDollar(s, i, scratch, subs) : ReadBackquote(s, i, scratch, subs);
                            for (var k = i; k < next; k++)
                            {
                                map.Add(k);
                            }

                            i = next;
                        }
                        else
                        {
                            map.Add(i);
                            i++;
                        }
                    }

                    i++;
                    break;
                case '$' when i + 1 < end && s[i + 1] == '\'':
                    {
                        var j = i + 2;
                        while (j < end && s[j] != '\'')
                        {
                            j += s[j] == '\\' ? 2 : 1;
                        }

                        for (var k = i + 2; k < Math.Min(j, end); k++)
                        {
                            map.Add(k);
                        }

                        i = j + 1;
                        break;
                    }

                case '$' or '`':
                    {
                        var next = c == '$' ? ReadDollar(s, i, scratch, subs) : ReadBackquote(s, i, scratch, subs);
                        for (var k = i; k < next; k++)
                        {
                            map.Add(k);
                        }

                        i = Math.Max(next, i + 1);
                        break;
                    }

                default:
                    map.Add(i);
                    i++;
                    break;
            }
        }

        return map;
    }

    private static int SkipHeredocBodies(string s, int i, List<(string Delimiter, bool StripTabs)> pending)
    {
        foreach (var (delimiter, stripTabs) in pending)
        {
            while (i < s.Length)
            {
                var end = s.IndexOf('\n', i);
                var lineEnd = end < 0 ? s.Length : end;
                var line = s[i..lineEnd].TrimEnd('\r');
                i = end < 0 ? s.Length : end + 1;
                if ((stripTabs ? line.TrimStart('\t') : line) == delimiter)
                {
                    break;
                }
            }
        }

        pending.Clear();
        return i;
    }

    private static int ReadWord(string s, int i, StringBuilder word, ref bool literal, List<(int, int)> subs)
    {
        while (i < s.Length)
        {
            var c = s[i];
            if (c is ' ' or '\t' or '\r' or '\n' or ';' or '&' or '|' or '(' or ')' or '<' or '>')
            {
                break;
            }

            switch (c)
            {
                case '\\':
                    if (i + 1 < s.Length && s[i + 1] != '\n')
                    {
                        word.Append(s[i + 1]);
                    }

                    i += 2;
                    break;
                case '\'':
                    {
                        var close = s.IndexOf('\'', i + 1);
                        var end = close < 0 ? s.Length : close;
                        word.Append(s, i + 1, end - i - 1);
                        i = end + 1;
                        break;
                    }

                case '"':
                    i = ReadDoubleQuoted(s, i + 1, word, ref literal, subs);
                    break;
                case '$' when i + 1 < s.Length && s[i + 1] == '\'':
                    {
                        var j = i + 2;
                        while (j < s.Length && s[j] != '\'')
                        {
                            j += s[j] == '\\' ? 2 : 1;
                        }

                        j = Math.Min(j, s.Length);
                        word.Append(s, i + 2, j - i - 2);
                        literal = false;
                        i = j + 1;
                        break;
                    }

                case '$':
                    literal = false;
                    i = ReadDollar(s, i, word, subs);
                    break;
                case '`':
                    literal = false;
                    i = ReadBackquote(s, i, word, subs);
                    break;
                default:
                    if (c is '*' or '?' or '[')
                    {
                        literal = false;
                    }

                    word.Append(c);
                    i++;
                    break;
            }
        }

        return Math.Min(i, s.Length);
    }

    /// <summary>Reads a double-quoted string's contents (the opening quote already read); shared with <see cref="ShellCommandSplitter"/>.</summary>
    internal static int ReadDoubleQuoted(string s, int i, StringBuilder word, ref bool literal, List<(int, int)>? subs)
    {
        while (i < s.Length && s[i] != '"')
        {
            var c = s[i];
            if (c == '\\' && i + 1 < s.Length && s[i + 1] is '"' or '\\' or '$' or '`' or '\n')
            {
                if (s[i + 1] != '\n')
                {
                    word.Append(s[i + 1]);
                }

                i += 2;
            }
            else if (c == '$')
            {
                literal = false;
                i = ReadDollar(s, i, word, subs);
            }
            else if (c == '`')
            {
                literal = false;
                i = ReadBackquote(s, i, word, subs);
            }
            else
            {
                word.Append(c);
                i++;
            }
        }

        return Math.Min(i + 1, s.Length);
    }

    /// <summary>Reads a backquoted substitution into the word as written (its inner range added to <paramref name="subs"/> when given).</summary>
    internal static int ReadBackquote(string s, int i, StringBuilder word, List<(int, int)>? subs)
    {
        var j = i + 1;
        while (j < s.Length && s[j] != '`')
        {
            j += s[j] == '\\' ? 2 : 1;
        }

        j = Math.Min(j, s.Length);
        subs?.Add((i + 1, j - i - 1));
        var end = Math.Min(j + 1, s.Length);
        word.Append(s, i, end - i);
        return end;
    }

    /// <summary>
    /// Reads <c>$NAME</c>, <c>${…}</c>, <c>$(…)</c> (a substitution, whose inner range is added to
    /// <paramref name="subs"/> when given) or <c>$((…))</c> into the word as written; quotes and escapes
    /// inside are honoured. Shared with <see cref="ShellCommandSplitter"/>.
    /// </summary>
    internal static int ReadDollar(string s, int i, StringBuilder word, List<(int, int)>? subs)
    {
        var start = i;
        i++;
        if (i < s.Length && s[i] == '(')
        {
            var arithmetic = i + 1 < s.Length && s[i + 1] == '(';
            var close = FindClose(s, i + 1);
            if (!arithmetic)
            {
                subs?.Add((i + 1, close - i - 1));
            }

            i = Math.Min(close + 1, s.Length);
        }
        else if (i < s.Length && s[i] == '{')
        {
            var depth = 0;
            for (; i < s.Length; i++)
            {
                if (s[i] == '\\')
                {
                    i++;
                }
                else if (s[i] == '{')
                {
                    depth++;
                }
                else if (s[i] == '}' && --depth == 0)
                {
                    i++;
                    break;
                }
            }
        }
        else
        {
            while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || s[i] == '_'))
            {
                i++;
            }

            if (i == start + 1 && i < s.Length && s[i] is '@' or '*' or '#' or '?' or '$' or '!' or '-')
            {
                i++;
            }
        }

        i = Math.Min(i, s.Length);
        word.Append(s, start, i - start);
        return i;
    }

    /// <summary>The index of the parenthesis that closes one opened just before <paramref name="i"/> (quotes honoured), or the text's length.</summary>
    private static int FindClose(string s, int i)
    {
        var depth = 1;
        while (i < s.Length)
        {
            var c = s[i];
            switch (c)
            {
                case '\\':
                    i += 2;
                    continue;
                case '\'':
                    {
                        var close = s.IndexOf('\'', i + 1);
                        i = close < 0 ? s.Length : close + 1;
                        continue;
                    }

                case '"':
                    i++;
                    while (i < s.Length && s[i] != '"')
                    {
                        i += s[i] == '\\' ? 2 : 1;
                    }

                    i++;
                    continue;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth == 0)
                    {
                        return i;
                    }

                    break;
            }

            i++;
        }

        return s.Length;
    }
}
