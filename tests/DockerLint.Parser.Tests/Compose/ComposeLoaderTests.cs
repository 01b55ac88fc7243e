using DockerLint.Parser.Compose;
using DockerLint.Parser.Compose.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DockerLint.Parser.Tests.Compose;

/// <summary>The whole loading pipeline: files, env, interpolation, schema, merging, model.</summary>
public sealed class ComposeLoaderTests
{
    private static readonly string s_dir = Path.Combine(Path.GetTempPath(), "dockerlint-compose-tests");

    private static string P(string name) => Path.Combine(s_dir, name);

    private static ComposeProject Load(Dictionary<string, string> files, ComposeLoadOptions? options = null, params string[] paths)
    {
        var byPath = files.ToDictionary(kv => P(kv.Key), kv => kv.Value);
        return ComposeLoader.Load(paths.Length == 0 ? [P("compose.yaml")] : paths.Select(P).ToList(), options, path => byPath.GetValueOrDefault(path));
    }

    [Test]
    public void Values_come_from_the_env_file_then_defaults_and_unknown_stays_symbolic()
    {
        var project = Load(new()
        {
            ["compose.yaml"] = "services:\n  web:\n    image: nginx:${TAG}\n    user: ${APP_USER:-app}\n    ports:\n      - \"${PORT}:80\"\n      - \"${ADMIN_PORT:-9000}:9000\"\n",
            [".env"] = "TAG=1.27\n",
        });
        var web = project.Services.Single();
        Assert.That(web.Image!.Value, Is.EqualTo("nginx:1.27"));
        Assert.That(web.User!.Value, Is.EqualTo("app"));
        var port = web.Ports[0];
        Assert.That(port.Published!.Value.IsKnown, Is.False, "unknown host port");
        Assert.That(port.Target!.Value.Start, Is.EqualTo(80), "container port 80");
        Assert.That(port.Error, Is.Null);
        Assert.That(web.Ports[1].Published!.Value.Start, Is.EqualTo(9000));
        Assert.That(project.Diagnostics, Is.Empty);
    }

    [Test]
    public void Each_value_says_where_it_comes_from()
    {
        var project = Load(new()
        {
            ["compose.yaml"] = "services:\n  web:\n    image: nginx:1.27\n    user: ${APP_USER:-app}\n    hostname: ${HOST}\n    environment:\n      - TAG=${TAG}\n",
            [".env"] = "HOST=web1\nTAG=1.0\n",
        });
        var web = project.Services.Single();
        Assert.That(web.Image!.Origin, Is.EqualTo(ComposeValueOrigin.Written));
        Assert.That(web.User!.Origin, Is.EqualTo(ComposeValueOrigin.Default));
        Assert.That(web.Hostname!.Origin, Is.EqualTo(ComposeValueOrigin.Environment));
        Assert.That(web.Environment.Single().Value!.Origin, Is.EqualTo(ComposeValueOrigin.Environment), "list items keep the origin");
    }

    [Test]
    public void Explicit_environment_overrides_the_env_file_and_is_complete()
    {
        var (text, spans) = Markup.Parse("services:\n  web:\n    image: nginx:${TAG}\n    environment:\n      TOKEN: \"{|#0:${TOKEN:?set TOKEN first}|}\"\n");
        var project = Load(new() { ["compose.yaml"] = text, [".env"] = "TAG=1.0\n" }, new ComposeLoadOptions { Environment = new Dictionary<string, string> { ["TAG"] = "2.0" } });
        Assert.That(project.Services.Single().Image!.Value, Is.EqualTo("nginx:2.0"));
        var error = project.Diagnostics.Single();
        Assert.That(error.Id, Is.EqualTo("DC0020"));
        Assert.That(error.Location.SourceSpan, Is.EqualTo(spans[0]));
        Assert.That(error.GetMessage(), Does.Contain("set TOKEN first"));
    }

    [Test]
    public void Required_variable_without_environment_is_unknown_not_an_error()
    {
        var project = Load(new() { ["compose.yaml"] = "services:\n  web:\n    image: ${IMAGE:?}\n" });
        Assert.That(project.Services.Single().Image!.IsKnown, Is.False);
        Assert.That(project.Diagnostics, Is.Empty);
    }

    [Test]
    public void Malformed_interpolation_is_reported()
    {
        var project = Load(new() { ["compose.yaml"] = "services:\n  web:\n    image: \"nginx:${TAG\"\n" });
        Assert.That(project.Diagnostics.Select(d => d.Id), Is.EqualTo(new[] { "DC0021" }));
    }

    [Test]
    public void Override_file_wins_and_its_values_point_to_it()
    {
        var project = Load(new()
        {
            ["compose.yaml"] = "services:\n  web:\n    image: nginx:1.0\n    ports: [\"80:80\"]\n",
            ["compose.override.yaml"] = "services:\n  web:\n    image: nginx:2.0\n    ports: [\"443:443\"]\n",
        }, null, "compose.yaml", "compose.override.yaml");
        var web = project.Services.Single();
        Assert.That(web.Image!.Value, Is.EqualTo("nginx:2.0"));
        Assert.That(web.Image.Node.Source.Path, Is.EqualTo(P("compose.override.yaml")));
        Assert.That(web.Ports.Select(p => p.Target!.Value.Start), Is.EqualTo(new int?[] { 80, 443 }));
        Assert.That(web.Ports[0].Node.Source.Path, Is.EqualTo(P("compose.yaml")));
        Assert.That(project.Files.Select(f => f.Source.Path), Is.EqualTo(new[] { P("compose.yaml"), P("compose.override.yaml") }));
    }

    [Test]
    public void Include_and_extends_with_their_own_env()
    {
        var project = Load(new()
        {
            ["compose.yaml"] = "include:\n  - path: db/compose.yaml\n    env_file: db/db.env\nservices:\n  web:\n    extends:\n      file: base.yaml\n      service: base\n    image: web:1\n",
            ["base.yaml"] = "services:\n  base:\n    restart: always\n    read_only: true\n",
            ["db/compose.yaml"] = "services:\n  db:\n    image: postgres:${PG_VERSION}\n",
            ["db/db.env"] = "PG_VERSION=16\n",
        });
        Assert.That(project.Services.Select(s => s.Name), Is.EquivalentTo(new[] { "web", "db" }));
        var web = project.FindService("web")!;
        Assert.That(web.Restart!.Value, Is.EqualTo("always"));
        Assert.That(web.Restart.Node.Source.Path, Is.EqualTo(P("base.yaml")));
        Assert.That(project.FindService("db")!.Image!.Value, Is.EqualTo("postgres:16"));
        Assert.That(project.Diagnostics, Is.Empty);
    }

    [Test]
    public void Schema_errors_and_yaml_traps_are_reported_on_their_spans()
    {
        var (text, spans) = Markup.Parse("services:\n  web:\n    image: nginx\n    {|#0:enviroment|}:\n      A: 1\n    environment:\n      DEBUG: {|#1:yes|}\n");
        var project = Load(new() { ["compose.yaml"] = text });
        var unknown = project.Diagnostics.Single(d => d.Id == "DC0011");
        Assert.That(unknown.Location.SourceSpan, Is.EqualTo(spans[0]));
        Assert.That(unknown.GetMessage(), Does.Contain("did you mean 'environment'"));
        var trap = project.Diagnostics.Single(d => d.Id == "DC0040");
        Assert.That(trap.Location.SourceSpan, Is.EqualTo(spans[1]));
    }

    [Test]
    public void Missing_file_is_a_diagnostic_not_an_exception()
    {
        var project = Load(new(), null, "compose.yaml");
        Assert.That(project.Services, Is.Empty);
        Assert.That(project.Diagnostics.Select(d => d.Id), Does.Contain("DC0005"));
    }

    [Test]
    public void Invalid_yaml_is_a_diagnostic_and_the_model_is_empty()
    {
        var project = Load(new() { ["compose.yaml"] = "services:\n  web: [\n" });
        Assert.That(project.Diagnostics.Select(d => d.Id), Does.Contain("DC0001"));
        Assert.That(project.Services, Is.Empty);
    }

    [Test]
    public void Anchors_keep_pointing_where_the_value_was_written()
    {
        var (text, spans) = Markup.Parse("x-defaults: &defaults\n  restart: {|#0:unless-stopped|}\nservices:\n  a:\n    <<: *defaults\n    image: a\n  b:\n    <<: *defaults\n    image: b\n");
        var project = Load(new() { ["compose.yaml"] = text });
        Assert.That(project.Services.Select(s => s.Restart!.Span), Is.EqualTo(new[] { spans[0], spans[0] }));
        Assert.That(project.Diagnostics, Is.Empty);
    }

    [Test]
    public void Default_file_names()
    {
        Assert.That(ComposeLoader.IsComposeFileName("compose.yaml"), Is.True);
        Assert.That(ComposeLoader.IsComposeFileName("docker-compose.prod.yml"), Is.True);
        Assert.That(ComposeLoader.IsComposeFileName("compose.override.yml"), Is.True);
        Assert.That(ComposeLoader.IsComposeFileName("config.yaml"), Is.False);
        Assert.That(ComposeLoader.IsComposeFileName("compose.json"), Is.False);
    }
}
