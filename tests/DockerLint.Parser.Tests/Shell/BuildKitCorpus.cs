namespace DockerLint.Parser.Tests.Shell;

/// <summary>
/// Reads BuildKit's shell-lexer conformance tables (<c>envVarTest</c>, <c>wordsTest</c>) from
/// <c>../shared</c> the way BuildKit's <c>lex_test.go</c> does, and yields one NUnit case per line.
/// When the corpus is missing a single ignored case explains why.
/// </summary>
public static class BuildKitCorpus
{
    public const string ShellFolder = "corpus/buildkit-parser/frontend/dockerfile/shell";

    /// <summary>The environment lex_test.go uses for envVarTest.</summary>
    public static readonly string[] EnvVarTestEnvironment = ["PWD=/home", "SHELL=bash", "KOREAN=한국어", "NULL="];

    /// <summary>Unix (case-sensitive names) or Windows (case-insensitive names) semantics.</summary>
    public enum Platform
    {
        Unix,
        Windows,
    }

    /// <summary>One relevant line of envVarTest.</summary>
    public sealed record EnvVarLine(int LineNumber, string Tag, string Source, string Expected);

    /// <summary>One test line of wordsTest with the ENV assignments that precede it.</summary>
    public sealed record WordsLine(int LineNumber, string Source, string[] Expected, string[] Environment, string? FormatError);

    public static string? TryFile(string name)
    {
        var folder = SharedCorpus.TryDirectory(ShellFolder);
        if (folder is null)
        {
            return null;
        }

        var path = Path.Combine(folder, name);
        return File.Exists(path) ? path : null;
    }

    /// <summary>
    /// The input as shown in a test name. NUnit expands <c>{0}</c>..<c>{9}</c>, <c>{a}</c>, <c>{m}</c> and the
    /// like inside names set with SetName, with no escape, so inputs containing such a token are left out
    /// of the name (the line number still identifies the case and assertion messages show the input).
    /// </summary>
    public static string DisplayName(string prefix, string source)
    {
        for (var i = source.IndexOf('{', StringComparison.Ordinal); i >= 0; i = source.IndexOf('{', i + 1))
        {
            var close = source.IndexOf('}', i);
            if (close > i + 1 && "minCMap0123456789".Contains(source[i + 1], StringComparison.Ordinal)
                && (close == i + 2 || source[i + 2] == ':'))
            {
                return prefix;
            }
        }

        return $"{prefix} {source}";
    }

    public static TestCaseData Missing(string name) =>
        new TestCaseData(null!, Platform.Unix)
            .SetName($"{name} (corpus missing)")
            .Ignore($"../shared/{ShellFolder}/{name} was not found; BuildKit conformance tests are skipped.");

    /// <summary>Lines of a file split like Go's bufio.Scanner (on '\n', a trailing '\r' removed), numbered from 1.</summary>
    public static IEnumerable<(int Number, string Text)> ReadLines(string path)
    {
        var text = File.ReadAllText(path);
        var lines = text.Split('\n');
        var count = lines.Length;
        if (count > 0 && lines[^1].Length == 0)
        {
            count--;
        }

        for (var i = 0; i < count; i++)
        {
            var line = lines[i];
            if (line.EndsWith('\r'))
            {
                line = line[..^1];
            }

            yield return (i + 1, line);
        }
    }

    /// <summary>
    /// envVarTest lines: "#" comments and blank lines skipped, otherwise <c>TAG|input|expected</c>
    /// with every field trimmed; a line that does not have three fields yields a record whose tag is
    /// the raw line so the test can fail on it.
    /// </summary>
    public static IEnumerable<EnvVarLine> ReadEnvVarTest(string path)
    {
        foreach (var (number, raw) in ReadLines(path))
        {
            if (raw.StartsWith('#'))
            {
                continue;
            }

            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('|');
            if (fields.Length != 3)
            {
                yield return new EnvVarLine(number, "?", line, string.Empty);
                continue;
            }

            yield return new EnvVarLine(number, fields[0].Trim(), fields[1].Trim(), fields[2].Trim());
        }
    }

    /// <summary>wordsTest lines, with the ENV lines seen so far accumulated (as lex_test.go does).</summary>
    public static IEnumerable<WordsLine> ReadWordsTest(string path)
    {
        var environment = new List<string>();
        foreach (var (number, line) in ReadLines(path))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            if (line.StartsWith("ENV ", StringComparison.Ordinal))
            {
                environment.Add(line[3..].TrimStart(' '));
                continue;
            }

            var fields = line.Split('|');
            if (fields.Length != 2)
            {
                yield return new WordsLine(number, line, [], [.. environment], "expected exactly one '|'");
                continue;
            }

            yield return new WordsLine(number, fields[0].Trim(), fields[1].TrimStart(' ').Split(','), [.. environment], null);
        }
    }
}
