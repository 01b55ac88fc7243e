using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Compose.Yaml;

namespace DockerLint.Rules.Compose;

/// <summary>
/// The Compose files of a project as written, before merging: what the style rules read, since
/// order and quoting belong to each file, not to the merged model. Entries that come from a
/// merge key (<c>&lt;&lt;: *anchor</c>) are left out: they are written elsewhere.
/// </summary>
internal static class WrittenFiles
{
    /// <summary>The top-level mapping of every document of every file of the project.</summary>
    public static IEnumerable<YamlMapping> Roots(ComposeProject project)
        => project.Files.SelectMany(f => f.Documents).OfType<YamlMapping>();

    /// <summary>Every service mapping as written: its name and body.</summary>
    public static IEnumerable<(YamlScalar Name, YamlMapping Body)> Services(ComposeProject project)
        => Roots(project)
            .Select(root => root["services"]).OfType<YamlMapping>()
            .SelectMany(services => services.Entries)
            .Where(e => !e.FromMerge && !e.Key.Value.StartsWith("x-", StringComparison.Ordinal) && e.Value is YamlMapping)
            .Select(e => (e.Key, (YamlMapping)e.Value));

    /// <summary>The keys of a mapping as written in it (not merged in), in order.</summary>
    public static IEnumerable<YamlScalar> OwnKeys(YamlMapping mapping)
        => mapping.Entries.Where(e => !e.FromMerge && e.Key.Value != "<<").Select(e => e.Key);

    /// <summary>
    /// Reports each item that comes right after an item that should follow it: with ranks
    /// <c>1, 3, 2</c> the third is reported, naming the second. Items without a rank are skipped.
    /// One misplaced item is one finding, not one for every item after it.
    /// </summary>
    public static void ReportOutOfOrder<T>(IEnumerable<T> items, Func<T, IComparable?> rank, Action<T, T> report)
    {
        T? previous = default;
        IComparable? previousRank = null;
        foreach (var item in items)
        {
            var r = rank(item);
            if (r is null)
            {
                continue;
            }

            if (previousRank is not null && r.CompareTo(previousRank) < 0)
            {
                report(item, previous!);
            }

            previous = item;
            previousRank = r;
        }
    }
}
