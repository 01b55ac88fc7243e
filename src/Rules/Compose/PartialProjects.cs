using DockerLint.Parser.Compose.Model;

namespace DockerLint.Rules.Compose;

/// <summary>
/// Tells a Compose project that may be one part of a larger one: files such as
/// <c>compose.tests.yaml</c> or <c>overrides/compose.db.yaml</c> are written to be combined with
/// others (<c>-f compose.yaml -f compose.tests.yaml</c>, <c>extends</c> fragments), so what they
/// refer to may be defined in a file DockerLint was not given together with them.
/// </summary>
internal static class PartialProjects
{
    private static readonly HashSet<string> s_defaultNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "compose.yaml", "compose.yml", "docker-compose.yaml", "docker-compose.yml",
    };

    /// <summary>True when the project's first file is not one docker compose reads by default.</summary>
    public static bool MayBePartial(ComposeProject project)
        => project.Files.IsEmpty || !s_defaultNames.Contains(Path.GetFileName(project.Files[0].Source.Path));
}
