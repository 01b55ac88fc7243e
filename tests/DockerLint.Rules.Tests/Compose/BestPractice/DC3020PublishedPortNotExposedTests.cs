namespace DockerLint.Rules.Tests.Compose.BestPractice;

public sealed class DC3020PublishedPortNotExposedTests
{
    private const string Id = "DC3020";

    private const string Dockerfile = "FROM alpine:3.20 AS base\nEXPOSE 8080\nFROM base\nEXPOSE 9000-9002 53/udp\n";

    [TestCase("      - {|#0:\"8000:8000\"|}\n", TestName = "short syntax")]
    [TestCase("      - {|#0:\"127.0.0.1:5353:53\"|}\n", TestName = "tcp where udp is exposed")]
    [TestCase("      - {|#0:\"9001-9003:9001-9003\"|}\n", TestName = "a range partly exposed")]
    [TestCase("      - {|#0:target: 7000\n        published: \"7000\"|}\n", TestName = "long syntax")]
    public void Fires(string ports)
        => ComposeLint.Catches(Id, ("compose.yaml", "services:\n  api:\n    build: api\n    ports:\n" + ports), ("api/Dockerfile", Dockerfile));

    [TestCase("      - \"80:8080\"\n      - \"9000-9002:9000-9002\"\n      - \"53:53/udp\"\n      - \"${PORT}:${CONTAINER_PORT}\"\n", TestName = "exposed, by the stage or its base")]
    public void Stays_quiet(string ports)
        => ComposeLint.CatchesNot(Id, ("compose.yaml", "services:\n  api:\n    build: api\n    ports:\n" + ports), ("api/Dockerfile", Dockerfile));

    [TestCase("FROM nginx:1.27\n", TestName = "no EXPOSE at all (the base image may)")]
    [TestCase("ARG PORT\nFROM alpine:3.20\nEXPOSE $PORT\n", TestName = "an EXPOSE with an unknown port")]
    public void Stays_quiet_when_the_Dockerfile_says_nothing_certain(string dockerfile)
        => ComposeLint.CatchesNot(Id, ("compose.yaml", "services:\n  api:\n    build: api\n    ports:\n      - \"8000:8000\"\n"), ("api/Dockerfile", dockerfile));
}
