using System.Collections.Immutable;
using System.Text;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;

namespace DockerLint.Parser.Compose.Merge;

/// <summary>
/// Loads a Compose project the way docker compose does: each given file (and each document of a
/// file) has its <c>include</c>s and <c>extends</c> applied, then is merged onto the previous ones
/// with <see cref="ComposeMerger"/>'s rules. Files are read through a callback (so tests can use
/// in-memory files and callers can cache); variables in include and extends references are
/// resolved through another. Never throws: problems are diagnostics and loading goes on.
/// </summary>
/// <remarks>
/// <para><b>include</b>: an entry is a path or <c>{path, project_directory, env_file}</c>, where
/// <c>path</c> may be a list of files merged together. Paths are relative to the including file's
/// working directory (the project directory for the given files). Included files get their own
/// includes and extends applied, recursively. Their services, networks, volumes, secrets, configs
/// and models are added to the including document; a resource the including document also defines
/// is merged onto the included one (or reported, see <see cref="IncludeConflictMode"/>). A cycle, a
/// missing file or a malformed entry is DC0030 (error); a remote path (<c>oci://</c>, git) or one
/// whose variables are unknown is skipped with a DC0030 warning.</para>
/// <para><b>extends</b>: <c>extends: name</c> or <c>{service, file}</c>, resolved recursively; a
/// file is relative to the extending file's working directory and is read without its includes, as
/// docker compose does. Every key of the base service is inherited, <c>depends_on</c>, <c>links</c>
/// and <c>volumes_from</c> included (compose-go v2; Compose v1 dropped those); the result is the
/// base merged with the extending service by the usual rules, without <c>extends</c>. A missing
/// service or file, or a cycle, is DC0030 on the narrowest node of the <c>extends</c> value, and
/// the service is kept without what it would have inherited.</para>
/// </remarks>
public static class ComposeFileSet
{
    private static readonly string[] s_resourceKinds = ["services", "volumes", "networks", "secrets", "configs", "models"];

    // Stands for a resource removed by !reset while an include is imported.
    private static readonly YamlScalar s_resetMarker = new(new YamlSource("", Microsoft.CodeAnalysis.Text.SourceText.From("")), default, "", YamlScalarStyle.Plain);

    private static readonly StringComparer s_paths = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS()
        ? StringComparer.OrdinalIgnoreCase
        : StringComparer.Ordinal;

    /// <summary>
    /// Loads and merges <paramref name="paths"/> in order (e.g. <c>compose.yaml</c> then
    /// <c>compose.override.yaml</c>, or a <c>-f</c> list).
    /// </summary>
    /// <param name="paths">The files; relative paths are made absolute against the current folder.</param>
    /// <param name="loadFile">Loads an absolute path; null when it does not exist (a YamlFile whose diagnostics say why is also fine).</param>
    /// <param name="resolveString">
    /// The interpolated value of a scalar used as an include path, project directory, env file or
    /// extends reference, or null when it cannot be known. By default a value without <c>$</c> is taken
    /// as written (<c>$$</c> is a dollar sign) and any other is unknown.
    /// </param>
    /// <param name="options">Options; <see cref="ComposeMergeOptions.Default"/> when null.</param>
    public static ComposeMergeResult Load(
        IReadOnlyList<string> paths,
        Func<string, YamlFile?> loadFile,
        Func<YamlScalar, string?>? resolveString = null,
        ComposeMergeOptions? options = null)
        => new Session(loadFile, resolveString ?? Literal, options ?? ComposeMergeOptions.Default).Run(paths);

    /// <summary>The value of a scalar when it uses no variable: <c>$$</c> is <c>$</c>, any other <c>$</c> makes it unknown.</summary>
    public static string? Literal(YamlScalar scalar)
    {
        var value = scalar.Value;
        if (!value.Contains('$', StringComparison.Ordinal))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '$')
            {
                text.Append(value[i]);
            }
            else if (i + 1 < value.Length && value[i + 1] == '$')
            {
                text.Append('$');
                i++;
            }
            else
            {
                return null;
            }
        }

        return text.ToString();
    }

    private sealed class ExtendsScope(YamlMapping services, string workingDirectory, string path)
    {
        public YamlMapping Services { get; } = services;

        public string WorkingDirectory { get; } = workingDirectory;

        public string Path { get; } = path;

        public Dictionary<string, YamlNode> Resolved { get; } = new(StringComparer.Ordinal);
    }

    private sealed class Session
    {
        private readonly Func<string, YamlFile?> _loadFile;
        private readonly Func<YamlScalar, string?> _resolveString;
        private readonly ComposeMergeOptions _options;
        private readonly List<Diagnostic> _diagnostics = [];
        private readonly MergeEngine _engine;
        private readonly List<ComposeMergeFile> _files = [];
        private readonly HashSet<(string Path, ComposeFileRole Role)> _listed = [];
        private readonly Dictionary<string, YamlFile?> _loaded = new(s_paths);
        private readonly Dictionary<string, ExtendsScope?> _extendsFiles = new(s_paths);
        private readonly Dictionary<string, YamlMapping?> _includes = new(s_paths);

        public Session(Func<string, YamlFile?> loadFile, Func<YamlScalar, string?> resolveString, ComposeMergeOptions options)
        {
            _loadFile = loadFile;
            _resolveString = resolveString;
            _options = options;
            _engine = new MergeEngine(_diagnostics);
        }

        public ComposeMergeResult Run(IReadOnlyList<string> paths)
        {
            string current;
            try
            {
                current = Directory.GetCurrentDirectory();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
            {
                current = Path.GetTempPath();
            }

            var files = new List<(string Path, YamlScalar? Reference)>();
            foreach (var path in paths)
            {
                if (FullPath(current, path) is { } full)
                {
                    files.Add((full, null));
                }
                else
                {
                    _diagnostics.Add(Diagnostic.Create(ComposeDiagnostics.FileNotReadable, Location.None, path, "invalid path"));
                }
            }

            var workingDirectory = _options.ProjectDirectory is { } project
                ? FullPath(current, project) ?? current
                : files.Count > 0 ? Folder(files[0].Path) : current;
            var root = files.Count == 0 ? null : LoadModel(files, workingDirectory, [], ComposeFileRole.Main, []);
            return new ComposeMergeResult(root, [.. _diagnostics], [.. _files], workingDirectory);
        }

        // Loads files as one model: each document gets its includes and extends, then is merged
        // onto the documents before it.
        private YamlMapping? LoadModel(
            IReadOnlyList<(string Path, YamlScalar? Reference)> files,
            string workingDirectory,
            ImmutableArray<string> chain,
            ComposeFileRole role,
            ImmutableArray<string> envFiles)
        {
            YamlNode? model = null;
            foreach (var (path, reference) in files)
            {
                if (Open(path, reference, role, workingDirectory, envFiles) is not { } file)
                {
                    continue;
                }

                var fileChain = chain.Add(path);
                foreach (var document in file.Documents)
                {
                    if (document is YamlScalar { IsNull: true })
                    {
                        continue;
                    }

                    if (document is not YamlMapping mapping)
                    {
                        _diagnostics.Add(Diagnostic.Create(ComposeDiagnostics.SchemaViolation, document.Location, "The top level of a Compose file must be a mapping"));
                        continue;
                    }

                    var withIncludes = ApplyIncludes(mapping, workingDirectory, fileChain);
                    var withExtends = ApplyExtends(withIncludes, workingDirectory, path);
                    model = _engine.Merge(model, withExtends, "");
                }
            }

            return model as YamlMapping;
        }

        private YamlFile? Open(string path, YamlNode? reference, ComposeFileRole role, string workingDirectory, ImmutableArray<string> envFiles)
        {
            if (!_loaded.TryGetValue(path, out var file))
            {
                string? failure = null;
                try
                {
                    file = _loadFile(path);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException or System.Security.SecurityException)
                {
                    file = null;
                    failure = e.Message;
                }

                _loaded[path] = file;
                if (file is not null)
                {
                    _diagnostics.AddRange(file.Diagnostics);
                }
                else if (reference is null)
                {
                    _diagnostics.Add(Diagnostic.Create(ComposeDiagnostics.FileNotReadable, Location.None, path, failure ?? "the file does not exist"));
                }
            }

            if (file is null)
            {
                if (reference is not null)
                {
                    Error(reference, $"Cannot find '{path}'");
                }

                return null;
            }

            if (_listed.Add((path, role)))
            {
                _files.Add(new ComposeMergeFile(path, file, role, workingDirectory, envFiles));
            }

            return file;
        }

        // ---- include --------------------------------------------------------------------------

        private YamlMapping ApplyIncludes(YamlMapping document, string workingDirectory, ImmutableArray<string> chain)
        {
            if (document.GetEntry("include") is not { } include)
            {
                return document;
            }

            var result = Without(document, "include");
            switch (include.Value)
            {
                case YamlScalar { IsNull: true }:
                    return result;
                case YamlSequence entries:
                    foreach (var entry in entries.Items)
                    {
                        result = Include(result, entry, workingDirectory, chain);
                    }

                    return result;
                default:
                    Error(include.Value, "'include' must be a list of paths or of mappings with a 'path'");
                    return result;
            }
        }

        private YamlMapping Include(YamlMapping local, YamlNode entry, string workingDirectory, ImmutableArray<string> chain)
        {
            var pathNodes = new List<YamlScalar>();
            YamlScalar? projectNode = null;
            YamlNode? envNode = null;
            switch (entry)
            {
                case YamlScalar { IsNull: false } scalar:
                    pathNodes.Add(scalar);
                    break;
                case YamlMapping mapping:
                    switch (mapping["path"])
                    {
                        case YamlScalar { IsNull: false } scalar:
                            pathNodes.Add(scalar);
                            break;
                        case YamlSequence list:
                            foreach (var item in list.Items)
                            {
                                if (item is YamlScalar { IsNull: false } path)
                                {
                                    pathNodes.Add(path);
                                }
                                else
                                {
                                    Error(item, "An include path must be a string");
                                }
                            }

                            break;
                    }

                    projectNode = mapping["project_directory"] as YamlScalar;
                    envNode = mapping["env_file"];
                    break;
            }

            if (pathNodes.Count == 0)
            {
                Error(entry, "An include entry needs a path: write a path, or a mapping with 'path'");
                return local;
            }

            var files = new List<(string Path, YamlScalar? Reference)>();
            foreach (var node in pathNodes)
            {
                if (Reference(node, "include path", workingDirectory) is not { } full)
                {
                    return local;
                }

                if (chain.Contains(full, s_paths))
                {
                    var cycle = string.Join(" -> ", chain.SkipWhile(p => !s_paths.Equals(p, full)).Append(full).Select(Path.GetFileName));
                    Error(node, $"Include cycle: {cycle}");
                    return local;
                }

                files.Add((full, node));
            }

            var projectDirectory = Folder(files[0].Path);
            if (projectNode is { IsNull: false })
            {
                if (_resolveString(projectNode) is { } project && FullPath(workingDirectory, project) is { } projectPath)
                {
                    projectDirectory = projectPath;
                }
                else
                {
                    Warning(projectNode, $"The include project_directory '{projectNode.Value}' uses variables that are not set; the included file's folder is used");
                }
            }

            var envFiles = ImmutableArray.CreateBuilder<string>();
            IEnumerable<YamlNode> envNodes = envNode switch
            {
                YamlSequence list => list.Items,
                YamlScalar { IsNull: false } one => [one],
                _ => [],
            };
            foreach (var node in envNodes)
            {
                if (node is YamlScalar scalar && _resolveString(scalar) is { } env && env != "/dev/null" && FullPath(workingDirectory, env) is { } envPath)
                {
                    envFiles.Add(envPath);
                }
            }

            // The same include (same files, same project directory) is loaded once.
            var key = string.Join("\n", files.Select(f => f.Path).Prepend(projectDirectory));
            if (!_includes.TryGetValue(key, out var imported))
            {
                imported = LoadModel(files, projectDirectory, chain, ComposeFileRole.Include, envFiles.ToImmutable());
                _includes[key] = imported;
            }

            return imported is null ? local : Import(local, imported, files[0].Path);
        }

        private YamlMapping Import(YamlMapping local, YamlMapping imported, string from)
        {
            var result = local;
            foreach (var kind in s_resourceKinds)
            {
                if (imported.GetEntry(kind) is not { Value: YamlMapping resources } importedEntry || resources.Entries.IsEmpty)
                {
                    continue;
                }

                var localEntry = result.GetEntry(kind);
                var existing = localEntry?.Value as YamlMapping;
                if (localEntry is not null && existing is null && localEntry.Value is not YamlScalar { IsNull: true })
                {
                    continue; // not a mapping: the schema check reports it
                }

                var entries = existing is null ? [] : new List<YamlEntry>(existing.Entries);
                var index = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < entries.Count; i++)
                {
                    index.TryAdd(entries[i].Key.Value, i);
                }

                var removed = false;
                foreach (var resource in resources.Entries)
                {
                    if (!index.TryGetValue(resource.Key.Value, out var at))
                    {
                        index[resource.Key.Value] = entries.Count;
                        entries.Add(resource);
                        continue;
                    }

                    var mine = entries[at];
                    if (ReferenceEquals(mine.Value, resource.Value))
                    {
                        continue; // the same file included twice
                    }

                    if (_options.IncludeConflicts == IncludeConflictMode.Report)
                    {
                        if (!SameValue(resource.Value, _engine.Clean(mine.Value)))
                        {
                            Error(mine.Key, $"{kind}.{resource.Key.Value} conflicts with the one imported from '{from}'");
                        }

                        continue;
                    }

                    // The including file's definition wins; a !reset there removes the resource.
                    var merged = _engine.Merge(resource.Value, mine.Value, MergeRules.Child(kind, resource.Key.Value));
                    entries[at] = mine with { Value = merged ?? s_resetMarker };
                    removed |= merged is null;
                }

                if (removed)
                {
                    entries.RemoveAll(e => ReferenceEquals(e.Value, s_resetMarker));
                }

                var section = existing is null
                    ? new YamlMapping(resources.Source, resources.Span, entries)
                    : new YamlMapping(existing.Source, existing.Span, entries, existing.Tag, existing.Anchor);
                result = With(result, localEntry?.Key ?? importedEntry.Key, section);
            }

            return result;
        }

        // ---- extends --------------------------------------------------------------------------

        private YamlMapping ApplyExtends(YamlMapping document, string workingDirectory, string path)
        {
            if (document.GetEntry("services") is not { Value: YamlMapping services } servicesEntry
                || !services.Entries.Any(e => e.Value is YamlMapping service && service.ContainsKey("extends")))
            {
                return document;
            }

            var scope = new ExtendsScope(services, workingDirectory, path);
            var stack = new List<(ExtendsScope Scope, string Name)>();
            var entries = services.Entries.Select(e => e with { Value = Resolve(scope, e.Key.Value, stack) });
            return With(document, servicesEntry.Key, new YamlMapping(services.Source, services.Span, entries, services.Tag, services.Anchor));
        }

        private YamlNode Resolve(ExtendsScope scope, string name, List<(ExtendsScope Scope, string Name)> stack)
        {
            if (scope.Resolved.TryGetValue(name, out var done))
            {
                return done;
            }

            var node = scope.Services[name]!;
            if (node is not YamlMapping service || service.GetEntry("extends") is not { } extends)
            {
                scope.Resolved[name] = node;
                return node;
            }

            var own = Without(service, "extends");
            YamlNode result = own;
            stack.Add((scope, name));
            if (Target(scope, extends.Value) is { } found)
            {
                var (target, reference, referenceNode) = found;
                if (stack.Any(s => s.Scope == target && s.Name == reference))
                {
                    var cycle = string.Join(" -> ", stack.SkipWhile(s => s.Scope != target || s.Name != reference).Select(s => Describe(s.Scope, s.Name, scope)).Append(Describe(target, reference, scope)));
                    Error(referenceNode, $"Extends cycle: {cycle}");
                }
                else if (stack.Count > _options.MaxExtendsDepth)
                {
                    Error(referenceNode, $"The extends chain is longer than {_options.MaxExtendsDepth} services; '{name}' does not inherit from '{reference}'");
                }
                else
                {
                    var baseService = Resolve(target, reference, stack);
                    result = _engine.Merge(_engine.Clean(baseService), own, MergeRules.Service) ?? own;
                }
            }

            stack.RemoveAt(stack.Count - 1);
            scope.Resolved[name] = result;
            return result;
        }

        private static string Describe(ExtendsScope scope, string name, ExtendsScope from)
            => scope.Path == from.Path ? name : $"{name} ({Path.GetFileName(scope.Path)})";

        // The scope and name of the service an extends value refers to, with the node to report on.
        private (ExtendsScope Scope, string Name, YamlNode Node)? Target(ExtendsScope scope, YamlNode extends)
        {
            YamlScalar? serviceNode;
            YamlNode? fileNode = null;
            switch (extends)
            {
                case YamlScalar { IsNull: false } scalar:
                    serviceNode = scalar;
                    break;
                case YamlMapping mapping:
                    serviceNode = mapping["service"] as YamlScalar;
                    fileNode = mapping["file"];
                    break;
                default:
                    Error(extends, "'extends' must be a service name or a mapping with 'service' (and 'file')");
                    return null;
            }

            if (serviceNode is null or { IsNull: true })
            {
                Error(extends, "'extends' needs the name of a service: add 'service: NAME'");
                return null;
            }

            if (_resolveString(serviceNode) is not { } name)
            {
                Warning(serviceNode, $"The extended service '{serviceNode.Value}' uses variables that are not set; nothing is inherited");
                return null;
            }

            var target = scope;
            switch (fileNode)
            {
                case null or YamlScalar { IsNull: true }:
                    break;
                case YamlScalar file:
                    if (Reference(file, "extends file", scope.WorkingDirectory) is not { } full)
                    {
                        return null;
                    }

                    if (ExtendsFile(full, file) is not { } fileScope)
                    {
                        return null;
                    }

                    target = fileScope;
                    break;
                default:
                    Error(fileNode, "'extends.file' must be a path");
                    return null;
            }

            if (!target.Services.ContainsKey(name))
            {
                var where = target == scope ? "this file" : $"'{target.Path}'";
                Error(serviceNode, $"Cannot extend service '{name}': it is not defined in {where}");
                return null;
            }

            return (target, name, serviceNode);
        }

        // A file named by extends: read without its includes, its documents merged, its own
        // extends resolved against its folder when a service of it is resolved.
        private ExtendsScope? ExtendsFile(string path, YamlScalar reference)
        {
            if (_extendsFiles.TryGetValue(path, out var known))
            {
                if (known is null)
                {
                    Error(reference, $"Cannot find '{path}'");
                }

                return known;
            }

            var folder = Folder(path);
            ExtendsScope? scope = null;
            if (Open(path, reference, ComposeFileRole.Extends, folder, []) is { } file)
            {
                var mappings = file.Documents.OfType<YamlMapping>().ToList();
                var document = mappings.Count switch
                {
                    0 => null,
                    1 => mappings[0],
                    _ => mappings.Aggregate((YamlNode?)null, (model, next) => _engine.Merge(model, next, "")) as YamlMapping,
                };
                var services = document?["services"] as YamlMapping ?? new YamlMapping(file.Source, default, []);
                scope = new ExtendsScope(services, folder, path);
            }

            _extendsFiles[path] = scope;
            return scope;
        }

        // ---- helpers --------------------------------------------------------------------------

        // The absolute path a scalar refers to, or null after a diagnostic.
        private string? Reference(YamlScalar node, string what, string workingDirectory)
        {
            if (_resolveString(node) is not { } text)
            {
                Warning(node, $"The {what} '{node.Value}' uses variables that are not set; it is not loaded");
                return null;
            }

            if (IsRemote(text))
            {
                Warning(node, $"The {what} '{text}' is remote; it is not loaded, so what it defines is not checked");
                return null;
            }

            if (FullPath(workingDirectory, text) is not { } full)
            {
                Error(node, $"The {what} '{text}' is not a valid path");
                return null;
            }

            return full;
        }

        private static bool IsRemote(string path)
        {
            if (path.StartsWith("git@", StringComparison.Ordinal))
            {
                return true;
            }

            var scheme = path.IndexOf("://", StringComparison.Ordinal);
            return scheme > 1 && path[..scheme].All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '-' or '.');
        }

        private static string? FullPath(string folder, string path)
        {
            if (path.Length == 0 || path.Contains('\0', StringComparison.Ordinal))
            {
                return null;
            }

            try
            {
                return Path.GetFullPath(Path.Combine(folder, path));
            }
            catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException or System.Security.SecurityException)
            {
                return null;
            }
        }

        private static string Folder(string path) => Path.GetDirectoryName(path) ?? Path.GetPathRoot(path) ?? "";

        private static YamlMapping Without(YamlMapping mapping, string key)
            => new(mapping.Source, mapping.Span, mapping.Entries.Where(e => e.Key.Value != key), mapping.Tag, mapping.Anchor);

        private static YamlMapping With(YamlMapping mapping, YamlScalar key, YamlNode value)
        {
            var entries = new List<YamlEntry>(mapping.Entries.Length + 1);
            var replaced = false;
            foreach (var entry in mapping.Entries)
            {
                if (entry.Key.Value == key.Value)
                {
                    entries.Add(entry with { Value = value });
                    replaced = true;
                }
                else
                {
                    entries.Add(entry);
                }
            }

            if (!replaced)
            {
                entries.Add(new YamlEntry(key, value));
            }

            return new YamlMapping(mapping.Source, mapping.Span, entries, mapping.Tag, mapping.Anchor);
        }

        private static bool SameValue(YamlNode? a, YamlNode? b) => (a, b) switch
        {
            (null, null) => true,
            (YamlScalar x, YamlScalar y) => x.Value == y.Value,
            (YamlSequence x, YamlSequence y) => x.Items.Length == y.Items.Length && x.Items.Zip(y.Items).All(p => SameValue(p.First, p.Second)),
            (YamlMapping x, YamlMapping y) => x.Entries.Length == y.Entries.Length && x.Entries.All(e => SameValue(e.Value, y[e.Key.Value])),
            _ => false,
        };

        private void Error(YamlNode at, string message)
            => _diagnostics.Add(Diagnostic.Create(ComposeDiagnostics.InvalidReference, at.Location, message));

        private void Warning(YamlNode at, string message)
            => _diagnostics.Add(Diagnostic.Create(ComposeDiagnostics.InvalidReference, at.Location, DiagnosticSeverity.Warning, null, null, message));
    }
}
