namespace DockerLint.Rules.Tests.Compose.BestPractice;

public sealed class DC3007LogRotationMissingTests
{
    private const string Id = "DC3007";

    [TestCase("logging:\n      driver: {|#0:json-file|}", TestName = "json-file")]
    [TestCase("logging:\n      driver: {|#0:\"json-file\"|}\n      options:\n        max-file: \"3\"", TestName = "max-file without max-size")]
    [TestCase("logging:\n      options:\n        {|#0:max-file|}: \"3\"", TestName = "no driver, json-file options")]
    [TestCase("logging:\n      driver: {|#0:\"${LOG_DRIVER:-json-file}\"|}", TestName = "default")]
    public void Fires(string lines) => Lint.ComposeCatches(Id, $"services:\n  a:\n    image: a:1\n    {lines}\n");

    [Test]
    public void Fires_once_on_an_anchor()
        => Assert.That(
            Lint.ComposeCatches(Id, "x-log: &log\n  driver: {|#0:json-file|}\nservices:\n  a:\n    image: a:1\n    logging: *log\n  b:\n    image: b:1\n    logging: *log\n").Single().GetMessage(),
            Does.Contain("services 'a' and 'b'"));

    [TestCase("logging:\n      driver: json-file\n      options:\n        max-size: 10m", TestName = "rotated")]
    [TestCase("logging:\n      driver: local", TestName = "local rotates by default")]
    [TestCase("logging:\n      driver: syslog", TestName = "syslog")]
    [TestCase("logging:\n      driver: ${LOG_DRIVER}", TestName = "unknown")]
    [TestCase("image: b:1", TestName = "no logging")]
    public void Stays_quiet(string lines) => Lint.ComposeCatchesNot(Id, $"services:\n  a:\n    image: a:1\n    {lines}\n");
}
