using System.CommandLine;
using System.Globalization;
using DockerLint.Rules.Configuration;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Cli.Commands;

/// <summary>
/// Configuration on the command line: the <c>--config</c> and <c>--no-config</c> options, and the
/// <c>config &lt;path&gt;</c> command, which prints the configuration in effect for a file and which
/// file (and line) set each part — what a user needs to see why a rule has the severity it has.
/// </summary>
internal static class ConfigCommand
{
    /// <summary><c>--config FILE</c>.</summary>
    public static Option<string?> ConfigOption() => new("--config")
    {
        Description = "Read this .dockerlint.yaml instead of looking for .dockerlint.yaml files next to and above the linted files.",
        HelpName = "FILE",
    };

    /// <summary><c>--no-config</c>.</summary>
    public static Option<bool> NoConfigOption() => new("--no-config")
    {
        Description = "Ignore configuration files found next to and above the linted files (.dockerlint.yaml, .editorconfig, .hadolint.yaml).",
    };

    /// <summary>The <c>config</c> command.</summary>
    public static Command Build(CliEnvironment environment)
    {
        var path = new Argument<string>("path") { Description = "The Dockerfile or Compose file (it need not exist) whose configuration to print." };
        var config = ConfigOption();
        var noConfig = NoConfigOption();
        var preview = new Option<bool>("--preview") { Description = "As if --preview were given to the lint command." };
        var all = new Option<bool>("--all") { Description = "List every rule, not only those configuration changes." };
        var command = new Command("config", "Print the configuration in effect for a file: the files read, options, limits and rule severities, and which file and line set each.")
        {
            path, config, noConfig, preview, all,
        };
        command.SetAction(result => Run(result.GetValue(path)!, result.GetValue(config), result.GetValue(noConfig), result.GetValue(preview), result.GetValue(all), environment));
        return command;
    }

    /// <summary>The resolver for a run; null (after printing why) when <c>--config</c> names a file that does not exist.</summary>
    public static ConfigurationResolver? Resolver(string? configFile, bool noConfig, bool preview, long? maxFileSize, CliEnvironment environment)
    {
        if (configFile is not null && !File.Exists(environment.FullPath(configFile)))
        {
            environment.Error.WriteLine($"dockerlint: error: --config: '{configFile}' does not exist.");
            return null;
        }

        var rules = (environment.Rules ?? AnalyzerEngine.DiscoverRules()).Concat(AnalyzerEngine.SyntaxRules);
        return new ConfigurationResolver(rules, new ConfigurationSettings
        {
            CurrentDirectory = environment.CurrentDirectory,
            ConfigFile = configFile is null ? null : environment.FullPath(configFile),
            NoConfig = noConfig,
            Preview = preview,
            MaxFileSize = maxFileSize,
        });
    }

    /// <summary>The fail level configuration sets for the run, if any.</summary>
    public static FailLevel? FailLevelFrom(ConfigurationResolver configuration) => configuration.FailLevel()?.Value switch
    {
        "error" => FailLevel.Error,
        "warning" => FailLevel.Warning,
        "note" => FailLevel.Note,
        "none" => FailLevel.None,
        _ => null,
    };

    private static int Run(string path, string? configFile, bool noConfig, bool preview, bool all, CliEnvironment environment)
    {
        if (Resolver(configFile, noConfig, preview, null, environment) is not { } resolver)
        {
            return ExitCodes.UsageError;
        }

        var full = environment.FullPath(path);
        var configuration = resolver.For(full);
        // The rules of the file's kind (by its name, as the lint command tells them apart).
        var target = SourceFiles.KindOf(Path.GetFileName(full)) == FileKind.Compose ? RuleTarget.Compose : RuleTarget.Dockerfile;
        var rules = (environment.Rules ?? AnalyzerEngine.DiscoverRules()).Concat(AnalyzerEngine.SyntaxRules)
            .Where(r => r.Target == target)
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .ToList();
        var previewOn = configuration.Preview?.Value == true;
        var states = rules.Select(r => (Rule: r, State: configuration.Resolve(r.Descriptor), Runs: r.Status == RuleStatus.Stable || previewOn)).ToList();
        var output = environment.Output;
        string Show(string text) => Relative(text, environment.CurrentDirectory);

        output.WriteLine($"Configuration of {Show(full)}");
        output.WriteLine();
        output.WriteLine("Files read, highest precedence first:");
        if (configuration.Sources.IsEmpty)
        {
            output.WriteLine("  (none)");
        }

        foreach (var source in configuration.Sources)
        {
            output.WriteLine($"  {Show(source)}");
        }

        output.WriteLine();
        output.WriteLine($"preview: {(previewOn ? "true" : "false")}  ({(configuration.Preview is { } p ? Show(p.Source) : "default")})");
        var failLevel = resolver.FailLevel();
        output.WriteLine($"fail-level: {failLevel?.Value ?? "warning"}  ({(failLevel is null ? "default" : Show(failLevel.Source))}; for the whole run, from the current folder; --fail-level wins)");
        if (configuration.HadolintPragmasDisabled is { } pragmas)
        {
            output.WriteLine($"hadolint ignore comments: not honoured  ({Show(pragmas.Source)}, disable-ignore-pragma)");
        }

        output.WriteLine("limits:");
        var limits = configuration.Limits;
        output.WriteLine($"  max-file-size: {(limits.MaxFileSize?.Value ?? Parser.Text.SourceDecoder.DefaultMaxFileSize).ToString(CultureInfo.InvariantCulture)}  ({(limits.MaxFileSize is { } m ? Show(m.Source) : "default")})");
        output.WriteLine($"  yaml-max-depth: {(limits.YamlMaxDepth?.Value ?? Parser.Compose.Yaml.YamlLimits.Default.MaxDepth).ToString(CultureInfo.InvariantCulture)}  ({(limits.YamlMaxDepth is { } d ? Show(d.Source) : "default")})");
        output.WriteLine($"  yaml-max-nodes: {(limits.YamlMaxNodes?.Value ?? Parser.Compose.Yaml.YamlLimits.Default.MaxExpandedNodes).ToString(CultureInfo.InvariantCulture)}  ({(limits.YamlMaxNodes is { } n ? Show(n.Source) : "default")})");
        output.WriteLine("options:");
        if (configuration.OptionSources.IsEmpty)
        {
            output.WriteLine("  (none)");
        }

        foreach (var (name, option) in configuration.OptionSources.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            output.WriteLine($"  {name}: [{string.Join(", ", option.Values)}]  ({Show(option.Source)})");
        }

        var shown = states.Where(s => all || s.State.Source != "default").ToList();
        var kind = target == RuleTarget.Compose ? "Compose" : "Dockerfile";
        output.WriteLine(all ? $"{kind} rules:" : $"{kind} rules configured (the others run as 'dockerlint rules' lists them):");
        if (shown.Count == 0)
        {
            output.WriteLine("  (none)");
        }

        foreach (var (rule, state, runs) in shown)
        {
            var defaultWord = rule.Descriptor.IsEnabledByDefault ? RuleSetting.Word(rule.Descriptor.DefaultSeverity) : "off";
            var word = state.Enabled && !runs ? $"{state.Word} (preview: needs --preview)" : state.Word;
            output.WriteLine($"  {rule.Id}  {word,-10}  default {defaultWord,-10}  {Show(state.Source)}");
        }

        var problems = resolver.Diagnostics;
        if (!problems.IsEmpty)
        {
            output.WriteLine("problems in configuration files:");
            foreach (var problem in problems)
            {
                var span = problem.Location.GetLineSpan();
                var where = span.Path is { Length: > 0 } file ? $"{Show(file)}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}: " : "";
                output.WriteLine($"  {where}{Severities.From(problem.Severity).Name()} {problem.Id}: {problem.GetMessage(CultureInfo.InvariantCulture)}");
            }
        }

        output.Flush();
        return problems.Any(p => p.Severity == DiagnosticSeverity.Error) ? ExitCodes.Findings : ExitCodes.Success;
    }

    /// <summary>A source (<c>/abs/path:12</c>, <c>/abs/.editorconfig (key)</c>) with its path relative to <paramref name="directory"/> when under it.</summary>
    private static string Relative(string source, string directory)
    {
        var prefix = directory.EndsWith(Path.DirectorySeparatorChar) ? directory : directory + Path.DirectorySeparatorChar;
        return source.StartsWith(prefix, StringComparison.Ordinal) ? source[prefix.Length..] : source;
    }
}
