namespace DockerLint.Rules.Tests.Dockerfile.Correctness;

public sealed class DF2031CopyIgnoredFileTests
{
    private const string Id = "DF2031";

    [TestCase("FROM x\nCOPY {|#0:README.md|} /app/\n", "*.md\n", TestName = "file matched by a wildcard")]
    [TestCase("FROM x\nCOPY {|#0:node_modules/lib/a.js|} /app/\n", "node_modules\n", TestName = "below an excluded folder")]
    [TestCase("FROM x\nCOPY {|#0:src/test/x.py|} /app/\n", "**/test\n", TestName = "double star")]
    [TestCase("FROM x\nCOPY {|#0:./secrets/key|} /app/\n", "/secrets\n", TestName = "leading ./ and / anchors")]
    [TestCase("FROM x\nADD {|#0:config.json|} /app/\n", "# comment\n\nconfig.json\n", TestName = "ADD, comments and blank lines")]
    [TestCase("FROM x\nARG F=.env\nCOPY {|#0:$F|} /app/\n", ".env\n", TestName = "known variable")]
    [TestCase("FROM x\nCOPY {|#0:README.md|} /app/\n", "*\n!src\n!package.json\n", TestName = "allow-list without it")]
    [TestCase("FROM x\nCOPY {|#0:docs/a.md|} /app/\n", "docs\n!docs/keep\ndocs/keep\n", TestName = "excluded again after the exception")]
    [TestCase("FROM x\nONBUILD COPY {|#0:a.log|} /app/\n", "*.log\n", TestName = "ONBUILD trigger")]
    public void Fires(string markup, string dockerIgnore) => Lint.CatchesInContext(Id, markup, dockerIgnore);

    [Test]
    public void Fires_and_names_the_pattern_and_its_line()
    {
        var message = Lint.CatchesInContext(Id, "FROM x\nCOPY README.md /app/\n", "# docs\n*.md\n").Single().GetMessage();
        Assert.That(message, Does.Contain("'*.md' (.dockerignore line 2)"));
    }

    [TestCase("FROM x\nCOPY docs/README.md /app/\n", "*.md\n", TestName = "single star does not cross folders")]
    [TestCase("FROM x\nCOPY package.json /app/\n", "*\n!package.json\n", TestName = "allow-list exception")]
    [TestCase("FROM x\nCOPY . /app/\n", "*\n!src\n", TestName = "the whole context")]
    [TestCase("FROM x\nCOPY node_modules /app/\n", "node_modules\n!node_modules/keep\n", TestName = "an exception may put back something below")]
    [TestCase("FROM x\nCOPY *.json /app/\n", "*\n!package.json\n", TestName = "wildcard source with exceptions")]
    [TestCase("FROM x AS build\nFROM y\nCOPY --from=build /app/README.md /app/\n", "*.md\n", TestName = "COPY --from a stage")]
    [TestCase("FROM x\nADD https://example.com/a.md /app/\n", "*.md\n", TestName = "URL")]
    [TestCase("FROM x\nCOPY <<EOF /app/a.md\nhello\nEOF\n", "*.md\n", TestName = "heredoc")]
    [TestCase("FROM x\nARG F\nCOPY $F /app/\n", "*\n", TestName = "unknown source")]
    [TestCase("FROM x\nCOPY README.md /app/\n", "README.md.bak\n", TestName = "similar name")]
    public void Stays_quiet(string text, string dockerIgnore) => Lint.CatchesNotInContext(Id, text, dockerIgnore);

    [Test]
    public void Stays_quiet_without_a_dockerignore_or_a_context()
    {
        Lint.CatchesNotInContext(Id, "FROM x\nCOPY README.md /app/\n", dockerIgnore: null);
        Lint.CatchesNot(Id, "FROM x\nCOPY README.md /app/\n");
    }
}
