namespace DockerLint.Rules.Tests.Dockerfile.BestPractice;

public sealed class DF3090CdInsteadOfWorkdirTests
{
    private const string Id = "DF3090";

    [TestCase("FROM node:22\nRUN {|#0:cd /app|} && npm ci\n", TestName = "starts with cd")]
    [TestCase("FROM node:22\nRUN {|#0:cd /app|}\n", TestName = "cd alone")]
    [TestCase("FROM node:22\nRUN {|#0:cd /app|}; make\n", TestName = "cd then ;")]
    [TestCase("FROM node:22\nRUN {|#0:cd /src|} \\\n && make \\\n && make install\n", TestName = "over continuations")]
    [TestCase("FROM node:22\nONBUILD RUN {|#0:cd /app|} && npm ci\n", TestName = "ONBUILD RUN")]
    [TestCase("FROM node:22\nRUN <<EOF\n{|#0:cd /app|}\nnpm ci\nEOF\n", TestName = "heredoc script")]
    public void Fires(string markup) => Lint.Catches(Id, markup);

    [TestCase("FROM node:22\nWORKDIR /app\nRUN npm ci\n", TestName = "WORKDIR")]
    [TestCase("FROM debian:12\nRUN curl -fsSLo /tmp/s.tgz https://x.io/s.tgz && tar xzf /tmp/s.tgz -C /tmp && cd /tmp/s && make install\n", TestName = "cd later in the script")]
    [TestCase("FROM debian:12\nRUN (cd /opt && make)\n", TestName = "in a subshell")]
    [TestCase("FROM debian:12\nRUN cd \"$SRC\" && make\n", TestName = "to a variable")]
    [TestCase("FROM debian:12\nRUN cd build && make\n", TestName = "relative directory")]
    [TestCase("FROM debian:12\nRUN set -e; make\n", TestName = "no cd")]
    public void Stays_quiet(string text) => Lint.CatchesNot(Id, text);
}
