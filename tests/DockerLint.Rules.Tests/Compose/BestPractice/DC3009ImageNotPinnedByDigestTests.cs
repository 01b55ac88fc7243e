namespace DockerLint.Rules.Tests.Compose.BestPractice;

public sealed class DC3009ImageNotPinnedByDigestTests
{
    private const string Id = "DC3009";
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [TestCase("image: {|#0:postgres:17.2|}", TestName = "tag")]
    [TestCase("image: {|#0:postgres|}", TestName = "no tag")]
    [TestCase("image: {|#0:${REGISTRY}/postgres:17|}", TestName = "unknown registry")]
    public void Fires(string line) => Lint.ComposeCatches(Id, $"services:\n  a:\n    {line}\n");

    [TestCase("image: postgres@" + Digest, TestName = "digest")]
    [TestCase("image: postgres:17@" + Digest, TestName = "tag and digest")]
    [TestCase("image: postgres:${TAG}", TestName = "unknown end")]
    [TestCase("image: ${REGISTRY}/postgres@" + Digest, TestName = "unknown registry with digest")]
    [TestCase("build: .\n    image: example/app:1.0", TestName = "built")]
    public void Stays_quiet(string line) => Lint.ComposeCatchesNot(Id, $"services:\n  a:\n    {line}\n");
}
