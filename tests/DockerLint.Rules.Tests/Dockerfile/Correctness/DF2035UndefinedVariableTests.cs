namespace DockerLint.Rules.Tests.Dockerfile.Correctness;

public sealed class DF2035UndefinedVariableTests
{
    private const string Id = "DF2035";

    [TestCase("ARG VERSION=1\nFROM x\nCOPY app-{|#0:${VERSION}|}.jar /app.jar\n", TestName = "global ARG not declared in the stage")]
    [TestCase("FROM x\nCOPY bin/{|#0:$TARGETARCH|}/app /app\n", TestName = "platform argument not declared in the stage")]
    [TestCase("FROM x\nWORKDIR /opt/{|#0:$APP|}\nARG APP=web\n", TestName = "declared only later")]
    [TestCase("FROM x AS a\nARG NAME=1\nFROM y\nLABEL name={|#0:$NAME|}\n", TestName = "ARG of another stage")]
    [TestCase("FROM scratch\nCOPY {|#0:$SRC|} /\n", TestName = "scratch has no environment")]
    [TestCase("ARG USERNAME=app\nFROM x\nUSER {|#0:$USERNAME|}\n", TestName = "USER")]
    [TestCase("ARG PORT=8080\nFROM x\nEXPOSE {|#0:$PORT|}\n", TestName = "EXPOSE")]
    [TestCase("ARG V=1\nFROM x\nENV APP_VERSION={|#0:$V|}\n", TestName = "ENV value")]
    [TestCase("ARG CACHE=npm\nFROM x\nRUN --mount=type=cache,id={|#0:$CACHE|},target=/root/.npm npm ci\n", TestName = "RUN --mount")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("ARG VERSION=1\nFROM x\nARG VERSION\nCOPY app-${VERSION}.jar /app.jar\n", TestName = "declared again in the stage")]
    [TestCase("FROM x\nARG TARGETARCH\nCOPY bin/$TARGETARCH/app /app\n", TestName = "platform argument declared")]
    [TestCase("FROM x AS a\nENV HOME_DIR=/opt\nFROM a\nWORKDIR $HOME_DIR\n", TestName = "ENV of the parent stage")]
    [TestCase("FROM x AS a\nARG NAME=1\nFROM a\nLABEL name=$NAME\n", TestName = "ARG of the parent stage is inherited (BuildKit)")]
    [TestCase("FROM x\nENV PATH=/opt/bin:$PATH\nENV PATH=/usr/x:$PATH\n", TestName = "a later ENV of the same name is no mistake")]
    [TestCase("FROM x\nWORKDIR $JAVA_HOME/lib\n", TestName = "may come from the base image")]
    [TestCase("ARG V=1\nFROM x\nRUN echo $V\n", TestName = "RUN is expanded by the shell")]
    [TestCase("ARG V=1\nFROM x\nCMD echo $V\n", TestName = "CMD is expanded by the shell")]
    [TestCase("ARG V=1\nFROM x\nCOPY app-${V:-1}.jar /app.jar\n", TestName = "fallback")]
    [TestCase("ARG V=1\nFROM x\nONBUILD COPY app-$V.jar /app.jar\n", TestName = "ONBUILD trigger runs elsewhere")]
    [TestCase("ARG IMAGE=alpine\nFROM $IMAGE\n", TestName = "FROM reads global ARGs")]
    [TestCase("FROM x\nCOPY app-\\$V.jar /app.jar\n", TestName = "escaped dollar")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);

    [Test]
    public void Fires_on_a_typo_and_suggests_the_name()
    {
        var message = Lint.Catches(Id, "FROM x\nARG VERSION=1\nCOPY app-{|#0:${VERSOIN}|}.jar /app.jar\n").Single().GetMessage();
        Assert.That(message, Does.Contain("did you mean 'VERSION', which is in scope?"));
        Lint.Catches(Id, "FROM x\nENV APP_HOME=/opt\nWORKDIR {|#0:$app_home|}\n");
    }

    [TestCase("FROM x\nARG VERSION=1\nWORKDIR /opt/$VERSIONS_DIR\n", TestName = "far from any declared name")]
    [TestCase("FROM x\nARG GOPATH=/go\nENV PATH=$PATH:/go/bin\n", TestName = "short names are not typos")]
    [TestCase("FROM x\nWORKDIR $JAVA_HOME\n", TestName = "nothing declared near it")]
    [TestCase("FROM x\nARG file=a\nCOPY $file3 /x\n", TestName = "a name that only adds a digit")]
    public void Stays_quiet_for_names_that_are_not_typos(string text) => Lint.CatchesNot(Id, text);

    [Test]
    public void Fires_and_says_how_to_declare_it()
        => Assert.That(Lint.Catches(Id, "ARG V=1\nFROM x\nLABEL v=$V\n").Single().GetMessage(), Does.Contain("add ARG V to this stage"));
}
