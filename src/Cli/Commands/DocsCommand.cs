using System.Text;
using System.Text.RegularExpressions;

namespace DockerLint.Cli.Commands;

/// <summary>
/// <c>dockerlint docs [--output-dir docs/rules]</c>: writes the rule pages and their index (see
/// <see cref="RuleDocs"/>), and removes pages of rules that no longer exist. Files whose content is
/// already right are not touched.
/// </summary>
internal static partial class DocsCommand
{
    /// <summary>The default folder, relative to the current folder (the repository root).</summary>
    public const string DefaultFolder = "docs/rules";

    /// <summary>Runs the command.</summary>
    public static int Run(string? outputDirectory, CliEnvironment environment)
    {
        var folder = environment.FullPath(outputDirectory ?? DefaultFolder);
        if (File.Exists(folder))
        {
            environment.Error.WriteLine($"dockerlint: error: {outputDirectory} is a file, not a folder.");
            return ExitCodes.UsageError;
        }

        var files = RuleDocs.Generate(RulesCommand.Catalog(environment));
        Directory.CreateDirectory(folder);
        var written = 0;
        foreach (var (name, content) in files)
        {
            var path = Path.Combine(folder, name);
            var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content);
            if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            {
                continue;
            }

            if (AtomicFile.Write(path, writer => writer.Write(content)) is { } failure)
            {
                environment.Error.WriteLine($"dockerlint: error: {failure}");
                return ExitCodes.UsageError;
            }

            written++;
        }

        var removed = 0;
        foreach (var stale in Directory.EnumerateFiles(folder, "*.md").Where(p => RulePage().IsMatch(Path.GetFileName(p)) && !files.ContainsKey(Path.GetFileName(p))).Order(StringComparer.Ordinal))
        {
            File.Delete(stale);
            removed++;
        }

        environment.Output.WriteLine($"{files.Count} files in {outputDirectory ?? DefaultFolder}: {written} written, {files.Count - written} unchanged, {removed} removed.");
        return ExitCodes.Success;
    }

    [GeneratedRegex(@"^D[FC]\d{4}\.md$")]
    private static partial Regex RulePage();
}
