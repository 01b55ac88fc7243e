namespace DockerLint.Cli.Tests;

/// <summary>
/// The report is written as the run goes, file by file: whatever order the work finishes in, and
/// however many files there are beyond the window analysed ahead, it is in report order (path, line,
/// column), each finding once.
/// </summary>
public sealed class StreamingTests
{
    [Test]
    public void Many_files_and_Compose_projects_come_out_in_path_order_each_finding_once()
    {
        var root = CliHarness.TempDir();
        var files = new List<(string, string)>
        {
            // Shared by two projects, in a folder that sorts before, between and after the Dockerfiles.
            ("a-shared/common.yaml", "services:\n  cache:\n    image: redis:latest\n    privileged: true\n"),
            ("m/compose.yaml", "include:\n  - ../a-shared/common.yaml\n  - ../z-shared/late.yaml\nservices:\n  web:\n    image: nginx:latest\n"),
            ("q/compose.yaml", "include:\n  - ../a-shared/common.yaml\nservices:\n  api:\n    image: node:latest\n    build: ./app\n"),
            ("q/app/Dockerfile", "FROM node:latest\nRUN npm install\n"),
            ("z-shared/late.yaml", "services:\n  worker:\n    image: busybox:latest\n"),
        };

        // More Dockerfiles than the window analysed ahead of the one being written (32 per core).
        for (var i = 0; i < 40 * Environment.ProcessorCount + 7; i++)
        {
            files.Add(($"pkg{i:D3}/Dockerfile", i % 3 == 0 ? "FROM ubuntu:latest\nRUN apt-get install curl\n" : $"FROM alpine:3.{i % 20}\nRUN echo {i}\n"));
        }

        CliHarness.Files(root, [.. files]);
        var result = new CliHarness(root) { Rules = null }.Run("--format", "gcc", "--fail-level", "none", ".");
        var places = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => (Parts: line.Split(':'), Id: line[line.LastIndexOf('[')..]))
            .Select(l => (Path: l.Parts[0], Line: int.Parse(l.Parts[1], System.Globalization.CultureInfo.InvariantCulture), Column: int.Parse(l.Parts[2], System.Globalization.CultureInfo.InvariantCulture), l.Id))
            .ToList();

        Assert.That(result.ExitCode, Is.EqualTo(ExitCodes.Success), result.Error);
        Assert.That(places, Is.Not.Empty);
        Assert.That(places.Select(p => p.Path).Distinct(), Does.Contain("a-shared/common.yaml").And.Contain("z-shared/late.yaml").And.Contain("q/app/Dockerfile").And.Contain("pkg000/Dockerfile"));
        var ordered = places.OrderBy(p => p.Path, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column).ThenBy(p => p.Id, StringComparer.Ordinal).ToList();
        Assert.That(places, Is.EqualTo(ordered), "report order");
        Assert.That(places, Is.Unique, "a file reached from two projects reports once");
    }

    [Test]
    public void Every_format_counts_and_lists_the_same_findings_as_the_streamed_gcc_lines()
    {
        var root = CliHarness.TempDir();
        CliHarness.Files(root, [.. Enumerable.Range(0, 90).Select(i => ($"p{i:D2}/Dockerfile", "FROM ubuntu:latest\nRUN apt-get install curl\n"))]);
        var gcc = new CliHarness(root) { Rules = null }.Run("--format", "gcc", "--fail-level", "none", ".");
        var json = new CliHarness(root) { Rules = null }.Run("--format", "json", "--fail-level", "none", ".");
        using var document = System.Text.Json.JsonDocument.Parse(json.Output);

        var lines = gcc.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(document.RootElement.GetProperty("findings").GetArrayLength(), Is.EqualTo(lines.Length));
        Assert.That(document.RootElement.GetProperty("summary").GetProperty("findings").GetInt32(), Is.EqualTo(lines.Length));
        Assert.That(document.RootElement.GetProperty("summary").GetProperty("files").GetInt32(), Is.EqualTo(90));
    }
}
