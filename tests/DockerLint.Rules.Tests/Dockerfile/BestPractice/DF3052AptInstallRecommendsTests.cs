namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3052AptInstallRecommendsTests
{
    private const string Id = "DF3052";

    [TestCase("FROM debian:12\nRUN apt-get update && {|#0:apt-get install|} -y curl\n", TestName = "apt-get install")]
    [TestCase("FROM debian:12\nRUN {|#0:apt install|} -y curl\n", TestName = "apt install")]
    [TestCase("FROM debian:12 AS base\nRUN {|#0:apt-get install|} -y curl\nFROM base\nCMD [\"curl\"]\n", TestName = "a stage the final image is built on")]
    [TestCase("FROM debian:12\nONBUILD RUN {|#0:apt-get install|} -y curl\n", TestName = "ONBUILD RUN")]
    [TestCase("FROM debian:12\nRUN sh -c \"{|#0:apt-get install|} -y curl\"\n", TestName = "nested sh -c")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n", TestName = "--no-install-recommends")]
    [TestCase("FROM debian:12\nRUN apt-get install -y -o APT::Install-Recommends=false curl\n", TestName = "-o Install-Recommends")]
    [TestCase("FROM debian:12\nRUN echo 'APT::Install-Recommends \"0\";' > /etc/apt/apt.conf.d/01norecommends\nRUN apt-get install -y curl\n", TestName = "configured earlier")]
    [TestCase("FROM debian:12 AS build\nRUN apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /out /out\n", TestName = "a builder stage")]
    [TestCase("FROM debian:12\nRUN apt-get install -y -f\n", TestName = "no package named")]
    [TestCase("FROM debian:12\nRUN apt-get update && apt-get upgrade -y\n", TestName = "not an install")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
