using System.Globalization;

namespace DockerLint.Bench;

/// <summary>
/// A synthetic monorepo built from the corpus: <c>count</c> files, each a copy of a corpus file under
/// a conventional name (<c>Dockerfile</c>, <c>compose.yaml</c>) in its own package folder, a thousand
/// packages per top-level folder, in the proportions of the corpus. Generated into a temporary folder,
/// never committed.
/// </summary>
internal static class Monorepo
{
    /// <summary>
    /// Generates the monorepo into <paramref name="root"/> unless an earlier run completed it there (a
    /// <c>.complete</c> file beside it records its size), so that repeated measurements skip writing 100,000 files.
    /// </summary>
    public static (int Files, long Bytes) GenerateOnce(Corpus corpus, string root, int count)
    {
        var marker = root + ".complete";
        if (File.Exists(marker) && File.ReadAllText(marker).Split(' ') is [var files, var bytes] && files == count.ToString(CultureInfo.InvariantCulture))
        {
            return (count, long.Parse(bytes, CultureInfo.InvariantCulture));
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var generated = Generate(corpus, root, count);
        File.WriteAllText(marker, FormattableString.Invariant($"{generated.Files} {generated.Bytes}"));
        return generated;
    }

    public static (int Files, long Bytes) Generate(Corpus corpus, string root, int count)
    {
        var sources = corpus.AllFiles.Select(f => (Path: f, IsCompose: corpus.ComposeFiles.Contains(f))).ToList();
        var contents = sources.Select(s => File.ReadAllBytes(s.Path)).ToList();
        long bytes = 0;
        for (var i = 0; i < count; i++)
        {
            var source = i % sources.Count;
            var folder = Path.Combine(root, $"group{i / 1000:D3}", $"package{i:D6}");
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, sources[source].IsCompose ? "compose.yaml" : "Dockerfile"), contents[source]);
            bytes += contents[source].Length;
        }

        return (count, bytes);
    }
}
