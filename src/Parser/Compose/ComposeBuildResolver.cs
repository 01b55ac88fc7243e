using System.Collections.Concurrent;
using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Compose.Yaml;
using DockerLint.Parser.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Compose;

/// <summary>Where the Dockerfile a service builds comes from.</summary>
public enum ServiceBuildKind
{
    /// <summary>A file in a local build context.</summary>
    File,

    /// <summary><c>build.dockerfile_inline</c>: the Dockerfile is written in the Compose file.</summary>
    Inline,

    /// <summary>A remote context (a git repository, an <c>https://</c> tarball): not read.</summary>
    Remote,

    /// <summary>The context or Dockerfile path depends on a variable whose value is unknown, or no file access was given.</summary>
    Unknown,
}

/// <summary>
/// The build of one service resolved against the file system: its context folder, its Dockerfile
/// (path and parsed model) and whether they exist. Paths are absolute. A model is only there when the
/// Dockerfile could be read (or was inline).
/// </summary>
public sealed class ServiceBuild
{
    private readonly InlineSpanMap? _inlineMap;

    internal ServiceBuild(
        ComposeService service,
        ComposeBuild build,
        ServiceBuildKind kind,
        string? contextDirectory,
        bool contextExists,
        string? dockerfilePath,
        DockerfileModel? dockerfile,
        InlineSpanMap? inlineMap = null)
    {
        Service = service;
        Build = build;
        Kind = kind;
        ContextDirectory = contextDirectory;
        ContextExists = contextExists;
        DockerfilePath = dockerfilePath;
        Dockerfile = dockerfile;
        _inlineMap = inlineMap;
    }

    /// <summary>The service.</summary>
    public ComposeService Service { get; }

    /// <summary>Its <c>build:</c>.</summary>
    public ComposeBuild Build { get; }

    /// <summary>Where the Dockerfile comes from.</summary>
    public ServiceBuildKind Kind { get; }

    /// <summary>
    /// The build context folder (absolute) for a local context, also for an inline Dockerfile; null for a
    /// remote or unknown one. This is the context COPY and ADD read from, and whose <c>.dockerignore</c> applies.
    /// </summary>
    public string? ContextDirectory { get; }

    /// <summary>True when the context folder exists (false when it is null).</summary>
    public bool ContextExists { get; }

    /// <summary>The Dockerfile's absolute path (<see cref="ServiceBuildKind.File"/> only; also set when the file does not exist).</summary>
    public string? DockerfilePath { get; }

    /// <summary>The parsed Dockerfile; null when it could not be read or is not known.</summary>
    public DockerfileModel? Dockerfile { get; }

    /// <summary>True for a local Dockerfile path that could not be read.</summary>
    public bool DockerfileMissing => Kind == ServiceBuildKind.File && ContextExists && Dockerfile is null;

    /// <summary>
    /// The stage the build produces: <c>build.target</c> when it names a stage, else the last stage;
    /// null when there is no model, the target is unknown, or it names no stage.
    /// </summary>
    public Stage? TargetStage
    {
        get
        {
            if (Dockerfile is null)
            {
                return null;
            }

            if (Build.Target is not { } target)
            {
                return Dockerfile.FinalStage;
            }

            return target.Value is { } name ? Dockerfile.FindStage(name) : null;
        }
    }

    /// <summary>
    /// Where a span of the Dockerfile is: in its own file, or, for an inline Dockerfile, in the Compose
    /// file at the place that text is written (the whole <c>dockerfile_inline</c> value when the
    /// exact place cannot be known: a quoted or folded scalar, or one changed by interpolation).
    /// </summary>
    public Location LocationOf(TextSpan span)
    {
        if (_inlineMap is { } map)
        {
            return map.Map(span);
        }

        return Dockerfile is { } model
            ? Location.Create(model.Tree.FilePath, span, model.Tree.Text.Lines.GetLinePositionSpan(span))
            : Location.None;
    }

    /// <summary>Moves a diagnostic of an inline Dockerfile to the Compose file; other diagnostics are returned as they are.</summary>
    public Diagnostic Relocate(Diagnostic diagnostic)
    {
        if (_inlineMap is null || diagnostic.Location.Kind == LocationKind.None)
        {
            return diagnostic;
        }

        var d = diagnostic.Descriptor;
        var descriptor = new DiagnosticDescriptor(d.Id, d.Title, "{0}", d.Category, d.DefaultSeverity, d.IsEnabledByDefault, d.Description, d.HelpLinkUri, [.. d.CustomTags]);
        return Diagnostic.Create(descriptor, _inlineMap.Map(diagnostic.Location.SourceSpan), diagnostic.Severity, null, null, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}

/// <summary>
/// Resolves the <c>build:</c> of Compose services to the Dockerfiles they build, through a file
/// access the caller gives (the CLI passes the disk, tests an in-memory folder). The context is
/// relative to the working directory of the file it is written in (see
/// <see cref="ComposeProject.WorkingDirectoryOf"/>), <c>dockerfile</c> relative to the context;
/// <c>dockerfile_inline</c> is parsed like a file; remote contexts are not read. Each Dockerfile is
/// read and parsed once per resolver, however many services build it. Thread-safe.
/// </summary>
public sealed class ComposeBuildResolver
{
    private readonly Func<string, string?>? _readFile;
    private readonly Func<string, bool>? _directoryExists;
    private readonly ConcurrentDictionary<string, DockerfileModel?> _models = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<YamlNode, DockerfileModel> _inline = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates a resolver over a file access.</summary>
    /// <param name="readFile">Reads a file's text (absolute path); null when it does not exist or cannot be read.</param>
    /// <param name="directoryExists">True when the folder (absolute path) exists.</param>
    public ComposeBuildResolver(Func<string, string?> readFile, Func<string, bool> directoryExists)
    {
        _readFile = readFile;
        _directoryExists = directoryExists;
    }

    private ComposeBuildResolver()
    {
    }

    /// <summary>A resolver that reads no file: local builds are <see cref="ServiceBuildKind.Unknown"/>; inline Dockerfiles are still parsed.</summary>
    public static ComposeBuildResolver None { get; } = new();

    /// <summary>A resolver over the disk.</summary>
    public static ComposeBuildResolver Disk() => new(ReadFromDisk, Directory.Exists);

    /// <summary>The build of <paramref name="service"/>; null when it has no <c>build:</c>.</summary>
    public ServiceBuild? Resolve(ComposeProject project, ComposeService service)
    {
        if (service.Build is not { } build)
        {
            return null;
        }

        var contextText = build.Context is { IsNull: false } context ? context.Value : ".";
        var contextNode = build.Context?.Node ?? build.BuildNode;
        string? contextDirectory = null;
        var remote = false;
        if (contextText is not null)
        {
            remote = IsRemote(contextText);
            if (!remote)
            {
                contextDirectory = FullPath(project.WorkingDirectoryOf(contextNode.Source), contextText);
            }
        }

        if (build.DockerfileInline is { IsNull: false } inline)
        {
            var model = inline.Value is null ? null : _inline.GetOrAdd(inline.Node, _ => DockerfileModel.Parse(inline.Value, inline.Node.Source.Path));
            // Without file access the context of an inline Dockerfile is as unknown as any other.
            var directory = _directoryExists is null ? null : contextDirectory;
            var exists = directory is not null && _directoryExists!(directory);
            return new ServiceBuild(service, build, model is null ? ServiceBuildKind.Unknown : ServiceBuildKind.Inline, directory, exists, null, model, model is null ? null : new InlineSpanMap(inline, model));
        }

        if (remote)
        {
            return new ServiceBuild(service, build, ServiceBuildKind.Remote, null, false, null, null);
        }

        if (contextDirectory is null || _readFile is null || _directoryExists is null)
        {
            return new ServiceBuild(service, build, ServiceBuildKind.Unknown, contextDirectory, false, null, null);
        }

        if (!_directoryExists(contextDirectory))
        {
            return new ServiceBuild(service, build, ServiceBuildKind.File, contextDirectory, false, null, null);
        }

        if (build.Dockerfile is { IsNull: false } dockerfile)
        {
            if (dockerfile.Value is not { } name || FullPath(contextDirectory, name) is not { } path)
            {
                return new ServiceBuild(service, build, ServiceBuildKind.Unknown, contextDirectory, true, null, null);
            }

            return new ServiceBuild(service, build, ServiceBuildKind.File, contextDirectory, true, path, Read(path));
        }

        // BuildKit's default name, and the lower-case name it also accepts.
        var standard = Path.Combine(contextDirectory, "Dockerfile");
        if (Read(standard) is { } found)
        {
            return new ServiceBuild(service, build, ServiceBuildKind.File, contextDirectory, true, standard, found);
        }

        var lower = Path.Combine(contextDirectory, "dockerfile");
        return Read(lower) is { } lowerCase
            ? new ServiceBuild(service, build, ServiceBuildKind.File, contextDirectory, true, lower, lowerCase)
            : new ServiceBuild(service, build, ServiceBuildKind.File, contextDirectory, true, standard, null);
    }

    /// <summary>True for a context docker compose fetches: a git repository or an URL.</summary>
    public static bool IsRemote(string context)
        => context.Contains("://", StringComparison.Ordinal)
            || context.StartsWith("git@", StringComparison.Ordinal)
            || context.StartsWith("github.com/", StringComparison.Ordinal);

    private DockerfileModel? Read(string path)
        => _models.GetOrAdd(path, p => _readFile!(p) is { } text ? DockerfileModel.Parse(text, p) : null);

    private static string? FullPath(string directory, string path)
    {
        try
        {
            var expanded = path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.Length > 2 ? path[2..] : "")
                : path;
            return Path.TrimEndingDirectorySeparator(Path.GetFullPath(expanded, directory));
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
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
}

/// <summary>
/// Maps spans of an inline Dockerfile back to the Compose file. Exact for a literal block scalar
/// (<c>dockerfile_inline: |</c>) whose text interpolation left unchanged: each line of the Dockerfile
/// is a line of the scalar, shifted by the block's indentation. Anything else maps to the whole value.
/// </summary>
internal sealed class InlineSpanMap
{
    private readonly ComposeString _value;
    private readonly SourceText _inlineText;
    private readonly int[]? _lineStarts;

    public InlineSpanMap(ComposeString value, DockerfileModel model)
    {
        _value = value;
        _inlineText = model.Tree.Text;
        _lineStarts = BuildLineStarts(value, _inlineText);
    }

    public Location Map(TextSpan span)
    {
        var source = _value.Node.Source;
        if (_lineStarts is null || span.End > _inlineText.Length)
        {
            return source.GetLocation(_value.Node.Span);
        }

        var start = MapPosition(span.Start);
        var end = Math.Max(start, MapPosition(span.End));
        return source.GetLocation(TextSpan.FromBounds(start, end));
    }

    private int MapPosition(int position)
    {
        var line = _inlineText.Lines.GetLinePosition(position);
        return _lineStarts![Math.Min(line.Line, _lineStarts.Length - 1)] + line.Character;
    }

    private static int[]? BuildLineStarts(ComposeString value, SourceText inline)
    {
        if (value.Node is not YamlScalar { Style: YamlScalarStyle.Literal } scalar || value.Value != scalar.Value)
        {
            return null;
        }

        var text = scalar.Source.Text;
        var lines = text.Lines;
        var header = lines.GetLineFromPosition(scalar.Span.Start).LineNumber;
        var starts = new int[inline.Lines.Count];
        var indent = -1;
        for (var i = 0; i < inline.Lines.Count; i++)
        {
            var sourceLineNumber = header + 1 + i;
            var expected = inline.Lines[i].ToString();
            if (sourceLineNumber >= lines.Count)
            {
                // The trailing empty line after the last newline of the value.
                if (expected.Length == 0 && i > 0)
                {
                    starts[i] = lines[^1].End;
                    continue;
                }

                return null;
            }

            var sourceLine = lines[sourceLineNumber];
            var sourceText = sourceLine.ToString();
            if (expected.Length == 0)
            {
                starts[i] = sourceLine.Start + Math.Min(Math.Max(indent, 0), sourceText.Length);
                continue;
            }

            if (indent < 0)
            {
                indent = sourceText.Length - sourceText.TrimStart(' ').Length;
            }

            if (sourceText.Length < indent || sourceText[indent..] != expected)
            {
                return null;
            }

            starts[i] = sourceLine.Start + indent;
        }

        return starts;
    }
}
