using DockerLint.Parser.Shell;

namespace DockerLint.Parser.Tests.Shell;

/// <summary>
/// Runs every line of BuildKit's <c>envVarTest</c> and <c>wordsTest</c> tables (read from ../shared at run
/// time) against <see cref="ShellLexer"/>, with the environment BuildKit's lex_test.go uses.
/// </summary>
[TestFixture]
public sealed class BuildKitConformanceTests
{
    /// <summary>
    /// One case per envVarTest line and platform: <c>A</c> lines run with Unix and Windows name semantics,
    /// <c>U</c> lines with Unix only and <c>W</c> lines with Windows only (lex_test.go runs the lines of the
    /// platform it is compiled for; Windows differs only by case-insensitive variable names).
    /// </summary>
    public static IEnumerable<TestCaseData> EnvVarTestCases()
    {
        var path = BuildKitCorpus.TryFile("envVarTest");
        if (path is null)
        {
            yield return BuildKitCorpus.Missing("envVarTest");
            yield break;
        }

        foreach (var line in BuildKitCorpus.ReadEnvVarTest(path))
        {
            if (line.Tag is "A" or "U" or "?")
            {
                yield return new TestCaseData(line, BuildKitCorpus.Platform.Unix)
                    .SetName(BuildKitCorpus.DisplayName($"envVarTest line {line.LineNumber} [{line.Tag}, unix]", line.Source));
            }

            if (line.Tag is "A" or "W")
            {
                yield return new TestCaseData(line, BuildKitCorpus.Platform.Windows)
                    .SetName(BuildKitCorpus.DisplayName($"envVarTest line {line.LineNumber} [{line.Tag}, windows]", line.Source));
            }

            if (line.Tag is not ("A" or "U" or "W" or "?"))
            {
                yield return new TestCaseData(line with { Tag = "?" }, BuildKitCorpus.Platform.Unix)
                    .SetName($"envVarTest line {line.LineNumber} [invalid tag {line.Tag}]");
            }
        }
    }

    /// <summary>
    /// One case per wordsTest line. lex_test.go loops over two modes (normal, and RawQuotes+SkipUnsetEnv)
    /// but reuses an exhausted file reader for the second, so only the normal mode is actually checked
    /// by BuildKit; the table's expectations are for that mode.
    /// </summary>
    public static IEnumerable<TestCaseData> WordsTestCases()
    {
        var path = BuildKitCorpus.TryFile("wordsTest");
        if (path is null)
        {
            yield return BuildKitCorpus.Missing("wordsTest");
            yield break;
        }

        foreach (var line in BuildKitCorpus.ReadWordsTest(path))
        {
            yield return new TestCaseData(line, BuildKitCorpus.Platform.Unix)
                .SetName(BuildKitCorpus.DisplayName($"wordsTest line {line.LineNumber}", line.Source));
        }
    }

    [TestCaseSource(nameof(EnvVarTestCases))]
    public void EnvVarTestLine(BuildKitCorpus.EnvVarLine line, BuildKitCorpus.Platform platform)
    {
        Assert.That(line.Tag, Is.Not.EqualTo("?"), $"envVarTest line {line.LineNumber} is not TAG|input|expected with a tag of A, U or W: {line.Source}");

        var variables = ShellVariableMap.FromAssignments(BuildKitCorpus.EnvVarTestEnvironment, ignoreCase: platform == BuildKitCorpus.Platform.Windows);
        var result = ShellLexer.Default.ProcessWord(line.Source, variables);

        if (line.Expected == "error")
        {
            Assert.That(result.Error, Is.Not.Null, $"envVarTest line {line.LineNumber}: {line.Source} must be rejected, got '{result}'");
            Assert.That(result.Value, Is.Null);
            return;
        }

        Assert.Multiple(() =>
        {
            Assert.That(result.Error, Is.Null, $"envVarTest line {line.LineNumber}: {line.Source}");
            Assert.That(result.IsKnown, Is.True, $"envVarTest line {line.LineNumber}: every variable is known or unset");
            Assert.That(result.Value, Is.EqualTo(line.Expected), $"envVarTest line {line.LineNumber}: {line.Source}");
        });
    }

    [TestCaseSource(nameof(WordsTestCases))]
    public void WordsTestLine(BuildKitCorpus.WordsLine line, BuildKitCorpus.Platform platform)
    {
        Assert.That(line.FormatError, Is.Null, $"wordsTest line {line.LineNumber}: {line.FormatError}: {line.Source}");

        var variables = ShellVariableMap.FromAssignments(line.Environment, ignoreCase: platform == BuildKitCorpus.Platform.Windows);
        var result = ShellLexer.Default.ProcessWords(line.Source, variables);

        // lex_test.go compares an error as the single word "error".
        IReadOnlyList<string>? actual = result.HasError ? ["error"] : result.Values;
        Assert.That(actual, Is.Not.Null, $"wordsTest line {line.LineNumber}: result should be known, got {result}");
        Assert.That(actual, Is.EqualTo(line.Expected), $"wordsTest line {line.LineNumber}: {line.Source}");
    }
}
