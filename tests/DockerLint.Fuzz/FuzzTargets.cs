using DockerLint.Parser.Compose;
using DockerLint.Parser.Model;
using DockerLint.Parser.Syntax;
using DockerLint.Parser.Text;
using DockerLint.Rules.Engine;

namespace DockerLint.Fuzz;

/// <summary>
/// What one fuzzing input goes through, per input kind. A target throws <see cref="FuzzFailure"/>
/// when an invariant breaks (a rule crashed, the syntax tree does not give the input back); any
/// other exception escaping a target is a bug of the parser, loader or engine. Both are crashes to
/// the fuzzer. Bad input alone never is: it must become diagnostics.
/// </summary>
internal static class FuzzTargets
{
    /// <summary>Where the Compose target pretends its input lives (nothing is read from disk).</summary>
    private const string ComposePath = "/fuzz/compose.yaml";

    /// <summary>
    /// Every rule, preview and opt-in ones included, so that every rule sees the inputs. Built on first
    /// use: instrumented code must not run before SharpFuzz has set up the coverage map (it would write
    /// through a null pointer).
    /// </summary>
    private static AnalyzerEngine? s_engine;

    private static AnalyzerEngine Engine => s_engine ??= new(options: new EngineOptions { IncludePreview = true, IncludeDisabledByDefault = true });

    /// <summary>The targets by name (the first argument of the harness).</summary>
    public static IReadOnlyDictionary<string, Action<byte[]>> ByName { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["dockerfile"] = Dockerfile,
        ["compose"] = Compose,
    };

    /// <summary>Decoder, lossless parser, model (stages, ARG/ENV scopes) and every Dockerfile rule.</summary>
    public static void Dockerfile(byte[] input)
    {
        var decoded = SourceDecoder.Decode(input, "Dockerfile", SourceKind.Dockerfile);
        if (decoded.Text is not { } text)
        {
            return;
        }

        var tree = DockerfileSyntaxTree.Parse(text);
        if (!string.Equals(tree.ToFullString(), text, StringComparison.Ordinal))
        {
            throw new FuzzFailure("the syntax tree does not give back the input");
        }

        Check(Engine.Analyze(DockerfileModel.Create(tree)));
    }

    /// <summary>Decoder, YAML loader, schema validation, interpolation, merge, the Compose model and every Compose rule.</summary>
    public static void Compose(byte[] input)
    {
        var decoded = SourceDecoder.Decode(input, ComposePath, SourceKind.Compose);
        if (decoded.Text is not { } text)
        {
            return;
        }

        // Only the input exists: includes, extends' files and .env are missing, which the loader reports.
        var project = ComposeLoader.Load([ComposePath], readFile: path => path == ComposePath ? text : null);
        Check(Engine.Analyze(project));
    }

    private static void Check(AnalysisResult result)
    {
        if (!result.Notifications.IsEmpty)
        {
            throw new FuzzFailure(string.Join(Environment.NewLine, result.Notifications.Select(n => n.Message)));
        }
    }
}

/// <summary>An invariant of DockerLint broken by a fuzzing input.</summary>
internal sealed class FuzzFailure(string message) : Exception(message);
