namespace DockerLint.Rules.Tests.Compose.BestPractice;

public sealed class DC3002HealthcheckDisabledTests
{
    private const string Id = "DC3002";

    [TestCase("services:\n  api:\n    image: a:1\n    healthcheck:\n      disable: {|#0:true|}\n", TestName = "disable: true")]
    [TestCase("services:\n  api:\n    image: a:1\n    healthcheck:\n      disable: {|#0:\"true\"|}\n", TestName = "disable: \"true\"")]
    [TestCase("services:\n  api:\n    image: a:1\n    healthcheck: {disable: {|#0:true|}}\n", TestName = "flow mapping")]
    [TestCase("services:\n  api:\n    image: a:1\n    healthcheck:\n      test: [{|#0:\"NONE\"|}]\n", TestName = "test: [NONE], flow list")]
    [TestCase("services:\n  api:\n    image: a:1\n    healthcheck:\n      test:\n        - {|#0:NONE|}\n", TestName = "test: [NONE], block list")]
    [TestCase("services:\n  api:\n    image: a:1\n    healthcheck:\n      disable: {|#0:${NO_CHECK}|}\n", TestName = "disable from .env")]
    [TestCase("services:\n  api:\n    image: a:1\n    healthcheck:\n      disable: {|#0:${OFF:-true}|}\n", TestName = "disable from a default")]
    [TestCase("services:\n  api:\n    image: a:1\n    healthcheck:\n      test: [\"CMD\", \"true\"]\n      disable: {|#0:true|}\n", TestName = "disable wins over a test")]
    [TestCase("x-nocheck: &nocheck\n  healthcheck:\n    disable: {|#0:true|}\nservices:\n  a:\n    <<: *nocheck\n    image: a:1\n  b:\n    <<: *nocheck\n    image: b:1\n", TestName = "merge key: reported once where written")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup, "NO_CHECK=true\n");

    [Test]
    public void Fires_in_the_override_file_that_disables_the_check()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", "services:\n  api:\n    image: a:1\n    healthcheck:\n      test: [\"CMD\", \"/healthz\"]\n"),
            ("compose.override.yaml", "services:\n  api:\n    healthcheck:\n      disable: {|#0:true|}\n"));

    [Test]
    public void Fires_and_says_that_it_overrides_the_Dockerfile_HEALTHCHECK()
    {
        var findings = ComposeLint.Catches(
            Id,
            ("compose.yaml", "services:\n  api:\n    build: api\n    healthcheck:\n      disable: {|#0:true|}\n"),
            ("api/Dockerfile", "FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nFROM base\n"));
        Assert.That(findings.Single().GetMessage(), Does.Contain("overrides the HEALTHCHECK of its Dockerfile"));
    }

    [TestCase("services:\n  api:\n    image: a:1\n    healthcheck:\n      test: [\"CMD\", \"/healthz\"]\n", TestName = "a test")]
    [TestCase("services:\n  api:\n    image: a:1\n    healthcheck:\n      test: [\"CMD-SHELL\", \"curl -f http://localhost/ || exit 1\"]\n      disable: false\n", TestName = "disable: false")]
    [TestCase("services:\n  api:\n    image: a:1\n", TestName = "no healthcheck (the image's applies)")]
    [TestCase("services:\n  api:\n    image: a:1\n    healthcheck:\n      interval: 10s\n", TestName = "only timings")]
    [TestCase("services:\n  api:\n    image: a:1\n    healthcheck:\n      disable: ${NO_CHECK}\n", TestName = "unknown disable")]
    [TestCase("services:\n  api:\n    image: a:1\n    healthcheck:\n      test: [\"CMD\", \"NONE\"]\n", TestName = "NONE as an argument")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);

    [Test]
    public void Stays_quiet_when_the_override_turns_the_check_back_on()
        => ComposeLint.CatchesNot(
            Id,
            ("compose.yaml", "services:\n  api:\n    image: a:1\n    healthcheck:\n      disable: true\n"),
            ("compose.override.yaml", "services:\n  api:\n    healthcheck:\n      disable: false\n      test: [\"CMD\", \"/healthz\"]\n"));
}
