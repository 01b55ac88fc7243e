namespace DockerLint.Rules.Tests.Compose.Security;

public sealed class DC1018DuplicatePublishedPortTests
{
    private const string Id = "DC1018";

    private static string Two(string a, string b) => $"services:\n  a:\n    image: a:1\n    ports:\n      - {a}\n  b:\n    image: b:1\n    ports:\n      - {b}\n";

    [TestCase("\"8080:80\"", "{|#0:\"8080:3000\"|}", TestName = "same port")]
    [TestCase("\"8000-8010:8000-8010\"", "{|#0:\"8005:80\"|}", TestName = "inside a range")]
    [TestCase("\"8080:80\"", "{|#0:\"127.0.0.1:8080:80\"|}", TestName = "all interfaces and an address")]
    [TestCase("\"0.0.0.0:8080:80\"", "{|#0:\"[::1]:8080:80\"|}", TestName = "0.0.0.0 and IPv6 loopback")]
    [TestCase("\"127.0.0.1:8080:80\"", "{|#0:{target: 81, published: 8080, host_ip: 127.0.0.1}|}", TestName = "same address, long syntax")]
    [TestCase("\"53:53/udp\"", "{|#0:\"53:5353/udp\"|}", TestName = "udp")]
    [TestCase("\"${PORT:-8080}:80\"", "{|#0:\"8080:80\"|}", TestName = "default")]
    public void Fires(string a, string b) => Lint.ComposeCatches(Id, Two(a, b));

    [Test]
    public void Fires_within_one_service()
        => Lint.ComposeCatches(Id, "services:\n  a:\n    image: a:1\n    ports:\n      - \"8080:80\"\n      - {|#0:\"8080:81\"|}\n");

    [Test]
    public void Fires_naming_the_first_entry()
        => Assert.That(Lint.ComposeCatches(Id, Two("\"8080:80\"", "\"8080:3000\"")).Single().GetMessage(), Does.Contain("'8080:3000' publishes host port 8080, which '8080:80' of service 'a' already publishes (service 'b')"));

    [TestCase("\"8080:80\"", "\"8080:80/udp\"", TestName = "other protocol")]
    [TestCase("\"127.0.0.1:8080:80\"", "\"10.0.0.5:8080:80\"", TestName = "other address")]
    [TestCase("\"8080:80\"", "\"8081:80\"", TestName = "other port")]
    [TestCase("\"80\"", "\"80\"", TestName = "random host ports")]
    [TestCase("\"${A}:80\"", "\"${B}:80\"", TestName = "unknown")]
    [TestCase("\"8000-8010:80\"", "\"8011:80\"", TestName = "after the range")]
    public void Stays_quiet(string a, string b) => Lint.ComposeCatchesNot(Id, Two(a, b));

    [Test]
    public void Stays_quiet_for_alternative_profiles()
        => Lint.ComposeCatchesNot(Id, "services:\n  a:\n    image: a:1\n    profiles: [dev]\n    ports: [\"8080:80\"]\n  b:\n    image: b:1\n    profiles: [prod]\n    ports: [\"8080:80\"]\n");

    [Test]
    public void Stays_quiet_for_variants_extending_one_base()
        => Lint.ComposeCatchesNot(Id, "services:\n  base:\n    image: a:1\n    profiles: [none]\n    ports: [\"8080:80\"]\n  local:\n    extends: base\n    profiles: [local]\n  image:\n    extends: base\n    profiles: [image]\n");
}
