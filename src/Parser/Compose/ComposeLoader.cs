using System.Collections.Immutable;
using DockerLint.Parser.Compose.Interpolation;
using DockerLint.Parser.Compose.Merge;
using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Compose.Schema;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Compose;

/// <summary>How a Compose project is loaded.</summary>
public sealed record ComposeLoadOptions
{
    /// <summary>The defaults: no explicit environment, the project's <c>.env</c>, schema validation on.</summary>
    public static ComposeLoadOptions Default { get; } = new();

    /// <summary>
    /// An explicit environment. When given it is taken as complete: a name it lacks (and the env files
    /// lack) is unset, so <c>${X}</c> is empty and <c>${X:?err}</c> an error. When null, variables the
    /// env files do not define are unknown (the linter cannot know the host's environment), except
    /// where the expression supplies a default.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Env files to read instead of the project's <c>.env</c>.</summary>
    public IReadOnlyList<string>? EnvFiles { get; init; }

    /// <summary>The project directory; the first file's folder by default.</summary>
    public string? ProjectDirectory { get; init; }

    /// <summary>Limits of the YAML loader.</summary>
    public YamlLimits Limits { get; init; } = YamlLimits.Default;

    /// <summary>Whether to validate each file against the Compose schema and look for YAML 1.1 traps.</summary>
    public bool ValidateSchema { get; init; } = true;
}

/// <summary>
/// Loads a Compose project the way docker compose does: reads the files (and their includes and
/// extends), validates each file as written against the Compose schema, merges them, and builds
/// the typed model with every value interpolated — or marked unknown — and pointing to the file and
/// span where it was written. Never throws: every problem is a diagnostic (except
/// <see cref="OperationCanceledException"/> once the cancellation token given to <see cref="Load"/> is cancelled).
/// </summary>
public static class ComposeLoader
{
    /// <summary>Loads and merges <paramref name="paths"/> (e.g. compose.yaml then compose.override.yaml).</summary>
    /// <param name="paths">The files, in merge order.</param>
    /// <param name="options">Options.</param>
    /// <param name="readFile">Reads a file's text (absolute path); null when it does not exist. Defaults to the disk.</param>
    /// <param name="cancellationToken">Checked before each file is read, each document validated and each scalar interpolated.</param>
    public static ComposeProject Load(IReadOnlyList<string> paths, ComposeLoadOptions? options = null, Func<string, string?>? readFile = null, CancellationToken cancellationToken = default)
        => new Session(options ?? ComposeLoadOptions.Default, readFile ?? ReadFromDisk, cancellationToken).Load(paths);

    /// <summary>Loads the default files of a folder (compose.yaml or docker-compose.yml and its override); null when there is none.</summary>
    public static ComposeProject? LoadDirectory(string directory, ComposeLoadOptions? options = null)
    {
        var files = ComposeDefaultFiles.Find(directory);
        return files.IsEmpty ? null : Load(files, options);
    }

    /// <summary>True for file names docker compose reads by default or that follow its naming (compose*.y*ml, docker-compose*.y*ml).</summary>
    public static bool IsComposeFileName(string fileName)
    {
        var name = fileName.ToLowerInvariant();
        var yaml = name.EndsWith(".yml", StringComparison.Ordinal) || name.EndsWith(".yaml", StringComparison.Ordinal);
        return yaml && (name.StartsWith("compose", StringComparison.Ordinal) || name.StartsWith("docker-compose", StringComparison.Ordinal));
    }

    private static string? ReadFromDisk(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private sealed class Session(ComposeLoadOptions options, Func<string, string?> readFile, CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, YamlFile?> _files = new(StringComparer.Ordinal);
        private readonly List<Diagnostic> _diagnostics = [];

        public ComposeProject Load(IReadOnlyList<string> paths)
        {
            var absolute = paths.Select(p => Path.GetFullPath(p)).ToList();
            var projectDirectory = options.ProjectDirectory is { } dir
                ? Path.GetFullPath(dir)
                : Path.GetDirectoryName(absolute.FirstOrDefault() ?? Path.GetFullPath(".")) ?? ".";

            var environment = BuildEnvironment(projectDirectory, options.EnvFiles);
            var interpolation = new Interpolator(environment, cancellationToken);
            var merged = ComposeFileSet.Load(
                absolute,
                LoadFile,
                scalar => interpolation.Resolve(scalar).Value,
                new ComposeMergeOptions { ProjectDirectory = projectDirectory });
            _diagnostics.AddRange(merged.Diagnostics);

            // Files of an include are interpolated with that project's own env files.
            foreach (var file in merged.Files.Where(f => f.Role == ComposeFileRole.Include))
            {
                IReadOnlyList<string>? envFiles = file.EnvFiles.IsEmpty ? null : file.EnvFiles;
                interpolation.UseFor(file.Path, BuildEnvironment(file.WorkingDirectory, envFiles));
            }

            if (options.ValidateSchema)
            {
                foreach (var file in merged.Files.Select(f => f.File).Distinct())
                {
                    foreach (var document in file.Documents)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        _diagnostics.AddRange(ComposeSchemaValidator.Validate(document));
                        _diagnostics.AddRange(YamlTraps.Find(document));
                    }
                }
            }

            var root = merged.Root ?? EmptyRoot(absolute.FirstOrDefault() ?? "compose.yaml");
            interpolation.ResolveAll(root);
            _diagnostics.AddRange(interpolation.Diagnostics);
            var diagnostics = _diagnostics
                .Distinct()
                .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToImmutableArray();
            var workingDirectories = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in merged.Files)
            {
                workingDirectories.TryAdd(file.Path, file.WorkingDirectory);
            }

            return ComposeProject.Create(root, interpolation, [.. merged.Files.Select(f => f.File).Distinct()], diagnostics, projectDirectory, workingDirectories, readFile);
        }

        private static YamlMapping EmptyRoot(string path) => new(new YamlSource(path, SourceText.From("")), default, []);

        private YamlFile? LoadFile(string path)
        {
            if (_files.TryGetValue(path, out var cached))
            {
                return cached;
            }

            cancellationToken.ThrowIfCancellationRequested();
            var text = readFile(path);
            var file = text is null ? null : YamlLoader.Load(new YamlSource(path, SourceText.From(text)), options.Limits);
            _files[path] = file;
            return file;
        }

        private ComposeEnvironment BuildEnvironment(string directory, IReadOnlyList<string>? envFiles)
        {
            var builder = new ComposeEnvironmentBuilder();
            if (options.Environment is not null)
            {
                builder.WithEnvironment(options.Environment);
            }

            var files = envFiles?.Select(f => Path.GetFullPath(f, directory)).ToList() ?? [Path.Combine(directory, ".env")];
            foreach (var file in files)
            {
                var text = readFile(file);
                if (text is not null)
                {
                    builder.AddEnvFile(file, text);
                }
                else if (envFiles is not null)
                {
                    var location = Location.Create(file, default, default);
                    _diagnostics.Add(Diagnostic.Create(ComposeDiagnostics.FileNotReadable, location, file, "no such file"));
                }
            }

            var environment = builder.Build();
            _diagnostics.AddRange(environment.Diagnostics);
            return environment;
        }
    }

    /// <summary>Interpolates scalars with the environment of the file they were written in, caching each result.</summary>
    private sealed class Interpolator(ComposeEnvironment environment, CancellationToken cancellationToken) : IComposeInterpolation
    {
        private static readonly ComposeVariableMap s_noVariables = new();

        private readonly Dictionary<YamlScalar, ComposeString> _cache = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<string, ComposeEnvironment> _byFile = new(StringComparer.Ordinal);
        private readonly List<Diagnostic> _diagnostics = [];

        public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

        public void UseFor(string path, ComposeEnvironment fileEnvironment) => _byFile[path] = fileEnvironment;

        public ComposeString Resolve(YamlScalar scalar)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_cache.TryGetValue(scalar, out var cached))
            {
                return cached;
            }

            // Text without a '$' is its own value (what interpolating it would give, with no variable, no
            // error and no unknown part), so it is not run through the interpolator.
            if (!scalar.Value.Contains('$', StringComparison.Ordinal))
            {
                var literal = ComposeString.Literal(scalar, scalar.Value);
                _cache[scalar] = literal;
                return literal;
            }

            var variables = _byFile.GetValueOrDefault(scalar.Source.Path, environment);
            var result = ComposeInterpolator.Interpolate(scalar.Value, variables);
            if (result.Error is { } error)
            {
                var descriptor = error.Kind == ComposeInterpolationErrorKind.RequiredVariableMissing
                    ? ComposeDiagnostics.RequiredVariableMissing
                    : ComposeDiagnostics.InvalidInterpolation;
                var written = ComposeString.Literal(scalar, scalar.Value);
                var span = written.GetSpan(error.Span.Start, error.Span.Length);
                _diagnostics.Add(Diagnostic.Create(descriptor, scalar.Source.GetLocation(span), error.Message));
            }

            var segments = result.IsKnown
                ? default
                : result.Segments.Select(s => new ComposeSegment(s.Text, s.IsUnknown)).ToImmutableArray();
            var value = new ComposeString(scalar, scalar.Value, result.Value, segments, OriginOf(scalar, result));
            _cache[scalar] = value;
            return value;
        }

        /// <summary>
        /// Written when no variable is involved; Default when interpolating with no variables at all
        /// gives the same value (only defaults written in the file applied); else the environment's.
        /// </summary>
        private static ComposeValueOrigin OriginOf(YamlScalar scalar, ComposeInterpolation result)
        {
            if (result.Variables.Count == 0)
            {
                return ComposeValueOrigin.Written;
            }

            // An unknown value cannot equal what the defaults alone give.
            if (result.Value is null)
            {
                return ComposeValueOrigin.Environment;
            }

            var bare = ComposeInterpolator.Interpolate(scalar.Value, s_noVariables);
            return bare.Value is { } text && text == result.Value ? ComposeValueOrigin.Default : ComposeValueOrigin.Environment;
        }

        /// <summary>Interpolates every value of the tree once (keys are not interpolated), so every error is reported.</summary>
        public void ResolveAll(YamlNode root)
        {
            var seen = new HashSet<YamlNode>(ReferenceEqualityComparer.Instance);
            var stack = new Stack<YamlNode>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var node = stack.Pop();

                // A scalar met again (through an alias) is answered from the cache; only mappings
                // and lists need remembering, so their contents are walked once.
                if (node is not YamlScalar && !seen.Add(node))
                {
                    continue;
                }

                switch (node)
                {
                    // Only text with a '$' can fail to interpolate; other values are made when asked for.
                    case YamlScalar scalar when scalar.Value.Contains('$', StringComparison.Ordinal):
                        Resolve(scalar);
                        break;
                    case YamlScalar:
                        cancellationToken.ThrowIfCancellationRequested();
                        break;
                    case YamlMapping mapping:
                        foreach (var entry in mapping.Entries)
                        {
                            // x- extensions are not interpolated by docker compose.
                            if (!ReferenceEquals(node, root) || !entry.Key.Value.StartsWith("x-", StringComparison.Ordinal))
                            {
                                stack.Push(entry.Value);
                            }
                        }

                        break;
                    case YamlSequence sequence:
                        foreach (var item in sequence.Items)
                        {
                            stack.Push(item);
                        }

                        break;
                }
            }
        }
    }
}
