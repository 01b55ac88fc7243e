using System.Collections.Immutable;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;

namespace DockerLint.Parser.Compose.Model;

/// <summary>A top-level network, volume, secret or config.</summary>
public sealed class ComposeResource : ComposeElement
{
    internal ComposeResource(YamlScalar name, YamlMapping node, IComposeInterpolation interpolation) : base(node, interpolation)
    {
        NameNode = name;
        External = ReadExternal(Node["external"]);
        ResourceName = String("name");
        Driver = String("driver");
        File = String("file");
        Environment = String("environment");
        Content = String("content");
        Internal = Bool("internal") ?? false;
        Labels = KeyValues(Node["labels"]);
        DriverOptions = KeyValues(Node["driver_opts"]);
    }

    /// <summary>The key under the top-level section.</summary>
    public YamlScalar NameNode { get; }

    /// <summary>The key.</summary>
    public string Name => NameNode.Value;

    /// <summary>True for <c>external: true</c> (or the legacy <c>external: {name: …}</c>).</summary>
    public bool External { get; }

    /// <summary><c>name</c>: the name on the engine.</summary>
    public ComposeString? ResourceName { get; }

    /// <summary><c>driver</c>.</summary>
    public ComposeString? Driver { get; }

    /// <summary><c>file</c> (secrets and configs).</summary>
    public ComposeString? File { get; }

    /// <summary><c>environment</c> (secrets and configs taken from a variable).</summary>
    public ComposeString? Environment { get; }

    /// <summary><c>content</c> (inline configs).</summary>
    public ComposeString? Content { get; }

    /// <summary><c>internal</c> (networks).</summary>
    public bool Internal { get; }

    /// <summary><c>labels</c>.</summary>
    public ImmutableArray<ComposeKeyValue> Labels { get; }

    /// <summary><c>driver_opts</c>.</summary>
    public ImmutableArray<ComposeKeyValue> DriverOptions { get; }

    private bool ReadExternal(YamlNode? node) => node switch
    {
        YamlMapping => true,
        YamlScalar scalar => Interpolation.Resolve(scalar).AsBool() ?? false,
        _ => false,
    };
}

/// <summary>
/// The Compose model rules read: the merged, interpolated project, with every value pointing to
/// the file and span where it was written.
/// </summary>
public sealed class ComposeProject
{
    private readonly ImmutableDictionary<string, string> _workingDirectories;

    internal ComposeProject(
        YamlMapping root,
        IComposeInterpolation interpolation,
        ImmutableArray<YamlFile> files,
        ImmutableArray<Diagnostic> diagnostics,
        string? projectDirectory = null,
        IReadOnlyDictionary<string, string>? workingDirectories = null,
        Func<string, string?>? readFile = null)
    {
        _readFile = readFile;
        Root = root;
        ProjectDirectory = projectDirectory ?? Path.GetDirectoryName(files.IsEmpty ? root.Source.Path : files[0].Source.Path) ?? ".";
        _workingDirectories = workingDirectories?.ToImmutableDictionary(StringComparer.Ordinal) ?? ImmutableDictionary<string, string>.Empty;
        Interpolation = interpolation;
        Files = files;
        Diagnostics = diagnostics;
        Name = root["name"] is YamlScalar name ? interpolation.Resolve(name) : null;
        Version = root["version"] is YamlScalar version ? interpolation.Resolve(version) : null;
        Services = Section(root["services"], (k, m) => new ComposeService(k, m, interpolation));
        Networks = Section(root["networks"], (k, m) => new ComposeResource(k, m, interpolation));
        Volumes = Section(root["volumes"], (k, m) => new ComposeResource(k, m, interpolation));
        Secrets = Section(root["secrets"], (k, m) => new ComposeResource(k, m, interpolation));
        Configs = Section(root["configs"], (k, m) => new ComposeResource(k, m, interpolation));
    }

    /// <summary>Builds the model of a merged root mapping.</summary>
    /// <param name="root">The merged root mapping.</param>
    /// <param name="interpolation">How scalars are interpolated.</param>
    /// <param name="files">Every file that contributed.</param>
    /// <param name="diagnostics">Loading problems.</param>
    /// <param name="projectDirectory">The project directory; the first file's folder by default.</param>
    /// <param name="workingDirectories">Per file (absolute path), the folder its relative paths are resolved against; the project directory for files not listed.</param>
    /// <param name="readFile">How other files of the project (env files …) are read; null when they cannot be.</param>
    public static ComposeProject Create(
        YamlMapping root,
        IComposeInterpolation interpolation,
        ImmutableArray<YamlFile> files,
        ImmutableArray<Diagnostic> diagnostics,
        string? projectDirectory = null,
        IReadOnlyDictionary<string, string>? workingDirectories = null,
        Func<string, string?>? readFile = null)
        => new(root, interpolation, files, diagnostics, projectDirectory, workingDirectories, readFile);

    private readonly Func<string, string?>? _readFile;

    /// <summary>
    /// Reads another file of the project (an <c>env_file</c> …) by absolute path, through the same
    /// access the loader used (the disk, or the files a test or an editor supplies); null when it
    /// does not exist, cannot be read, or the project was built without file access.
    /// </summary>
    public string? ReadFile(string path) => _readFile?.Invoke(path);

    /// <summary>The project directory: where relative paths of the given files and their overrides are resolved.</summary>
    public string ProjectDirectory { get; }

    /// <summary>
    /// The folder relative paths written in <paramref name="source"/> are resolved against (build
    /// contexts, bind mounts): the project directory for the given files and their overrides, the
    /// include's project directory for an included file, the file's own folder for an extends file.
    /// </summary>
    public string WorkingDirectoryOf(YamlSource source) => _workingDirectories.GetValueOrDefault(source.Path, ProjectDirectory);

    /// <summary>The merged root mapping.</summary>
    public YamlMapping Root { get; }

    /// <summary>How the project's scalars are interpolated (for values the typed model does not expose).</summary>
    public IComposeInterpolation Interpolation { get; }

    /// <summary>Every file that contributed (given, overrides, includes, extends), in load order.</summary>
    public ImmutableArray<YamlFile> Files { get; }

    /// <summary>Loading problems (YAML, schema, interpolation, merging).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; }

    /// <summary><c>name</c>.</summary>
    public ComposeString? Name { get; }

    /// <summary>The obsolete top-level <c>version</c>.</summary>
    public ComposeString? Version { get; }

    /// <summary>The services, in order.</summary>
    public ImmutableArray<ComposeService> Services { get; }

    /// <summary>Top-level networks.</summary>
    public ImmutableArray<ComposeResource> Networks { get; }

    /// <summary>Top-level volumes.</summary>
    public ImmutableArray<ComposeResource> Volumes { get; }

    /// <summary>Top-level secrets.</summary>
    public ImmutableArray<ComposeResource> Secrets { get; }

    /// <summary>Top-level configs.</summary>
    public ImmutableArray<ComposeResource> Configs { get; }

    /// <summary>Top-level <c>x-</c> extensions.</summary>
    public IEnumerable<YamlEntry> Extensions => Root.Entries.Where(e => e.Key.Value.StartsWith("x-", StringComparison.Ordinal));

    /// <summary>The service of that name, or null.</summary>
    public ComposeService? FindService(string name) => Services.FirstOrDefault(s => s.Name == name);

    private static ImmutableArray<T> Section<T>(YamlNode? node, Func<YamlScalar, YamlMapping, T> create)
    {
        if (node is not YamlMapping mapping)
        {
            return [];
        }

        var builder = ImmutableArray.CreateBuilder<T>(mapping.Entries.Length);
        foreach (var entry in mapping.Entries)
        {
            if (entry.Key.Value.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            // A resource declared with no body (`networks: {front:}`) is an empty mapping.
            var body = entry.Value as YamlMapping ?? new YamlMapping(entry.Value.Source, entry.Value.Span, []);
            builder.Add(create(entry.Key, body));
        }

        return builder.DrainToImmutable();
    }
}
