namespace DockerLint.Cli.Tests;

/// <summary>
/// Expected outputs kept as files under Goldens/. Set DOCKERLINT_UPDATE_GOLDENS=1 to rewrite them
/// from the current output (then review the diff before committing).
/// </summary>
internal static class Golden
{
    public static string Folder => Path.Combine(RepositoryRoot.TestProject, "Goldens");

    /// <summary>Asserts that <paramref name="actual"/> equals the golden file <paramref name="name"/>.</summary>
    public static void Match(string name, string actual)
    {
        var path = Path.Combine(Folder, name);
        if (Environment.GetEnvironmentVariable("DOCKERLINT_UPDATE_GOLDENS") == "1")
        {
            Directory.CreateDirectory(Folder);
            File.WriteAllText(path, actual);
            return;
        }

        Assert.That(File.Exists(path), Is.True, $"{path} is missing; run the tests with DOCKERLINT_UPDATE_GOLDENS=1 to create it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            var first = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
            Assert.Fail($"{name} differs from the output at line {first + 1}:\n"
                + $"  expected: {(first < expectedLines.Length ? expectedLines[first] : "<end>")}\n"
                + $"  actual:   {(first < actualLines.Length ? actualLines[first] : "<end>")}\n"
                + "If the change is intended, run the tests with DOCKERLINT_UPDATE_GOLDENS=1 and review the diff.");
        }
    }
}
