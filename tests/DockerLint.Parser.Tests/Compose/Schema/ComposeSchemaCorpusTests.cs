using System.Diagnostics;
using System.Globalization;
using System.Text;
using DockerLint.Parser.Compose.Schema;
using DockerLint.Parser.Compose.Yaml;
using Microsoft.CodeAnalysis;

namespace DockerLint.Parser.Tests.Compose.Schema;

/// <summary>
/// Every compose-named file of <c>../shared/corpus/compose</c> is loaded and validated as written.
/// The test prints the share of files with no DC0xxx error and every error found (TestContext.Out),
/// so real schema errors in the corpus are visible, not hidden.
/// </summary>
public sealed class ComposeSchemaCorpusTests
{
    [Test]
    public void Every_compose_file_validates_without_throwing_and_reports_inside_the_file()
    {
        var (root, files) = SharedCorpus.RequireComposeFiles();
        Assert.That(files, Has.Count.GreaterThan(100), "the corpus should hold hundreds of Compose files");

        var clock = Stopwatch.StartNew();
        var report = new StringBuilder();
        var misplaced = new List<string>();
        var kinds = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var traps = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var trapLines = new StringBuilder();
        var schemaInvalid = new HashSet<string>(StringComparer.Ordinal);
        int valid = 0, notYaml = 0;
        foreach (var path in files)
        {
            var text = File.ReadAllText(path);
            var file = YamlLoader.Load(text, path);
            var errors = file.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            var schemaErrors = ComposeSchemaValidator.Validate(file);
            errors.AddRange(schemaErrors);
            var found = file.Documents.SelectMany(d => YamlTraps.Find(d)).ToList();
            foreach (var diagnostic in schemaErrors.Concat(found))
            {
                var span = diagnostic.Location.SourceSpan;
                if (diagnostic.Location.SourceTree is not null || diagnostic.Location.GetLineSpan().Path != path || span.End > file.Source.Text.Length)
                {
                    misplaced.Add($"{path}: {diagnostic}");
                }
            }

            foreach (var trap in found)
            {
                traps[trap.Id] = traps.GetValueOrDefault(trap.Id) + 1;
                var at = trap.Location.GetLineSpan().StartLinePosition;
                trapLines.AppendLine(CultureInfo.InvariantCulture, $"    {Path.GetRelativePath(root, path)}:{at.Line + 1}:{at.Character + 1} {trap.Id} {trap.GetMessage(CultureInfo.InvariantCulture)}");
            }

            if (!schemaErrors.IsEmpty)
            {
                schemaInvalid.Add(Path.GetRelativePath(root, path).Replace('\\', '/'));
            }

            if (errors.Count == 0)
            {
                valid++;
                continue;
            }

            if (file.Diagnostics.Any(d => d.Id == "DC0001"))
            {
                notYaml++;
            }

            report.AppendLine(CultureInfo.InvariantCulture, $"{Path.GetRelativePath(root, path)} ({errors.Count} error(s))");
            foreach (var error in errors.Take(8))
            {
                var start = error.Location.GetLineSpan().StartLinePosition;
                report.AppendLine(CultureInfo.InvariantCulture, $"    {start.Line + 1}:{start.Character + 1} {error.Id} {error.GetMessage(CultureInfo.InvariantCulture)}");
            }

            if (errors.Count > 8)
            {
                report.AppendLine(CultureInfo.InvariantCulture, $"    ... and {errors.Count - 8} more");
            }

            foreach (var kind in errors.Select(Kind).Distinct())
            {
                kinds[kind] = kinds.GetValueOrDefault(kind) + 1;
            }
        }

        clock.Stop();
        var share = (double)valid / files.Count;
        var output = TestContext.Out;
        output.WriteLine($"{files.Count} compose-named files in {clock.Elapsed.TotalSeconds:F1} s: {valid} ({share:P1}) have no DC0xxx error, {files.Count - valid} have errors ({notYaml} of them are not valid YAML).");
        output.WriteLine("Files with at least one error of each kind:");
        foreach (var (kind, count) in kinds)
        {
            output.WriteLine($"    {count,4}  {kind}");
        }

        output.WriteLine($"{schemaInvalid.Count} files break the Compose schema (DC0010/DC0011); the others with errors are not valid YAML (DC0001) or repeat a key (DC0002).");
        output.WriteLine();
        output.Write(report.ToString());
        output.WriteLine();
        output.WriteLine($"YAML 1.1 traps (warnings): {string.Join(", ", traps.Select(t => $"{t.Key} x{t.Value}"))}");
        output.Write(trapLines.ToString());

        Assert.That(misplaced, Is.Empty, "every diagnostic points inside the file it is about");
        Assert.That(schemaInvalid, Does.Contain("docker__compose/pkg/e2e/fixtures/wrong-composefile/compose.yaml"), "docker compose's own fixture for a schema error is rejected");
        Assert.That(share, Is.GreaterThanOrEqualTo(0.80), "most real Compose files are valid");
    }

    private static string Kind(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        return diagnostic.Id switch
        {
            "DC0011" when message.Contains("version 1", StringComparison.Ordinal) => "DC0011 legacy version 1 layout (services at the top level)",
            "DC0011" when message.Contains("top-level", StringComparison.Ordinal) => "DC0011 unknown top-level key",
            "DC0011" => "DC0011 unknown key",
            "DC0010" when message.Contains("missing required key", StringComparison.Ordinal) => "DC0010 missing required key",
            "DC0010" when message.Contains(": expected ", StringComparison.Ordinal) => "DC0010 wrong type",
            "DC0010" => "DC0010 invalid value",
            _ => $"{diagnostic.Id} {diagnostic.Descriptor.Title}",
        };
    }

}
