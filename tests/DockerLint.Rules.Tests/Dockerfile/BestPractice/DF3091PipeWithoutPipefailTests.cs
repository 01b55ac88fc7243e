namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3091PipeWithoutPipefailTests
{
    private const string Id = "DF3091";

    [TestCase("FROM debian:12\nRUN {|#0:curl -fsSL https://x.io/t.tgz | tar xz|}\n", TestName = "download into tar")]
    [TestCase("FROM debian:12\nRUN apt-get update && {|#0:wget -qO- https://x.io/k | gpg --dearmor -o /k.gpg|}\n", TestName = "after other commands")]
    [TestCase("FROM debian:12\nRUN {|#0:grep -v x /etc/f | sort | uniq|} > /tmp/u\n", TestName = "three commands")]
    [TestCase("FROM debian:12\nSHELL [\"/bin/bash\", \"-c\"]\nRUN {|#0:curl x | tar xz|}\n", TestName = "bash without pipefail")]
    [TestCase("FROM debian:12\nONBUILD RUN {|#0:curl x | tar xz|}\n", TestName = "ONBUILD RUN")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM debian:12\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nRUN curl x | tar xz\n", TestName = "SHELL with pipefail")]
    [TestCase("FROM debian:12 AS base\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\nFROM base\nRUN curl x | tar xz\n", TestName = "SHELL inherited from the base stage")]
    [TestCase("FROM debian:12\nRUN set -o pipefail && curl x | tar xz\n", TestName = "set -o pipefail")]
    [TestCase("FROM debian:12\nRUN set -euxo pipefail; curl x | tar xz\n", TestName = "set -euxo pipefail")]
    [TestCase("FROM debian:12\nRUN echo 'deb http://x stable main' | tee /etc/apt/sources.list.d/x.list\n", TestName = "echo cannot fail")]
    [TestCase("FROM debian:12\nRUN if curl -s x | grep -q ok; then echo up; fi\n", TestName = "in a condition")]
    [TestCase("FROM debian:12\nRUN curl -o /tmp/x https://x.io/x\n", TestName = "no pipe")]
    [TestCase("FROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN Get-Content x | Out-File y\n", TestName = "PowerShell")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
