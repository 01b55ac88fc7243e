namespace DockerLint.Rules.Tests.Compose.BestPractice;

public sealed class DC3001LatestTagTests
{
    private const string Id = "DC3001";
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [TestCase("services:\n  web:\n    image: {|#0:nginx|}\n", TestName = "no tag")]
    [TestCase("services:\n  web:\n    image: nginx:{|#0:latest|}\n", TestName = "latest, on the tag")]
    [TestCase("services:\n  web:\n    image: \"nginx:{|#0:latest|}\"\n", TestName = "latest in a quoted scalar, on the tag")]
    [TestCase("services:\n  web:\n    image: ghcr.io/team/app:{|#0:latest|}\n", TestName = "latest with a registry")]
    [TestCase("services:\n  web:\n    image: {|#0:registry.example.com:5000/team/app|}\n", TestName = "a registry port is not a tag")]
    [TestCase("services:\n  web:\n    image: {|#0:nginx:${TAG:-latest}|}\n", TestName = "latest as the default of an unset variable")]
    [TestCase("services:\n  web:\n    image: {|#0:${WEB_IMAGE}|}\n", TestName = "untagged image from .env")]
    [TestCase("services:\n  web:\n    image: {|#0:${REGISTRY}/nginx|}\n", TestName = "unknown registry, no tag written")]
    [TestCase("services:\n  web:\n    image: {|#0:${REGISTRY}/nginx:latest|}\n", TestName = "unknown registry, latest written")]
    [TestCase("services:\n  web:\n    image: {|#0:${REPOSITORY}:latest|}\n", TestName = "unknown repository, latest written")]
    [TestCase("services:\n  web:\n    image: {|#0:${REGISTRY}:5000/nginx|}\n", TestName = "unknown host with a port, no tag")]
    [TestCase("x-base: &base\n  image: redis:{|#0:latest|}\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n", TestName = "merge key: reported once where written")]
    [TestCase("x-image: &img {|#0:redis|}\nservices:\n  a:\n    image: *img\n  b:\n    image: *img\n", TestName = "alias: reported once where written")]
    [TestCase("services:\n  web:\n    image: nginx:1.27\n  db:\n    image: {|#0:postgres|}\n", TestName = "only the untagged service")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup, "WEB_IMAGE=nginx\n");

    [Test]
    public void Fires_once_naming_every_service_that_shares_the_value()
    {
        var diagnostics = Lint.ComposeCatches(Id, "x-base: &base\n  image: {|#0:redis|}\nservices:\n  a:\n    <<: *base\n  b:\n    <<: *base\n");
        Assert.That(diagnostics.Single().GetMessage(), Does.Contain("has no tag").And.Contain("services 'a' and 'b'"));
    }

    [Test]
    public void Fires_in_the_override_file_that_sets_latest()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", "services:\n  web:\n    image: nginx:1.27\n"),
            ("compose.override.yaml", "services:\n  web:\n    image: nginx:{|#0:latest|}\n"));

    [TestCase("services:\n  web:\n    image: nginx:1.27\n", TestName = "a version tag")]
    [TestCase("services:\n  web:\n    image: nginx:stable-alpine\n", TestName = "variants of floating tags are versions of their own")]
    [TestCase("services:\n  web:\n    image: nginx@" + Digest + "\n", TestName = "a digest")]
    [TestCase("services:\n  web:\n    image: nginx:latest@" + Digest + "\n", TestName = "latest pinned by a digest")]
    [TestCase("services:\n  web:\n    image: nginx:${TAG}\n", TestName = "unknown tag")]
    [TestCase("services:\n  web:\n    image: ${IMAGE}\n", TestName = "unknown image")]
    [TestCase("services:\n  web:\n    image: ${REGISTRY}/nginx:${TAG}\n", TestName = "unknown registry and tag")]
    [TestCase("services:\n  web:\n    image: nginx${SUFFIX}\n", TestName = "unknown end of the name")]
    [TestCase("services:\n  web:\n    image: nginx:${PINNED:-latest}\n", TestName = "default not used: the tag is in .env")]
    [TestCase("services:\n  web:\n    image: ${REGISTRY}/nginx@" + Digest + "\n", TestName = "unknown registry, digest written")]
    [TestCase("services:\n  app:\n    build: .\n    image: example/app\n", TestName = "build names the image it builds")]
    [TestCase("services:\n  app:\n    build:\n      context: .\n    image: example/app:latest\n", TestName = "build with latest")]
    [TestCase("services:\n  app:\n    build: .\n", TestName = "build without image")]
    [TestCase("services:\n  app:\n    image:\n", TestName = "null image")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml, "PINNED=1.27\n");

    [Test]
    public void Stays_quiet_when_the_override_pins_the_tag()
        => ComposeLint.CatchesNot(
            Id,
            ("compose.yaml", "services:\n  web:\n    image: nginx:latest\n"),
            ("compose.override.yaml", "services:\n  web:\n    image: nginx:1.27\n"));

    [Test]
    public void Stays_quiet_when_the_override_adds_a_build()
        => ComposeLint.CatchesNot(
            Id,
            ("compose.yaml", "services:\n  web:\n    image: example/web\n"),
            ("compose.override.yaml", "services:\n  web:\n    build: ./web\n"));

    [TestCase("services:\n  web:\n    image: nginx:{|#0:stable|}\n", TestName = "stable")]
    [TestCase("services:\n  web:\n    image: node:{|#0:lts|}\n", TestName = "lts")]
    [TestCase("services:\n  web:\n    image: \"example/app:{|#0:nightly|}\"\n", TestName = "nightly, quoted")]
    [TestCase("services:\n  web:\n    image: {|#0:${REGISTRY}/app:edge|}\n", TestName = "edge after an unknown registry")]
    [TestCase("services:\n  web:\n    image: {|#0:app:${TAG:-dev}|}\n", TestName = "dev as a default")]
    public void Fires_on_other_floating_tags(string markup) => Lint.ComposeCatches(Id, markup);

    [Test]
    public void Fires_on_the_configured_prohibited_tags()
        => Lint.ComposeCatches(Id, "services:\n  a:\n    image: app:{|#0:release|}\n  b:\n    image: nginx:stable\n  c:\n    image: {|#1:redis|}\n", options: Lint.Options(("prohibited-tags", ["release"])));

    [Test]
    public void Stays_quiet_on_tags_the_option_leaves_out()
        => Lint.ComposeCatchesNot(Id, "services:\n  a:\n    image: nginx:latest\n  b:\n    image: node:lts\n", options: Lint.Options(("prohibited-tags", ["nightly"])));
}
