using System.Collections.Immutable;
using System.Text;
using DockerLint.Parser.Model;
using DockerLint.Parser.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Shell;

/// <summary>A word of a shell command read by <see cref="ShellCommandSplitter"/>.</summary>
/// <param name="Text">The word with quotes and backslash escapes removed (expansions kept as written).</param>
/// <param name="Span">Where the word is written (the whole script when the source is not verbatim).</param>
/// <param name="IsLiteral">False when the word holds an expansion (<c>$X</c>, <c>$(…)</c>, backquotes) or a glob (<c>*</c>, <c>?</c>, <c>[</c>), so its value is not its text.</param>
public readonly record struct ShellWordToken(string Text, TextSpan Span, bool IsLiteral)
{
    /// <summary>The word without a leading path: <c>/usr/bin/apt-get</c> → <c>apt-get</c>.</summary>
    public string CommandName => Text[(Text.LastIndexOf('/') + 1)..];
}

/// <summary>
/// The model's reader of RUN scripts, for rules that look for commands (package installs,
/// compiler calls): it splits a script into simple commands on <c>&amp;&amp;</c>, <c>||</c>, <c>;</c>,
/// <c>|</c>, <c>&amp;</c>, parentheses and new lines, and each command into words, honouring quotes,
/// backslashes, <c>$(…)</c>, <c>${…}</c>, comments and redirections (whose targets are dropped). It is
/// no shell parser: control structures are only skipped as keywords, nothing is expanded, and a rule
/// must treat words that are not <see cref="ShellWordToken.IsLiteral"/> as unknown.
/// New rules should read <see cref="ShellScript"/> instead, which knows the script's structure, the SHELL,
/// nested scripts and package-manager invocations; this flat reader stays for the rules built on it.
/// </summary>
public static class ShellCommandSplitter
{
    private static readonly ImmutableHashSet<string> s_prefixWords = ImmutableHashSet.Create(
        StringComparer.Ordinal, "then", "do", "else", "if", "elif", "while", "until", "!", "{", "}", "time", "exec", "command", "nohup", "eatmydata");

    /// <summary>
    /// The simple commands a RUN executes: its shell-form command line, and the bodies of heredocs
    /// that the shell runs as a script (<c>RUN &lt;&lt;EOF</c>, <c>RUN bash &lt;&lt;EOF</c>). Exec form is
    /// read as one command of literal words.
    /// </summary>
    public static IEnumerable<ImmutableArray<ShellWordToken>> Commands(RunInstruction run)
    {
        if (run.IsExecForm)
        {
            if (!run.ExecArguments.IsEmpty)
            {
                yield return [.. run.ExecArguments.Select(a => new ShellWordToken(a.Text, a.Span, IsLiteral: true))];
            }

            yield break;
        }

        if (run.ShellCommand is not { } command)
        {
            yield break;
        }

        var lineCommands = Tokenize(command.Text, command.GetSpan).ToList();
        foreach (var words in lineCommands)
        {
            yield return words;
        }

        foreach (var heredoc in run.Heredocs)
        {
            if (RunsAsScript(lineCommands, heredoc))
            {
                var body = heredoc.Body;
                foreach (var words in Tokenize(body.Text, (start, length) => new TextSpan(body.Span.Start + start, length)))
                {
                    yield return words;
                }
            }
        }
    }

    /// <summary>The words of a CMD or ENTRYPOINT: exec-form arguments, or the first command of the shell form.</summary>
    public static ImmutableArray<ShellWordToken> FirstCommand(CommandInstruction instruction)
    {
        if (instruction.IsExecForm)
        {
            return [.. instruction.ExecArguments.Select(a => new ShellWordToken(a.Text, a.Span, IsLiteral: true))];
        }

        return instruction.ShellCommand is { } command ? Tokenize(command.Text, command.GetSpan).FirstOrDefault(ImmutableArray<ShellWordToken>.Empty) : [];
    }

    /// <summary>
    /// Removes what comes before the program of a simple command: variable assignments (<c>A=1 cmd</c>),
    /// <c>sudo</c>/<c>env</c>/<c>xargs</c> with their options, and shell keywords such as <c>then</c> or <c>do</c>.
    /// </summary>
    public static ReadOnlySpan<ShellWordToken> SkipPrefix(ImmutableArray<ShellWordToken> words)
    {
        var i = 0;
        while (i < words.Length)
        {
            var word = words[i];
            if (s_prefixWords.Contains(word.Text) || IsAssignment(word.Text))
            {
                i++;
            }
            else if (word.CommandName == "xargs")
            {
                // xargs [options] command: the command it runs is what matters.
                i++;
                while (i < words.Length && words[i].Text.StartsWith('-'))
                {
                    i += words[i].Text is "-n" or "-I" or "-d" or "-L" or "-P" or "-s" or "-a" or "-E" ? 2 : 1;
                }
            }
            else if (word.CommandName is "sudo" or "env")
            {
                i++;
                while (i < words.Length && (words[i].Text.StartsWith('-') || IsAssignment(words[i].Text)))
                {
                    // sudo -u user: the option's value is a separate word.
                    i += words[i].Text is "-u" or "-g" or "-C" or "-D" or "-h" or "-p" or "-r" or "-t" or "-U" ? 2 : 1;
                }
            }
            else
            {
                break;
            }
        }

        return words.AsSpan()[Math.Min(i, words.Length)..];
    }

    /// <summary>Splits <paramref name="script"/> into simple commands; <paramref name="spanOf"/> maps offsets of the script to source spans.</summary>
    public static IEnumerable<ImmutableArray<ShellWordToken>> Tokenize(string script, Func<int, int, TextSpan> spanOf)
    {
        var command = ImmutableArray.CreateBuilder<ShellWordToken>();
        var word = new StringBuilder();
        var wordStart = -1;
        var literal = true;
        var dropNextWord = false;
        var i = 0;

        while (i <= script.Length)
        {
            var c = i < script.Length ? script[i] : '\n';
            var atEnd = i == script.Length;

            if (c is ' ' or '\t' or '\r' || (c == '\\' && i + 1 < script.Length && script[i + 1] == '\n' && wordStart < 0))
            {
                EndWord();
                i += c == '\\' ? 2 : 1;
                continue;
            }

            if (c is '\n' or ';' or '&' or '|' or '(' or ')' || atEnd)
            {
                if (c == '&' && i + 1 < script.Length && script[i + 1] == '>')
                {
                    // &> file: a redirection, not a separator.
                    EndWord();
                    dropNextWord = true;
                    i += 2;
                    continue;
                }

                EndWord();
                dropNextWord = false;
                if (command.Count > 0)
                {
                    yield return command.ToImmutable();
                    command.Clear();
                }

                i++;
                continue;
            }

            if (c == '#' && wordStart < 0)
            {
                // A comment runs to the end of the line.
                while (i < script.Length && script[i] != '\n')
                {
                    i++;
                }

                continue;
            }

            if (c is '>' or '<')
            {
                if (wordStart >= 0 && word.ToString().All(char.IsAsciiDigit))
                {
                    // 2>/dev/null: the descriptor is part of the redirection.
                    word.Clear();
                    wordStart = -1;
                    literal = true;
                }

                EndWord();
                i++;
                while (i < script.Length && script[i] is '>' or '<' or '&' or '|')
                {
                    i++;
                }

                dropNextWord = true;
                continue;
            }

            if (wordStart < 0)
            {
                wordStart = i;
            }

            switch (c)
            {
                case '\\':
                    if (i + 1 < script.Length)
                    {
                        if (script[i + 1] != '\n')
                        {
                            word.Append(script[i + 1]);
                        }

                        i += 2;
                    }
                    else
                    {
                        i++;
                    }

                    break;
                case '\'':
                    {
                        var close = script.IndexOf('\'', i + 1);
                        var end = close < 0 ? script.Length : close;
                        word.Append(script, i + 1, end - i - 1);
                        i = Math.Min(end + 1, script.Length);
                        break;
                    }

                case '"':
                    i = ReadDoubleQuoted(script, i + 1, word, ref literal);
                    break;
                case '$':
                    literal = false;
                    i = ReadDollar(script, i, word);
                    break;
                case '`':
                    literal = false;
                    i = ShellScriptReader.ReadBackquote(script, i, word, null);
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

        void EndWord()
        {
            if (wordStart >= 0)
            {
                if (!dropNextWord)
                {
                    var end = Math.Min(i, script.Length);
                    command.Add(new ShellWordToken(word.ToString(), spanOf(wordStart, end - wordStart), literal));
                }

                dropNextWord = false;
            }

            word.Clear();
            wordStart = -1;
            literal = true;
        }
    }

    /// <summary>True for <c>NAME=value</c>.</summary>
    public static bool IsAssignment(string word)
    {
        var eq = word.IndexOf('=');
        if (eq <= 0 || !(char.IsAsciiLetter(word[0]) || word[0] == '_'))
        {
            return false;
        }

        for (var i = 1; i < eq; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(word[i]) || word[i] == '_'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool RunsAsScript(List<ImmutableArray<ShellWordToken>> lineCommands, HeredocSyntax heredoc)
    {
        // RUN <<EOF runs the body as the script; RUN bash <<EOF (or sh -e <<EOF) feeds it to a shell.
        if (lineCommands.Count == 0)
        {
            return true;
        }

        if (lineCommands.Count != 1 || lineCommands[0].IsEmpty)
        {
            return false;
        }

        var program = lineCommands[0][0].CommandName;
        return program is "sh" or "bash" or "ash" or "dash" or "zsh" or "ksh"
            && lineCommands[0].Skip(1).All(w => w.Text.StartsWith('-'))
            && heredoc.FileDescriptor == 0;
    }

    private static int ReadDoubleQuoted(string script, int i, StringBuilder word, ref bool literal)
        => ShellScriptReader.ReadDoubleQuoted(script, i, word, ref literal, null);

    /// <summary>Reads <c>$NAME</c>, <c>${…}</c>, <c>$(…)</c> or <c>$((…))</c> into the word as written (the shell layer's reader).</summary>
    private static int ReadDollar(string script, int i, StringBuilder word) => ShellScriptReader.ReadDollar(script, i, word, null);
}
