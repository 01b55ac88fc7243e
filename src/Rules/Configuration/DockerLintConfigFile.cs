using System.Collections.Immutable;
using System.Globalization;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Configuration;

/// <summary>
/// A <c>.dockerlint.yaml</c> (or <c>.dockerlint.yml</c>, or the file given with <c>--config</c>):
/// what .editorconfig cannot say — rule options, preview rules, the fail level, limits, and settings
/// per path. Read with DockerLint's own YAML loader so that every problem has a line: an unknown key
/// or a bad value is a DF0090/DF0091 diagnostic, and the rest of the file still applies.
/// See docs/configuration.md for the format and docs/dockerlint-config.schema.json for its schema.
/// </summary>
public sealed class DockerLintConfigFile
{
    /// <summary>The names DockerLint looks for, in order of preference within one folder.</summary>
    public static ImmutableArray<string> FileNames { get; } = [".dockerlint.yaml", ".dockerlint.yml"];

    private static readonly ImmutableHashSet<string> s_topKeys = ["root", "preview", "fail-level", "enable", "disable", "severity", "options", "overrides", "limits"];
    private static readonly ImmutableHashSet<string> s_overrideKeys = ["files", "preview", "enable", "disable", "severity", "options"];
    private static readonly ImmutableHashSet<string> s_limitKeys = ["max-file-size", "yaml-max-depth", "yaml-max-nodes"];

    private DockerLintConfigFile(string path)
    {
        Path = path;
    }

    /// <summary>The file's absolute path.</summary>
    public string Path { get; }

    /// <summary>The folder the file's patterns are relative to.</summary>
    public string Directory => System.IO.Path.GetDirectoryName(Path) ?? "";

    /// <summary><c>root: true</c>: files in parent folders are not read.</summary>
    public bool Root { get; private set; }

    /// <summary>The top level, then each override in file order (later entries win).</summary>
    public ImmutableArray<ConfigBlock> Blocks { get; private set; } = [];

    /// <summary><c>fail-level</c>.</summary>
    public ConfiguredValue<string>? FailLevel { get; private set; }

    /// <summary><c>limits</c>.</summary>
    public ConfiguredLimits Limits { get; private set; } = new();

    /// <summary>What is wrong with the file (DF0090, DF0091).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; private set; } = [];

    /// <summary>Reads a configuration file's text.</summary>
    public static DockerLintConfigFile Parse(string text, string path, RuleIds ids)
    {
        var file = new DockerLintConfigFile(path);
        var reader = new Reader(file, ids);
        reader.Read(YamlLoader.Load(text, path));
        return file;
    }

    /// <summary>The blocks that apply to <paramref name="path"/>, most specific first (the last override that matches first, the top level last).</summary>
    public IEnumerable<ConfigBlock> BlocksFor(string path) => Blocks.Where(b => b.AppliesTo(path)).Reverse();

    private sealed class Reader(DockerLintConfigFile file, RuleIds ids)
    {
        private readonly List<Diagnostic> _diagnostics = [];

        public void Read(YamlFile yaml)
        {
            foreach (var d in yaml.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                _diagnostics.Add(Diagnostic.Create(ConfigurationDiagnostics.InvalidConfiguration, d.Location, d.GetMessage(CultureInfo.InvariantCulture)));
            }

            var blocks = new List<ConfigBlock>();
            if (yaml.Root is YamlMapping root)
            {
                blocks.Add(ReadBlock(root, [], s_topKeys));
                foreach (var entry in root.Entries)
                {
                    switch (entry.Key.Value)
                    {
                        case "root":
                            file.Root = Bool(entry.Value) ?? false;
                            break;
                        case "fail-level":
                            if (Scalar(entry.Value) is { } level)
                            {
                                if (level.Value is "error" or "warning" or "note" or "none")
                                {
                                    file.FailLevel = new(level.Value, Source(level));
                                }
                                else
                                {
                                    Error(level, $"fail-level: '{level.Value}' is not one of error, warning, note, none");
                                }
                            }

                            break;
                        case "limits":
                            file.Limits = ReadLimits(entry.Value);
                            break;
                        case "overrides":
                            if (entry.Value is YamlSequence overrides)
                            {
                                blocks.AddRange(overrides.Items.Select(ReadOverride).OfType<ConfigBlock>());
                            }
                            else if (!IsNull(entry.Value))
                            {
                                Error(entry.Value, "overrides: expected a list of entries, each with 'files:'");
                            }

                            break;
                    }
                }
            }
            else if (yaml.Root is { } other && !IsNull(other))
            {
                Error(other, "the configuration must be a mapping of keys (root, preview, enable, disable, severity, options, overrides, limits, fail-level)");
            }

            file.Blocks = [.. blocks];
            file.Diagnostics = [.. _diagnostics];
        }

        private ConfigBlock? ReadOverride(YamlNode node)
        {
            if (node is not YamlMapping mapping)
            {
                Error(node, "overrides: each entry must be a mapping with 'files:' and settings");
                return null;
            }

            var globs = new List<PathGlob>();
            if (mapping.GetEntry("files") is not { } files)
            {
                Error(mapping, "overrides: an entry needs 'files:', the paths it applies to");
                return null;
            }

            foreach (var pattern in Strings(files.Value, "files"))
            {
                if (PathGlob.Create(pattern.Value, file.Directory, out var error) is { } glob)
                {
                    globs.Add(glob);
                }
                else
                {
                    Error(pattern, $"files: '{pattern.Value}' is not a valid pattern: {error}");
                }
            }

            return globs.Count == 0 ? null : ReadBlock(mapping, [.. globs], s_overrideKeys);
        }

        private ConfigBlock ReadBlock(YamlMapping mapping, ImmutableArray<PathGlob> files, ImmutableHashSet<string> keys)
        {
            var rules = ImmutableDictionary.CreateBuilder<string, RuleSetting>(StringComparer.Ordinal);
            var options = ImmutableDictionary.CreateBuilder<string, ConfiguredOption>(StringComparer.OrdinalIgnoreCase);
            ConfiguredValue<bool>? preview = null;
            foreach (var entry in mapping.Entries)
            {
                if (!keys.Contains(entry.Key.Value))
                {
                    var known = string.Join(", ", keys.Order(StringComparer.Ordinal));
                    Error(entry.Key, $"unknown key '{entry.Key.Value}' (expected one of: {known})");
                }
            }

            // enable, then disable, then severity: a rule in several of them gets the last one's word.
            foreach (var (key, kind) in new[] { ("enable", RuleSettingKind.On), ("disable", RuleSettingKind.Off) })
            {
                if (mapping.GetEntry(key) is { } entry)
                {
                    foreach (var name in Strings(entry.Value, key))
                    {
                        foreach (var id in Rules(name))
                        {
                            rules[id] = new RuleSetting(kind, DiagnosticSeverity.Hidden, Source(name));
                        }
                    }
                }
            }

            if (mapping["severity"] is { } severity)
            {
                if (severity is YamlMapping severities)
                {
                    foreach (var entry in severities.Entries)
                    {
                        if (Scalar(entry.Value) is not { } value)
                        {
                            continue;
                        }

                        if (RuleSetting.Parse(value.Value, Source(entry.Key)) is not { } setting)
                        {
                            Error(value, $"severity: '{value.Value}' is not a severity (none, silent, suggestion, warning, error, default)");
                            continue;
                        }

                        foreach (var id in Rules(entry.Key))
                        {
                            rules[id] = setting;
                        }
                    }
                }
                else if (!IsNull(severity))
                {
                    Error(severity, "severity: expected a mapping of rule ID to severity, e.g. { DF3001: error }");
                }
            }

            if (mapping["options"] is { } optionsNode)
            {
                if (optionsNode is YamlMapping optionsMapping)
                {
                    foreach (var entry in optionsMapping.Entries)
                    {
                        if (ReadOption(entry) is { } option)
                        {
                            options[entry.Key.Value] = option;
                        }
                    }
                }
                else if (!IsNull(optionsNode))
                {
                    Error(optionsNode, "options: expected a mapping of option names to values");
                }
            }

            if (mapping["preview"] is { } previewNode && Bool(previewNode) is { } runPreview)
            {
                preview = new(runPreview, Source(previewNode));
            }

            return new ConfigBlock(files, rules.ToImmutable(), options.ToImmutable(), preview);
        }

        private ConfiguredOption? ReadOption(YamlEntry entry)
        {
            var name = entry.Key.Value;
            if (!ConfigurationOptions.IsKnown(name))
            {
                Error(entry.Key, $"options: unknown option '{name}' (expected one of: {string.Join(", ", ConfigurationOptions.Names)})");
                return null;
            }

            var values = new List<(string Value, YamlNode Node)>();
            switch (entry.Value)
            {
                case YamlScalar scalar when !scalar.IsNull:
                    values.Add((scalar.Value, scalar));
                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        if (item is YamlScalar { IsNull: false } s)
                        {
                            values.Add((s.Value, s));
                        }
                        else
                        {
                            Error(item, $"options: {name}: expected a list of values");
                        }
                    }

                    break;
                case YamlMapping map:
                    foreach (var item in map.Entries)
                    {
                        if (item.Value is YamlScalar s)
                        {
                            values.Add((s.IsNull ? item.Key.Value : $"{item.Key.Value}:{s.Value}", item.Key));
                        }
                        else
                        {
                            Error(item.Value, $"options: {name}: expected a value for '{item.Key.Value}'");
                        }
                    }

                    break;
                default:
                    Error(entry.Value, $"options: {name}: expected a value or a list of values");
                    return null;
            }

            if (ConfigurationOptions.IsSingle(name) && values.Count != 1)
            {
                Error(entry.Value, $"options: {name}: expected a single value");
                return null;
            }

            var valid = new List<string>();
            foreach (var (value, node) in values)
            {
                if (ConfigurationOptions.Validate(name, value) is { } error)
                {
                    Error(node, $"options: {name}: {error}");
                }
                else
                {
                    valid.Add(value);
                }
            }

            return new ConfiguredOption([.. valid], Source(entry.Key));
        }

        private ConfiguredLimits ReadLimits(YamlNode node)
        {
            var limits = new ConfiguredLimits();
            if (node is not YamlMapping mapping)
            {
                if (!IsNull(node))
                {
                    Error(node, "limits: expected a mapping (max-file-size, yaml-max-depth, yaml-max-nodes)");
                }

                return limits;
            }

            foreach (var entry in mapping.Entries)
            {
                if (!s_limitKeys.Contains(entry.Key.Value))
                {
                    Error(entry.Key, $"limits: unknown key '{entry.Key.Value}' (expected one of: {string.Join(", ", s_limitKeys.Order(StringComparer.Ordinal))})");
                    continue;
                }

                if (Scalar(entry.Value) is not { } value)
                {
                    continue;
                }

                var number = ParseSize(value.Value);
                if (number is null || (entry.Key.Value == "yaml-max-depth" && number > int.MaxValue))
                {
                    Error(value, $"limits: {entry.Key.Value}: '{value.Value}' is not a positive number{(entry.Key.Value == "max-file-size" ? " of bytes (a KiB, MiB or GiB suffix multiplies by 1024s)" : "")}");
                    continue;
                }

                limits = entry.Key.Value switch
                {
                    "max-file-size" => limits with { MaxFileSize = new(number.Value, Source(value)) },
                    "yaml-max-depth" => limits with { YamlMaxDepth = new((int)number.Value, Source(value)) },
                    _ => limits with { YamlMaxNodes = new(number.Value, Source(value)) },
                };
            }

            return limits;
        }

        /// <summary>A size: digits, optionally with K/KB/KiB, M/MB/MiB or G/GB/GiB (all powers of 1024).</summary>
        internal static long? ParseSize(string text)
        {
            var value = text.Trim().Replace("_", "", StringComparison.Ordinal);
            long unit = 1;
            foreach (var (suffix, factor) in new[] { ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30), ("K", 1L << 10), ("M", 1L << 20), ("G", 1L << 30) })
            {
                if (value.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                {
                    unit = factor;
                    value = value[..^suffix.Length].TrimEnd();
                    break;
                }
            }

            return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0 && number <= long.MaxValue / unit
                ? number * unit
                : null;
        }

        private IEnumerable<string> Rules(YamlScalar name)
        {
            var resolved = ids.Resolve(name.Value);
            if (resolved.IsEmpty)
            {
                _diagnostics.Add(Diagnostic.Create(ConfigurationDiagnostics.UnknownRule, name.Location, name.Value));
            }

            return resolved;
        }

        private List<YamlScalar> Strings(YamlNode node, string key)
        {
            var list = new List<YamlScalar>();
            switch (node)
            {
                case YamlScalar scalar when !scalar.IsNull:
                    list.Add(scalar);
                    break;
                case YamlSequence sequence:
                    foreach (var item in sequence.Items)
                    {
                        if (item is YamlScalar { IsNull: false } s)
                        {
                            list.Add(s);
                        }
                        else
                        {
                            Error(item, $"{key}: expected a list of strings");
                        }
                    }

                    break;
                case YamlScalar:
                    break;
                default:
                    Error(node, $"{key}: expected a list of strings");
                    break;
            }

            return list;
        }

        private bool? Bool(YamlNode node)
        {
            if (node is YamlScalar { IsPlain: true } s && s.Value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE")
            {
                return s.Value.Equals("true", StringComparison.OrdinalIgnoreCase);
            }

            Error(node, $"'{(node as YamlScalar)?.Value ?? "…"}' is not a boolean (true or false)");
            return null;
        }

        private YamlScalar? Scalar(YamlNode node)
        {
            if (node is YamlScalar { IsNull: false } s)
            {
                return s;
            }

            Error(node, "expected a value");
            return null;
        }

        private static bool IsNull(YamlNode node) => node is YamlScalar { IsNull: true };

        private void Error(YamlNode node, string message)
            => _diagnostics.Add(Diagnostic.Create(ConfigurationDiagnostics.InvalidConfiguration, node.Location, message));

        private static string Source(YamlNode node) => $"{node.Source.Path}:{node.LineSpan.StartLinePosition.Line + 1}";
    }
}
