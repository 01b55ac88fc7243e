using System.Text;

namespace DockerLint.Cli.Tests;

/// <summary>
/// Inputs the CLI must survive (issue 10): each becomes one diagnostic or tool notification naming the
/// file (and, for diagnostics, the position), and the good file beside it is still linted.
/// </summary>
public sealed class InputRobustnessTests
{
    /// <summary>A good Dockerfile whose finding (the test rule DF9101 on line 2, column 6) proves it was linted.</summary>
    private const string Good = "FROM alpine:3.20\nUSER root\n";

    private const string GoodFinding = "good.Dockerfile:2:6: warning: USER root runs the container as root [DF9101]";

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private static string Folder(params (string Path, byte[] Bytes)[] files)
    {
        var root = CliHarness.TempDir();
        File.WriteAllText(Path.Combine(root, "good.Dockerfile"), Good);
        foreach (var (path, bytes) in files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllBytes(full, bytes);
        }

        return root;
    }

    private static byte[] Bytes(string text) => s_utf8.GetBytes(text);

    private static byte[] Concat(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static string[] Lines(CliResult result) => result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static CliResult Lint(string root, params string[] args) => new CliHarness(root).Run(["-f", "gcc", .. args]);

    [Test]
    public void A_file_over_the_size_limit_is_skipped_with_DF0013_at_its_start()
    {
        var root = Folder(("big.Dockerfile", Bytes("FROM alpine:3.20\nRUN echo " + new string('a', 2000) + "\n")));
        var result = Lint(root, "--max-file-size", "1K");
        Assert.That(Lines(result), Is.EqualTo(new[]
        {
            "big.Dockerfile:1:1: error: The file is 2027 bytes, more than the limit of 1024 bytes (--max-file-size); it is not analysed [DF0013]",
            GoodFinding,
        }));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Findings));
        Assert.That(result.Error, Is.Empty);
    }

    [Test]
    public void A_Compose_file_over_the_size_limit_is_skipped_with_DC0006_and_nothing_else()
    {
        var root = Folder(("compose.yaml", Bytes("services:\n  web:\n    image: nginx:1.27\n    command: " + new string('a', 2000) + "\n")));
        var result = Lint(root, "--max-file-size", "2000");
        Assert.That(Lines(result), Is.EqualTo(new[]
        {
            "compose.yaml:1:1: error: The file is 2053 bytes, more than the limit of 2000 bytes (--max-file-size); it is not analysed [DC0006]",
            GoodFinding,
        }));
    }

    [TestCase("0")]
    [TestCase("-5")]
    [TestCase("10X")]
    [TestCase("")]
    public void A_malformed_max_file_size_is_a_usage_error(string value)
    {
        var result = Lint(Folder(), "--max-file-size", value);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(result.Error, Does.Contain("--max-file-size"));
    }

    [TestCase("1", 1L)]
    [TestCase("10M", 10L << 20)]
    [TestCase("2k", 2048L)]
    [TestCase("1G", 1L << 30)]
    public void Sizes_take_binary_suffixes(string value, long bytes)
        => Assert.That(Commands.CommandLine.ParseSize(value), Is.EqualTo(bytes));

    [Test]
    public void A_binary_file_gets_one_DF0014_at_its_first_NUL_and_is_skipped()
    {
        var root = Folder(("bin.Dockerfile", Concat(Bytes("FROM alpine\nRUN a"), [0, 0xFF, 0x13, 0], Bytes("\nUSER root\n"))));
        var result = Lint(root);
        Assert.That(Lines(result), Is.EqualTo(new[]
        {
            "bin.Dockerfile:2:6: error: The file holds a NUL byte (at byte offset 17), so it is binary, not a Dockerfile; it is not analysed [DF0014]",
            GoodFinding,
        }));
    }

    [Test]
    public void A_binary_Compose_file_gets_one_DC0007()
    {
        var root = Folder(("docker-compose.yml", Concat(Bytes("SQLite format 3"), [0, 1, 2, 3])));
        var result = Lint(root);
        Assert.That(Lines(result), Is.EqualTo(new[]
        {
            "docker-compose.yml:1:16: error: The file holds a NUL byte (at byte offset 15), so it is binary, not YAML; it is not analysed [DC0007]",
            GoodFinding,
        }));
    }

    [Test]
    public void Invalid_UTF8_is_linted_with_replacement_characters_and_DF0015_at_the_first_bad_byte()
    {
        var root = Folder(("latin1.Dockerfile", Concat(Bytes("FROM alpine:3.20\nLABEL owner=\"Ren"), [0xE9], Bytes("\"\nUSER root\n"))));
        var result = Lint(root);
        Assert.That(Lines(result), Is.EqualTo(new[]
        {
            GoodFinding,
            "latin1.Dockerfile:2:17: warning: The file is not valid UTF-8 (the first bad byte is at byte offset 33); it is analysed with U+FFFD in place of each bad sequence [DF0015]",
            "latin1.Dockerfile:3:6: warning: USER root runs the container as root [DF9101]",
        }));
    }

    [Test]
    public void Invalid_UTF8_in_Compose_is_linted_with_DC0008()
    {
        var root = Folder(("compose.yaml", Concat(Bytes("services:\n  web:\n    image: \"x"), [0xC3, 0x28], Bytes("\"\n    user: root\n"))));
        var result = Lint(root);
        Assert.That(Lines(result), Is.EqualTo(new[]
        {
            "compose.yaml:3:14: warning: The file is not valid UTF-8 (the first bad byte is at byte offset 30); it is analysed with U+FFFD in place of each bad sequence [DC0008]",
            "compose.yaml:4:11: warning: Service 'web' runs as root (user: root) [DC9101]",
            GoodFinding,
        }));
    }

    [TestCase("le-bom.Dockerfile", true, false, "little-endian (with")]
    [TestCase("be-bom.Dockerfile", true, true, "big-endian (with")]
    [TestCase("le.Dockerfile", false, false, "little-endian (without")]
    [TestCase("be.Dockerfile", false, true, "big-endian (without")]
    public void UTF16_Dockerfiles_are_decoded_linted_and_flagged_DF0016(string name, bool mark, bool bigEndian, string what)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: mark);
        var root = Folder((name, Concat(encoding.GetPreamble(), encoding.GetBytes("FROM alpine:3.20\nUSER root\n"))));
        var result = Lint(root);
        Assert.That(Lines(result), Is.EqualTo(new[]
        {
            GoodFinding,
            $"{name}:1:1: error: The file is UTF-16 {what} a byte order mark); BuildKit reads Dockerfiles as UTF-8 and fails on it [DF0016]",
            $"{name}:2:6: warning: USER root runs the container as root [DF9101]",
        }.Order(StringComparer.Ordinal)));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void UTF16_Compose_files_are_decoded_and_linted_without_a_diagnostic(bool bigEndian)
    {
        var encoding = new UnicodeEncoding(bigEndian, byteOrderMark: true);
        var root = Folder(("compose.yaml", Concat(encoding.GetPreamble(), encoding.GetBytes("services:\n  web:\n    image: nginx:1.27\n    user: root\n"))));
        Assert.That(Lines(Lint(root)), Is.EqualTo(new[]
        {
            "compose.yaml:4:11: warning: Service 'web' runs as root (user: root) [DC9101]",
            GoodFinding,
        }));
    }

    [Test]
    public void A_folder_named_Dockerfile_is_searched_whether_named_or_found()
    {
        var root = Folder(("Dockerfile/Dockerfile", Bytes(Good)));
        var named = Lint(root, "Dockerfile");
        Assert.That(Lines(named), Is.EqualTo(new[] { "Dockerfile/Dockerfile:2:6: warning: USER root runs the container as root [DF9101]" }));
        Assert.That(named.Error, Is.Empty);
        var found = Lint(root);
        Assert.That(Lines(found), Is.EqualTo(new[] { "Dockerfile/Dockerfile:2:6: warning: USER root runs the container as root [DF9101]", GoodFinding }));
        Assert.That(found.ExitCode, Is.EqualTo(ExitCodes.Findings));
    }

    [Test]
    public void A_file_that_cannot_be_read_is_a_notification_and_the_run_is_incomplete()
    {
        var root = Folder(("secret.Dockerfile", Bytes(Good)));
        var result = new CliHarness(root)
        {
            ReadFile = path => path.EndsWith("secret.Dockerfile", StringComparison.Ordinal)
                ? throw new UnauthorizedAccessException($"Access to the path '{path}' is denied.")
                : File.ReadAllBytes(path),
        }.Run("-f", "gcc");
        Assert.That(Lines(result), Is.EqualTo(new[] { GoodFinding }));
        Assert.That(result.Error, Does.Contain("dockerlint: error: secret.Dockerfile: cannot read the file: Access to the path").And.Contain("is denied"));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Incomplete));
    }

    [Test]
    public void A_file_without_read_permission_is_a_notification_and_the_run_is_incomplete()
    {
        var root = Folder(("secret.Dockerfile", Bytes(Good)));
        var secret = Path.Combine(root, "secret.Dockerfile");
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix file modes only");
            return;
        }

        File.SetUnixFileMode(secret, UnixFileMode.None);
        try
        {
            File.ReadAllBytes(secret);
            Assert.Ignore("Running as root, which reads any file: the permission test runs through the ReadFile seam instead (A_file_that_cannot_be_read_…)");
        }
        catch (UnauthorizedAccessException)
        {
            // Expected for an ordinary user.
        }

        var result = Lint(root);
        Assert.That(Lines(result), Is.EqualTo(new[] { GoodFinding }));
        Assert.That(result.Error, Does.Contain("secret.Dockerfile: cannot read the file"));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Incomplete));
    }

    [Test]
    public void A_file_deleted_between_discovery_and_reading_is_a_notification()
    {
        var root = Folder(("gone.Dockerfile", Bytes(Good)));
        var result = new CliHarness(root)
        {
            ReadFile = path =>
            {
                if (path.EndsWith("gone.Dockerfile", StringComparison.Ordinal))
                {
                    File.Delete(path);
                }

                return File.ReadAllBytes(path);
            },
        }.Run("-f", "gcc");
        Assert.That(Lines(result), Is.EqualTo(new[] { GoodFinding }));
        Assert.That(result.Error, Is.EqualTo("dockerlint: error: gone.Dockerfile: cannot read the file: it was deleted or moved after it was found\n"));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Incomplete));
    }

    [Test]
    public void Symbolic_link_loops_are_not_followed()
    {
        var root = Folder();
        Directory.CreateDirectory(Path.Combine(root, "a"));
        Directory.CreateSymbolicLink(Path.Combine(root, "a", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(root, "a", "self"), Path.Combine(root, "a", "self"));
        Directory.CreateSymbolicLink(Path.Combine(root, "ping"), Path.Combine(root, "pong"));
        Directory.CreateSymbolicLink(Path.Combine(root, "pong"), Path.Combine(root, "ping"));
        var result = Lint(root);
        Assert.That(Lines(result), Is.EqualTo(new[] { GoodFinding }));
        Assert.That(result.Error, Is.Empty);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Findings));
    }

    [Test]
    public void A_Dockerfile_that_is_a_link_into_a_loop_is_a_notification()
    {
        var root = Folder();
        File.CreateSymbolicLink(Path.Combine(root, "Dockerfile"), Path.Combine(root, "Dockerfile"));
        var result = Lint(root);
        Assert.That(Lines(result), Is.EqualTo(new[] { GoodFinding }));
        Assert.That(result.Error, Does.StartWith("dockerlint: error: Dockerfile: cannot read the file"));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Incomplete));
    }

    [Test]
    public void Paths_with_spaces_and_non_ASCII_names_are_linted_and_reported_as_written()
    {
        var root = Folder(("my app/ünïcødé 日本/Dockerfile", Bytes(Good)));
        var expected = "my app/ünïcødé 日本/Dockerfile:2:6: warning: USER root runs the container as root [DF9101]";
        Assert.That(Lines(Lint(root)), Is.EqualTo(new[] { GoodFinding, expected }));
        Assert.That(Lines(Lint(root, "my app/ünïcødé 日本/Dockerfile", "good.Dockerfile")), Is.EqualTo(new[] { GoodFinding, expected }));
    }

    [Test]
    public void A_ten_MB_line_is_linted_under_the_default_limit_and_just_over_it_is_skipped()
    {
        var line = "FROM alpine:3.20\nRUN echo " + new string('a', 10_000_000) + "\nUSER root\n";
        var over = "FROM alpine:3.20\nRUN echo " + new string('a', (10 << 20) - 20) + "\n";
        var root = Folder(("long.Dockerfile", Bytes(line)), ("over.Dockerfile", Bytes(over)));
        Assert.That(Lines(Lint(root)), Is.EqualTo(new[]
        {
            GoodFinding,
            "long.Dockerfile:3:6: warning: USER root runs the container as root [DF9101]",
            $"over.Dockerfile:1:1: error: The file is {over.Length} bytes, more than the limit of 10485760 bytes (--max-file-size); it is not analysed [DF0013]",
        }));
    }
}
