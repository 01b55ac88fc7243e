namespace DockerLint.Rules.Tests.Compose.BestPractice;

public sealed class DC3023BuildAndImageTests
{
    private const string Id = "DC3023";

    [TestCase("services:\n  api:\n    build: .\n    image: {|#0:registry.example.com/api:1.4|}\n", TestName = "both")]
    [TestCase("x-api: &api\n  build: .\nservices:\n  api:\n    <<: *api\n    image: {|#0:api:${TAG}|}\n", TestName = "build from an anchor, image with a variable")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup);

    [TestCase("services:\n  api:\n    build: .\n    image: registry.example.com/api:1.4\n    pull_policy: build\n", TestName = "pull_policy: build")]
    [TestCase("services:\n  api:\n    build: .\n    image: api:1.4\n    pull_policy: missing\n", TestName = "pull_policy: missing")]
    [TestCase("services:\n  api:\n    build: .\n  db:\n    image: postgres:16\n", TestName = "one or the other")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
