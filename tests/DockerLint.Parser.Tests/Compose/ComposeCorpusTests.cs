using DockerLint.Parser.Compose;
using Microsoft.CodeAnalysis;

namespace DockerLint.Parser.Tests.Compose;

/// <summary>Every compose file of the corpus loads through the whole pipeline without an exception.</summary>
public sealed class ComposeCorpusTests
{
    [Test]
    public void Every_compose_file_loads_and_the_error_free_share_is_reported()
    {
        var (dir, files) = SharedCorpus.RequireComposeFiles();
        Assert.That(files, Has.Count.GreaterThan(500));
        var clean = 0;
        var services = 0;
        foreach (var file in files)
        {
            var project = ComposeLoader.Load([file]);
            services += project.Services.Length;
            var errors = project.Diagnostics.Where(d => d.Id.StartsWith("DC0", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count == 0)
            {
                clean++;
                continue;
            }

            TestContext.Out.WriteLine(Path.GetRelativePath(dir, file));
            foreach (var error in errors.Take(5))
            {
                var line = error.Location.GetLineSpan().StartLinePosition.Line + 1;
                TestContext.Out.WriteLine($"    {Path.GetFileName(error.Location.GetLineSpan().Path)}:{line} {error.Id} {error.GetMessage()}");
            }
        }

        var share = (double)clean / files.Count;
        TestContext.Out.WriteLine($"{clean} of {files.Count} compose files ({share:P1}) load with no DC0xxx error; {services} services in all.");
        Assert.That(share, Is.GreaterThan(0.9));
        Assert.That(services, Is.GreaterThan(1000));
    }
}
