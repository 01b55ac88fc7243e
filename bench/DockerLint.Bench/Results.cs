using System.Text;

namespace DockerLint.Bench;

/// <summary>
/// bench/RESULTS.md: each command owns a section between <c>&lt;!-- NAME:start --&gt;</c> and
/// <c>&lt;!-- NAME:end --&gt;</c>, so running one command keeps the other's results.
/// </summary>
internal static class Results
{
    public static void ReplaceSection(string file, string name, string content)
    {
        var start = $"<!-- {name}:start -->";
        var end = $"<!-- {name}:end -->";
        var text = File.Exists(file) ? File.ReadAllText(file) : "# Benchmark results\n\nWritten by the benchmark (see bench/README.md); never edited by hand, never asserted by tests.\n";
        var block = $"{start}\n{content.TrimEnd('\n')}\n{end}";
        var from = text.IndexOf(start, StringComparison.Ordinal);
        var to = text.IndexOf(end, StringComparison.Ordinal);
        text = from >= 0 && to > from
            ? text[..from] + block + text[(to + end.Length)..]
            : text.TrimEnd('\n') + "\n\n" + block + "\n";
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, text.ReplaceLineEndings("\n"), new UTF8Encoding(false));
        File.Move(temporary, file, overwrite: true);
    }
}
