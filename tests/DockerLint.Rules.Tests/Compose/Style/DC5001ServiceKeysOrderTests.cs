namespace DockerLint.Rules.Tests.Compose.Style;

public sealed class DC5001ServiceKeysOrderTests
{
    private const string Id = "DC5001";

    [TestCase("services:\n  web:\n    ports: [\"80:80\"]\n    {|#0:image|}: nginx:1.27\n", TestName = "image after ports")]
    [TestCase("services:\n  web:\n    image: nginx:1.27\n    user: \"1000\"\n    {|#1:restart|}: always\n    {|#0:environment|}:\n      A: b\n", TestName = "two keys after user")]
    [TestCase("services:\n  web:\n    build: .\n    {|#0:image|}: web:1\n", TestName = "build before image, same group")]
    [TestCase("services:\n  web:\n    read_only: true\n    {|#0:image|}: nginx:1.27\n", TestName = "other keys come last")]
    public void Fires(string markup) => Lint.ComposeCatches(Id, markup);

    [TestCase("services:\n  web:\n    image: nginx:1.27\n    depends_on: [db]\n    volumes: [\"x:/x\"]\n    environment: {A: b}\n    ports: [\"80:80\"]\n    command: [\"x\"]\n    labels: {a: b}\n    user: \"1000\"\n    read_only: true\n    cap_drop: [ALL]\n", TestName = "conventional order")]
    [TestCase("x-defaults: &defaults\n  restart: always\nservices:\n  web:\n    <<: *defaults\n    image: nginx:1.27\n", TestName = "keys from a merge key")]
    public void Stays_quiet(string yaml) => Lint.ComposeCatchesNot(Id, yaml);
}
