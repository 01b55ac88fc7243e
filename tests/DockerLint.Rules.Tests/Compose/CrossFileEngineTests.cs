using DockerLint.Parser.Compose;
using DockerLint.Parser.Compose.Model;
using DockerLint.Rules.Engine;

namespace DockerLint.Rules.Tests.Compose;

/// <summary>How the engine resolves the Dockerfile a service builds, and lints inline Dockerfiles.</summary>
public sealed class CrossFileEngineTests
{
    private static readonly string s_dir = Path.Combine(Path.GetTempPath(), "dockerlint-cross-file");

    private static (ComposeProject Project, ComposeBuildResolver Builds) Load(params (string Path, string Text)[] files)
    {
        var texts = files.ToDictionary(f => Path.Combine(s_dir, f.Path.Replace('/', Path.DirectorySeparatorChar)), f => f.Text);
        var project = ComposeLoader.Load([Path.Combine(s_dir, "compose.yaml")], readFile: p => texts.GetValueOrDefault(p));
        return (project, Lint.FakeFiles(texts));
    }

    [Test]
    public void An_inline_Dockerfile_in_a_literal_block_is_linted_with_exact_spans_in_the_compose_file()
        => Lint.ComposeCatches("DF3001", "services:\n  api:\n    build:\n      dockerfile_inline: |\n        FROM alpine:{|#0:latest|}\n        USER 1000\n");

    [Test]
    public void An_inline_Dockerfile_in_a_quoted_scalar_is_reported_on_the_whole_value()
        => Lint.ComposeCatches("DF3001", "services:\n  api:\n    build:\n      dockerfile_inline: {|#0:\"FROM alpine:latest\\nUSER 1000\\n\"|}\n");

    [Test]
    public void An_inline_Dockerfile_shared_through_an_anchor_is_linted_once()
    {
        var findings = Lint.ComposeCatches("DF3001", "x-build: &build\n  dockerfile_inline: |\n    FROM alpine:{|#0:latest|}\nservices:\n  a:\n    build: *build\n  b:\n    build: *build\n");
        Assert.That(findings, Has.Length.EqualTo(1));
    }

    [Test]
    public void The_syntax_errors_of_an_inline_Dockerfile_point_into_the_compose_file()
    {
        var findings = Lint.Compose("DF0001", "services:\n  api:\n    build:\n      dockerfile_inline: |\n        FROM alpine:3.20\n        COPPY . /app\n");
        Assert.That(findings.Select(f => f.Location.GetLineSpan().StartLinePosition.Line), Is.EqualTo(new[] { 5 }));
    }

    [Test]
    public void Build_paths_resolve_with_env_interpolation_and_per_file_working_directories()
    {
        var (project, builds) = Load(
            ("compose.yaml", "include:\n  - inc/compose.yaml\nservices:\n  a:\n    build: ${CTX}\n  b:\n    extends:\n      file: common/base.yaml\n      service: base\n"),
            (".env", "CTX=./apps/a\n"),
            ("apps/a/Dockerfile", "FROM alpine:3.20\n"),
            ("inc/compose.yaml", "services:\n  c:\n    build:\n      context: .\n      dockerfile: docker/c.Dockerfile\n"),
            ("inc/docker/c.Dockerfile", "FROM alpine:3.20\n"),
            ("common/base.yaml", "services:\n  base:\n    build: ./b\n"),
            ("common/b/Dockerfile", "FROM alpine:3.20\n"));

        string? PathOf(string service) => builds.Resolve(project, project.FindService(service)!)?.DockerfilePath;
        Assert.Multiple(() =>
        {
            Assert.That(PathOf("a"), Is.EqualTo(Path.Combine(s_dir, "apps", "a", "Dockerfile")));
            Assert.That(PathOf("b"), Is.EqualTo(Path.Combine(s_dir, "common", "b", "Dockerfile")));
            Assert.That(PathOf("c"), Is.EqualTo(Path.Combine(s_dir, "inc", "docker", "c.Dockerfile")));
        });
    }

    [Test]
    public void Each_built_Dockerfile_is_listed_once_with_the_first_service_context()
    {
        var (project, builds) = Load(
            ("compose.yaml", "services:\n  a:\n    build: ./app\n  b:\n    build:\n      context: ./app\n      target: x\n  c:\n    build: https://github.com/example/x.git\n  d:\n    build: ./missing\n"),
            ("app/Dockerfile", "FROM alpine:3.20 AS x\n"));
        var built = AnalyzerEngine.BuiltDockerfiles(project, builds);
        Assert.That(built.Select(b => (b.Service.Name, b.ContextDirectory)), Is.EqualTo(new[] { ("a", (string?)Path.Combine(s_dir, "app")) }));
    }

    [Test]
    public void Remote_and_unknown_builds_have_no_model()
    {
        var (project, builds) = Load(("compose.yaml", "services:\n  a:\n    build: git@github.com:example/x.git\n  b:\n    build: ${NOPE}\n"));
        Assert.Multiple(() =>
        {
            Assert.That(builds.Resolve(project, project.FindService("a")!)!.Kind, Is.EqualTo(ServiceBuildKind.Remote));
            Assert.That(builds.Resolve(project, project.FindService("b")!)!.Kind, Is.EqualTo(ServiceBuildKind.Unknown));
            Assert.That(ComposeBuildResolver.None.Resolve(project, project.FindService("a")!)!.Dockerfile, Is.Null);
        });
    }
}
