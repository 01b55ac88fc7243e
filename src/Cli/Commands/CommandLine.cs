using System.CommandLine;
using DockerLint.Cli.Formats;

namespace DockerLint.Cli.Commands;

/// <summary>
/// The command line: <c>dockerlint [paths...]</c> and its options, and the <c>rules</c>,
/// <c>explain</c>, <c>docs</c>, <c>parse</c> and <c>config</c> commands. A parse error (an unknown option, a value
/// not among the accepted ones) prints the errors and exits with 2.
/// </summary>
internal static class CommandLine
{
    /// <summary>Parses <paramref name="args"/> and runs the command they name.</summary>
    public static int Run(string[] args, CliEnvironment environment)
    {
        var root = Build(environment);
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            foreach (var error in result.Errors)
            {
                environment.Error.WriteLine($"dockerlint: error: {error.Message}");
            }

            environment.Error.WriteLine("Run 'dockerlint --help' for usage.");
            return ExitCodes.UsageError;
        }

        return result.Invoke(new InvocationConfiguration
        {
            Output = environment.Output,
            Error = environment.Error,
            EnableDefaultExceptionHandler = false,
        });
    }

    /// <summary>The root command with its options and subcommands.</summary>
    public static RootCommand Build(CliEnvironment environment)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files and folders to lint; '-' reads standard input. Default: the current folder.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "Output format. Default: text on a terminal, msbuild otherwise.",
            HelpName = string.Join('|', ReportFormats.Names),
        };
        format.AcceptOnlyFromAmong([.. ReportFormats.Names]);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the report to FILE (atomically: the old file stays whole if writing fails).",
            HelpName = "FILE",
        };
        var failLevel = new Option<string>("--fail-level")
        {
            Description = "Lowest severity that makes the exit code 1: error, warning, note, or none. Wins over fail-level in .dockerlint.yaml and failure-threshold in .hadolint.yaml.",
            DefaultValueFactory = _ => "warning",
        };
        failLevel.AcceptOnlyFromAmong("error", "warning", "note", "none");
        var preview = new Option<bool>("--preview") { Description = "Run preview rules too." };
        var include = new Option<string[]>("--include")
        {
            Description = "Also lint files matching GLOB in searched folders (repeatable), e.g. '**/*.dockerfile.tmpl'.",
            HelpName = "GLOB",
            AllowMultipleArgumentsPerToken = false,
        };
        var exclude = new Option<string[]>("--exclude")
        {
            Description = "Skip files or folders matching GLOB in searched folders (repeatable), e.g. 'test/**'.",
            HelpName = "GLOB",
            AllowMultipleArgumentsPerToken = false,
        };
        var fileType = new Option<string?>("--file-type")
        {
            Description = "Read the paths named explicitly (and standard input) as this kind, whatever their names.",
            HelpName = "dockerfile|compose",
        };
        fileType.AcceptOnlyFromAmong("dockerfile", "compose");
        var stdinFileName = new Option<string?>("--stdin-filename")
        {
            Description = "The file name standard input stands for: its path in the report and, without --file-type, its kind.",
            HelpName = "NAME",
        };

        var maxFileSize = new Option<long>("--max-file-size")
        {
            Description = "Skip files larger than SIZE bytes (a K, M or G suffix multiplies by 1024s) with DF0013/DC0006. Default: 10M. Wins over limits.max-file-size in .dockerlint.yaml.",
            HelpName = "SIZE",
            DefaultValueFactory = _ => Parser.Text.SourceDecoder.DefaultMaxFileSize,
            CustomParser = argument => ParseSize(argument.Tokens[0].Value) is { } size ? size : ReportSizeError(argument),
        };

        var noInlineSuppressions = new Option<bool>("--no-inline-suppressions")
        {
            Description = "Ignore suppression comments (# dockerlint ignore=…, # hadolint ignore=…, # check=skip=…): report every finding.",
        };
        var baseline = new Option<string?>("--baseline")
        {
            Description = "Report only findings not recorded in the baseline FILE (see --write-baseline).",
            HelpName = "FILE",
        };
        var writeBaseline = new Option<string?>("--write-baseline")
        {
            Description = "Record today's findings in the baseline FILE (fixed ones are pruned), then report as with --baseline FILE.",
            HelpName = "FILE",
        };
        var config = ConfigCommand.ConfigOption();
        var noConfig = ConfigCommand.NoConfigOption();

        var context = new Option<string?>("--context")
        {
            Description = "The build context of the Dockerfiles linted (its .dockerignore is read). Default: each Dockerfile's folder; standard input has none unless given.",
            HelpName = "DIR",
        };
        var timeoutPerFile = new Option<TimeSpan>("--timeout-per-file")
        {
            Description = "Stop analysing a file (or Compose project) after SECONDS, report it and exit with 3; 0 for no limit. Default: 10.",
            HelpName = "SECONDS",
            DefaultValueFactory = _ => AnalysisOptions.DefaultTimeoutPerFile,
            CustomParser = argument => ParseTimeout(argument.Tokens[0].Value) is { } timeout ? timeout : ReportTimeoutError(argument),
        };

        var cacheDir = new Option<string?>("--cache-dir")
        {
            Description = "The folder of the incremental cache, which reuses the findings of files unchanged since an earlier run. Default: $XDG_CACHE_HOME/dockerlint or ~/.cache/dockerlint.",
            HelpName = "DIR",
        };
        var noCache = new Option<bool>("--no-cache")
        {
            Description = "Neither read nor write the incremental cache: analyse every file afresh.",
        };

        var root = new RootCommand("DockerLint: a static analyzer for Dockerfiles and Docker Compose files.")
        {
            paths, format, output, failLevel, preview, include, exclude, fileType, stdinFileName, maxFileSize, config, noConfig, noInlineSuppressions, baseline, writeBaseline, context, timeoutPerFile, cacheDir, noCache,
        };
        root.SetAction(result => LintCommand.Run(
            new LintSettings
            {
                Paths = result.GetValue(paths) ?? [],
                Discovery = new DiscoveryOptions
                {
                    Include = result.GetValue(include) ?? [],
                    Exclude = result.GetValue(exclude) ?? [],
                    FileType = result.GetValue(fileType) switch
                    {
                        "dockerfile" => FileKind.Dockerfile,
                        "compose" => FileKind.Compose,
                        _ => null,
                    },
                    StdinFileName = result.GetValue(stdinFileName),
                },
                Format = result.GetValue(format) is { } name ? ReportFormats.Parse(name) : null,
                Output = result.GetValue(output),
                FailLevel = result.GetValue(failLevel) switch
                {
                    "error" => FailLevel.Error,
                    "note" => FailLevel.Note,
                    "none" => FailLevel.None,
                    _ => FailLevel.Warning,
                },
                Preview = result.GetValue(preview),
                MaxFileSize = result.GetValue(maxFileSize),
                FailLevelGiven = result.GetResult(failLevel) is { Implicit: false },
                MaxFileSizeGiven = result.GetResult(maxFileSize) is { Implicit: false },
                ConfigFile = result.GetValue(config),
                NoConfig = result.GetValue(noConfig),
                InlineSuppressions = !result.GetValue(noInlineSuppressions),
                Baseline = result.GetValue(baseline),
                WriteBaseline = result.GetValue(writeBaseline),
                BuildContext = result.GetValue(context),
                TimeoutPerFile = result.GetValue(timeoutPerFile),
                CacheDirectory = result.GetValue(cacheDir),
                NoCache = result.GetValue(noCache),
            },
            environment));

        var rulesFormat = new Option<string>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => "text", HelpName = "text|json" };
        rulesFormat.AcceptOnlyFromAmong("text", "json");
        var rules = new Command("rules", "List every rule with its severity, category and status.") { rulesFormat };
        rules.SetAction(result => RulesCommand.Run(result.GetValue(rulesFormat) == "json", environment));
        root.Subcommands.Add(rules);

        var id = new Argument<string>("id") { Description = "A rule ID (DF1001), or another tool's ID it stands for (DL3002)." };
        var explain = new Command("explain", "Print a rule's documentation: title, severity, category, aliases and explanation.") { id };
        explain.SetAction(result => ExplainCommand.Run(result.GetValue(id)!, environment));
        root.Subcommands.Add(explain);

        var outputDir = new Option<string?>("--output-dir") { Description = $"Folder to write to (default: {DocsCommand.DefaultFolder}).", HelpName = "DIR" };
        var docs = new Command("docs", "Generate the rule documentation: a page per rule and the index.") { outputDir };
        docs.SetAction(result => DocsCommand.Run(result.GetValue(outputDir), environment));
        root.Subcommands.Add(docs);

        var parseFile = new Argument<string>("file") { Description = "The Dockerfile or Compose file to parse." };
        var buildKit = new Option<bool>("--buildkit") { Description = "Print BuildKit's s-expression dump instead of the tree." };
        var parse = new Command("parse", "Print a Dockerfile's syntax tree with every span, or a Compose project's merged model with the origin of every value.")
        {
            parseFile, buildKit,
        };
        parse.SetAction(result => ParseCommand.Run(result.GetValue(parseFile)!, result.GetValue(buildKit), environment.Output, environment.Error));
        root.Subcommands.Add(parse);
        root.Subcommands.Add(ConfigCommand.Build(environment));
        return root;
    }

    /// <summary>A size in bytes: digits, optionally followed by K, M or G (KiB, MiB, GiB); null when malformed, zero or negative.</summary>
    public static long? ParseSize(string text)
    {
        var value = text.Trim();
        long unit = 1;
        var suffix = value.Length > 0 ? char.ToUpperInvariant(value[^1]) : ' ';
        if (suffix is 'K' or 'M' or 'G')
        {
            unit = suffix switch { 'K' => 1L << 10, 'M' => 1L << 20, _ => 1L << 30 };
            value = value[..^1];
        }

        return long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            && number > 0 && number <= long.MaxValue / unit
            ? number * unit
            : null;
    }

    /// <summary>
    /// A time limit in seconds (a decimal number such as <c>2.5</c>); 0 is no limit
    /// (<see cref="Timeout.InfiniteTimeSpan"/>); null when malformed, negative or over a day.
    /// </summary>
    public static TimeSpan? ParseTimeout(string text)
    {
        if (!double.TryParse(text.Trim(), System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            || seconds > TimeSpan.FromDays(1).TotalSeconds)
        {
            return null;
        }

        var timeout = TimeSpan.FromSeconds(seconds);
        return timeout == TimeSpan.Zero ? Timeout.InfiniteTimeSpan : timeout < TimeSpan.FromMilliseconds(1) ? null : timeout;
    }

    private static TimeSpan ReportTimeoutError(System.CommandLine.Parsing.ArgumentResult argument)
    {
        argument.AddError($"--timeout-per-file: '{argument.Tokens[0].Value}' is not a number of seconds (such as 10 or 2.5; 0 for no limit).");
        return TimeSpan.Zero;
    }

    private static long ReportSizeError(System.CommandLine.Parsing.ArgumentResult argument)
    {
        argument.AddError($"--max-file-size: '{argument.Tokens[0].Value}' is not a size in bytes (digits, optionally followed by K, M or G).");
        return 0;
    }
}
