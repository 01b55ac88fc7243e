using System.Collections.Immutable;
using DockerLint.Parser.Compose;
using DockerLint.Parser.Context;
using DockerLint.Parser.Model;
using DockerLint.Parser.Tests;
using DockerLint.Rules.Engine;
using Microsoft.CodeAnalysis;

namespace DockerLint.Rules.Tests;

/// <summary>
/// hadolint-style one-liners for rule tests: <c>Lint.Catches("DF1001", "FROM x\n{|#0:USER root|}")</c>
/// asserts the rule reports exactly on the marked spans; <c>Lint.CatchesNot</c> that it stays quiet.
/// Compose variants take a compose.yaml text (with an optional .env).
/// </summary>
internal static class Lint
{
    // Rules found by reflection, so a new rule is tested before RuleRegistry.g.cs is regenerated (RuleRegistryTests says when it is stale).
    private static readonly AnalyzerEngine s_engine = new(AnalyzerEngine.DiscoverRules(typeof(AnalyzerEngine).Assembly), new EngineOptions { IncludePreview = true, IncludeDisabledByDefault = true });

    /// <summary>The engine every test uses (all rules, preview and opt-in included, no options).</summary>
    public static AnalyzerEngine Engine => s_engine;

    /// <summary>Rule options from <c>name → values</c> pairs: <c>Lint.Options(("trusted-registries", ["ghcr.io"]))</c>.</summary>
    public static RuleOptions Options(params (string Name, string[] Values)[] values)
        => new(values.ToDictionary(v => v.Name, v => v.Values.ToImmutableArray()));

    private static AnalyzerEngine EngineWith(RuleOptions? options)
        => options is null ? s_engine : new(s_engine.Rules, new EngineOptions { IncludePreview = true, IncludeDisabledByDefault = true, OptionsFor = _ => options });

    /// <summary>The findings of rule <paramref name="id"/> on a Dockerfile (with optional rule options).</summary>
    public static ImmutableArray<Diagnostic> Dockerfile(string id, string text, RuleOptions? options = null)
    {
        var result = EngineWith(options).Analyze(DockerfileModel.Parse(text));
        Assert.That(result.Notifications, Is.Empty, "no rule may fail");
        return [.. result.Diagnostics.Where(d => d.Id == id)];
    }

    /// <summary>The findings of rule <paramref name="id"/> on a Dockerfile built in <paramref name="context"/>.</summary>
    public static ImmutableArray<Diagnostic> Dockerfile(string id, string text, RuleOptions? options, BuildContext? context)
    {
        var result = EngineWith(options).Analyze(DockerfileModel.Parse(text, "/context/Dockerfile"), context);
        Assert.That(result.Notifications, Is.Empty, "no rule may fail");
        return [.. result.Diagnostics.Where(d => d.Id == id)];
    }

    /// <summary>A build context at <c>/context</c> with this <c>.dockerignore</c> text (none when null).</summary>
    public static BuildContext Context(string? dockerIgnore)
        => new("/context", dockerIgnore is null ? null : DockerIgnore.Parse(dockerIgnore), "/context/.dockerignore");

    /// <summary>Asserts the rule reports on a Dockerfile built in a context with this <c>.dockerignore</c> (none when null).</summary>
    public static ImmutableArray<Diagnostic> CatchesInContext(string id, string markup, string? dockerIgnore, RuleOptions? options = null)
        => AssertSpans(markup, text => Dockerfile(id, text, options, Context(dockerIgnore)));

    /// <summary>Asserts the rule reports nothing on a Dockerfile built in a context with this <c>.dockerignore</c> (none when null).</summary>
    public static void CatchesNotInContext(string id, string text, string? dockerIgnore, RuleOptions? options = null)
        => Assert.That(Dockerfile(id, text, options, Context(dockerIgnore)).Select(Describe), Is.Empty, $"{id} should stay quiet");

    /// <summary>The findings of rule <paramref name="id"/> on a compose.yaml (and optional .env).</summary>
    public static ImmutableArray<Diagnostic> Compose(string id, string yaml, string? dotEnv = null, RuleOptions? options = null)
    {
        var dir = Path.Combine(Path.GetTempPath(), "dockerlint-rule-tests");
        var files = new Dictionary<string, string> { [Path.Combine(dir, "compose.yaml")] = yaml };
        if (dotEnv is not null)
        {
            files[Path.Combine(dir, ".env")] = dotEnv;
        }

        var project = ComposeLoader.Load([Path.Combine(dir, "compose.yaml")], readFile: p => files.GetValueOrDefault(p));
        var result = EngineWith(options).Analyze(project, FakeFiles(files));
        Assert.That(result.Notifications, Is.Empty, "no rule may fail");
        return [.. result.Diagnostics.Where(d => d.Id == id)];
    }

    /// <summary>
    /// A build resolver over in-memory files (absolute path → text): a folder exists when a file is in
    /// it, or when a key ending in a separator names it.
    /// </summary>
    public static ComposeBuildResolver FakeFiles(IReadOnlyDictionary<string, string> files)
        => new(
            p => p.EndsWith(Path.DirectorySeparatorChar) ? null : files.GetValueOrDefault(p),
            d => files.Keys.Any(k => k.StartsWith(Path.TrimEndingDirectorySeparator(d) + Path.DirectorySeparatorChar, StringComparison.Ordinal)));

    /// <summary>Asserts the rule reports on a Dockerfile: exactly the marked spans when the text has markup, else at least once.</summary>
    public static ImmutableArray<Diagnostic> Catches(string id, string markup, RuleOptions? options = null) => AssertSpans(markup, text => Dockerfile(id, text, options));

    /// <summary>Asserts the rule reports nothing on a Dockerfile.</summary>
    public static void CatchesNot(string id, string text, RuleOptions? options = null)
        => Assert.That(Dockerfile(id, text, options).Select(Describe), Is.Empty, $"{id} should stay quiet");

    /// <summary>Asserts the rule reports on a compose.yaml: exactly the marked spans when there is markup, else at least once.</summary>
    public static ImmutableArray<Diagnostic> ComposeCatches(string id, string markup, string? dotEnv = null, RuleOptions? options = null) => AssertSpans(markup, text => Compose(id, text, dotEnv, options));

    /// <summary>Asserts the rule reports nothing on a compose.yaml.</summary>
    public static void ComposeCatchesNot(string id, string yaml, string? dotEnv = null, RuleOptions? options = null)
        => Assert.That(Compose(id, yaml, dotEnv, options).Select(Describe), Is.Empty, $"{id} should stay quiet");

    private static ImmutableArray<Diagnostic> AssertSpans(string markup, Func<string, ImmutableArray<Diagnostic>> run)
    {
        var (text, spans) = Markup.Parse(markup);
        var diagnostics = run(text);
        if (spans.Count == 0)
        {
            Assert.That(diagnostics, Is.Not.Empty, "expected at least one finding");
        }
        else
        {
            Assert.That(diagnostics.Select(d => d.Location.SourceSpan), Is.EquivalentTo(spans.Values), string.Join("; ", diagnostics.Select(Describe)));
        }

        return diagnostics;
    }

    private static string Describe(Diagnostic d) => $"{d.Id} at {d.Location.GetLineSpan().StartLinePosition}: {d.GetMessage()}";
}
