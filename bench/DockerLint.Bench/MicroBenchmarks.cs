using BenchmarkDotNet.Attributes;
using DockerLint.Parser.Compose;
using DockerLint.Parser.Compose.Model;
using DockerLint.Parser.Compose.Schema;
using DockerLint.Parser.Compose.Yaml;
using DockerLint.Parser.Model;
using DockerLint.Parser.Syntax;
using DockerLint.Rules.Engine;

namespace DockerLint.Bench;

/// <summary>The corpus in memory, read once per benchmark process.</summary>
internal static class InMemoryCorpus
{
    private static readonly Lazy<Corpus> s_corpus = new(Corpus.Find);
    private static readonly Lazy<(string Path, byte[] Bytes)[]> s_dockerfiles = new(() => [.. s_corpus.Value.Dockerfiles.Select(f => (f, File.ReadAllBytes(f)))]);
    private static readonly Lazy<Dictionary<string, string>> s_composeFolder = new(() =>
        Directory.GetFiles(s_corpus.Value.ComposeFolder, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllText, StringComparer.Ordinal));

    /// <summary>Every corpus Dockerfile as bytes.</summary>
    public static (string Path, byte[] Bytes)[] Dockerfiles => s_dockerfiles.Value;

    /// <summary>Every file of the Compose corpus folder (Compose files, .env files, includes) by path.</summary>
    public static Dictionary<string, string> ComposeFolder => s_composeFolder.Value;

    /// <summary>The Compose files.</summary>
    public static IReadOnlyList<string> ComposeFiles => s_corpus.Value.ComposeFiles;

    /// <summary>Bytes of all Dockerfiles.</summary>
    public static long DockerfileBytes => Dockerfiles.Sum(d => (long)d.Bytes.Length);

    /// <summary>Bytes of all Compose files (without what they include).</summary>
    public static long ComposeBytes => ComposeFiles.Sum(f => (long)System.Text.Encoding.UTF8.GetByteCount(ComposeFolder[f]));

    /// <summary>Loads every Compose file as its own project from memory.</summary>
    public static ComposeProject[] LoadComposeProjects()
        => [.. ComposeFiles.Select(f => ComposeLoader.Load([f], readFile: p => ComposeFolder.GetValueOrDefault(p)))];
}

/// <summary>The Dockerfile parser (lossless tree) and the model built on it, over every corpus Dockerfile, on one thread.</summary>
[MemoryDiagnoser]
public class DockerfileParserBenchmarks
{
    [GlobalSetup]
    public void Setup() => _ = InMemoryCorpus.Dockerfiles;

    /// <summary>Decoding and the syntax tree.</summary>
    [Benchmark]
    public int SyntaxTree()
    {
        var tokens = 0;
        foreach (var (path, bytes) in InMemoryCorpus.Dockerfiles)
        {
            tokens += DockerfileSyntaxTree.Parse(bytes, path).Root.Instructions.Length;
        }

        return tokens;
    }

    /// <summary>The syntax tree and the model (stages, typed instructions, variables).</summary>
    [Benchmark]
    public int TreeAndModel()
    {
        var stages = 0;
        foreach (var (path, bytes) in InMemoryCorpus.Dockerfiles)
        {
            stages += DockerfileModel.Create(DockerfileSyntaxTree.Parse(bytes, path)).Stages.Length;
        }

        return stages;
    }
}

/// <summary>The Compose loader (YAML, interpolation, schema validation, merge, model) over every corpus Compose file, on one thread.</summary>
[MemoryDiagnoser]
public class ComposeLoaderBenchmarks
{
    [GlobalSetup]
    public void Setup()
    {
        _ = InMemoryCorpus.ComposeFolder;
        InMemoryCorpus.LoadComposeProjects(); // loads the schema once, as the tool does per process
    }

    /// <summary>
    /// Every Compose file loaded into a project, as in a first run: the process's memo of schema verdicts
    /// is emptied before each iteration, so every value is validated by NJsonSchema once.
    /// </summary>
    [Benchmark]
    public int Load() => InMemoryCorpus.LoadComposeProjects().Sum(p => p.Services.Length);

    /// <summary>Empties the memo of schema verdicts before each iteration of <see cref="Load"/>.</summary>
    [IterationSetup(Target = nameof(Load))]
    public void ForgetVerdicts() => Parser.Compose.Schema.ComposeSchemaMemo.ResetShared();

    /// <summary>
    /// The same with the memo kept from earlier iterations: every value has been seen before, as when a
    /// monorepo repeats the same services. Reported beside <see cref="Load"/>, never instead of it.
    /// </summary>
    [Benchmark]
    public int LoadValuesSeenBefore() => InMemoryCorpus.LoadComposeProjects().Sum(p => p.Services.Length);

    /// <summary>The YAML part of <see cref="Load"/> alone: every Compose file read into YAML nodes.</summary>
    [Benchmark]
    public int Yaml() => InMemoryCorpus.ComposeFiles.Sum(f => YamlLoader.Load(InMemoryCorpus.ComposeFolder[f], f).Documents.Length);

    /// <summary>The schema part of <see cref="Load"/> alone, as in a first run (memo emptied before each iteration): every document of every file, read beforehand.</summary>
    [Benchmark]
    public int Schema()
    {
        var memo = new ComposeSchemaMemo();
        return _documents.Sum(d => ComposeSchemaValidator.Validate(d, memo).Length);
    }

    /// <summary>
    /// NJsonSchema's own validator, without the memo, over the JSON values of every document converted
    /// beforehand: the least the schema part can cost on values never seen before while NJsonSchema is the validator.
    /// </summary>
    [Benchmark]
    public int NJsonSchemaAlone()
    {
        var validator = new NJsonSchema.Validation.JsonSchemaValidator();
        return _values.Sum(v => validator.Validate(v, ComposeSchema.Instance).Count);
    }

    private Newtonsoft.Json.Linq.JToken[] _values = [];

    /// <summary>Converts the documents <see cref="NJsonSchemaAlone"/> validates.</summary>
    [GlobalSetup(Target = nameof(NJsonSchemaAlone))]
    public void ConvertDocuments()
    {
        ReadDocuments();
        _values = [.. _documents.Select(d => ComposeJsonDocument.Create(d).Root)];
    }

    private YamlNode[] _documents = [];

    /// <summary>Reads the documents <see cref="Schema"/> validates.</summary>
    [GlobalSetup(Target = nameof(Schema))]
    public void ReadDocuments()
    {
        Setup();
        _documents = [.. InMemoryCorpus.ComposeFiles.SelectMany(f => YamlLoader.Load(InMemoryCorpus.ComposeFolder[f], f).Documents)];
    }
}

/// <summary>The rule engine over models and projects built beforehand, on one thread.</summary>
[MemoryDiagnoser]
public class RuleEngineBenchmarks
{
    private DockerfileModel[] _models = [];
    private ComposeProject[] _projects = [];
    private AnalyzerEngine _engine = null!;

    [GlobalSetup]
    public void Setup()
    {
        _models = [.. InMemoryCorpus.Dockerfiles.Select(d => DockerfileModel.Create(DockerfileSyntaxTree.Parse(d.Bytes, d.Path)))];
        _projects = InMemoryCorpus.LoadComposeProjects();
        _engine = new AnalyzerEngine(options: new EngineOptions { IncludePreview = true, IncludeDisabledByDefault = true });
    }

    /// <summary>Every rule over every Dockerfile model.</summary>
    [Benchmark]
    public int Dockerfiles() => _models.Sum(m => _engine.Analyze(m).Diagnostics.Length);

    /// <summary>Every rule over every Compose project.</summary>
    [Benchmark]
    public int Compose() => _projects.Sum(p => _engine.Analyze(p).Diagnostics.Length);
}
