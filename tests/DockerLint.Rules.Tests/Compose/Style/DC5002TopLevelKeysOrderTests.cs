namespace DockerLint.Rules.Tests.Compose.Style;

public sealed class DC5002TopLevelKeysOrderTests
{
    private const string Id = "DC5002";

    [TestCase("services:\n  web:\n    image: a:1\n{|#0:name|}: shop\n", TestName = "name after services")]
    [TestCase("services:\n  web:\n    image: a:1\n{|#0:x-common|}: &c\n  restart: always\n", TestName = "extension after services")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup);

    [TestCase("x-a: 1\nname: shop\ninclude: [other.yaml]\nservices:\n  web:\n    image: a:1\nnetworks: {}\nvolumes: {}\nsecrets: {}\nconfigs: {}\n", TestName = "conventional order")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
