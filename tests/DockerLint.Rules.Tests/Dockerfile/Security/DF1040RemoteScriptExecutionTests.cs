namespace DockerLint.Rules.Tests.Dockerfile.Security;

public sealed class DF1040RemoteScriptExecutionTests
{
    private const string Id = "DF1040";

    [TestCase("FROM debian:12\nRUN {|#0:curl -fsSL https://get.example.com | sh|}\n", TestName = "curl into sh")]
    [TestCase("FROM debian:12\nRUN apt-get update && {|#0:wget -qO- https://x.io/i.sh | bash|}\n", TestName = "wget into bash after other commands")]
    [TestCase("FROM debian:12\nRUN {|#0:curl -sSL https://x.io/i.sh | sudo -E bash -|}\n", TestName = "through sudo, script from standard input")]
    [TestCase("FROM debian:12\nRUN {|#0:curl -sSL https://x.io/i.sh | bash -s -- --version 2|}\n", TestName = "bash -s with arguments")]
    [TestCase("FROM debian:12\nRUN {|#0:wget -qO- https://x.io/i.sh.gz | gunzip | sh|}\n", TestName = "through gunzip")]
    [TestCase("FROM debian:12\nRUN {|#0:curl -L https://x.io/get.py | python3 -|}\n", TestName = "into python")]
    [TestCase("FROM debian:12\nRUN {|#0:bash <(curl -s https://x.io/i.sh)|}\n", TestName = "process substitution")]
    [TestCase("FROM debian:12\nRUN {|#0:sh -c \"$(curl -fsSL https://x.io/i.sh)\"|}\n", TestName = "sh -c of a command substitution")]
    [TestCase("FROM debian:12\nRUN {|#0:eval \"$(curl -s https://x.io/env)\"|}\n", TestName = "eval")]
    [TestCase("FROM debian:12\nRUN set -eux; \\\n    {|#0:curl -fsSL https://x.io/i.sh \\\n      | sh|}\n", TestName = "over a continuation")]
    [TestCase("FROM debian:12\nRUN <<EOF\nset -e\n{|#0:curl -fsSL https://x.io/i.sh | sh|}\nEOF\n", TestName = "in a heredoc script")]
    [TestCase("FROM debian:12\nONBUILD RUN {|#0:curl -fsSL https://x.io/i.sh | sh|}\n", TestName = "ONBUILD RUN")]
    [TestCase("FROM debian:12\nRUN [\"sh\", \"-c\", \"{|#0:curl -fsSL https://x.io/i.sh | sh|}\"]\n", TestName = "exec form sh -c")]
    [TestCase("FROM debian:12 AS build\nRUN {|#0:curl https://x.io/i | sh|}\nFROM debian:12\nCOPY --from=build /x /x\n", TestName = "in a build stage")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM debian:12\nRUN curl -fsSL https://x.io/a.tgz | tar xz -C /opt\n", TestName = "download into tar")]
    [TestCase("FROM debian:12\nRUN curl -fsSLo /tmp/i.sh https://x.io/i.sh && echo 'abc  /tmp/i.sh' | sha256sum -c && sh /tmp/i.sh\n", TestName = "download, verify, then run")]
    [TestCase("FROM debian:12\nRUN curl -s https://x.io/key | gpg --dearmor -o /usr/share/keyrings/x.gpg\n", TestName = "into gpg")]
    [TestCase("FROM debian:12\nRUN curl -s https://x.io/data.json | python3 -c 'import json,sys; print(json.load(sys.stdin))'\n", TestName = "interpreter with its own program reads data")]
    [TestCase("FROM debian:12\nRUN curl -s https://x.io/data | bash -c 'read x; echo $x'\n", TestName = "bash -c reads data")]
    [TestCase("FROM debian:12\nRUN VERSION=\"$(curl -s https://x.io/latest)\" && echo $VERSION\n", TestName = "substitution kept as data")]
    [TestCase("FROM debian:12\nRUN sh ./install.sh\n", TestName = "a local script")]
    [TestCase("FROM debian:12\nRUN echo 'curl x | sh' > /usr/local/bin/note\n", TestName = "text in a quoted argument")]
    [TestCase("# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nSHELL [\"powershell\", \"-Command\"]\nRUN iwr https://x.io/i.ps1 | iex\n", TestName = "PowerShell SHELL is not read")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
