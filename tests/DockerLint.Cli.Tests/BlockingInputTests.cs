using System.Diagnostics;
using System.Net.Sockets;

namespace DockerLint.Cli.Tests;

/// <summary>
/// Inputs that would block or never end (issue 10): a named pipe, a socket or a device with a Dockerfile
/// or Compose name is never opened, becomes a tool notification (the run is incomplete) and the good
/// file beside it is still linted; standard input is read no further than <c>--max-file-size</c> plus one
/// byte. Every run here has a time limit, so a regression fails instead of hanging the suite.
/// </summary>
public sealed class BlockingInputTests
{
    private const string Good = "FROM alpine:3.20\nUSER root\n";

    private const string GoodFinding = "good.Dockerfile:2:6: warning: USER root runs the container as root [DF9101]";

    private static readonly TimeSpan s_timeLimit = TimeSpan.FromSeconds(10);

    /// <summary>A folder with good.Dockerfile and a named pipe at <paramref name="name"/>; ignores the test where mkfifo is missing.</summary>
    private static string FolderWithFifo(string name)
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("named pipes in the file system are Unix only");
        }

        var root = CliHarness.TempDir();
        File.WriteAllText(Path.Combine(root, "good.Dockerfile"), Good);
        var fifo = Path.Combine(root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(fifo)!);
        try
        {
            using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [fifo]) { RedirectStandardError = true })!;
            mkfifo.WaitForExit();
            if (mkfifo.ExitCode != 0)
            {
                Assert.Ignore($"mkfifo failed ({mkfifo.StandardError.ReadToEnd().Trim()}); the named pipe tests are skipped");
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Ignore("mkfifo is not installed; the named pipe tests are skipped");
        }

        return root;
    }

    /// <summary>Runs the CLI on another thread and fails (instead of hanging) when it does not end within the time limit.</summary>
    private static CliResult RunWithin(CliHarness harness, params string[] args)
    {
        var run = Task.Run(() => harness.Run(args));
        if (!run.Wait(s_timeLimit))
        {
            Assert.Fail($"dockerlint {string.Join(' ', args)} did not end within {s_timeLimit.TotalSeconds} s");
        }

        return run.Result;
    }

    private static string[] Lines(CliResult result) => result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static void AssertSkippedWithNotification(CliResult result, string name)
    {
        Assert.That(Lines(result), Is.EqualTo(new[] { GoodFinding }));
        Assert.That(result.Error, Is.EqualTo($"dockerlint: error: {name}: {LintRunner.NotRegularFile}\n"));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Incomplete));
    }

    [TestCase("Dockerfile")]
    [TestCase("sub/app.Dockerfile")]
    [TestCase("compose.yaml")]
    [TestCase("docker-compose.override.yml")]
    public void A_named_pipe_found_in_a_folder_is_not_opened(string name)
    {
        var root = FolderWithFifo(name);
        AssertSkippedWithNotification(RunWithin(new CliHarness(root), "-f", "gcc"), name);
    }

    [TestCase("Dockerfile")]
    [TestCase("compose.yaml")]
    [TestCase("pipe.txt")]
    public void A_named_pipe_named_explicitly_is_not_opened(string name)
    {
        var root = FolderWithFifo(name);
        AssertSkippedWithNotification(RunWithin(new CliHarness(root), "-f", "gcc", name, "good.Dockerfile"), name);
    }

    [Test]
    public void A_named_pipe_is_a_SARIF_tool_execution_notification()
    {
        var root = FolderWithFifo("Dockerfile");
        var result = RunWithin(new CliHarness(root), "-f", "sarif");
        Assert.That(result.Output, Does.Contain("toolExecutionNotifications").And.Contain("a named pipe, a socket or a device"));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Incomplete));
    }

    [Test]
    public void A_link_to_a_device_that_never_ends_is_not_opened()
    {
        if (!File.Exists("/dev/zero"))
        {
            Assert.Ignore("/dev/zero does not exist here");
        }

        var root = CliHarness.TempDir();
        File.WriteAllText(Path.Combine(root, "good.Dockerfile"), Good);
        File.CreateSymbolicLink(Path.Combine(root, "zero.Dockerfile"), "/dev/zero");
        AssertSkippedWithNotification(RunWithin(new CliHarness(root), "-f", "gcc"), "zero.Dockerfile");
    }

    [Test]
    public void A_device_named_explicitly_is_not_opened()
    {
        if (!File.Exists("/dev/zero"))
        {
            Assert.Ignore("/dev/zero does not exist here");
        }

        var root = CliHarness.TempDir();
        File.WriteAllText(Path.Combine(root, "good.Dockerfile"), Good);
        var result = RunWithin(new CliHarness(root), "-f", "gcc", "/dev/zero", "good.Dockerfile");
        Assert.That(Lines(result), Is.EqualTo(new[] { GoodFinding }));
        Assert.That(result.Error, Does.EndWith($"/dev/zero: {LintRunner.NotRegularFile}\n"));
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Incomplete));
    }

    [Test]
    public void A_socket_with_a_Dockerfile_name_is_not_opened()
    {
        if (!Socket.OSSupportsUnixDomainSockets || OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix domain sockets in the file system are not supported here");
        }

        var root = CliHarness.TempDir();
        File.WriteAllText(Path.Combine(root, "good.Dockerfile"), Good);
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(Path.Combine(root, "Dockerfile")));
        AssertSkippedWithNotification(RunWithin(new CliHarness(root), "-f", "gcc"), "Dockerfile");
    }

    [TestCase("Dockerfile", "DF0013")]
    [TestCase("compose.yaml", "DC0006")]
    public void Standard_input_over_the_limit_is_read_no_further_than_one_byte_past_it(string name, string id)
    {
        var input = new EndlessStream();
        var harness = new CliHarness(CliHarness.TempDir()) { OpenInput = () => input };
        var result = RunWithin(harness, "-f", "gcc", "--max-file-size", "1K", "--stdin-filename", name, "-");
        Assert.That(Lines(result), Is.EqualTo(new[]
        {
            $"{name}:1:1: error: The file is at least 1025 bytes, more than the limit of 1024 bytes (--max-file-size); it is not analysed [{id}]",
        }));
        Assert.That(input.BytesRead, Is.EqualTo(1025));
        Assert.That(result.Error, Is.Empty);
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Findings));
    }

    [Test]
    public void Standard_input_at_the_limit_is_linted()
    {
        var text = "FROM alpine:3.20\nUSER root\n";
        var harness = new CliHarness(CliHarness.TempDir()) { StandardInput = text };
        var result = RunWithin(harness, "-f", "gcc", "--max-file-size", text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), "-");
        Assert.That(Lines(result), Is.EqualTo(new[] { "-:2:6: warning: USER root runs the container as root [DF9101]" }));
        var over = RunWithin(harness, "-f", "gcc", "--max-file-size", (text.Length - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "-");
        Assert.That(Lines(over), Has.Exactly(1).Contains($"at least {text.Length} bytes").And.Contains("[DF0013]"));
    }

    [Test]
    public void The_reader_stops_one_byte_past_the_limit_and_reads_short_inputs_whole()
    {
        var endless = new EndlessStream();
        Assert.That(StandardInput.Read(endless, 200_000), Has.Length.EqualTo(200_001));
        Assert.That(endless.BytesRead, Is.EqualTo(200_001));
        Assert.That(StandardInput.Read(new MemoryStream(new byte[300_000]), 300_000), Has.Length.EqualTo(300_000));
        Assert.That(StandardInput.Read(Stream.Null, 10), Is.Empty);
    }

    /// <summary>An input that never ends, counting the bytes handed out.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
