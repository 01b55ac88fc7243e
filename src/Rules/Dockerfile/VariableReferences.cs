using System.Text.RegularExpressions;
using DockerLint.Parser.Model;
using DockerLint.Parser.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Rules.Dockerfile;

/// <summary>Where variables are referenced in the words BuildKit expands.</summary>
internal static partial class VariableReferences
{
    // $NAME, or ${NAME with an optional fallback modifier (:- - :+ + :? ?) after the name.
    [GeneratedRegex(@"\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(:?[-+?])?|([A-Za-z_][A-Za-z0-9_]*))")]
    private static partial Regex Reference();

    /// <summary>True when some reference to <paramref name="name"/> in <paramref name="text"/> has no fallback modifier (<c>:-</c>, <c>-</c>, <c>:+</c>, <c>+</c>, <c>:?</c>, <c>?</c>).</summary>
    public static bool HasPlainReference(string text, string name)
        => Reference().Matches(text).Any(m => m.Groups[3].Value == name || (m.Groups[1].Value == name && !m.Groups[2].Success));

    private static string Name(Match match) => match.Groups[1].Success ? match.Groups[1].Value : match.Groups[3].Value;

    /// <summary>The span of the first reference to <paramref name="name"/> in the word (<c>$NAME</c> or <c>${NAME…}</c>), or the whole word.</summary>
    public static TextSpan SpanOf(ExpandedWord word, string name)
    {
        foreach (Match match in Reference().Matches(word.Text))
        {
            if (Name(match) == name)
            {
                return word.Syntax.GetSpan(match.Index, ReferenceLength(word.Text, match));
            }
        }

        return word.Span;
    }

    /// <summary>The names referenced anywhere in an instruction's text (ONBUILD triggers and heredoc bodies included), expanded or not.</summary>
    public static HashSet<string> NamesIn(InstructionSyntax syntax)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var texts = new[] { syntax.ToString() }.Concat(syntax.Heredocs.Select(h => h.Body.Text))
            .Concat(syntax.Trigger is { } trigger ? trigger.Heredocs.Select(h => h.Body.Text) : []);
        foreach (var text in texts)
        {
            foreach (Match match in Reference().Matches(text))
            {
                names.Add(Name(match));
            }
        }

        return names;
    }

    /// <summary>The length of a reference: <c>$NAME</c>, or <c>${…}</c> up to its matching brace.</summary>
    private static int ReferenceLength(string text, Match match)
    {
        if (text[match.Index + 1] != '{')
        {
            return match.Length;
        }

        var depth = 0;
        for (var i = match.Index + 1; i < text.Length; i++)
        {
            if (text[i] == '{')
            {
                depth++;
            }
            else if (text[i] == '}' && --depth == 0)
            {
                return i - match.Index + 1;
            }
        }

        return match.Length;
    }

    /// <summary>Adds to <paramref name="words"/> every word of an instruction that BuildKit expands with the variables in scope, in order.</summary>
    public static void AddExpandedWords(Instruction instruction, List<ExpandedWord> words)
    {
        switch (instruction)
        {
            case FileTransferInstruction transfer:
                foreach (var source in transfer.Sources)
                {
                    Add(words, source);
                }

                Add(words, transfer.Destination);
                Add(words, transfer.Chown?.Value);
                Add(words, transfer.Chmod?.Value);
                foreach (var exclude in transfer.Excludes)
                {
                    Add(words, exclude.Value);
                }

                Add(words, (transfer as CopyInstruction)?.From?.Value);
                Add(words, (transfer as AddInstruction)?.Checksum?.Value);
                break;
            case EnvInstruction env:
                foreach (var pair in env.Pairs)
                {
                    Add(words, pair.Value);
                }

                break;
            case LabelInstruction label:
                foreach (var pair in label.Pairs)
                {
                    Add(words, pair.Key);
                    Add(words, pair.Value);
                }

                break;
            case ArgInstruction arg:
                foreach (var declaration in arg.Declarations)
                {
                    Add(words, declaration.Default);
                }

                break;
            case ExposeInstruction expose:
                // Several ports can come from one word (a range, a list in a variable): each word once.
                var first = words.Count;
                foreach (var port in expose.Ports)
                {
                    if (words.IndexOf(port.Word, first) < 0)
                    {
                        words.Add(port.Word);
                    }
                }

                break;
            case StopSignalInstruction stop:
                Add(words, stop.Signal);
                break;
            case UserInstruction user:
                Add(words, user.Argument);
                break;
            case VolumeInstruction volume:
                foreach (var path in volume.Paths)
                {
                    Add(words, path);
                }

                break;
            case WorkdirInstruction workdir:
                Add(words, workdir.Path);
                break;
            case RunInstruction run:
                foreach (var mount in run.Mounts)
                {
                    Add(words, mount.Flag.Value);
                }

                Add(words, run.Network?.Value);
                Add(words, run.Security?.Value);
                break;
        }

        static void Add(List<ExpandedWord> words, ExpandedWord? word)
        {
            if (word is not null)
            {
                words.Add(word);
            }
        }
    }
}
