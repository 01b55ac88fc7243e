using DockerLint.Parser.Compose;
using DockerLint.Parser.Model;
using DockerLint.Parser.Syntax;

namespace DockerLint.Parser.Tests;

/// <summary>
/// The parser, the model builder and the Compose loader stop with <see cref="OperationCanceledException"/>
/// once their token is cancelled (the CLI's <c>--timeout-per-file</c>), and never otherwise.
/// </summary>
public sealed class CancellationTests
{
    private static readonly CancellationToken s_cancelled = new(canceled: true);

    [Test]
    public void The_Dockerfile_parser_stops_on_a_cancelled_token()
        => Assert.That(() => DockerfileSyntaxTree.Parse("FROM alpine:3.20\nRUN x\n", "Dockerfile", s_cancelled), Throws.InstanceOf<OperationCanceledException>());

    [Test]
    public void The_model_builder_stops_on_a_cancelled_token()
    {
        var tree = DockerfileSyntaxTree.Parse("FROM alpine:3.20\nRUN x\n");
        Assert.That(() => DockerfileModel.Create(tree, s_cancelled), Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void The_Compose_loader_stops_on_a_cancelled_token()
    {
        const string Path = "/project/compose.yaml";
        Assert.That(
            () => ComposeLoader.Load([Path], readFile: p => p == Path ? "services:\n  web:\n    image: nginx:1.27\n" : null, cancellationToken: s_cancelled),
            Throws.InstanceOf<OperationCanceledException>());
    }

    [Test]
    public void A_live_token_changes_nothing()
    {
        using var source = new CancellationTokenSource();
        const string Text = "FROM alpine:3.20\nARG V=1\nRUN echo $V\n";
        var model = DockerfileModel.Create(DockerfileSyntaxTree.Parse(Text, "Dockerfile", source.Token), source.Token);
        Assert.That(model.Tree.ToFullString(), Is.EqualTo(Text));
        Assert.That(model.AllInstructions().Count(), Is.EqualTo(3));

        const string Path = "/project/compose.yaml";
        var project = ComposeLoader.Load([Path], readFile: p => p == Path ? "services:\n  web:\n    image: nginx:${TAG:-1.27}\n" : null, cancellationToken: source.Token);
        Assert.That(project.Services.Single().Image?.Value, Is.EqualTo("nginx:1.27"));
    }
}
