using System.Text;
using DockerLint.Parser.Compose.Interpolation;
using DockerLint.Parser.Shell;

namespace DockerLint.Parser.Tests.Compose.Interpolation;

/// <summary>
/// Every <c>.env</c> and <c>*.env</c> file of <c>../shared/corpus/compose</c> (compose-go's and docker compose's
/// own fixtures, among others): read without exceptions, with spans that match the text, and with the values
/// docker compose gives the fixtures whose expectations are published in compose-go's tests.
/// </summary>
[TestFixture]
public sealed class EnvFileCorpusTests
{
    private const string CorpusFolder = "corpus/compose";

    /// <summary>Values compose-go's and docker compose's tests expect (environment: complete and empty).</summary>
    private static readonly Dictionary<string, string[]> s_expected = new(StringComparer.Ordinal)
    {
        ["dotenv/fixtures/plain.env"] = ["OPTION_A=1", "OPTION_B=2", "OPTION_C=3", "OPTION_D=4", "OPTION_E=5", "456=ABC", "OPTION_F=", "OPTION_G=", "OPTION_H=my string"],
        ["dotenv/fixtures/utf8-bom.env"] = ["OPTION_A=1", "OPTION_B=2", "OPTION_C=3", "OPTION_D=4", "OPTION_E=5", "OPTION_H=my string"],
        ["dotenv/fixtures/quoted.env"] =
        [
            "OPTION_A=1", "OPTION_B=2", "OPTION_C=", "OPTION_D=\\n", "OPTION_E=1", "OPTION_F=2", "OPTION_G=", "OPTION_H=\n",
            "OPTION_I=echo 'asd'", "OPTION_J=first line\nsecond line\nthird line\nand so on", "OPTION_K=Let's go!", "OPTION_Z=last value",
        ],
        ["dotenv/fixtures/unquoted.env"] =
        [
            "OPTION_A=some quoted phrase", "OPTION_B=first one with an unquoted phrase", "OPTION_C=then another one with an unquoted phrase",
            "OPTION_D=then another one with an unquoted phrase special è char", "OPTION_E=then another one quoted phrase",
        ],
        ["dotenv/fixtures/exported.env"] = ["OPTION_A=2", "OPTION_B=\\n"],
        ["dotenv/fixtures/equals.env"] = ["OPTION_A=postgres://localhost:5432/database?sslmode=disable"],
        ["dotenv/fixtures/special.env"] = ["VAR.WITH.DOTS=dots", "VAR_WITH_UNDERSCORES=underscores", "VAR-WITH-DASHES=dashes"],
        ["dotenv/fixtures/substitutions.env"] = ["OPTION_A=1", "OPTION_B=1", "OPTION_C=1", "OPTION_D=1_1", "OPTION_E="],
        ["dotenv/fixtures/substitutions-default.env"] = ["OPTION_A=1", "OPTION_B=1", "OPTION_C=1", "OPTION_D=1_1", "OPTION_E="],
        ["dotenv/fixtures/inherited-multi-var.env"] = ["foo=bar", "bar=baz"],
        ["TestCommentsInEnvFile/.env"] = ["COMMENT=1234#5", "NO_COMMENT=1234#5"],
        ["fixtures/dotenv/.env"] = ["COMPOSE_FILE=development/compose.yaml", "IMAGE_NAME=test", "COMPOSE_PROFILES=test"],
        ["TestEnvInterpolationDefaultValue/.env"] = ["IMAGE=default_env:EnvFileDefaultValue"],
        ["TestEnvInterpolation/.env"] = ["WHEREAMI=EnvFile", "IMAGE=default_env:EnvFile"],
    };

    public static IEnumerable<TestCaseData> EnvFiles()
    {
        var root = SharedCorpus.TryDirectory(CorpusFolder);
        if (root is null)
        {
            yield return new TestCaseData(string.Empty)
                .SetName("env file corpus (missing)")
                .Ignore($"../shared/{CorpusFolder} was not found; env-file corpus tests are skipped.");
            yield break;
        }

        var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(path) == ".env" || path.EndsWith(".env", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var path in files)
        {
            var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
            yield return new TestCaseData(relative).SetName($"env file {relative}");
        }
    }

    [Test]
    public void TheCorpusHasEnvFiles()
    {
        var root = SharedCorpus.RequireDirectory(CorpusFolder);
        var count = EnvFiles().Count();
        Assert.That(count, Is.GreaterThanOrEqualTo(20), $"{root} should hold the .env fixtures of compose-go and docker compose");
    }

    [TestCaseSource(nameof(EnvFiles))]
    public void EnvFileIsReadLikeCompose(string relativePath)
    {
        var root = SharedCorpus.RequireDirectory(CorpusFolder);

        // Decoded without dropping a byte order mark, so the parser's own handling of it is exercised.
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(root, relativePath)));
        EnvFile? incomplete = null;
        EnvFile? complete = null;
        Assert.DoesNotThrow(() => incomplete = EnvFileParser.Parse(text, relativePath));
        Assert.DoesNotThrow(() => complete = EnvFileParser.Parse(text, relativePath, new ComposeVariableMap(isComplete: true)));

        var meaningfulLines = text.TrimStart('\uFEFF').Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        Assert.Multiple(() =>
        {
            if (incomplete!.Entries.Count == 0)
            {
                Assert.That(meaningfulLines, Has.All.StartsWith("#"), "a file without entries has only comments and blank lines");
            }

            var invalid = relativePath.Contains("invalid", StringComparison.OrdinalIgnoreCase);
            Assert.That(incomplete.Diagnostics.Any(d => d.Id == "DC0022"), Is.EqualTo(invalid), string.Join("; ", incomplete.Diagnostics));
            foreach (var entry in incomplete.Entries)
            {
                Assert.That(incomplete.Text.ToString(entry.KeySpan), Is.EqualTo(entry.Key), "the key span covers the key");
                Assert.That(incomplete.Text.ToString(entry.ValueSpan), Is.EqualTo(entry.RawValue), "the value span covers the value");
                Assert.That(entry.Span.Contains(entry.KeySpan) && entry.Span.Contains(entry.ValueSpan), Is.True);
            }

            Assert.That(incomplete.Entries.Select(e => e.Span.Start), Is.Ordered, "entries come in file order");
            Assert.That(complete!.Entries.Select(e => e.Key), Is.EqualTo(incomplete.Entries.Select(e => e.Key)), "completeness does not change the syntax");
            foreach (var (key, value) in complete.Variables)
            {
                Assert.That(value.State, Is.EqualTo(ShellVariableState.Known), $"with a complete environment every value is known ({key})");
            }
        });

        var expected = s_expected.FirstOrDefault(pair => relativePath.EndsWith(pair.Key, StringComparison.Ordinal)).Value;
        if (expected is not null)
        {
            foreach (var pair in expected)
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var key = pair[..equals];
                Assert.That(complete!.Variables.TryGetValue(key, out var value), Is.True, $"{key} is defined");
                Assert.That(value.Value?.Replace("\r\n", "\n", StringComparison.Ordinal), Is.EqualTo(pair[(equals + 1)..]), key);
            }
        }
    }

    [Test]
    public void InheritedFixturesDependOnTheEnvironment()
    {
        var root = SharedCorpus.RequireDirectory(CorpusFolder);
        var path = Directory.EnumerateFiles(root, "inherited-multi-var.env", SearchOption.AllDirectories).FirstOrDefault();
        if (path is null)
        {
            Assert.Ignore("inherited-multi-var.env is not in the corpus.");
        }

        var text = File.ReadAllText(path!);
        const string name = "VAR_TO_BE_LOADED_FROM_OS_ENV";
        var fromEnvironment = ComposeVariableMap.From(new Dictionary<string, string> { [name] = "SOME_RANDOM_VALUE" }, isComplete: true);
        Assert.Multiple(() =>
        {
            Assert.That(EnvFileParser.Parse(text, path!, fromEnvironment).Variables[name].Value, Is.EqualTo("SOME_RANDOM_VALUE"));
            Assert.That(EnvFileParser.Parse(text, path!, new ComposeVariableMap(isComplete: true)).Variables.ContainsKey(name), Is.False);
            Assert.That(EnvFileParser.Parse(text, path!).Variables[name], Is.EqualTo(ShellVariableLookup.Unknown));
        });
    }

    [Test]
    public void InvalidFixtureReportsTheLineComposeRejects()
    {
        var root = SharedCorpus.RequireDirectory(CorpusFolder);
        var path = Directory.EnumerateFiles(root, "invalid1.env", SearchOption.AllDirectories).FirstOrDefault();
        if (path is null)
        {
            Assert.Ignore("invalid1.env is not in the corpus.");
        }

        var file = EnvFileParser.Parse(File.ReadAllText(path!), path!);
        var diagnostic = file.Diagnostics.Single();
        Assert.Multiple(() =>
        {
            Assert.That(diagnostic.Id, Is.EqualTo("DC0022"));
            Assert.That(diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1, Is.EqualTo(7), "compose-go: line 7: key cannot contain a space");
            Assert.That(file.Text.ToString(diagnostic.Location.SourceSpan), Is.EqualTo("INVALID LINE"));
            Assert.That(file.Variables["foo"].Value, Is.EqualTo("\n  a\n  multine\n  value\n"));
            Assert.That(file.Variables["zot"].Value, Is.EqualTo("qix"), "parsing goes on after the bad line");
        });
    }
}
