namespace DockerLint.Rules.Tests.Compose.Correctness;

public sealed class DC2011DockerfileMissingTests
{
    private const string Id = "DC2011";

    [Test]
    public void Fires_on_a_dockerfile_path_relative_to_the_compose_file_instead_of_the_context()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", "services:\n  api:\n    build:\n      context: api\n      dockerfile: {|#0:api/Dockerfile.prod|}\n"),
            ("api/Dockerfile.prod", "FROM alpine:3.20\n"));

    [Test]
    public void Fires_on_the_build_key_when_the_context_has_no_Dockerfile()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", "services:\n  api:\n    {|#0:build|}: ./api\n"),
            ("api/main.go", "package main\n"));

    [Test]
    public void Fires_on_an_interpolated_name()
        => ComposeLint.Catches(
            Id,
            ("compose.yaml", "services:\n  api:\n    build:\n      context: .\n      dockerfile: {|#0:Dockerfile.${ENV}|}\n"),
            (".env", "ENV=prod\n"),
            ("Dockerfile.dev", "FROM alpine:3.20\n"));

    [TestCase("api/Dockerfile", TestName = "Dockerfile")]
    [TestCase("api/dockerfile", TestName = "lower-case dockerfile")]
    public void Stays_quiet(string file)
        => ComposeLint.CatchesNot(Id, ("compose.yaml", "services:\n  api:\n    build: ./api\n"), (file, "FROM alpine:3.20\n"));

    [Test]
    public void Stays_quiet_on_an_absolute_or_unknown_name()
        => ComposeLint.CatchesNot(
            Id,
            ("compose.yaml", "services:\n  a:\n    build:\n      context: api\n      dockerfile: ${DOCKERFILE}\n  b:\n    build:\n      context: missing\n"),
            ("api/x", "x"));
}
