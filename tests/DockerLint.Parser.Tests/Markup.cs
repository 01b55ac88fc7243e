using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Tests;

/// <summary>
/// Roslyn-style span markup for tests: <c>"FROM x\nWORKDIR {|#0:app|}"</c> is the text
/// <c>"FROM x\nWORKDIR app"</c> with span #0 over <c>app</c>. Markers may nest.
/// </summary>
internal static class Markup
{
    public static (string Text, IReadOnlyDictionary<int, TextSpan> Spans) Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var spans = new Dictionary<int, TextSpan>();
        var open = new Stack<(int Id, int Start)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup.AsSpan(i).StartsWith("{|#"))
            {
                var colon = markup.IndexOf(':', i);
                var id = int.Parse(markup.AsSpan(i + 3, colon - i - 3), System.Globalization.CultureInfo.InvariantCulture);
                open.Push((id, text.Length));
                i = colon;
                continue;
            }

            if (markup.AsSpan(i).StartsWith("|}") && open.Count > 0)
            {
                var (id, start) = open.Pop();
                spans[id] = TextSpan.FromBounds(start, text.Length);
                i++;
                continue;
            }

            text.Append(markup[i]);
        }

        return (text.ToString(), spans);
    }
}
