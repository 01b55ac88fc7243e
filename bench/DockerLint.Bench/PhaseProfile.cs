using System.Diagnostics;
using System.Globalization;
using System.Text;
using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Compose.Schema;
using DockerLint.Parser.Compose.Yaml;
using DockerLint.Parser.Model;
using DockerLint.Parser.Syntax;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Bench;

/// <summary>
/// Where the time goes, on one thread with the corpus in memory: each phase of the pipeline and each
/// rule on its own (an engine with that rule only), after one warm-up pass. A guide for optimizing;
/// the numbers that count are the CLI benchmark's and the micro-benchmarks'.
/// </summary>
internal static class PhaseProfile
{
    public static int Run(int top)
    {
        var dockerfiles = InMemoryCorpus.Dockerfiles;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{dockerfiles.Length} Dockerfiles ({InMemoryCorpus.DockerfileBytes / 1e6:0.0} MB), {InMemoryCorpus.ComposeFiles.Count} Compose files ({InMemoryCorpus.ComposeBytes / 1e6:0.0} MB)\n\n");

        DockerfileSyntaxTree[] trees = [];
        DockerfileModel[] models = [];
        ComposeProject[] projects = [];
        var phases = new (string Name, Action Action)[]
        {
            ("Dockerfile syntax trees", () => trees = [.. dockerfiles.Select(d => DockerfileSyntaxTree.Parse(d.Bytes, d.Path))]),
            ("Dockerfile models", () => models = [.. trees.Select(t => DockerfileModel.Create(t))]),
            ("Compose projects (YAML, interpolation, schema, merge, model)", () => projects = InMemoryCorpus.LoadComposeProjects()),
        };

        AppendPhases(text, phases);

        AppendComposeBreakdown(text);

        var all = new AnalyzerEngine(options: new EngineOptions { IncludePreview = true, IncludeDisabledByDefault = true });
        text.Append(CultureInfo.InvariantCulture, $"{"rule engine, all rules, Dockerfiles",-64} {Time(() => Analyze(all, models, [])),8:0} ms\n");
        text.Append(CultureInfo.InvariantCulture, $"{"rule engine, all rules, Compose",-64} {Time(() => Analyze(all, [], projects)),8:0} ms\n\n");

        var perRule = all.Rules
            .Select(rule => (rule.Id, Engine: new AnalyzerEngine([rule], new EngineOptions { IncludePreview = true, IncludeDisabledByDefault = true })))
            .Select(r => (r.Id, Ms: Time(() => Analyze(r.Engine, models, projects))))
            .OrderByDescending(r => r.Ms)
            .Take(top);
        text.Append(CultureInfo.InvariantCulture, $"slowest {top} rules (each alone, over every model and project):\n");
        foreach (var (id, ms) in perRule)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {id,-8} {ms,8:0.0} ms\n");
        }

        Console.Write(text);
        return 0;
    }

    /// <summary>The Compose loader's parts on their own: YAML, the JSON value, the shapes alone, NJsonSchema (first run and values seen before), the YAML traps.</summary>
    private static void AppendComposeBreakdown(StringBuilder text)
    {
        var sources = InMemoryCorpus.ComposeFiles.Select(f => new YamlSource(f, SourceText.From(InMemoryCorpus.ComposeFolder[f]))).ToArray();
        YamlFile[] files = [];
        var documents = new List<YamlNode>();
        var parts = new (string Name, Action Action)[]
        {
            ("  Compose YAML (YamlDotNet events, our nodes)", () => files = [.. sources.Select(s => YamlLoader.Load(s))]),
            ("  Compose JSON values and shapes", () =>
            {
                documents = [.. files.SelectMany(f => f.Documents)];
                var memo = new ComposeSchemaMemo();
                foreach (var document in documents)
                {
                    ComposeJsonDocument.Create(document, memo);
                }
            }),
            ("  Compose shapes from YAML (all values seen before need)", () =>
            {
                var memo = new ComposeSchemaMemo();
                foreach (var document in documents)
                {
                    ComposeValueShapes.Number(document, memo).Return();
                }
            }),
            ("  Compose schema, first run (memo emptied)", () =>
            {
                var memo = new ComposeSchemaMemo();
                foreach (var document in documents)
                {
                    ComposeSchemaValidator.Validate(document, memo);
                }
            }),
            ("  Compose schema, values seen before", () =>
            {
                foreach (var document in documents)
                {
                    ComposeSchemaValidator.Validate(document, ComposeSchemaMemo.Shared);
                }
            }),
            ("  Compose YAML traps", () =>
            {
                foreach (var document in documents)
                {
                    YamlTraps.Find(document);
                }
            }),
        };

        AppendPhases(text, parts);
    }

    /// <summary>Each phase's time (see <see cref="Time"/>) and what one run of it allocates, after a warm-up run.</summary>
    private static void AppendPhases(StringBuilder text, (string Name, Action Action)[] phases)
    {
        foreach (var (name, action) in phases)
        {
            action();
            var before = GC.GetAllocatedBytesForCurrentThread();
            action();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            text.Append(CultureInfo.InvariantCulture, $"{name,-64} {Time(action),8:0} ms {allocated / 1e6,8:0} MB allocated\n");
        }
    }

    private static void Analyze(AnalyzerEngine engine, DockerfileModel[] models, ComposeProject[] projects)
    {
        foreach (var model in models)
        {
            engine.Analyze(model);
        }

        foreach (var project in projects)
        {
            engine.Analyze(project);
        }
    }

    /// <summary>The median of three timed runs after a warm-up, in milliseconds.</summary>
    private static double Time(Action action)
    {
        action();
        return Measure.Median(Enumerable.Range(0, 3).Select(_ =>
        {
            var clock = Stopwatch.StartNew();
            action();
            return clock.Elapsed.TotalMilliseconds;
        }));
    }
}
