using System.Net.Sockets;

namespace DockerLint.Cli.Tests;

/// <summary>--output: written atomically, never half-written, never over something that is not a file.</summary>
public sealed class OutputFileTests
{
    private static CliHarness Project() => new(CliHarness.Files(CliHarness.TempDir(), ("Dockerfile", "FROM alpine:3.20\nBOGUS\n")));

    [Test]
    public void The_report_goes_to_the_file_and_the_exit_code_is_unchanged()
    {
        var harness = Project();
        var report = Path.Combine(harness.CurrentDirectory, "out", "report.sarif");
        Directory.CreateDirectory(Path.GetDirectoryName(report)!);
        File.WriteAllText(report, "old");
        var result = harness.Run("--format", "sarif", "--output", report, "Dockerfile");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Findings));
        Assert.That(result.Output, Is.Empty);
        SarifTests.AssertValid(File.ReadAllText(report)).Dispose();
        Assert.That(Directory.GetFiles(Path.GetDirectoryName(report)!), Is.EqualTo(new[] { report }), "no temporary file is left");
    }

    [Test]
    public void A_relative_output_path_is_relative_to_the_current_folder_and_dash_is_standard_output()
    {
        var harness = Project();
        harness.Run("--format", "json", "-o", "report.json", "Dockerfile");
        Assert.That(File.ReadAllText(Path.Combine(harness.CurrentDirectory, "report.json")), Does.Contain("\"id\": \"DF0001\""));
        Assert.That(harness.Run("--format", "json", "-o", "-", "Dockerfile").Output, Does.Contain("\"id\": \"DF0001\""));
    }

    [Test]
    public void A_failure_half_way_leaves_the_old_file_intact()
    {
        var harness = Project();
        var report = Path.Combine(harness.CurrentDirectory, "report.json");
        File.WriteAllText(report, "the previous report");
        var failing = new CliHarness(harness.CurrentDirectory) { WrapOutputFile = stream => new FailingStream(stream, failAfter: 100) };
        var result = failing.Run("--format", "json", "--output", report, "Dockerfile");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(result.Error, Does.Contain("cannot write").And.Contain("the file was left as it was"));
        Assert.That(File.ReadAllText(report), Is.EqualTo("the previous report"));
        Assert.That(Directory.GetFiles(harness.CurrentDirectory).Select(Path.GetFileName), Is.EquivalentTo(new[] { "Dockerfile", "report.json" }), "the temporary file is removed");
    }

    [Test]
    public void A_folder_is_never_replaced()
    {
        var harness = Project();
        var folder = Path.Combine(harness.CurrentDirectory, "reports");
        Directory.CreateDirectory(folder);
        var result = harness.Run("--format", "json", "--output", folder, "Dockerfile");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(result.Error, Does.Contain("is a folder"));
        Assert.That(Directory.Exists(folder), Is.True);
    }

    [Test]
    public void A_socket_or_device_is_never_replaced()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix only");
            return;
        }

        var harness = Project();
        var socketPath = Path.Combine(harness.CurrentDirectory, "report.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(socketPath));
        Assert.That(FileTypes.IsRegularFile(socketPath), Is.False);
        Assert.That(FileTypes.IsRegularFile("/dev/null"), Is.False);
        Assert.That(FileTypes.IsRegularFile(Path.Combine(harness.CurrentDirectory, "Dockerfile")), Is.True);

        var result = harness.Run("--format", "json", "--output", socketPath, "Dockerfile");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(result.Error, Does.Contain("is not a regular file"));
        Assert.That(FileTypes.IsRegularFile(socketPath), Is.False, "the socket is still there");
    }

    [Test]
    public void A_symbolic_link_is_followed_and_kept()
    {
        var harness = Project();
        var target = Path.Combine(harness.CurrentDirectory, "real.json");
        File.WriteAllText(target, "old");
        var link = Path.Combine(harness.CurrentDirectory, "link.json");
        File.CreateSymbolicLink(link, target);
        harness.Run("--format", "json", "--output", link, "Dockerfile");
        Assert.That(new FileInfo(link).LinkTarget, Is.EqualTo(target));
        Assert.That(File.ReadAllText(target), Does.Contain("\"formatVersion\": 1"));
    }

    [Test]
    public void The_replaced_file_keeps_its_permissions()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix only");
            return;
        }

        var harness = Project();
        var report = Path.Combine(harness.CurrentDirectory, "report.json");
        File.WriteAllText(report, "old");
        File.SetUnixFileMode(report, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        harness.Run("--format", "json", "--output", report, "Dockerfile");
        Assert.That(File.GetUnixFileMode(report), Is.EqualTo(UnixFileMode.UserRead | UnixFileMode.UserWrite));
        Assert.That(File.ReadAllText(report), Does.Contain("\"formatVersion\""));
    }

    [Test]
    public void A_missing_folder_is_a_usage_error()
    {
        var harness = Project();
        var result = harness.Run("--format", "json", "--output", Path.Combine(harness.CurrentDirectory, "no", "such", "report.json"), "Dockerfile");
        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.UsageError));
        Assert.That(result.Error, Does.Contain("does not exist"));
    }

    /// <summary>A stream that fails after a number of bytes, like a full disk.</summary>
    private sealed class FailingStream(Stream inner, int failAfter) : Stream
    {
        private int _written;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (_written + count > failAfter)
            {
                inner.Write(buffer, offset, Math.Max(0, failAfter - _written));
                throw new IOException("No space left on device");
            }

            inner.Write(buffer, offset, count);
            _written += count;
        }
    }
}
