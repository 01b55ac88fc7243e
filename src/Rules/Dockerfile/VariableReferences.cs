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

    /// <summary>Every word of an instruction that BuildKit expands with the variables in scope.</summary>
    public static IEnumerable<ExpandedWord> ExpandedWords(Instruction instruction)
    {
        IEnumerable<ExpandedWord?> words = instruction switch
        {
            FileTransferInstruction transfer => [
                .. transfer.Sources, transfer.Destination, transfer.Chown?.Value, transfer.Chmod?.Value,
                .. transfer.Excludes.Select(e => e.Value), (transfer as CopyInstruction)?.From?.Value, (transfer as AddInstruction)?.Checksum?.Value,
            ],
            EnvInstruction env => env.Pairs.Select(p => p.Value),
            LabelInstruction label => label.Pairs.SelectMany(p => new[] { p.Key, p.Value }),
            ArgInstruction arg => arg.Declarations.Select(d => d.Default),
            ExposeInstruction expose => expose.Ports.Select(p => p.Word).Distinct(),
            StopSignalInstruction stop => [stop.Signal],
            UserInstruction user => [user.Argument],
            VolumeInstruction volume => volume.Paths,
            WorkdirInstruction workdir => [workdir.Path],
            RunInstruction run => [.. run.Mounts.Select(m => m.Flag.Value), run.Network?.Value, run.Security?.Value],
            _ => [],
        };
        return words.OfType<ExpandedWord>();
    }
}
