namespace DockerLint.Rules.Tests.Compose.Correctness;

public sealed class DC2005InvalidContainerNameTests
{
    private const string Id = "DC2005";

    [TestCase("services:\n  a:\n    image: a:1\n    container_name: {|#0:my app|}\n", TestName = "space")]
    [TestCase("services:\n  a:\n    image: a:1\n    container_name: {|#0:_app|}\n", TestName = "leading underscore")]
    [TestCase("services:\n  a:\n    image: a:1\n    container_name: {|#0:x|}\n", TestName = "one character")]
    [TestCase("services:\n  a:\n    image: a:1\n    container_name: {|#0:\"${NAME}\"|}\n", TestName = "from .env")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup, "NAME=app/db\n");

    [TestCase("services:\n  a:\n    image: a:1\n    container_name: my-app_1.web\n", TestName = "letters digits _ . -")]
    [TestCase("services:\n  a:\n    image: a:1\n    container_name: ${UNKNOWN_NAME}\n", TestName = "unknown")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
