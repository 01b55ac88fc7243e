using DockerLint.Cli.Formats;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Cli.Tests;

/// <summary>The spool gives back exactly what it was given, in memory and past its memory limit in a temporary file.</summary>
public sealed class SpoolTests
{
    private static readonly Dictionary<string, Rule> s_noRules = [];

    private static Finding Finding(int i)
    {
        var finding = new Finding($"DF{i % 10_000:D4}", (Severity)(i % 3), $"message {i} {new string('x', i % 300)}", $"/repo/p{i}/Dockerfile", new LinePositionSpan(new LinePosition(i, i % 7), new LinePosition(i + 1, i % 11)), null);
        return i % 4 == 0
            ? finding with { Suppression = new FindingSuppression(FindingSuppressionKind.InSource, i % 8 == 0 ? null : "reason", finding.Path, new LinePositionSpan(new LinePosition(i, 0), new LinePosition(i, 9)), "# dockerlint ignore") }
            : i % 4 == 1 ? finding with { Suppression = new FindingSuppression(FindingSuppressionKind.Baseline, "baseline", "/repo/baseline.json", null, null) } : finding;
    }

    [TestCase(10)]
    [TestCase(40_000)]
    public void Records_come_back_as_written_in_order_and_by_position(int count)
    {
        using var spool = new Spool();
        var positions = Enumerable.Range(0, count).Select(i => spool.Add(Finding(i), $"extra {i}")).ToList();

        Assert.That(spool.Count, Is.EqualTo(count));
        Assert.That(spool.Read(s_noRules).ToList(), Is.EqualTo(Enumerable.Range(0, count).Select(i => (Finding(i), $"extra {i}")).ToList()));
        Assert.That(spool.ReadBuffered(s_noRules).Select(r => (r.Finding, r.Extra.ToString())).ToList(), Is.EqualTo(Enumerable.Range(0, count).Select(i => (Finding(i), $"extra {i}")).ToList()));
        foreach (var i in new[] { count - 1, 0, count / 2 })
        {
            Assert.That(spool.ReadAt(positions[i], s_noRules), Is.EqualTo(Finding(i)));
        }
    }

    [Test]
    public void Texts_of_every_length_come_back_whole()
    {
        // Around the lengths where reading changes its way (the stack buffer, the rented one), in ASCII and beyond.
        var texts = new[] { 0, 1, 127, 128, 129, 255, 256, 257, 1_000, 100_000 }
            .SelectMany(n => new[] { new string('x', n), new string('é', n), string.Concat(Enumerable.Repeat("😀a\u2028\"", n / 4 + 1))[..n] })
            .Append("lone \ud800 surrogate")
            .ToList();
        using var spool = new Spool();
        foreach (var text in texts)
        {
            spool.Add(new Finding("DF0001", Severity.Note, text, "/repo/" + text, default, null), text);
        }

        var read = spool.Read(s_noRules).ToList();
        // What UTF-8 can hold: a lone surrogate (made here by cutting pairs too) comes back as U+FFFD.
        var expected = texts.Select(t => System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(t))).ToList();
        Assert.That(read.Select(r => r.Extra), Is.EqualTo(expected));
        Assert.That(read.Select(r => r.Finding.Message), Is.EqualTo(expected));
        Assert.That(read.Select(r => r.Finding.Path), Is.EqualTo(expected.Select(t => "/repo/" + t)));
        Assert.That(spool.ReadBuffered(s_noRules).Select(r => (r.Finding, r.Extra.ToString())).ToList(), Is.EqualTo(read), "the texts read into a reused buffer");

        // Added from a builder (whose chunks may split a surrogate pair), they come back the same.
        using var built = new Spool();
        foreach (var text in texts)
        {
            var builder = new System.Text.StringBuilder(16);
            foreach (var c in text)
            {
                builder.Append(c);
            }

            built.Add(new Finding("DF0001", Severity.Note, text, "/repo/" + text, default, null), builder);
        }

        Assert.That(built.Read(s_noRules).ToList(), Is.EqualTo(read), "the texts added from a StringBuilder");
    }
}
