using System.Collections.Immutable;
using System.Globalization;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Configuration;

/// <summary>
/// A <c>.hadolint.yaml</c> (or <c>.hadolint.yml</c>), read so that a team moving from hadolint keeps
/// its decisions: <c>ignored</c> turns rules off, <c>override</c> sets their severity,
/// <c>trustedRegistries</c>, <c>label-schema</c> and <c>strict-labels</c> become rule options, and
/// <c>failure-threshold</c> the fail level. hadolint IDs (DL…, SC…) are mapped to DockerLint rules
/// through the rules' aliases; an ID with no equivalent is a DF0092 warning. Keys about hadolint's own
/// command line (format, no-color, verbose …) are ignored.
/// </summary>
public sealed class HadolintConfigFile
{
    /// <summary>The names looked for, in order of preference within one folder.</summary>
    public static ImmutableArray<string> FileNames { get; } = [".hadolint.yaml", ".hadolint.yml"];

    private HadolintConfigFile(string path)
    {
        Path = path;
    }

    /// <summary>The file's absolute path.</summary>
    public string Path { get; }

    /// <summary>What it says about rules and options (applies to every path).</summary>
    public ConfigBlock Block { get; private set; } = ConfigBlock.Empty;

    /// <summary><c>failure-threshold</c> as a DockerLint fail level (error, warning, note, none).</summary>
    public ConfiguredValue<string>? FailLevel { get; private set; }

    /// <summary>
    /// <c>disable-ignore-pragma: true</c>: the <c># hadolint ignore=…</c> comments of the files it applies to
    /// suppress nothing (DockerLint's own comments still do); null when the file does not say.
    /// </summary>
    public ConfiguredValue<bool>? IgnorePragmasDisabled { get; private set; }

    /// <summary>Problems: unmapped rules (DF0092), bad values (DF0090).</summary>
    public ImmutableArray<Diagnostic> Diagnostics { get; private set; } = [];

    /// <summary>Reads a hadolint configuration file's text.</summary>
    public static HadolintConfigFile Parse(string text, string path, RuleIds ids)
    {
        var file = new HadolintConfigFile(path);
        var diagnostics = new List<Diagnostic>();
        var yaml = YamlLoader.Load(text, path);
        diagnostics.AddRange(yaml.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => Diagnostic.Create(ConfigurationDiagnostics.InvalidConfiguration, d.Location, d.GetMessage(CultureInfo.InvariantCulture))));
        var rules = ImmutableDictionary.CreateBuilder<string, RuleSetting>(StringComparer.Ordinal);
        var options = ImmutableDictionary.CreateBuilder<string, ConfiguredOption>(StringComparer.OrdinalIgnoreCase);
        var unmapped = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        void Error(YamlNode node, string message) => diagnostics.Add(Diagnostic.Create(ConfigurationDiagnostics.InvalidConfiguration, node.Location, message));

        void Set(YamlScalar name, RuleSetting setting)
        {
            var resolved = ids.ResolveHadolint(name.Value);
            if (resolved.IsEmpty && unmapped.Add(name.Value))
            {
                diagnostics.Add(Diagnostic.Create(ConfigurationDiagnostics.UnmappedHadolintRule, name.Location, name.Value, System.IO.Path.GetFileName(path)));
            }

            foreach (var id in resolved)
            {
                rules[id] = setting;
            }
        }

        List<YamlScalar> Strings(YamlNode node, string key)
        {
            var list = new List<YamlScalar>();
            if (node is YamlScalar { IsNull: false } one)
            {
                list.Add(one);
            }
            else if (node is YamlSequence sequence)
            {
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
            }
            else if (node is not YamlScalar)
            {
                Error(node, $"{key}: expected a list of strings");
            }

            return list;
        }

        // A true/false setting, with where it is set; a value that is neither is a problem and sets nothing.
        ConfiguredValue<bool>? Flag(YamlMapping root, string key)
        {
            if (root.GetEntry(key) is not { } entry)
            {
                return null;
            }

            if (entry.Value is YamlScalar { Value: "true" or "false" } flag)
            {
                return new(flag.Value == "true", Source(entry.Key));
            }

            Error(entry.Value, $"{key}: expected true or false");
            return null;
        }

        if (yaml.Root is YamlMapping root)
        {
            if (root["override"] is { } overrides)
            {
                if (overrides is YamlMapping levels)
                {
                    foreach (var level in levels.Entries)
                    {
                        var word = level.Key.Value switch
                        {
                            "error" => "error",
                            "warning" => "warning",
                            "info" or "style" => "suggestion",
                            "ignore" => "none",
                            _ => null,
                        };
                        if (word is null)
                        {
                            Error(level.Key, $"override: '{level.Key.Value}' is not a hadolint level (error, warning, info, style)");
                            continue;
                        }

                        foreach (var name in Strings(level.Value, "override"))
                        {
                            Set(name, RuleSetting.Parse(word, Source(name))!);
                        }
                    }
                }
                else if (overrides is not YamlScalar { IsNull: true })
                {
                    Error(overrides, "override: expected a mapping of levels (error, warning, info, style) to lists of rules");
                }
            }

            // ignored wins over override, as in hadolint, where an ignored rule is never reported.
            if (root["ignored"] is { } ignored)
            {
                foreach (var name in Strings(ignored, "ignored"))
                {
                    Set(name, new RuleSetting(RuleSettingKind.Off, DiagnosticSeverity.Hidden, Source(name)));
                }
            }

            if (root.GetEntry("trustedRegistries") is { } trusted)
            {
                options[ConfigurationOptions.TrustedRegistries] = new([.. Strings(trusted.Value, "trustedRegistries").Select(s => s.Value)], Source(trusted.Key));
            }

            if (root.GetEntry("label-schema") is { } schema)
            {
                if (schema.Value is YamlMapping labels)
                {
                    options[ConfigurationOptions.RequiredLabels] = new([.. labels.Entries.Select(e => e.Value is YamlScalar { IsNull: false } f ? $"{e.Key.Value}:{f.Value}" : e.Key.Value)], Source(schema.Key));
                }
                else
                {
                    Error(schema.Value, "label-schema: expected a mapping of label names to formats");
                }
            }

            if (Flag(root, "strict-labels") is { } strict)
            {
                options[ConfigurationOptions.StrictLabels] = new([strict.Value ? "true" : "false"], strict.Source);
            }

            file.IgnorePragmasDisabled = Flag(root, "disable-ignore-pragma");

            if (root["failure-threshold"] is YamlScalar { IsNull: false } threshold)
            {
                var level = threshold.Value switch
                {
                    "error" => "error",
                    "warning" => "warning",
                    "info" or "style" => "note",
                    "ignore" or "none" => "none",
                    _ => null,
                };
                if (level is null)
                {
                    Error(threshold, $"failure-threshold: '{threshold.Value}' is not one of error, warning, info, style, ignore, none");
                }
                else
                {
                    file.FailLevel = new(level, Source(threshold));
                }
            }
        }

        file.Block = new ConfigBlock([], rules.ToImmutable(), options.ToImmutable(), null);
        file.Diagnostics = [.. diagnostics];
        return file;
    }

    private static string Source(YamlNode node) => $"{node.Source.Path}:{node.LineSpan.StartLinePosition.Line + 1}";
}
