using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using DockerLint.Parser.Model;
using DockerLint.Rules.Configuration;
using DockerLint.Rules.Engine;

namespace DockerLint.Cli.Caching;

/// <summary>
/// The incremental cache: one entry per work item (a Dockerfile, or a Compose project), named by a
/// hash of the tool (version and the build of its assemblies), the rules, the run's options and the
/// item's files. An entry lists every input the analysis read or looked for, with the hash of its
/// bytes, and the fingerprint of the configuration of those files; it is used only when all of them
/// are unchanged, so a hit is the result a fresh analysis would give. Entries are written atomically;
/// an unreadable, corrupt or foreign entry is a miss, and a failure to write is ignored (the cache
/// is an optimisation, never a reason to fail a run).
/// </summary>
internal sealed class ResultCache
{
    private readonly string _directory;
    private readonly string _run;
    private readonly Func<string, byte[]> _readFile;
    private readonly ConfigurationResolver? _configuration;
    private readonly ConcurrentDictionary<string, string> _configurationFiles = new(StringComparer.Ordinal);

    private ResultCache(string directory, string run, Func<string, byte[]> readFile, ConfigurationResolver? configuration)
    {
        _directory = directory;
        _run = run;
        _readFile = readFile;
        _configuration = configuration;
    }

    /// <summary>The folder under the user's cache folder used when no <c>--cache-dir</c> is given.</summary>
    public const string FolderName = "dockerlint";

    /// <summary>
    /// The default cache folder: <c>$XDG_CACHE_HOME/dockerlint</c>, else <c>~/.cache/dockerlint</c>
    /// (<c>%LOCALAPPDATA%\dockerlint</c> on Windows); null when none of those is known.
    /// </summary>
    public static string? DefaultDirectory(Func<string, string?> variable)
    {
        if (variable("XDG_CACHE_HOME") is { Length: > 0 } xdg && Path.IsPathRooted(xdg))
        {
            return Path.Combine(xdg, FolderName);
        }

        if (OperatingSystem.IsWindows())
        {
            return variable("LOCALAPPDATA") is { Length: > 0 } local ? Path.Combine(local, FolderName) : null;
        }

        return variable("HOME") is { Length: > 0 } home && Path.IsPathRooted(home) ? Path.Combine(home, ".cache", FolderName) : null;
    }

    /// <summary>
    /// Opens (creating when needed) the cache in <paramref name="directory"/>; null, with the reason in
    /// <paramref name="failure"/>, when the folder cannot be created.
    /// </summary>
    public static ResultCache? Open(string directory, AnalysisOptions options, IEnumerable<Rule> rules, Func<string, byte[]> readFile, out string? failure)
    {
        failure = null;
        try
        {
            Directory.CreateDirectory(directory);

            // Never committed, never backed up: the folder marks itself (https://bford.info/cachedir/).
            WriteOnce(Path.Combine(directory, ".gitignore"), "# Written by DockerLint: this folder is its cache.\n*\n");
            WriteOnce(Path.Combine(directory, "CACHEDIR.TAG"), "Signature: 8a477f597d28d172789f06886806bc55\n# This folder is DockerLint's cache (dockerlint --cache-dir).\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            failure = $"cannot use the cache folder {directory}: {e.Message}; running without the cache";
            return null;
        }

        return new ResultCache(directory, RunFingerprint(options, rules), readFile, options.Configuration);
    }

    /// <summary>The cached result of <paramref name="item"/> when every input is unchanged; null otherwise.</summary>
    public CachedItem? TryGet(WorkItem item)
    {
        var key = Key(item);
        try
        {
            var path = EntryPath(key);
            if (!File.Exists(path))
            {
                return null;
            }

            var (storedKey, inputs, configuration, cached) = CacheEntryFormat.Read(File.ReadAllBytes(path));
            if (storedKey != key || inputs.Count == 0 || !inputs.All(Unchanged) || configuration != ConfigurationFingerprint(inputs))
            {
                return null;
            }

            return cached;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or EndOfStreamException or FormatException or ArgumentException)
        {
            // Corrupt, truncated, foreign or unreadable: a miss.
            return null;
        }
    }

    /// <summary>Stores <paramref name="item"/>'s result, read from <paramref name="recorder"/>'s inputs.</summary>
    public void Store(WorkItem workItem, InputRecorder recorder, CachedItem item)
    {
        var inputs = recorder.Inputs;
        if (!recorder.Cacheable || inputs.Count == 0)
        {
            return;
        }

        var key = Key(workItem);
        try
        {
            // A concurrent run writing the same entry is harmless: each rename replaces the file whole.
            var path = EntryPath(key);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.WriteBytes(path, CacheEntryFormat.Write(key, inputs, ConfigurationFingerprint(inputs), item));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort, as AtomicFile itself reports other failures without throwing.
        }
    }

    private string EntryPath(string key) => Path.Combine(_directory, key[..2], key + ".bin");

    private string Key(WorkItem item)
    {
        var text = new StringBuilder(_run).Append('\n').Append(item.Kind).Append('\n').Append(item.BuildContext).Append('\n');
        foreach (var file in item.Files)
        {
            text.Append(file.Path).Append('\0').Append(file.Kind).Append('\n');
        }

        return InputRecorder.Hash(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private bool Unchanged(CacheInput input)
    {
        if (input.IsDirectory)
        {
            return Directory.Exists(input.Path) == (input.Hash is not null);
        }

        if (!File.Exists(input.Path))
        {
            return input.Hash is null;
        }

        // Same device, inode, size, modification and status-change times as when it was read: not read again.
        if (input.Stamp is not null && input.Hash is not null && FileTypes.Stamp(input.Path) == input.Stamp)
        {
            return true;
        }

        // A pipe or a device is never opened (reading it could block); it was never a cached input.
        return input.Hash is not null && FileTypes.IsRegularFile(input.Path) && InputRecorder.Hash(_readFile(input.Path)) == input.Hash;
    }

    /// <summary>
    /// The configuration of every file the item read: for each, the configuration files that apply
    /// to it (nearest first) and the content of each. Any edit, addition or removal of a
    /// <c>.dockerlint.yaml</c>, <c>.editorconfig</c> or <c>.hadolint.yaml</c> that concerns the item changes it.
    /// </summary>
    private string ConfigurationFingerprint(IReadOnlyList<CacheInput> inputs)
    {
        if (_configuration is null)
        {
            return "";
        }

        var text = new StringBuilder();
        foreach (var input in inputs.Where(i => !i.IsDirectory && i.Hash is not null))
        {
            text.Append(input.Path);
            foreach (var source in _configuration.For(input.Path).Sources)
            {
                text.Append('\0').Append(source).Append('=').Append(_configurationFiles.GetOrAdd(source, ConfigurationFileHash));
            }

            text.Append('\n');
        }

        return InputRecorder.Hash(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private string ConfigurationFileHash(string path)
    {
        try
        {
            return File.Exists(path) && FileTypes.IsRegularFile(path) ? InputRecorder.Hash(_readFile(path)) : "absent";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unreadable:" + Guid.NewGuid(); // never equal to a stored fingerprint
        }
    }

    /// <summary>
    /// The tool and the run's options: the informational version, the build of each assembly (the
    /// module version ID changes with any change of code, so a development build with a changed rule
    /// never reuses entries), the rules and the options that change findings.
    /// </summary>
    private static string RunFingerprint(AnalysisOptions options, IEnumerable<Rule> rules)
    {
        var text = new StringBuilder();
        text.Append(typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion).Append('\n');
        foreach (var assembly in new[] { typeof(ResultCache).Assembly, typeof(Rule).Assembly, typeof(DockerfileModel).Assembly, typeof(YamlDotNet.RepresentationModel.YamlNode).Assembly })
        {
            text.Append(assembly.GetName().Name).Append(' ').Append(assembly.ManifestModule.ModuleVersionId).Append('\n');
        }

        foreach (var rule in rules.OrderBy(r => r.Id, StringComparer.Ordinal))
        {
            text.Append(rule.Id).Append(' ').Append(rule.GetType().FullName).Append('\n');
        }

        text.Append("preview=").Append(options.Preview)
            .Append(" max-file-size=").Append(options.MaxFileSize)
            .Append(" inline-suppressions=").Append(options.InlineSuppressions)
            .Append(" context=").Append(options.BuildContext)
            .Append(" configured=").Append(options.Configuration is not null);
        return InputRecorder.Hash(Encoding.UTF8.GetBytes(text.ToString()));
    }

    private static void WriteOnce(string path, string content)
    {
        if (!File.Exists(path))
        {
            AtomicFile.Write(path, writer => writer.Write(content));
        }
    }
}
