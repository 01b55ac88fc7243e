namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1020VolumeSharedBetweenServicesTests
{
    private const string Id = "DC1020";

    private static string Two(string a, string b) => $"services:\n  a:\n    image: a:1\n    volumes:\n      - {a}\n  b:\n    image: b:1\n    volumes:\n      - {b}\nvolumes:\n  data: {{}}\n";

    [TestCase("data:/data", "{|#0:data:/srv|}", TestName = "named volume")]
    [TestCase("data:/data:ro", "{|#0:data:/srv|}", TestName = "one side writable")]
    [TestCase("./uploads:/data", "{|#0:./uploads/:/srv:ro|}", TestName = "host path, normalised")]
    [TestCase("data:/data", "{|#0:{type: volume, source: data, target: /srv}|}", TestName = "long syntax")]
    public void Fires(string a, string b) => Lint.ComposeCatches(Id, Two(a, b));

    [Test]
    public void Fires_naming_the_first_service()
        => Assert.That(Lint.ComposeCatches(Id, Two("data:/data", "data:/srv")).Single().GetMessage(), Does.Contain("'data' is also mounted by service 'a' (service 'b')"));

    [TestCase("data:/data:ro", "data:/srv:ro", TestName = "read-only on both sides")]
    [TestCase("data:/data", "other:/srv", TestName = "different volumes")]
    [TestCase("/data", "/data", TestName = "anonymous volumes")]
    [TestCase("${DIR}:/data", "${DIR}:/data", TestName = "unknown")]
    public void Stays_quiet(string a, string b) => Lint.ComposeCatchesNot(Id, Two(a, b));

    [Test]
    public void Stays_quiet_on_an_anchor_shared_by_services()
        => Lint.ComposeCatchesNot(Id, "x-v: &v\n  - data:/data\nservices:\n  a:\n    image: a:1\n    volumes: *v\n  b:\n    image: b:1\n    volumes: *v\nvolumes:\n  data: {}\n");
}
