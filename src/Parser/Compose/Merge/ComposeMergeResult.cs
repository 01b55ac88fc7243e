using System.Collections.Immutable;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;

namespace DockerLint.Parser.Compose.Merge;

/// <summary>Why a file became part of a merged Compose project.</summary>
public enum ComposeFileRole
{
    /// <summary>One of the files given (<c>compose.yaml</c>, an override, a <c>-f</c> file).</summary>
    Main,

    /// <summary>A file named by <c>include:</c>.</summary>
    Include,

    /// <summary>A file named by <c>extends: { file: … }</c>.</summary>
    Extends,
}

/// <summary>What docker compose does when an included file defines a resource the including file also defines.</summary>
public enum IncludeConflictMode
{
    /// <summary>
    /// The including file's definition is merged onto the included one (compose-go 2.10 and later,
    /// docker compose releases from late 2025).
    /// </summary>
    Merge,

    /// <summary>
    /// A definition that differs from the included one is a DC0030 error and the including file's
    /// definition is kept (docker compose releases before late 2025).
    /// </summary>
    Report,
}

/// <summary>Options of <see cref="ComposeFileSet.Load"/>.</summary>
public sealed record ComposeMergeOptions
{
    /// <summary>The defaults.</summary>
    public static ComposeMergeOptions Default { get; } = new();

    /// <summary>
    /// The project directory (<c>--project-directory</c>): where relative paths of the given files
    /// (include paths, extends files) are resolved. Defaults to the folder of the first file.
    /// </summary>
    public string? ProjectDirectory { get; init; }

    /// <summary>How a resource defined both by an included file and by the including one is handled.</summary>
    public IncludeConflictMode IncludeConflicts { get; init; } = IncludeConflictMode.Merge;

    /// <summary>How long a chain of <c>extends</c> may be before it is refused with DC0030.</summary>
    public int MaxExtendsDepth { get; init; } = 64;
}

/// <summary>A file loaded while merging a Compose project.</summary>
/// <param name="Path">The absolute path.</param>
/// <param name="File">The loaded file (its nodes are the ones the merged result points at).</param>
/// <param name="Role">Why it was loaded. A file loaded for two reasons is listed twice.</param>
/// <param name="WorkingDirectory">
/// The folder its relative paths (build contexts, bind mounts, env files) are resolved against:
/// the project directory for the given files, the include's <c>project_directory</c> (default: the
/// included file's folder) for included files, the file's own folder for extends files.
/// </param>
/// <param name="EnvFiles">
/// For included files, the <c>env_file</c>s the include names (absolute); empty means the
/// <c>.env</c> of <paramref name="WorkingDirectory"/> when there is one.
/// </param>
public sealed record ComposeMergeFile(string Path, YamlFile File, ComposeFileRole Role, string WorkingDirectory, ImmutableArray<string> EnvFiles);

/// <summary>The merged model of a set of Compose files.</summary>
public sealed class ComposeMergeResult
{
    internal ComposeMergeResult(YamlMapping? root, ImmutableArray<Diagnostic> diagnostics, ImmutableArray<ComposeMergeFile> files, string workingDirectory)
    {
        Root = root;
        Diagnostics = diagnostics;
        Files = files;
        WorkingDirectory = workingDirectory;
    }

    /// <summary>
    /// The merged document with includes and extends applied, without <c>include</c>, <c>extends</c>,
    /// <c>!reset</c> or <c>!override</c>; null when no file could be loaded or all were empty.
    /// </summary>
    public YamlMapping? Root { get; }

    /// <summary>The merged <c>services</c> mapping, if any.</summary>
    public YamlMapping? Services => Root?["services"] as YamlMapping;

    /// <summary>
    /// The YAML diagnostics of every loaded file (once per file) and the problems of merging,
    /// including and extending (DC0030; DC0005 for a given file that cannot be loaded).
    /// </summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary>Every file loaded, in the order loaded.</summary>
    public ImmutableArray<ComposeMergeFile> Files { get; }

    /// <summary>The project directory.</summary>
    public string WorkingDirectory { get; }
}
